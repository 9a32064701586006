// Nothing checks that the application answers after a deploy restarted it (seed 001: "health checks post-deployment").
import { defineRule } from '../../core/define-rule.js';
import type { DeployStep, DeployUnit } from './_deploy.js';
import { afterLastStart, deployUnits, projectNames } from './_deploy.js';

/** A request to the app, a wait for container health, a rollout status... */
const HEALTH =
  /(\b(curl|wget|http|https|httpie)\b[^\n]*(https?:\/\/|localhost|127\.0\.0\.1|\$\{?[A-Za-z_]*(URL|HOST|DOMAIN|url|host|domain))|docker\s+inspect[^\n]*[Hh]ealth|\bup\b[^\n]*\s--wait\b|health[-_ ]?check|healthz?\b|smoke[-_ ]?test|wait[-_]for[-_]it|wait[-_]for[-_](app|web|service|health|ready)|systemctl\s+is-active|kubectl\s+rollout\s+status|helm\s[^\n]*\s--wait\b|\/ping\b|\bnc\s+-z|url-health-check)/i;
/** Requests that notify, download or install rather than probe the app. */
const NOT_A_PROBE = /(hooks\.slack\.com|discord(app)?\.com\/api\/webhooks|api\.telegram\.org|\|\s*(ba)?sh\b|-o\s+\S+\.(tar|gz|zip|deb)|install\.sh|get\.docker\.com)/i;

function isProbe(s: DeployStep): boolean {
  return (HEALTH.test(s.text) && !NOT_A_PROBE.test(s.text)) || (s.name !== undefined && /(health|smoke|verify|check).*(deploy|site|app|prod)|(deploy|site|app|prod).*(health|smoke|verif|check)|health/i.test(s.name));
}

/** CI jobs that run after a deploy job (`needs: deploy`) and probe the site. */
function laterCiProbe(unit: DeployUnit, facts: Parameters<typeof deployUnits>[0]): string | null {
  if (unit.kind !== 'ci') return null;
  const w = facts.ci.find((x) => x.path === unit.file);
  const job = unit.label.slice(unit.label.lastIndexOf(' job ') + 5);
  for (const j of w?.jobs ?? []) {
    if (!j.needs.includes(job)) continue;
    if (j.steps.some((s) => isProbe({ text: `${s.run?.value ?? ''}\n${s.uses?.value ?? ''}`, shown: '', at: j.name, name: s.name ?? undefined }))) return j.name.value;
  }
  return null;
}

export default defineRule({
  id: 'deploy/no-post-deploy-check',
  title: 'No health check after deploying',
  category: 'deployment',
  severity: 'medium',
  requires: ['shell', 'ci', 'texts', 'django'],
  why: 'A deploy that ends with "restart" reports success even when the new release crashes on start (a missing setting, a failed import, a migration error): the site is down until a user complains, and nothing triggers a rollback.',
  fix: 'End the deploy by probing the app and failing loudly: `docker compose up -d --wait` (waits for healthchecks), or `curl -fsS --retry 10 --retry-delay 3 https://<domain>/health/` after the restart — and roll back or alert when it fails.',
  references: [
    { title: 'Docker docs: docker compose up --wait', url: 'https://docs.docker.com/reference/cli/docker/compose/up/' },
    { title: 'Google SRE book: Release Engineering', url: 'https://sre.google/sre-book/release-engineering/' },
  ],
  verify: 'Deploy a release that fails at import time (on staging)   # expect the deploy to fail instead of reporting success',
  messages: {
    noCheck: '{unit} restarts the application ({start}) and then ends without checking that it answers.',
  },
  check(facts, ctx) {
    const units = deployUnits(facts);
    if (units.length === 0) return ctx.notApplicable('no deploy script, CI deploy job or deploy target (see deploy/no-deploy-automation)');
    let judged = 0;
    const names = projectNames(facts);
    for (const u of units) {
      const { start, after } = afterLastStart(u, names);
      if (!start) continue;
      judged++;
      if (/\s--wait\b/.test(start.text) || after.some(isProbe)) {
        ctx.pass(u.label);
        continue;
      }
      const later = laterCiProbe(u, facts);
      if (later) {
        ctx.pass(u.label, `CI job ${later} checks the deployment`);
        continue;
      }
      ctx.fail('noCheck', { at: start.at, also: [u.at], target: u.label, data: { unit: u.label, start: start.shown.slice(0, 100) } });
    }
    if (judged === 0) ctx.notApplicable('no deploy flow restarts the application itself');
  },
});
