// A CI job that deploys to production without the test suite having passed first.
import { defineRule } from '../../core/define-rule.js';
import type { CiJob, CiWorkflow } from '../../facts/ci.js';
import { isDeployJob, runsTests } from './_deploy.js';

/** The jobs `job` waits for, transitively. */
function upstream(w: CiWorkflow, job: CiJob): CiJob[] {
  const out: CiJob[] = [];
  const todo = [...job.needs];
  const seen = new Set<string>();
  while (todo.length > 0) {
    const name = todo.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const j = w.jobs.find((x) => x.name.value === name);
    if (j) {
      out.push(j);
      todo.push(...j.needs);
    }
  }
  return out;
}

export default defineRule({
  id: 'deploy/ci-deploy-without-tests',
  title: 'CI deploys without running the tests',
  category: 'deployment',
  severity: 'medium',
  requires: ['ci', 'shell'],
  why: 'A pipeline that deploys on every push without waiting for the test suite ships regressions straight to production; a red build is discovered after users hit it.',
  fix: 'Make the deploy job depend on the tests: run them in the same workflow and add `needs: [test]` to the deploy job (GitHub Actions), or trigger the deploy with `on: workflow_run` for the CI workflow and check `github.event.workflow_run.conclusion == \'success\'`; in GitLab keep tests in an earlier stage.',
  references: [
    { title: 'GitHub Docs: Using jobs in a workflow (needs)', url: 'https://docs.github.com/en/actions/using-jobs/using-jobs-in-a-workflow' },
    { title: 'GitHub Docs: Events that trigger workflows — workflow_run', url: 'https://docs.github.com/en/actions/using-workflows/events-that-trigger-workflows#workflow_run' },
    { title: 'GitLab Docs: CI/CD pipelines — stages', url: 'https://docs.gitlab.com/ee/ci/pipelines/' },
  ],
  verify: 'Push a commit with a failing test to a throwaway branch wired like production   # expect the deploy job to be skipped',
  messages: {
    noTests: 'Job "{job}" in {workflow} deploys, and no test suite runs before it (not in the job, in a job it needs, or anywhere in CI).',
    notAwaited: 'Job "{job}" in {workflow} deploys without waiting for the tests: they run in {testWorkflow}, in parallel with the deploy.',
  },
  check({ ci, shell }, ctx) {
    let judged = 0;
    const testWorkflows = ci.filter((w) => w.jobs.some(runsTests));
    for (const w of ci) {
      for (const j of w.jobs) {
        if (!isDeployJob(w, j, shell)) continue;
        judged++;
        const target = `${w.path}#${j.name.value}`;
        if (runsTests(j) || upstream(w, j).some(runsTests)) {
          ctx.pass(target);
          continue;
        }
        // GitLab runs earlier stages first: a test job anywhere in the pipeline gates a deploy job without `needs`.
        if (w.provider === 'gitlab' && j.needs.length === 0 && w.jobs.some(runsTests)) {
          ctx.pass(target, 'tests run in an earlier GitLab stage');
          continue;
        }
        // Tests in the same workflow that the deploy does not `needs`: they run in parallel with it.
        const sibling = w.jobs.find((o) => o !== j && runsTests(o));
        if (sibling && w.provider !== 'gitlab') {
          ctx.fail('notAwaited', { at: j.name, target, data: { job: j.name.value, workflow: w.path, testWorkflow: `job "${sibling.name.value}" of the same workflow` } });
          continue;
        }
        if (sibling) {
          ctx.fail('notAwaited', { at: j.name, target, data: { job: j.name.value, workflow: w.path, testWorkflow: `job "${sibling.name.value}" (the deploy's \`needs\` skip it)` } });
          continue;
        }
        const others = testWorkflows.filter((o) => o !== w);
        if ((w.triggers.includes('workflow_run') || (w.workflowRun ?? []).length > 0) && others.length > 0) {
          ctx.pass(target, `triggered by workflow_run after ${(w.workflowRun ?? []).join(', ') || others[0].path}`);
          continue;
        }
        if (others.some((o) => o.triggers.includes('pull_request') || o.triggers.includes('pull_request_target') || o.triggers.includes('merge_group'))) {
          const o = others.find((x) => x.triggers.some((t) => t.startsWith('pull_request') || t === 'merge_group'))!;
          ctx.unknown(target, `tests run on pull requests in ${o.path}; whether branch protection requires them before code reaches the deployed branch is not visible in the repository`);
          continue;
        }
        if (others.length > 0 && !w.triggers.includes('push')) {
          ctx.unknown(target, `${w.path} deploys on ${w.triggers.join(', ') || 'demand'} (not on push); tests run on earlier commits in ${others[0].path}, and whether the deployed ref passed them is not visible`);
          continue;
        }
        if (others.length > 0) {
          ctx.fail('notAwaited', { at: j.name, target, data: { job: j.name.value, workflow: w.path, testWorkflow: others[0].path } });
          continue;
        }
        ctx.fail('noTests', { at: j.name, target, data: { job: j.name.value, workflow: w.path } });
      }
    }
    if (judged === 0) ctx.notApplicable(ci.length === 0 ? 'no CI workflow in the repository' : 'no CI job deploys the application');
  },
});
