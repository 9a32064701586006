// `scan --verify-backups`: the backups a repository points at, and the newest backup of a host audited over a real
// sshd (copied here, never restored there), restored into throwaway PostgreSQL clusters and judged in the report.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { auditAll } from '../../../src/audit.js';
import { parseHostSpec } from '../../../src/collectors/host/target.js';
import type { Report } from '../../../src/core/types/check.js';
import type { CommandProof } from '../../../src/core/types/proof.js';
import { renderJson } from '../../../src/report/json.js';
import { checkReport, contractChecker } from '../../e2e/contract.js';
import { labDir, missingParts, startSshd, stopAll, type SshdLab } from '../lab.js';
import { snapshot } from '../snapshot.js';
import { labDumps, labInstall, labTemp, leftovers, type LabDumps } from './lab.js';

const install = labInstall();

function checksOf(report: Report, rule: string) {
  return report.checks.filter((c) => c.rule === rule);
}

function copiesLeft(): string[] {
  return readdirSync(tmpdir()).filter((n) => n.startsWith('opsaudit-backup-copies-'));
}

describe('scan --verify-backups', { skip: install ? false : 'PostgreSQL is not installed', timeout: 300_000 }, () => {
  let lab: LabDumps;
  let tmp: string;
  before(async () => {
    lab = (await labDumps())!;
    tmp = labTemp('opsaudit-test-scanverify-');
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('restores the backups a repository points at, and reports them with true proof', async () => {
    const repo = join(tmp, 'repo');
    const offsite = join(tmp, 'var-backups');
    mkdirSync(join(repo, 'backups'), { recursive: true });
    mkdirSync(join(repo, 'scripts'), { recursive: true });
    mkdirSync(offsite, { recursive: true });
    copyFileSync(lab.plain, join(repo, 'backups', 'shop.sql'));
    // The script's folder holds only a corrupt dump: its finding must come with the gunzip evidence.
    copyFileSync(lab.corruptGzip, join(offsite, 'shop_2026-11-22.sql.gz'));
    writeFileSync(
      join(repo, 'docker-compose.yml'),
      'services:\n  db:\n    image: postgres:16\n  db-backup:\n    image: postgres:16\n    command: sh -c "pg_dump -h db app > /backups/shop.sql"\n    volumes:\n      - ./backups:/backups\n',
    );
    writeFileSync(
      join(repo, 'scripts', 'backup.sh'),
      `#!/bin/bash\nset -euo pipefail\nBACKUP_DIR=${offsite}\nFILE="$BACKUP_DIR/shop_$(date +%F).sql.gz"\npg_dump -h localhost app | gzip > "$FILE"\n`,
    );
    const before = leftovers(tmp);
    const report = await auditAll({ repo, verifyBackups: { tempRoot: tmp } });

    const restored = new Map(checksOf(report, 'backup-verify/restore').map((c) => [c.target, c.status]));
    assert.equal(restored.get('backups/shop.sql'), 'pass');
    assert.equal(restored.get(join(offsite, 'shop_2026-11-22.sql.gz')), 'fail');
    assert.equal(restored.size, 2);
    const integrity = report.findings.find((f) => f.rule === 'backup-verify/integrity');
    assert.ok(integrity, 'the corrupt gzip is a finding');
    assert.ok(integrity.proof.some((p) => p.kind === 'command' && /gunzip/.test(p.command)));
    assert.ok(report.backups?.some((b) => b.path === 'backups/shop.sql' && b.result === 'restored' && (b.tables ?? 0) > 0));
    assert.ok(report.notes.some((n) => /^backups: verified because docker-compose\.yml:\d+ mounts it/.test(n)), report.notes.join('\n'));
    assert.deepEqual(leftovers(tmp), before, 'no throwaway cluster is left behind');
    const json = join(tmp, 'repo-report.json');
    writeFileSync(json, renderJson(report));
    if (contractChecker()) {
      const r = checkReport(json, repo);
      assert.equal(r.code, 0, r.output);
    }
  });

  it('says unknown, with the reason, when it finds nothing to restore', async () => {
    const repo = join(tmp, 'empty-repo');
    mkdirSync(repo, { recursive: true });
    writeFileSync(join(repo, 'manage.py'), 'import django\n');
    const report = await auditAll({ repo, verifyBackups: { tempRoot: tmp } });
    const [restore] = checksOf(report, 'backup-verify/restore');
    assert.equal(restore.status, 'unknown');
    assert.match(restore.reason ?? '', /--verify-backups found no backup to restore/);
  });

  describe('on a host audited over SSH', { skip: missingParts().length > 0 ? `lab parts missing: ${missingParts().join(', ')}` : false }, () => {
    let root = '';
    let sshd: SshdLab;
    before(async () => {
      root = labDir();
      sshd = await startSshd(root);
    });
    after(() => stopAll([sshd.process], [root]));

    it('copies the newest backup here, restores it here, and leaves the server as it was', async () => {
      const dir = join(root, 'server-backups');
      mkdirSync(dir, { recursive: true });
      copyFileSync(lab.plainGz, join(dir, 'shop-new.sql.gz'));
      copyFileSync(lab.plain, join(dir, 'shop-old.sql'));
      const old = new Date(Date.now() - 86_400_000);
      utimesSync(join(dir, 'shop-old.sql'), old, old);
      const taken = snapshot([dir]);
      const copies = copiesLeft();
      const report = await auditAll({
        hosts: [parseHostSpec(`root@127.0.0.1:${sshd.port}`)],
        host: { ssh: { identity: [sshd.userKey], knownHosts: [sshd.knownHosts], sshConfigPath: '/nonexistent', agent: null }, backupDirs: [dir], commandTimeoutMs: 120_000 },
        verifyBackups: { tempRoot: tmp },
      });
      const label = `root@127.0.0.1:${sshd.port}:${join(dir, 'shop-new.sql.gz')}`;
      const [restore] = checksOf(report, 'backup-verify/restore');
      assert.equal(restore.target, label);
      assert.equal(restore.status, 'pass', restore.reason);
      assert.ok(report.backups?.some((b) => b.path === label && b.result === 'restored'));
      assert.ok(
        report.notes.some((n) => n.startsWith(`${label}: copied to this machine with \`cat -- ${join(dir, 'shop-new.sql.gz')}\``)),
        report.notes.join('\n'),
      );
      // Proof never quotes a fetched copy's lines by number: the file is not where its path says.
      for (const f of report.findings) for (const p of f.proof) if (p.kind === 'file' && p.path.startsWith('root@')) assert.equal(p.line, undefined);
      assert.deepEqual(snapshot([dir]), taken, 'the server backup folder is unchanged');
      assert.deepEqual(copiesLeft(), copies, 'the local copies are removed');
      const cmds = report.findings.flatMap((f) => f.proof).filter((p): p is CommandProof => p.kind === 'command');
      assert.ok(cmds.every((c) => !/pg_restore|psql/.test(c.command) || c.host !== `root@127.0.0.1:${sshd.port}`), 'nothing is restored on the server');
    });
  });

  it('the CLI takes --verify-backups and refuses its options without it', () => {
    const MAIN = join(process.cwd(), 'src/cli/main.ts');
    const TSX = import.meta.resolve('tsx');
    const r = spawnSync(process.execPath, ['--import', TSX, MAIN, 'scan', 'examples/onespirit', '--backup-engine', 'embedded'], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--backup-engine only applies with --verify-backups/);
  });
});
