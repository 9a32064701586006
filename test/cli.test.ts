// The CLI as a user meets it: help on every command, exit codes, formats, --output, --fail-on.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, after } from 'node:test';

const MAIN = 'src/cli/main.ts';
/** Absolute loader URL, so the CLI also runs from a temporary working directory. */
const TSX = import.meta.resolve('tsx');

function cli(args: string[], cwd = process.cwd()) {
  const r = spawnSync(process.execPath, ['--import', TSX, join(process.cwd(), MAIN), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('opsaudit CLI', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'opsaudit-cli-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  for (const command of ['scan', 'rules', 'explain']) {
    it(`${command} --help shows options and an example`, () => {
      const r = cli([command, '--help']);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /Usage: opsaudit/);
      assert.match(r.stdout, /Example/);
    });
  }

  it('scan with no path audits the current directory', () => {
    const dir = join(tmp, 'cwd');
    mkdirSync(dir);
    writeFileSync(join(dir, 'Dockerfile'), 'FROM python:3.12\nCMD ["python"]\n');
    const r = cli(['scan', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.auditor, 'opsaudit');
    assert.match(report.scope, /cwd/);
  });

  it('writes to --output and exits 1 with --fail-on when a finding is at or above it', () => {
    const out = join(tmp, 'report.json');
    const r = cli(['scan', 'examples/onespirit', '--format', 'json', '--output', out, '--fail-on', 'info', '--quiet']);
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    assert.ok(report.findings.length > 0);
  });

  it('exits 2 with a helpful message on usage errors', () => {
    const missing = cli(['scan', join(tmp, 'nope')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such directory/);
    const badFormat = cli(['scan', '.', '--format', 'xml']);
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.stderr, /Allowed choices are terminal, json, markdown/);
    const badRule = cli(['explain', 'nope/nothing']);
    assert.equal(badRule.code, 2);
    assert.match(badRule.stderr, /no such rule/);
  });

  it('lists rules and explains one', () => {
    const list = cli(['rules']);
    assert.equal(list.code, 0);
    assert.match(list.stdout, /parse-error/);
    const explain = cli(['explain', 'parse-error']);
    assert.equal(explain.code, 0);
    assert.match(explain.stdout, /Why:/);
  });
});
