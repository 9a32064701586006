// No way back to the previous release: no rollback script, versioned images or documented procedure (seed 001).
import { defineRule } from '../../core/define-rule.js';
import type { Facts } from '../../facts/index.js';
import { isDevFile, isDjangoService } from '../django/_stack.js';
import { docLine, sectionsWith } from '../dr/_docs.js';
import { deployUnits, type DeployUnit } from './_deploy.js';
import { platformDeployment } from './_production.js';

const ROLLBACK_NAME = /(rollback|roll-back|roll_back|revert|previous[-_]release|undo[-_]deploy)/i;
/** Commands that go back to an earlier release. */
const ROLLBACK_TEXT =
  /(kubectl\s+rollout\s+undo|helm\s+rollback|docker\s+service\s+(rollback|update\s+[^\n]*--rollback)|heroku\s+(releases:)?rollback|kamal\s+rollback|cap\s+\S*rollback|git\s+(checkout|reset\s+--hard|switch)\s+[^\n]*(\$\{?(PREV|PREVIOUS|LAST|OLD|ROLLBACK)\w*|HEAD~\d|HEAD@\{\d\}|ORIG_HEAD)|ln\s+-[a-z]*s[a-z]*f[a-z]*\s[^\n]*releases\/|docker\s+tag\s[^\n]*:(previous|prev|rollback|last|stable)\b|(PREV|PREVIOUS|ROLLBACK|LAST_GOOD)_(IMAGE|TAG|RELEASE|VERSION|COMMIT|SHA))/i;
/** Variables that version an image tag. */
const VERSION_VAR = /^(TAG|IMAGE_TAG|VERSION|APP_VERSION|RELEASE|GIT_SHA|GIT_COMMIT|COMMIT|SHA|BUILD_ID|DOCKER_TAG|[A-Z_]*_(TAG|VERSION|SHA|RELEASE))$/i;

/** Tag expressions that differ per release: commit SHA, release tag, run number, a version input or variable. */
const VERSIONED_TAG =
  /(github\.sha\b|\bGITHUB_SHA\b|release\.tag_name|github\.event\.inputs\.(version|tag)|\binputs\.(version|tag|release)|\bCI_COMMIT_(SHORT_)?SHA\b|\bCI_COMMIT_TAG\b|\bCI_PIPELINE_IID\b|github\.run_number|\bGITHUB_RUN_NUMBER\b|\b(env|vars|needs\.[\w-]+\.outputs)\.\w*(version|tag|sha|release)\w*|steps\.[\w-]+\.outputs\.(version|sha|short_sha|sha_short|release)\w*|\$\{?[A-Z_]*(VERSION|TAG|SHA|RELEASE)\}?(?![\w]))/i;
/** The pushed ref's name: a version only when the workflow runs for releases or tags (on a branch push it is "main"). */
const REF_NAME_TAG = /(github\.ref_name|\bGITHUB_REF_NAME\b|\bCI_COMMIT_REF_NAME\b)/;
/** Image references of docker build/tag/push command lines (a `${{ expression }}` may hold spaces). */
const IMAGE_REF = /(?:\s(?:-t|--tag)(?:\s+|=)|\bdocker\s+tag\s+(?:\$\{\{[^}]*\}\}|\S)+\s+|\bdocker\s+push\s+)((?:\$\{\{[^}]*\}\}|[^\s])+)/g;
/** docker/metadata-action tag rules that version images. */
const META_VERSIONED = /type=(sha|semver|pep440|match|schedule,pattern=\{\{date)|type=ref,event=tag|type=raw,value=[^\n]*(github\.sha|release\.tag_name|github\.run_number|version)/i;

/**
 * A CI job that pushes images with a per-release tag (docker/build-push-action `tags:` or `docker build -t` / `docker
 * tag` / `docker push` in a run step): older releases stay in the registry and can be deployed again.
 */
function ciVersionedImage(facts: Facts): string | null {
  for (const w of facts.ci) {
    const releases = w.triggers.some((t) => t === 'release' || t === 'create');
    const versioned = (tag: string) => VERSIONED_TAG.exec(tag)?.[0] ?? (releases ? REF_NAME_TAG.exec(tag)?.[0] : undefined) ?? null;
    for (const j of w.jobs) {
      const meta = j.steps.find((s) => s.uses && /^docker\/metadata-action@/.test(s.uses.value));
      // metadata-action without `tags:` tags git tag pushes with the tag (and branches with their name).
      const metaVersioned = meta ? (meta.with?.tags ? META_VERSIONED.test(meta.with.tags.value) : releases) : false;
      for (const s of j.steps) {
        if (s.uses && /^docker\/(build-push|bake)-action@/.test(s.uses.value) && s.with?.push?.value !== 'false') {
          const tags = s.with?.tags?.value ?? '';
          const v = versioned(tags);
          if (v) return `${w.path} job ${j.name.value} pushes images tagged with ${v}`;
          if (metaVersioned && /steps\.[\w-]+\.outputs\.tags/.test(tags)) return `${w.path} job ${j.name.value} pushes images tagged by docker/metadata-action (${meta?.with?.tags?.value.trim().split('\n')[0] ?? 'git tags'})`;
        }
        for (const line of (s.run?.value ?? '').split('\n')) {
          if (!/\bdocker\s+((buildx\s+)?build\b|tag\s|push\s)/.test(line)) continue;
          // Only the image references (`-t`, `docker tag <src> <ref>`, `docker push <ref>`): a --build-arg VERSION is no tag.
          for (const m of line.matchAll(IMAGE_REF)) {
            const v = versioned(m[1]);
            if (v) return `${w.path} job ${j.name.value} pushes images tagged with ${v}`;
          }
        }
      }
    }
  }
  return null;
}

function rollbackPath(facts: Facts, units: DeployUnit[]): string | null {
  for (const s of facts.shell) {
    if (isDevFile(s.path)) continue;
    if (ROLLBACK_NAME.test(s.path.slice(s.path.lastIndexOf('/') + 1))) return `script ${s.path}`;
    const fn = s.functions.find((f) => ROLLBACK_NAME.test(f.value));
    if (fn) return `function ${fn.value} in ${s.path}`;
    const c = s.commands.find((x) => ROLLBACK_TEXT.test(x.text));
    if (c) return `${s.path}:${c.loc.line}`;
  }
  for (const w of facts.ci) {
    if (ROLLBACK_NAME.test(w.path)) return `workflow ${w.path}`;
    for (const j of w.jobs) {
      if (ROLLBACK_NAME.test(j.name.value)) return `CI job ${j.name.value} in ${w.path}`;
      if (j.steps.some((s) => ROLLBACK_TEXT.test(`${s.run?.value ?? ''}\n${Object.values(s.with ?? {}).map((v) => v.value).join('\n')}`))) return `CI job ${j.name.value} in ${w.path}`;
    }
  }
  for (const t of facts.texts) {
    const target = t.targets.find((m) => ROLLBACK_NAME.test(m.name.value));
    if (target) return `make target ${target.name.value} in ${t.path}`;
  }
  for (const p of facts.compose) {
    if (isDevFile(p.file) || p.purpose.kind === 'development' || p.purpose.kind === 'test') continue;
    for (const s of p.services) {
      // Only the application's own image: a versioned postgres/redis tag says nothing about app releases.
      if (!s.image || !(s.build !== null || isDjangoService(s, facts.dockerfiles))) continue;
      const img = s.image;
      // The tag comes from a variable (${TAG}, ${GIT_SHA}...): older images stay in the registry and can be redeployed.
      // ...and the deploy sets that variable, so going back is deploying the previous value.
      const v = p.variables.find((x) => x.loc.file === img.loc.file && x.loc.line === img.loc.line && VERSION_VAR.test(x.name));
      const setByDeploy = (name: string) =>
        units.some((u) => u.steps.some((st) => st.text.includes(name)) || facts.shell.some((sh) => u.scripts.includes(sh.path) && sh.assignments.some((a) => a.name === name)));
      if (v && setByDeploy(v.name)) return `compose service "${s.name.value}" runs a versioned image (tag from \${${v.name}}, set by the deploy)`;
    }
  }
  const ciImage = ciVersionedImage(facts);
  if (ciImage) return ciImage;
  const section = sectionsWith(facts, /roll\s*-?back|revert/i, /./)[0];
  if (section) return `section "${section.heading.title.value}" in ${section.file.path}`;
  const doc = docLine(facts, /\broll(ing)?\s*-?back\b[^\n]*(to|deploy|release|version|previous)|(previous|last)\s+(release|version|image)[^\n]*\b(redeploy|roll)/i);
  if (doc) return `${doc.file.path}:${doc.line.loc.line}`;
  return null;
}

export default defineRule({
  id: 'deploy/no-rollback',
  title: 'No rollback path for deploys',
  category: 'deployment',
  severity: 'medium',
  requires: ['shell', 'ci', 'texts', 'compose'],
  why: 'When a release breaks production, the fastest fix is going back to the previous one. Without a kept previous image/commit and a tested way to switch to it, recovery means debugging live or rebuilding under pressure, and downtime stretches from minutes to hours.',
  fix: 'Tag every image (or release directory) with the commit SHA and keep the previous ones; record the currently deployed version before switching; add a `rollback` command (script, make target or CI workflow) that redeploys the previous tag — and document when to use it and how migrations are handled.',
  references: [
    { title: 'Kubernetes docs: Rolling back a Deployment', url: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#rolling-back-a-deployment' },
    { title: 'Google SRE book: Release Engineering', url: 'https://sre.google/sre-book/release-engineering/' },
    { title: 'Django docs: Migrations — reversing migrations', url: 'https://docs.djangoproject.com/en/stable/topics/migrations/#reversing-migrations' },
  ],
  verify: 'Roll back on staging with the documented command   # expect the previous release running within minutes',
  messages: {
    none: 'Deploys ({unit}) replace the running release with no way back: no rollback script or target, no versioned image tags, and no documented rollback procedure.',
  },
  check(facts, ctx) {
    const units = deployUnits(facts);
    if (units.length === 0) return ctx.notApplicable('no deploy script, CI deploy job or deploy target (see deploy/no-deploy-automation)');
    const target = 'rollback';
    const path = rollbackPath(facts, units);
    if (path) return ctx.pass(target, path);
    const platform = platformDeployment(facts);
    if (platform && /(Procfile|Heroku|Fly|Render|Railway|App Engine|Helm|Kubernetes|Kamal|Elastic Beanstalk|Platform\.sh)/i.test(platform.label)) {
      return ctx.unknown(target, `${platform.label} (${platform.path}) keeps earlier releases; whether rolling back is part of the procedure is not visible`);
    }
    // Point at the deploy script a pipeline runs (where a rollback would be written), then at the pipeline itself.
    const u = units[0];
    const [first, ...rest] = [...(u.scriptAnchors ?? []), u.at, ...units.slice(1).flatMap((x) => [...(x.scriptAnchors ?? []), x.at])];
    ctx.fail('none', { at: first, also: rest, target, data: { unit: units.map((x) => x.label).join(', ') } });
  },
});
