// A build that copies its whole context without a .dockerignore keeping .git and .env out of the image.
import ignore from 'ignore';
import { defineRule } from '../../core/define-rule.js';
import type { Facts } from '../../facts/index.js';

function dirOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

function normalise(dir: string): string {
  const parts: string[] = [];
  for (const p of dir.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return parts.join('/');
}

/** Build contexts per Dockerfile: compose `build.context` when a service builds it, else the Dockerfile's directory. */
function contextsOf(facts: Facts, dockerfile: string): string[] {
  const contexts = new Set<string>();
  for (const project of facts.compose) {
    for (const s of project.services) {
      if (!s.build) continue;
      const ctxDir = normalise(`${dirOf(s.file)}/${s.build.context.value}`);
      const file = normalise(`${ctxDir}/${s.build.dockerfile?.value ?? 'Dockerfile'}`);
      if (file === dockerfile) contexts.add(ctxDir);
    }
  }
  if (contexts.size === 0) contexts.add(dirOf(dockerfile));
  return [...contexts];
}

export default defineRule({
  id: 'hygiene/dockerignore-missing',
  title: 'Build context copied without a .dockerignore excluding .git and .env',
  category: 'container',
  severity: 'medium',
  requires: ['dockerfiles', 'hygiene', 'compose'],
  why: '`COPY . .` sends the whole build context into the image: without a .dockerignore, .git history and local .env files with secrets end up in a layer anyone with the image can read.',
  fix: 'Add a .dockerignore next to the build context that excludes at least .git, .env and .env.*, secrets/, and local virtualenvs.',
  references: [
    { title: 'Docker docs: .dockerignore files', url: 'https://docs.docker.com/build/concepts/context/#dockerignore-files' },
    { title: 'OWASP Docker Security Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html' },
  ],
  verify: 'docker build -t probe . && docker run --rm probe sh -c "ls -a /app | grep -E \'^\\.(git|env)$\'"   # expect no output',
  messages: {
    missing: '{dockerfile} copies its whole build context ({context}) and there is no .dockerignore there.',
    incomplete: 'The .dockerignore for {dockerfile} does not exclude {missing}.',
  },
  check(facts, ctx) {
    const { repo, dockerfiles, hygiene } = facts;
    let applicable = false;
    for (const df of dockerfiles) {
      const copyAll = df.stages.flatMap((s) => s.instructions).find((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && !/--from[= ]/.test(i.args) && wholeContext(i.execForm ?? i.expanded.split(/\s+/)));
      if (!copyAll) continue;
      for (const context of contextsOf(facts, df.path)) {
        applicable = true;
        const ignoreFile =
          hygiene.dockerignores.find((d) => d.path === `${df.path}.dockerignore`) ?? hygiene.dockerignores.find((d) => d.dir === context);
        const inContext = (p: string) => context === '' || p.startsWith(`${context}/`);
        const needs: string[] = [];
        if (context === '' && repo.tracked !== null) needs.push('.git');
        if (repo.envFiles.some((e) => inContext(e.path) && e.role !== 'example')) needs.push('.env');
        if (!ignoreFile) {
          // Nothing known to be sensitive in that context (no .git, no env file): stray files, not leaked secrets.
          const severity = needs.length === 0 ? 'low' : undefined;
          ctx.fail('missing', { at: copyAll.loc, target: `${df.path} (context ${context || '.'})`, severity, data: { dockerfile: df.path, context: context || '.' } });
          continue;
        }
        const rules = ignore().add(ignoreFile.patterns.map((p) => p.value));
        const missing = needs.filter((n) => !rules.ignores(n));
        if (missing.length > 0)
          ctx.fail('incomplete', {
            at: { absentIn: ignoreFile.path, note: `no pattern excludes ${missing.join(' or ')} among ${ignoreFile.patterns.length} patterns` },
            also: [copyAll.loc],
            target: ignoreFile.path,
            data: { dockerfile: df.path, missing: missing.join(' and ') },
          });
        else ctx.pass(`${df.path} (context ${context || '.'})`);
      }
    }
    if (!applicable) ctx.notApplicable('no Dockerfile copies its whole build context');
  },
});

/** `COPY . .`, `COPY ./ /app/`, `ADD . /srv` — sources that are the context root. */
function wholeContext(words: string[]): boolean {
  const args = words.filter((w) => !w.startsWith('--'));
  const sources = args.slice(0, -1);
  return sources.some((s) => s === '.' || s === './' || s === '*');
}
