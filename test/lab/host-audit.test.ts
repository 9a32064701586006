// The lab audit: a real sshd on 127.0.0.1 with throwaway keys, real nginx, PostgreSQL and Redis on loopback, and
// a full read-only host audit through SSH — health_check, findings with command evidence, every report format,
// nothing changed on disk, and the unprivileged / --sudo paths.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { auditAll } from '../../src/audit.js';
import { collectHost } from '../../src/collectors/host/collect.js';
import { parseHostSpec } from '../../src/collectors/host/target.js';
import type { Report } from '../../src/core/types/check.js';
import type { CommandProof } from '../../src/core/types/proof.js';
import { FORMATS, render } from '../../src/report/index.js';
import { RULES } from '../../src/rules/index.js';
import { writeLabData, type LabData } from './fixtures.js';
import { LAB_USER, labDir, missingParts, startServices, startSshd, stopAll, userExists, type Services, type SshdLab } from './lab.js';
import { snapshot } from './snapshot.js';

const missing = missingParts();
const skip = missing.length > 0 ? `lab parts not installed: ${missing.join(', ')} (see .ci/run)` : false;

describe('host audit through a real sshd', { skip, timeout: 240_000 }, () => {
  let root = '';
  let sshd: SshdLab;
  let services: Services;
  let data: LabData;
  let report: Report;

  const hostOptions = () => ({
    ssh: { identity: [sshd.userKey], knownHosts: [sshd.knownHosts], sshConfigPath: '/nonexistent', agent: null },
    backupDirs: [data.backupDir],
    certDir: data.certDir,
    appLogDirs: [data.appLogDir],
    deployDirs: [data.deployDir],
    // CI machines are small and run test files in parallel: a generous limit keeps a slow command from flaking.
    commandTimeoutMs: 120_000,
  });
  const spec = () => parseHostSpec(`root@127.0.0.1:${sshd.port}`);
  /** The audited directories: system configs the probes read, and the lab's data. */
  const audited = () => ['/etc/ssh', '/etc/cron.d', '/etc/crontab', '/etc/logrotate.d', '/etc/logrotate.conf', '/etc/os-release', data.backupDir, data.certDir, data.appLogDir, data.deployDir];

  before(async () => {
    root = labDir();
    sshd = await startSshd(root);
    services = await startServices(root);
    data = writeLabData(root, services);
  });

  after(async () => {
    await stopAll([sshd?.process, ...(services?.processes ?? [])].filter(Boolean) as never, [root, services?.pgDir].filter(Boolean) as string[]);
  });

  it('audits the host read-only: nothing in the audited directories changes', async () => {
    const beforeSnap = snapshot(audited());
    assert.ok(beforeSnap.length > 10, 'the snapshot covers real files');
    report = await auditAll({ hosts: [spec()], host: hostOptions() });
    const afterSnap = snapshot(audited());
    assert.deepEqual(afterSnap, beforeSnap);
  });

  it('fills the health_check block like seed 000', () => {
    const hc = report.health_check as Record<string, unknown>;
    assert.deepEqual(Object.keys(hc), ['services', 'resources', 'ssl', 'last_backup', 'last_deploy']);
    const svc = hc.services as Record<string, string>;
    assert.equal(svc.nginx, 'running');
    assert.equal(svc.postgresql, 'running');
    assert.equal(svc.redis, 'running');
    const res = hc.resources as Record<string, string>;
    assert.match(res.disk_usage, /^\d+%$/);
    assert.match(res.memory_usage, /^\d+%$/);
    assert.match(res.cpu_load, /^\d+(\.\d+)?$/);
    const in10 = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const in9 = new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10);
    const ssl = hc.ssl as { valid: boolean; expires: string };
    assert.equal(ssl.valid, true);
    assert.ok([in9, in10].includes(ssl.expires), `certificate expiry ${ssl.expires}`);
    const today = new Date().toISOString().slice(0, 10);
    assert.equal(hc.last_backup, today);
    assert.equal(hc.last_deploy, today);
    assert.equal(report.server, `root@127.0.0.1:${sshd.port}`);
  });

  it('reports findings with command evidence from the host', () => {
    const byRule = new Map(report.findings.map((f) => [f.rule, f]));
    const cert = byRule.get('host/certificate-expiry');
    assert.ok(cert, `no certificate finding: ${report.findings.map((f) => f.rule).join(', ')}`);
    const p = cert.proof[0] as CommandProof;
    assert.equal(p.kind, 'command');
    assert.equal(p.host, `root@127.0.0.1:${sshd.port}`);
    assert.equal(p.command, `openssl x509 -noout -subject -enddate -in ${data.certDir}/lab.example.test/cert.pem`);
    assert.equal(p.exit_code, 0);
    assert.ok(p.duration_ms >= 0);
    assert.match(p.output, /subject=CN ?= ?lab\.example\.test\nnotAfter=/);
    assert.ok(byRule.has('host/logs-not-rotated'), 'the app log is not rotated');
    for (const f of report.findings) {
      assert.ok(f.proof.length > 0, `${f.rule} has no proof`);
      for (const pr of f.proof) assert.equal(pr.kind, 'command', `${f.rule}: host findings cite commands`);
    }
    // Real loopback listeners are recognised and judged safe.
    const ports = report.checks.filter((c) => c.rule === 'host/database-port-exposed');
    const pg = ports.find((c) => c.target.endsWith(`#port ${services.pgPort}`));
    const redis = ports.find((c) => c.target.endsWith(`#port ${services.redisPort}`));
    assert.equal(pg?.status, 'pass', JSON.stringify(ports));
    assert.equal(redis?.status, 'pass');
    // The real backup passed pg_restore --list and is fresh.
    assert.equal(report.checks.find((c) => c.rule === 'host/backup-integrity')?.status, 'pass');
    assert.equal(report.checks.find((c) => c.rule === 'host/backup-stale')?.status, 'pass');
  });

  it('never reports a check as passed that could not run', () => {
    for (const c of report.checks) if (c.status === 'unknown' || c.status === 'not-applicable') assert.ok(c.reason && c.reason.length > 10, `${c.rule} ${c.status} without a reason`);
  });

  it('renders the host findings and their commands in every format', () => {
    const cert = report.findings.find((f) => f.rule === 'host/certificate-expiry');
    assert.ok(cert);
    for (const format of FORMATS) {
      const text = render(format, report, { color: false, rules: RULES });
      assert.ok(text.includes('host/certificate-expiry'), `${format}: rule missing`);
      assert.ok(text.includes('openssl x509 -noout -subject -enddate'), `${format}: command evidence missing`);
    }
    const json = JSON.parse(render('json', report, { color: false })) as Report;
    assert.ok(json.health_check);
  });

  it('without root and without --sudo, root-only checks are unknown with the reason', { skip: userExists(LAB_USER) ? false : `no ${LAB_USER} user (created by .ci/run)` }, async () => {
    const r = await auditAll({ hosts: [parseHostSpec(`${LAB_USER}@127.0.0.1:${sshd.port}`)], host: hostOptions() });
    const fw = r.checks.find((c) => c.rule === 'host/firewall-inactive');
    assert.equal(fw?.status, 'unknown');
    assert.match(fw?.reason ?? '', /needs root: `ufw status verbose` was not run; run again with --sudo/);
    const backup = r.checks.find((c) => c.rule === 'host/backup-stale');
    assert.equal(backup?.status, 'unknown');
    assert.match(backup?.reason ?? '', /could not be listed: permission denied/i);
  });

  it('with --sudo where sudo asks for a password, the refusal is the reason', { skip: userExists(LAB_USER) ? false : `no ${LAB_USER} user (created by .ci/run)` }, async () => {
    const { facts } = await collectHost(parseHostSpec(`${LAB_USER}@127.0.0.1:${sshd.port}`), { ...hostOptions(), sudo: true });
    assert.equal(facts.sudo, 'refused');
    assert.equal(facts.firewall.ok, false);
    assert.match(facts.firewall.ok ? '' : facts.firewall.reason, /--sudo was given but sudo -n was refused/);
    const sudoCheck = facts.commands.find((c) => c.command === 'sudo -n true');
    assert.ok(sudoCheck && sudoCheck.exit_code !== 0);
  });
});
