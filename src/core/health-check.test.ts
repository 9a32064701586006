// The health_check block in seed 000's exact shape, computed from host facts (one host, a fleet, a failed host).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectHost, failedHost } from '../collectors/host/collect.js';
import { parseHostSpec } from '../collectors/host/target.js';
import { FakeTransport } from '../collectors/host/testing/fake-transport.js';
import { NOW, healthyHost } from '../collectors/host/testing/healthy-host.js';
import { container, dockerHost } from '../collectors/host/testing/docker.js';
import { DEFAULT_THRESHOLDS } from '../facts/host.js';
import { buildHealthCheck, unauditedHosts } from './health-check.js';

async function host(outputs: Record<string, unknown> = {}, name = 'deploy@web1') {
  const t = new FakeTransport({ ...healthyHost(), ...(outputs as Record<string, string>) }, name);
  return (await collectHost(parseHostSpec(name), { transport: t, now: NOW })).facts;
}

describe('health_check', () => {
  it('is exactly the seed block for one host', async () => {
    assert.deepEqual(buildHealthCheck([await host()]), {
      services: { gunicorn: 'running', nginx: 'running', postgresql: 'running', redis: 'running' },
      resources: { disk_usage: '48%', memory_usage: '53%', cpu_load: '0.42' },
      ssl: { valid: true, expires: '2026-04-15' },
      last_backup: '2026-02-01',
      last_deploy: '2026-01-31',
    });
  });

  it('shows stopped services, containers and an expired certificate', async () => {
    const h = await host({
      'systemctl list-units --type=service --all --plain --no-legend --no-pager': 'erp-gunicorn.service loaded failed failed Gunicorn\nnginx.service loaded active running nginx\n',
      'openssl x509 -noout -subject -enddate -in /etc/letsencrypt/live/erp.example.com/cert.pem': 'subject=CN = erp.example.com\nnotAfter=Jan 20 08:00:00 2026 GMT\n',
      ...dockerHost([container(1, 'web', { health: 'unhealthy', status: 'Up 1 hour (unhealthy)', created: '2026-02-01T09:00:00Z' }), container(2, 'worker', { state: 'exited', status: 'Exited (1) 1 hour ago', health: undefined })]),
    });
    const hc = buildHealthCheck([h]) as Record<string, unknown>;
    assert.deepEqual(hc.services, { gunicorn: 'failed', nginx: 'running', web: 'unhealthy', worker: 'stopped' });
    assert.deepEqual(hc.ssl, { valid: false, expires: '2026-01-20' });
    assert.equal(hc.last_deploy, '2026-02-01', 'the newer container creation wins over the git reflog');
  });

  it('gives one block per host and a fleet summary', async () => {
    const a = await host({}, 'web1');
    const b = await host({ 'df -P -k': 'Filesystem 1024-blocks Used Available Capacity Mounted on\n/dev/sda1 100 93 7 93% /\n' }, 'web2');
    const c = failedHost('web3', 'ssh', 'connection refused by web3:22', DEFAULT_THRESHOLDS, NOW);
    const hc = buildHealthCheck([a, b, c]) as { fleet: Record<string, unknown>; hosts: Record<string, Record<string, unknown>> };
    assert.deepEqual(Object.keys(hc.hosts), ['web1', 'web2', 'web3']);
    assert.deepEqual(hc.fleet, { hosts: 3, audited: 2, unreachable: ['web3'], services_not_running: [], max_disk_usage: '93% (web2)', first_certificate_expiry: '2026-04-15 (web1)' });
    assert.equal(hc.hosts.web3.error, 'connection refused by web3:22');
    assert.deepEqual(unauditedHosts({ health_check: hc, server: 'web1, web2, web3' }), [{ host: 'web3', reason: 'connection refused by web3:22' }]);
  });

  it('is absent without hosts and names a single failed host', () => {
    assert.equal(buildHealthCheck([]), null);
    const hc = buildHealthCheck([failedHost('web1', 'ssh', 'authentication refused', DEFAULT_THRESHOLDS, NOW)]) ?? {};
    assert.deepEqual(unauditedHosts({ health_check: hc, server: 'web1' }), [{ host: 'web1', reason: 'authentication refused' }]);
  });
});
