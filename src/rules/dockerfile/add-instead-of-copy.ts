// ADD used for local files, where COPY does the same without ADD's implicit download and extraction.
import { defineRule } from '../../core/define-rule.js';
import { auditedDockerfiles, stageTarget } from './_stages.js';

/** Sources ADD is meant for: remote URLs and git repositories. */
const REMOTE = /^(https?|ftp):\/\/|^git@|\.git(#.*)?$/i;
/** Local archives ADD unpacks on purpose. */
const ARCHIVE = /\.(tar|tar\.(gz|bz2|xz|zst|lz|lzma)|tgz|tbz2?|txz|tzst|tlz)$/i;

export default defineRule({
  id: 'dockerfile/add-instead-of-copy',
  title: 'ADD used where COPY serves',
  category: 'container',
  severity: 'low',
  requires: ['dockerfiles'],
  why: 'ADD silently unpacks any local archive it is given and can fetch URLs, so what ends up in the image depends on file contents rather than on what the line says; COPY does exactly one thing and keeps builds predictable.',
  fix: 'Use `COPY` for local files and directories; keep ADD only for remote URLs (with `--checksum`) or for local tar archives that are meant to be extracted.',
  references: [
    { title: 'Docker docs: Dockerfile best practices — ADD or COPY', url: 'https://docs.docker.com/build/building/best-practices/#add-or-copy' },
    { title: 'CIS Docker Benchmark 4.9: use COPY instead of ADD', url: 'https://www.cisecurity.org/benchmark/docker' },
  ],
  verify: 'grep -n "^ADD " {file}   # only URLs or tar archives remain',
  messages: {
    localAdd: '{target} uses ADD for local {sources}; COPY does the same without implicit extraction.',
  },
  check(facts, ctx) {
    const { audited, skipped } = auditedDockerfiles(facts);
    for (const s of skipped) ctx.notApplicable(s.reason);
    if (audited.length === 0 && skipped.length === 0) ctx.notApplicable('no Dockerfile in the repository');
    for (const df of audited) {
      let failed = false;
      for (const stage of df.stages) {
        const target = stageTarget(df, stage);
        for (const instr of stage.instructions) {
          if (instr.keyword !== 'ADD' || instr.heredoc) continue;
          // Arguments after the flags: sources then the destination.
          const words = instr.execForm ?? instr.expanded.split(/\s+/).filter((w) => w !== '' && !w.startsWith('--'));
          const sources = words.slice(0, -1);
          if (sources.length === 0) continue;
          if (sources.some((s) => s.includes('$'))) {
            ctx.unknown(`${target} ADD ${sources.join(' ')}`, `ADD source ${sources.join(' ')} cannot be resolved from the Dockerfile`);
            continue;
          }
          const local = sources.filter((s) => !REMOTE.test(s) && !ARCHIVE.test(s));
          if (local.length === 0) continue;
          failed = true;
          ctx.fail('localAdd', { at: instr.loc, data: { target, sources: local.join(' '), file: df.path }, target });
        }
      }
      if (!failed) ctx.pass(df.path);
    }
  },
});
