// Production is deployed by hand: no deploy script, CI deploy job or deploy target (seed 000 §7, seed 001).
import { defineRule } from '../../core/define-rule.js';
import { deployUnits, publishJobs } from './_deploy.js';
import { platformDeployment, productionSignals } from './_production.js';

/** Tools whose presence is itself a scripted deploy. */
const DEPLOY_TOOL = /(Kamal|Capistrano\/Fabric)/;

export default defineRule({
  id: 'deploy/no-deploy-automation',
  title: 'Deployment is not scripted',
  category: 'deployment',
  severity: 'low',
  requires: ['shell', 'ci', 'texts', 'compose', 'nginx', 'systemd'],
  why: 'A deploy done by typing commands on the server differs every time: a forgotten migration, collectstatic or restart, a typo on the production host, and no record of what was run. It also cannot be repeated quickly when a rollback or a rebuild is needed.',
  fix: 'Put the deploy in one reviewed script or pipeline (a deploy.sh run by CI over SSH, a Makefile target, Ansible/Kamal): fetch the new version, back up, migrate, collectstatic, restart, check health — with `set -euo pipefail` so any failure stops it.',
  references: [
    { title: 'Django deployment checklist', url: 'https://docs.djangoproject.com/en/stable/howto/deployment/checklist/' },
    { title: 'The Twelve-Factor App: V. Build, release, run', url: 'https://12factor.net/build-release-run' },
  ],
  verify: 'ls deploy.sh scripts/ .github/workflows/ Makefile   # expect one scripted path from a commit to production',
  messages: {
    manual: 'The repository runs a production deployment ({signal}) but has no deploy script, CI deploy job or Makefile deploy target: deploys are done by hand.',
  },
  check(facts, ctx) {
    const units = deployUnits(facts);
    const target = 'deployment';
    if (units.length > 0) return ctx.pass(target, units.map((u) => u.label).join(', '));
    const platform = platformDeployment(facts);
    if (platform && DEPLOY_TOOL.test(platform.label)) return ctx.pass(target, `${platform.label} at ${platform.path}`);
    if (platform) return ctx.unknown(target, `deployment is handled by ${platform.label} (${platform.path}); how releases are triggered is not visible in the repository`);
    const signals = productionSignals(facts);
    if (signals.length === 0) return ctx.notApplicable('the repository does not describe a self-hosted production deployment');
    // CI builds and pushes the image; how the server picks it up (a pull by hand, Watchtower, a hook) is not visible.
    const published = publishJobs(facts);
    if (published.length > 0) return ctx.unknown(target, `CI publishes images (${published.join(', ')}) but no step ships them to a server; how releases reach production is not visible in the repository`);
    ctx.fail('manual', { at: signals[0].at, target, data: { signal: signals[0].label } });
  },
});
