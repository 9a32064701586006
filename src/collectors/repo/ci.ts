// Reads CI workflow files (GitHub Actions, GitLab CI) into jobs and step commands.
import type { CiJob, CiStep, CiWorkflow } from '../../facts/ci.js';
import type { Located } from '../../core/types/located.js';
import { parseYaml, yamlGet, type YamlNode } from '../../parsers/yaml.js';
import type { RepoCollectContext } from './context.js';

function str(node: YamlNode | undefined): Located<string> | null {
  if (!node || node.kind !== 'scalar' || node.value === null) return null;
  return { value: String(node.value), loc: node.loc };
}

/** GitLab `script:` may be a string or a list of strings; joined with newlines, located at the first. */
function scriptOf(node: YamlNode | undefined): Located<string> | null {
  if (!node) return null;
  if (node.kind === 'scalar') return str(node);
  if (node.kind === 'seq') {
    const parts = node.items.map(str).filter((x): x is Located<string> => x !== null);
    return parts.length ? { value: parts.map((p) => p.value).join('\n'), loc: parts[0].loc } : null;
  }
  return null;
}

/** Scalar `with:` inputs of an action step. */
function withInputs(node: YamlNode | undefined): Record<string, Located<string>> {
  const out: Record<string, Located<string>> = {};
  if (node?.kind !== 'map') return out;
  for (const p of node.pairs) {
    const v = str(p.value);
    if (v) out[p.key] = v;
  }
  return out;
}

function githubJobs(root: YamlNode): CiJob[] {
  const jobs = yamlGet(root, 'jobs');
  if (!jobs || jobs.kind !== 'map') return [];
  return jobs.pairs.map((p) => {
    const needsNode = yamlGet(p.value, 'needs');
    const needs = needsNode?.kind === 'seq' ? needsNode.items.map((i) => (i.kind === 'scalar' ? String(i.value) : '')) : needsNode?.kind === 'scalar' ? [String(needsNode.value)] : [];
    const stepsNode = yamlGet(p.value, 'steps');
    const steps: CiStep[] =
      stepsNode?.kind === 'seq'
        ? stepsNode.items.map((s) => ({ name: str(yamlGet(s, 'name'))?.value ?? null, run: str(yamlGet(s, 'run')), uses: str(yamlGet(s, 'uses')), with: withInputs(yamlGet(s, 'with')) }))
        : [];
    return { name: { value: p.key, loc: p.keyLoc }, needs, steps, uses: str(yamlGet(p.value, 'uses')) };
  });
}

const GITLAB_RESERVED = new Set(['stages', 'variables', 'image', 'services', 'before_script', 'after_script', 'cache', 'include', 'default', 'workflow']);

function gitlabJobs(root: YamlNode): CiJob[] {
  if (root.kind !== 'map') return [];
  return root.pairs
    .filter((p) => !GITLAB_RESERVED.has(p.key) && !p.key.startsWith('.') && p.value.kind === 'map')
    .map((p) => {
      const steps: CiStep[] = ['before_script', 'script', 'after_script']
        .map((k) => scriptOf(yamlGet(p.value, k)))
        .filter((r): r is Located<string> => r !== null)
        .map((run) => ({ name: null, run, uses: null }));
      const needsNode = yamlGet(p.value, 'needs');
      const needs = needsNode?.kind === 'seq' ? needsNode.items.map((i) => (i.kind === 'scalar' ? String(i.value) : String(yamlGet(i, 'job') && str(yamlGet(i, 'job'))?.value))) : [];
      return { name: { value: p.key, loc: p.keyLoc }, needs, steps };
    });
}

export function collectCiWorkflows(ctx: RepoCollectContext): CiWorkflow[] {
  const out: CiWorkflow[] = [];
  for (const f of ctx.ofKind('ci-workflow')) {
    if (!/\.ya?ml$/i.test(f.path)) continue;
    const src = ctx.read(f.path, 'ci');
    if (!src) continue;
    const parsed = parseYaml(f.path, src.text);
    if (!parsed.ok) {
      ctx.parseProblem('ci', { path: f.path, line: parsed.error.line, col: parsed.error.col, message: parsed.error.message, as: 'yaml' });
      continue;
    }
    if (!parsed.root) continue;
    const github = f.path.includes('.github/workflows/');
    const on = github ? (yamlGet(parsed.root, 'on') ?? yamlGet(parsed.root, 'true')) : undefined;
    const schedules: Located<string>[] = [];
    const schedule = on ? yamlGet(on, 'schedule') : undefined;
    if (schedule?.kind === 'seq') for (const item of schedule.items) {
      const cron = str(yamlGet(item, 'cron'));
      if (cron) schedules.push(cron);
    }
    const triggers = on?.kind === 'map' ? on.pairs.map((p) => p.key) : on?.kind === 'seq' ? on.items.map((i) => (i.kind === 'scalar' ? String(i.value) : '')) : on?.kind === 'scalar' ? [String(on.value)] : [];
    const runOf = on ? yamlGet(yamlGet(on, 'workflow_run'), 'workflows') : undefined;
    const workflowRun = runOf?.kind === 'seq' ? runOf.items.map((i) => (i.kind === 'scalar' ? String(i.value) : '')) : runOf?.kind === 'scalar' ? [String(runOf.value)] : [];
    out.push({
      path: f.path,
      workflowRun,
      provider: github ? 'github' : f.path.endsWith('.gitlab-ci.yml') ? 'gitlab' : 'other',
      schedules,
      triggers,
      jobs: github ? githubJobs(parsed.root) : gitlabJobs(parsed.root),
    });
  }
  return out;
}
