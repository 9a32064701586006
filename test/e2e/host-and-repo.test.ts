// A repository and a server in one run: both rule families in one report, and the compose service without a
// restart policy merged with its running container (restart policy "no") into one finding with both proofs.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { auditAll } from '../../src/audit.js';
import { parseHostSpec } from '../../src/collectors/host/target.js';
import { FakeTransport } from '../../src/collectors/host/testing/fake-transport.js';
import { NOW, healthyHost } from '../../src/collectors/host/testing/healthy-host.js';
import { container, dockerHost } from '../../src/collectors/host/testing/docker.js';

describe('repository + host in one run', () => {
  const repo = mkdtempSync(join(tmpdir(), 'opsaudit-host-repo-'));
  after(() => rmSync(repo, { recursive: true, force: true }));
  writeFileSync(join(repo, 'docker-compose.yml'), 'services:\n  web:\n    image: ghcr.io/acme/erp-web:1.4.2\n    restart: unless-stopped\n  worker:\n    image: ghcr.io/acme/erp-worker:1.4.2\n');

  it('reports both families and merges the same concern', async () => {
    const transport = new FakeTransport({ ...healthyHost(), ...dockerHost([container(1, 'web'), container(2, 'worker', { restartPolicy: 'no', health: undefined, status: 'Up 2 hours' })]) });
    const report = await auditAll({ repo, hosts: [parseHostSpec('deploy@web1')], host: { transport }, now: NOW });
    assert.equal(report.server, 'deploy@web1');
    assert.match(report.scope, /^repository opsaudit-host-repo-\w+ \+ server deploy@web1$/);
    assert.ok(report.checks.some((c) => c.rule.startsWith('compose/')));
    assert.ok(report.checks.some((c) => c.rule.startsWith('host/')));
    const restart = report.findings.filter((f) => f.rule === 'compose/no-restart-policy' || f.rule === 'host/container-no-restart-policy');
    assert.equal(restart.length, 1, restart.map((f) => f.description).join(' | '));
    const [f] = restart;
    assert.equal(f.rule, 'compose/no-restart-policy');
    assert.deepEqual(
      f.proof.map((p) => p.kind),
      ['file', 'command'],
    );
    const cmd = f.proof[1];
    assert.ok(cmd.kind === 'command' && cmd.command.startsWith('docker inspect') && /erp-worker-1\t.*restart_policy=no/.test(cmd.output));
    assert.ok(report.health_check);
  });
});
