// The CLI for people and pipelines: html and sarif formats, .opsaudit.yml and inline suppressions against --fail-on,
// baselines with --fail-on-new, config warnings, --quiet, and explain's example.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

const MAIN = join(process.cwd(), 'src/cli/main.ts');
const TSX = import.meta.resolve('tsx');

function cli(args: string[], cwd = process.cwd()) {
  const r = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'opsaudit-cli-reports-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** A repository whose only high finding is Redis without a password on the host's network (docker-compose.yml line 3). */
function repo(name: string, files: Record<string, string> = {}): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  const all = { 'docker-compose.yml': 'services:\n  redis:\n    image: redis:7.2-alpine\n    restart: unless-stopped\n    network_mode: host\n', ...files };
  for (const [p, text] of Object.entries(all)) writeFileSync(join(dir, p), text);
  return dir;
}

interface JsonFinding {
  rule: string;
  suppressed?: { kind: string; reason: string; source: string };
  baseline?: string;
}

describe('opsaudit scan --format html | sarif', () => {
  it('writes a self-contained HTML page', () => {
    const out = join(tmp, 'audit.html');
    const r = cli(['scan', repo('html'), '--format', 'html', '--output', out, '--quiet']);
    assert.equal(r.code, 0, r.stderr);
    const html = readFileSync(out, 'utf8');
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /compose\/redis-without-password/);
  });

  it('prints a SARIF log', () => {
    const r = cli(['scan', repo('sarif'), '--format', 'sarif', '--rule-docs-url', 'https://example.org/docs/rules/']);
    assert.equal(r.code, 0, r.stderr);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    const rule = log.runs[0].tool.driver.rules.find((x: { id: string }) => x.id === 'compose/redis-without-password');
    assert.equal(rule.helpUri, 'https://example.org/docs/rules/compose/redis-without-password.md');
    assert.equal(log.runs[0].results[0].locations[0].physicalLocation.region.startLine, 3);
  });

  it('rejects a relative --rule-docs-url', () => {
    const r = cli(['scan', repo('sarif-bad'), '--format', 'sarif', '--rule-docs-url', 'docs/rules']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /must be an absolute http\(s\) URL/);
  });
});

describe('suppressions and --fail-on', () => {
  it('fails on the unsuppressed high finding', () => {
    const r = cli(['scan', repo('plain'), '--fail-on', 'high', '--format', 'json']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /1 finding\(s\) at or above high: OPS-001/);
  });

  it('passes when .opsaudit.yml accepts it, and JSON keeps the finding marked suppressed', () => {
    const dir = repo('config', {
      '.opsaudit.yml': 'version: 1\nignore:\n  - rule: compose/redis-without-password\n    reason: only reachable on the internal network\n    paths: [docker-compose.yml]\n',
    });
    const r = cli(['scan', dir, '--fail-on', 'high', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { findings: JsonFinding[] };
    const redis = report.findings.find((f) => f.rule === 'compose/redis-without-password');
    assert.deepEqual(redis?.suppressed, { kind: 'config', reason: 'only reachable on the internal network', source: '.opsaudit.yml:3' });
  });

  it('passes with an inline comment, and the terminal report names it instead of listing it', () => {
    const dir = repo('inline', {
      'docker-compose.yml': 'services:\n  redis:\n    # opsaudit: ignore[compose/redis-without-password] internal network only\n    image: redis:7.2-alpine\n',
    });
    const r = cli(['scan', dir, '--fail-on', 'high']);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /^HIGH/m);
    assert.match(r.stdout, /note: Accepted, not listed: OPS-\d+ compose\/redis-without-password .* — internal network only \[docker-compose\.yml:3\]/);
  });

  it('an expired entry no longer applies and is reported itself', () => {
    const dir = repo('expired', {
      '.opsaudit.yml': 'ignore:\n  - rule: compose/redis-without-password\n    reason: until the migration\n    expires: 2020-01-31\n',
    });
    const r = cli(['scan', dir, '--fail-on', 'high', '--format', 'json']);
    assert.equal(r.code, 1);
    const report = JSON.parse(r.stdout) as { findings: JsonFinding[] };
    assert.ok(report.findings.some((f) => f.rule === 'config/suppression-expired'));
    assert.equal(report.findings.find((f) => f.rule === 'compose/redis-without-password')?.suppressed, undefined);
  });

  it('warns about an invalid entry with its line (unless --quiet), and does not apply it', () => {
    const dir = repo('invalid', { '.opsaudit.yml': 'ignore:\n  - rule: compose/redis-without-password\n' });
    const r = cli(['scan', dir, '--fail-on', 'high', '--format', 'json']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /opsaudit: warning: \.opsaudit\.yml:2: .*ignore\[0\]: "reason" is required/);
    const quiet = cli(['scan', dir, '--fail-on', 'high', '--format', 'json', '--quiet']);
    assert.equal(quiet.code, 1);
    assert.equal(quiet.stderr, '');
  });
});

describe('--baseline and --fail-on-new', () => {
  it('marks findings, lists fixed ones, and fails only on new findings at or above the level', () => {
    const dir = repo('baseline', { Dockerfile: 'FROM python:3.12-slim\nRUN pip install -r requirements.txt || true\n' });
    const base = join(tmp, 'base.json');
    assert.equal(cli(['scan', dir, '--format', 'json', '--output', base, '--quiet']).code, 0);

    const same = cli(['scan', dir, '--baseline', base, '--fail-on-new', 'high', '--format', 'json']);
    assert.equal(same.code, 0, same.stderr);
    const unchanged = JSON.parse(same.stdout) as { findings: JsonFinding[]; fixed: unknown[]; notes: string[] };
    assert.ok(unchanged.findings.every((f) => f.baseline === 'unchanged'));
    assert.deepEqual(unchanged.fixed, []);
    assert.ok(unchanged.notes.some((n) => /Compared with the baseline of .*: 0 new, \d+ unchanged, 0 fixed\./.test(n)));

    // The pull request: the Dockerfile's `|| true` goes, a second Redis without a password arrives.
    writeFileSync(join(dir, 'Dockerfile'), 'FROM python:3.12-slim\nRUN pip install -r requirements.txt\n');
    writeFileSync(join(dir, 'docker-compose.yml'), 'services:\n  redis:\n    image: redis:7.2-alpine\n    restart: unless-stopped\n    network_mode: host\n  cache:\n    image: redis:7.2-alpine\n    network_mode: host\n');
    const pr = cli(['scan', dir, '--baseline', base, '--fail-on-new', 'high', '--format', 'json']);
    assert.equal(pr.code, 1);
    assert.match(pr.stderr, /1 new finding\(s\) at or above high: OPS-\d+ compose\/redis-without-password/);
    const report = JSON.parse(pr.stdout) as { findings: JsonFinding[]; fixed: { rule: string }[] };
    assert.deepEqual(
      report.findings.filter((f) => f.baseline === 'new' && f.rule === 'compose/redis-without-password').length,
      1,
    );
    assert.ok(report.fixed.some((f) => f.rule === 'dockerfile/failure-ignored'));
    // A medium gate on new findings does not trip on unchanged ones only.
    const lenient = cli(['scan', dir, '--baseline', base, '--fail-on-new', 'critical', '--quiet']);
    assert.equal(lenient.code, 0);
  });

  it('refuses --fail-on-new without a baseline and explains a bad baseline file', () => {
    const dir = repo('nobase');
    const r = cli(['scan', dir, '--fail-on-new', 'high']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--fail-on-new needs --baseline FILE/);
    const sarif = join(tmp, 'x.sarif');
    writeFileSync(sarif, cli(['scan', dir, '--format', 'sarif']).stdout);
    const bad = cli(['scan', dir, '--baseline', sarif]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--baseline .*x\.sarif: this is a SARIF file; pass the JSON report/);
    const missing = cli(['scan', dir, '--baseline', join(tmp, 'nope.json')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot be read \(ENOENT\)/);
  });
});

describe('opsaudit explain', () => {
  it('shows example messages, how to suppress, and the docs page', () => {
    const r = cli(['explain', 'compose/redis-without-password']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Example findings .*:\n  \[noAuth\] Service "\{service\}" runs Redis/);
    assert.match(r.stdout, /# opsaudit: ignore\[compose\/redis-without-password\] <why it is acceptable>/);
    assert.match(r.stdout, /Documentation: docs\/rules\/compose\/redis-without-password\.md/);
    const typo = cli(['explain', 'redis-password']);
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /Did you mean: .*compose\/redis-without-password/);
  });
});
