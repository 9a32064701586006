// apt-get/apk installs that pull recommended packages or leave package indexes in the image layer.
import { defineRule } from '../../core/define-rule.js';
import type { DockerInstruction, DockerShellCommand } from '../../facts/dockerfile.js';
import { auditedDockerfiles, commandName, shippedStages, stageChain, stageTarget } from './_stages.js';

/** The first non-option word after the program (`apt-get -o X=1 -y install` gives install). */
function subcommand(c: DockerShellCommand, from: number): string | undefined {
  for (let i = from + 1; i < c.words.length; i++) {
    const v = c.words[i].value;
    if (v === '-o' || v === '-t' || v === '-c') i++;
    else if (!v.startsWith('-')) return v;
  }
  return undefined;
}

/** A cache mount keeps the indexes/caches out of the layer. */
function cacheMounted(instr: DockerInstruction, path: RegExp): boolean {
  return instr.flags.some((f) => f.name === 'mount' && /type=cache/.test(f.value ?? '') && path.test(f.value ?? ''));
}

/** The RUN removes a directory (`rm -rf /var/lib/apt/lists/*`). */
function removes(instr: DockerInstruction, path: RegExp): boolean {
  return instr.commands.some((c) => commandName(c)?.name === 'rm' && c.words.some((w) => path.test(w.value)));
}

export default defineRule({
  id: 'dockerfile/apt-hygiene',
  title: 'Package installs leave caches or pull recommended packages',
  category: 'container',
  severity: 'low',
  // Compose decides which stages are deployed and may supply user, healthcheck, environment or command.
  requires: ['dockerfiles', 'compose'],
  why: 'Recommended packages and package indexes left in a layer make the image larger and slower to pull, and every extra package is attack surface and CVE noise in image scans; removing the indexes in a later RUN does not shrink the earlier layer.',
  fix: 'Install with `apt-get install -y --no-install-recommends ...` and end the same RUN with `&& rm -rf /var/lib/apt/lists/*` (or use a BuildKit cache mount); on Alpine use `apk add --no-cache`.',
  references: [
    { title: 'Docker docs: Dockerfile best practices — apt-get', url: 'https://docs.docker.com/build/building/best-practices/#apt-get' },
    { title: 'Docker docs: optimize cache usage (cache mounts)', url: 'https://docs.docker.com/build/cache/optimize/#use-cache-mounts' },
  ],
  verify: 'docker run --rm --entrypoint sh <image built from {file}> -c "ls /var/lib/apt/lists | wc -l"   # expect 0 (or: apk cache empty)',
  messages: {
    noRecommends: 'RUN at {target} installs apt packages without --no-install-recommends.',
    listsLeft: 'RUN at {target} installs apt packages without removing /var/lib/apt/lists in the same RUN.',
    apkCache: 'RUN at {target} runs apk add without --no-cache.',
  },
  check(facts, ctx) {
    const { audited, skipped } = auditedDockerfiles(facts);
    for (const s of skipped) ctx.notApplicable(s.reason);
    if (audited.length === 0 && skipped.length === 0) ctx.notApplicable('no Dockerfile in the repository');
    for (const df of audited) {
      const shipped = shippedStages(facts, df);
      let installs = 0;
      let failed = false;
      for (const stage of df.stages) {
        // Only stages whose layers end up in the image: a builder's caches are thrown away.
        if (!shipped.has(stage.index)) continue;
        const target = stageTarget(df, stage);
        // An apt configuration file turning recommends off for the whole image counts as the flag.
        const recommendsOff = stageChain(df, stage).some((s) => s.instructions.some((i) => i.keyword === 'RUN' && /Install-Recommends\W+("?0"?|false)/i.test(i.args)));
        for (const instr of stage.instructions) {
          if (instr.keyword !== 'RUN') continue;
          let listsReported = false;
          for (const c of instr.commands) {
            const name = commandName(c);
            if (!name) continue;
            const sub = subcommand(c, name.index);
            const words = c.words.map((w) => w.value);
            if ((name.name === 'apt-get' || name.name === 'apt') && sub === 'install') {
              installs++;
              const at = c.words[name.index];
              if (!recommendsOff && !words.includes('--no-install-recommends') && !words.some((w) => /APT::Install-Recommends=(0|false)/i.test(w))) {
                failed = true;
                ctx.fail('noRecommends', { at, data: { target, file: df.path }, target });
              }
              if (!listsReported && !removes(instr, /^\/var\/lib\/apt\/lists/) && !cacheMounted(instr, /\/var\/lib\/apt/)) {
                listsReported = true;
                failed = true;
                ctx.fail('listsLeft', { at, data: { target, file: df.path }, target });
              }
            }
            if (name.name === 'apk' && sub === 'add') {
              installs++;
              if (!words.includes('--no-cache') && !removes(instr, /^\/var\/cache\/apk/) && !cacheMounted(instr, /\/var\/cache\/apk|\/etc\/apk\/cache/)) {
                failed = true;
                ctx.fail('apkCache', { at: c.words[name.index], data: { target, file: df.path }, target });
              }
            }
          }
        }
      }
      if (installs === 0) ctx.notApplicable(`${df.path} installs no apt or apk packages in the image`);
      else if (!failed) ctx.pass(df.path);
    }
  },
});
