// FROM (or COPY --from) an image without a tag, or tagged `latest`: every build may get a different base.
import { defineRule } from '../../core/define-rule.js';
import { auditedDockerfiles, parseImageRef, stageByName, stageTarget } from './_stages.js';

export default defineRule({
  id: 'dockerfile/base-image-latest',
  title: 'Base image not pinned (no tag or :latest)',
  category: 'container',
  severity: 'medium',
  requires: ['dockerfiles'],
  why: 'An untagged or `latest` base image changes under you: a rebuild for a one-line fix can silently bring a new OS or Python major version, break the build or the app, and the image that runs in production cannot be rebuilt identically for a rollback.',
  fix: 'Pin the base image to a specific version tag (`python:3.12.7-slim-bookworm`), ideally with its digest (`python:3.12.7-slim-bookworm@sha256:...`), and update it deliberately (Dependabot/Renovate).',
  references: [
    { title: 'Docker docs: Dockerfile best practices — pin base image versions', url: 'https://docs.docker.com/build/building/best-practices/#pin-base-image-versions' },
    { title: 'Dockerfile reference: FROM', url: 'https://docs.docker.com/reference/dockerfile/#from' },
  ],
  verify: 'grep -nE "^(FROM|COPY --from)" {file}   # every external image has an explicit version tag or digest',
  messages: {
    untagged: '{target} builds FROM {image} without a tag, which means :latest.',
    latest: '{target} builds FROM {image}.',
    copyFromLatest: '{file} copies files from {image}, an image without a pinned tag.',
  },
  check(facts, ctx) {
    const { audited, skipped } = auditedDockerfiles(facts);
    for (const s of skipped) ctx.notApplicable(s.reason);
    if (audited.length === 0 && skipped.length === 0) ctx.notApplicable('no Dockerfile in the repository');
    for (const df of audited) {
      for (const stage of df.stages) {
        const target = stageTarget(df, stage);
        if (!stage.fromStage) {
          const image = stage.from.value;
          if (stage.fromUnresolved.length > 0) {
            ctx.unknown(target, `FROM ${image}: ${stage.fromUnresolved.map((v) => `$${v}`).join(', ')} has no default in the Dockerfile (set with --build-arg)`);
          } else if (image.toLowerCase() === 'scratch') {
            ctx.pass(target);
          } else {
            const ref = parseImageRef(image);
            if (ref.digest) ctx.pass(target);
            else if (ref.tag === null) ctx.fail('untagged', { at: stage.from, data: { target, image, file: df.path }, target });
            else if (ref.tag.toLowerCase() === 'latest') ctx.fail('latest', { at: stage.from, data: { target, image, file: df.path }, target });
            else ctx.pass(target);
          }
        }
        // COPY --from=<image>: an external image unless it names an earlier stage (or its index).
        for (const instr of stage.instructions) {
          if (instr.keyword !== 'COPY') continue;
          const from = instr.flags.find((f) => f.name === 'from')?.value;
          if (!from || /^\d+$/.test(from) || stageByName(df, from)) continue;
          if (from.includes('$')) {
            ctx.unknown(`${target} COPY --from=${from}`, `COPY --from=${from} cannot be resolved from the Dockerfile`);
            continue;
          }
          const ref = parseImageRef(from);
          if (ref.digest || (ref.tag !== null && ref.tag.toLowerCase() !== 'latest')) continue;
          ctx.fail('copyFromLatest', { at: instr.loc, data: { target, image: from, file: df.path }, target: `${target} COPY --from=${from}`, severity: 'low' });
        }
      }
    }
  },
});
