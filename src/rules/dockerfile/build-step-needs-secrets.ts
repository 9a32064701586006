// Django management commands run at image build time that need the database or production secrets.
import { defineRule } from '../../core/define-rule.js';
import type { DockerInstruction, DockerShellCommand, DockerStage } from '../../facts/dockerfile.js';
import type { Facts } from '../../facts/index.js';
import { auditedDockerfiles, stageTarget } from './_stages.js';

/** Commands that need a live database: there is none at build time, and it must not be the production one. */
const NEEDS_DATABASE = new Set(['migrate', 'loaddata', 'createsuperuser', 'flush', 'createcachetable']);
/** Commands that only need the settings to import (SECRET_KEY and friends), not a database. */
const NEEDS_SETTINGS = new Set(['collectstatic', 'compress']);
/** An inline or exported variable that supplies build-time configuration. */
const CONFIG_VAR = /SECRET|KEY|SETTINGS|DATABASE|^DB_|CONFIGURATION|BUILD|COLLECTSTATIC/i;
/** A settings module meant for builds rather than production. */
const BUILD_SETTINGS = /(^|[._])(build|ci|test|tests|testing|collectstatic|static|docker_build|dummy)($|[._])/i;
const SWALLOWS = new Set(['true', ':', '/bin/true', 'echo', 'printf']);

/** The manage.py / django-admin sub-command a shell command runs, or null. */
function manageCommand(c: DockerShellCommand): { sub: string; settingsFlag: boolean } | null {
  const w = c.words.map((x) => x.value);
  let idx = w.findIndex((x) => /(^|\/)manage\.py$/.test(x) || /(^|\/)django-admin(\.py)?$/.test(x));
  if (idx < 0) {
    const m = w.findIndex((x, k) => x === '-m' && w[k + 1] === 'django');
    if (m >= 0) idx = m + 1;
  }
  if (idx < 0) return null;
  const sub = w.slice(idx + 1).find((x) => !x.startsWith('-'));
  if (!sub) return null;
  return { sub, settingsFlag: w.some((x) => /^--settings(=|$)/.test(x)) };
}

/** Whether the and-or list this command belongs to ends in `|| true`-like swallowing. */
function swallowed(commands: DockerShellCommand[], k: number): boolean {
  for (let j = k + 1; j < commands.length; j++) {
    const c = commands[j];
    if (c.prev === ';' || c.prev === '\n' || c.prev === '&') return false;
    if (c.prev === '||' && SWALLOWS.has(c.words[0]?.value ?? '')) return true;
    if (c.prev === '||' && c.words[0]?.value === 'exit' && c.words[1]?.value === '0') return true;
  }
  return false;
}

/** What supplies the settings a build-time management command needs, or null when nothing visible does. */
function configSource(facts: Facts, stage: DockerStage, instr: DockerInstruction, k: number, settingsFlag: boolean): string | null {
  const c = instr.commands[k];
  const inline = c.assignments.find((a) => CONFIG_VAR.test(a.value.split('=')[0]));
  if (inline) return `an inline ${inline.value.split('=')[0]} placeholder`;
  if (settingsFlag) return 'a --settings module on the command';
  for (const prev of instr.commands.slice(0, k)) {
    const words = prev.words.map((w) => w.value);
    const exported = words[0] === 'export' ? words.slice(1).find((w) => CONFIG_VAR.test(w.split('=')[0]) && w.includes('=')) : undefined;
    const assigned = prev.words.length === 0 ? prev.assignments.find((a) => CONFIG_VAR.test(a.value.split('=')[0])) : undefined;
    if (exported) return `${exported.split('=')[0]} exported earlier in the RUN`;
    if (assigned) return `${assigned.value.split('=')[0]} set earlier in the RUN`;
  }
  if (instr.flags.some((f) => f.name === 'mount' && /type=secret/.test(f.value ?? ''))) return 'a build secret mounted with --mount=type=secret';
  for (const [key, v] of [...Object.entries(stage.env), ...Object.entries(stage.args).map(([k2, a]) => [k2, { value: a.value ?? '' }] as const)]) {
    if (/SECRET/i.test(key) && v.value !== '') return `${key} set by ENV/ARG in the stage`;
    if (key === 'DJANGO_SETTINGS_MODULE' && BUILD_SETTINGS.test(v.value)) return `the build settings module ${v.value}`;
  }
  // The production settings themselves work without secrets (SECRET_KEY has a default when unset).
  const module = stage.env.DJANGO_SETTINGS_MODULE?.value ?? null;
  for (const project of facts.django) {
    if (!project.production || (module !== null && module !== project.production.module)) continue;
    if (module === null && project.production.ambiguous) continue;
    const key = project.settings.SECRET_KEY?.value;
    if (key?.kind === 'literal' && typeof key.value === 'string' && key.value !== '') return `${project.production.module} defines SECRET_KEY`;
    if (key?.kind === 'from-env' && key.whenUnset.ok && typeof key.whenUnset.value === 'string' && key.whenUnset.value !== '')
      return `${project.production.module} gives SECRET_KEY a default when ${key.envVar} is unset`;
  }
  return null;
}

export default defineRule({
  id: 'dockerfile/build-step-needs-secrets',
  title: 'Django management command at build time needs secrets or the database',
  category: 'deployment',
  severity: 'medium',
  requires: ['dockerfiles'],
  why: 'The image build has no production database and should have no production secrets. `migrate` at build time either fails, migrates a throwaway database, or — with production credentials passed as build arguments — changes the production schema from a build machine and leaks the credentials into the image history. `collectstatic` imports the settings: when they need SECRET_KEY or database variables the step fails (or, with `|| true`, silently ships an image without static files).',
  fix: 'Run `migrate` at deploy time (a release step, the entrypoint, or a one-off `docker compose run`). For `collectstatic`, give the build what it needs without real secrets: `RUN SECRET_KEY=build-only python manage.py collectstatic --noinput`, or a build settings module (`--settings=project.settings.build`).',
  references: [
    { title: 'Django docs: deployment checklist', url: 'https://docs.djangoproject.com/en/stable/howto/deployment/checklist/' },
    { title: 'Django docs: collectstatic', url: 'https://docs.djangoproject.com/en/stable/ref/contrib/staticfiles/#collectstatic' },
    { title: 'Docker docs: build secrets (do not pass secrets as build arguments)', url: 'https://docs.docker.com/build/building/secrets/' },
  ],
  verify: 'docker build --no-cache -f {file} . 2>&1 | grep -iE "collectstatic|migrate|ImproperlyConfigured"   # builds without secrets, no errors',
  messages: {
    databaseAtBuild: 'RUN {command} runs "manage.py {sub}" at build time, where there is no production database (and there must not be).',
    settingsAtBuild: 'RUN {command} runs "manage.py {sub}" at build time with neither an inline SECRET_KEY placeholder nor a build settings module: it may need SECRET_KEY or the database at build time{swallowed}.',
  },
  check(facts, ctx) {
    const { audited, skipped } = auditedDockerfiles(facts);
    for (const s of skipped) ctx.notApplicable(s.reason);
    if (audited.length === 0 && skipped.length === 0) ctx.notApplicable('no Dockerfile in the repository');
    for (const df of audited) {
      let found = false;
      for (const stage of df.stages) {
        const target = stageTarget(df, stage);
        for (const instr of stage.instructions) {
          if (instr.keyword !== 'RUN') continue;
          instr.commands.forEach((c, k) => {
            const m = manageCommand(c);
            if (!m) return;
            const at = c.words[0] ?? instr.loc;
            const data = { file: df.path, sub: m.sub, command: instr.args.length > 70 ? `${instr.args.slice(0, 67)}...` : instr.args };
            if (NEEDS_DATABASE.has(m.sub)) {
              found = true;
              ctx.fail('databaseAtBuild', { at, data: { ...data, swallowed: '' }, target, severity: 'high' });
              return;
            }
            if (!NEEDS_SETTINGS.has(m.sub)) return;
            found = true;
            const source = configSource(facts, stage, instr, k, m.settingsFlag);
            if (source) {
              ctx.pass(`${target} manage.py ${m.sub} (${source})`);
              return;
            }
            const hidden = swallowed(instr.commands, k);
            ctx.fail('settingsAtBuild', {
              at,
              data: { ...data, swallowed: hidden ? ', and its failure is hidden by "|| true"' : '' },
              target,
              // A failure the build reports loudly is a nuisance; one hidden by `|| true` ships without static files.
              severity: hidden ? 'medium' : 'low',
            });
          });
        }
      }
      if (!found) ctx.notApplicable(`${df.path} runs no Django management command at build time`);
    }
  },
});
