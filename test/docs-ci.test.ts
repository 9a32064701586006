// docs/ci.md stays runnable: its workflow is valid YAML, every opsaudit command in it uses options the CLI has, and its
// pre-commit snippet names a hook that .pre-commit-hooks.yaml defines.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';

const doc = readFileSync('docs/ci.md', 'utf8');
const yamlBlocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);

describe('docs/ci.md', () => {
  const workflow = parse(yamlBlocks.find((b) => b.startsWith('# .github/workflows/')) ?? '') as {
    on: Record<string, unknown>;
    permissions: Record<string, string>;
    jobs: Record<string, { steps: { run?: string; uses?: string; with?: Record<string, string> }[] }>;
  };
  const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
  const commands = steps
    .flatMap((s) => (s.run ?? '').split('\n'))
    .map((l) => l.trim())
    .filter((l) => l.startsWith('opsaudit '));

  it('has a workflow that uploads SARIF and gates pull requests on new findings', () => {
    assert.ok('pull_request' in workflow.on);
    assert.equal(workflow.permissions['security-events'], 'write');
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.equal(upload?.with?.sarif_file, 'opsaudit.sarif');
    assert.ok(commands.some((c) => /--format sarif --output opsaudit\.sarif/.test(c)));
    assert.ok(commands.some((c) => /--baseline \S+ --fail-on-new high/.test(c)));
  });

  it('uses only options `opsaudit scan` has', () => {
    const help = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), join(process.cwd(), 'src/cli/main.ts'), 'scan', '--help'], { encoding: 'utf8' }).stdout;
    const known = new Set([...help.matchAll(/(?:^|\s)(--[a-z][a-z-]+)/g)].map((m) => m[1]));
    for (const c of commands) {
      assert.match(c, /^opsaudit scan /);
      for (const flag of c.match(/--[a-z][a-z-]+/g) ?? []) assert.ok(known.has(flag), `${c}: unknown option ${flag}`);
    }
  });

  it('shows a pre-commit config for the hook this repository defines', () => {
    const config = parse(yamlBlocks.find((b) => b.startsWith('repos:')) ?? '') as { repos: { hooks: { id: string }[] }[] };
    const hooks = parse(readFileSync('.pre-commit-hooks.yaml', 'utf8')) as { id: string }[];
    assert.deepEqual(
      config.repos[0].hooks.map((h) => h.id),
      [hooks[0].id],
    );
  });
});
