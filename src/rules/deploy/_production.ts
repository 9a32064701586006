// Whether the repository describes a self-hosted production deployment at all, and how it is hosted.
import type { Evidence } from '../../core/types/rule.js';
import type { Facts } from '../../facts/index.js';
import { effectiveCommand, APP_SERVER, serviceRole } from '../compose/_shared.js';
import { isDevFile } from '../django/_stack.js';

/** Something in the repository that shows a self-hosted production deployment. */
export interface ProductionSignal {
  label: string;
  at: Evidence;
}

const APP_UNIT = /\b(gunicorn|uwsgi|daphne|uvicorn|hypercorn|granian|celery|manage\.py)\b/;

/**
 * What shows a self-hosted production deployment: a production compose project running an app server or a
 * proxy, an nginx config, a systemd unit running the app, a gunicorn config. Empty for libraries, templates and
 * development-only repositories.
 */
export function productionSignals(facts: Facts): ProductionSignal[] {
  const out: ProductionSignal[] = [];
  for (const p of facts.compose) {
    if (p.purpose.kind !== 'production' && p.purpose.kind !== 'unknown') continue;
    if (isDevFile(p.file)) continue;
    // The application server first (that is what is deployed), else a public reverse proxy.
    const app = p.services.find((s) => {
      const cmd = effectiveCommand(s, facts) ?? '';
      if (/runserver/.test(cmd)) return false;
      // A start script (`command: /start`) that runs gunicorn counts too.
      return APP_SERVER.test(cmd) || serviceRole(s, facts).role === 'web';
    });
    const proxy = app ? undefined : p.services.find((s) => serviceRole(s, facts).role === 'proxy' && s.ports.some((x) => /^(80|443)$/.test(x.published ?? '')));
    if (app) out.push({ label: `compose service "${app.name.value}" (${app.file}) runs an application server`, at: app.name });
    else if (proxy) out.push({ label: `compose service "${proxy.name.value}" (${proxy.file}) is a public reverse proxy`, at: proxy.name });
  }
  for (const n of facts.nginx) if (!isDevFile(n.path) && n.directives[0]) out.push({ label: `nginx config ${n.path}`, at: n.directives[0].loc });
  for (const u of facts.systemd) {
    if (u.type !== 'service') continue;
    const start = u.settings.find((s) => s.section === 'Service' && s.key === 'ExecStart');
    if (start && APP_UNIT.test(start.value.value)) out.push({ label: `systemd unit ${u.path}`, at: start.value });
  }
  const gunicorn = facts.repo.files.find((f) => f.kinds.includes('gunicorn-config') && !isDevFile(f.path));
  if (gunicorn) out.push({ label: `gunicorn config ${gunicorn.path}`, at: { absentIn: gunicorn.path, note: 'gunicorn configuration' } });
  return out;
}

/** Files that hand deployment to a platform or an orchestrator, with what they are. */
export function platformDeployment(facts: Facts): { label: string; path: string } | null {
  if (!platformMemo.has(facts)) platformMemo.set(facts, findPlatformDeployment(facts));
  return platformMemo.get(facts)!;
}

/** Several rules ask, and the answer walks every file of the repository. */
const platformMemo = new WeakMap<Facts, { label: string; path: string } | null>();

function findPlatformDeployment(facts: Facts): { label: string; path: string } | null {
  const checks: [RegExp, string][] = [
    [/(^|\/)procfile$/i, 'a Procfile (Heroku-style platform)'],
    [/(^|\/)fly\.toml$/i, 'fly.toml (Fly.io)'],
    [/(^|\/)render\.ya?ml$/i, 'render.yaml (Render)'],
    [/(^|\/)heroku\.yml$/i, 'heroku.yml (Heroku)'],
    [/(^|\/)app\.json$/i, 'app.json (Heroku)'],
    [/(^|\/)railway\.(json|toml)$/i, 'Railway config'],
    [/(^|\/)app\.ya?ml$/i, 'app.yaml (Google App Engine)'],
    [/(^|\/)\.platform\.app\.yaml$/i, 'Platform.sh config'],
    [/(^|\/)\.ebextensions\//i, 'Elastic Beanstalk config'],
    [/(^|\/)(zappa_settings\.json|serverless\.ya?ml)$/i, 'a serverless deployment config'],
    [/(^|\/)chart\.yaml$/i, 'a Helm chart'],
    [/(^|\/)(k8s|kubernetes|kube|manifests|helm|charts|kustomize)\/.*\.ya?ml$/i, 'Kubernetes manifests'],
    [/(^|\/)kustomization\.ya?ml$/i, 'Kustomize config'],
    [/(^|\/)(ansible|playbooks)\/.*\.ya?ml$|(^|\/)(playbook|site)[\w.-]*\.ya?ml$|(^|\/)roles\/[^/]+\/tasks\/main\.ya?ml$/i, 'Ansible playbooks'],
    [/\.tf$/i, 'Terraform configuration'],
    [/(^|\/)config\/deploy\.yml$/i, 'Kamal (config/deploy.yml)'],
    [/(^|\/)(capfile|fabfile\.py)$/i, 'a Capistrano/Fabric deploy file'],
    [/(^|\/)(captain-definition|dokku\.json|CHECKS)$/i, 'a PaaS definition (CapRover/Dokku)'],
  ];
  for (const f of facts.repo.files) {
    if (isDevFile(f.path) || /(^|\/)(tests?|examples?|docs?)\//i.test(f.path)) continue;
    for (const [re, label] of checks) if (re.test(f.path)) return { label, path: f.path };
  }
  return null;
}
