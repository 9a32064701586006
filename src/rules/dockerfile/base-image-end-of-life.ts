// A Dockerfile builds on a Python or PostgreSQL image whose version is past its end of security support.
import { defineRule } from '../../core/define-rule.js';
import { endOfLifeReport, imageSeries, pastEndOfLife } from '../_end-of-life.js';
import { auditedDockerfiles, stageTarget } from './_stages.js';

export default defineRule({
  id: 'dockerfile/base-image-end-of-life',
  title: 'Base image runs a Python or PostgreSQL version past its end of life',
  category: 'container',
  severity: 'medium',
  requires: ['dockerfiles', 'config'],
  why:
    'Once a Python or PostgreSQL version reaches its end of life, its maintainers publish no more security fixes, and the official images ' +
    'for it stop being rebuilt — their OS packages are frozen on the day of the last build too. Every vulnerability found afterwards stays in the image.',
  fix: 'Move the FROM line to a supported version (python:3.13-slim-bookworm, postgres:17), rebuild, and run the tests; for PostgreSQL, upgrade the data with pg_upgrade or a dump and restore.',
  references: [
    { title: 'Python: status of Python versions (end of life dates)', url: 'https://devguide.python.org/versions/' },
    { title: 'PostgreSQL: versioning policy (end of life dates)', url: 'https://www.postgresql.org/support/versioning/' },
    { title: 'Docker Official Images: python (supported tags)', url: 'https://hub.docker.com/_/python' },
  ],
  verify: 'grep -n "^FROM" {file}   # every python/postgres base is a supported version',
  messages: {
    endOfLife: '{target} builds FROM {image}: {product} {series} reached its end of life on {eol}.',
    longGone: '{target} builds FROM {image}: {product} {series} has been unsupported for years.',
  },
  check(facts, ctx) {
    const config = facts.config;
    if (!config) return ctx.unknown('dockerfile#base-image-end-of-life', 'the day of the scan is not known');
    const { audited, skipped } = auditedDockerfiles(facts);
    for (const s of skipped) ctx.notApplicable(s.reason);
    if (audited.length === 0 && skipped.length === 0) ctx.notApplicable('no Dockerfile in the repository');
    let judged = 0;
    for (const df of audited) {
      for (const stage of df.stages) {
        if (stage.fromStage) continue;
        const target = stageTarget(df, stage);
        const image = stage.from.value;
        if (stage.fromUnresolved.length > 0) {
          if (/python|postgres|postgis/i.test(image)) ctx.unknown(target, `FROM ${image}: ${stage.fromUnresolved.map((v) => `$${v}`).join(', ')} has no default in the Dockerfile`);
          continue;
        }
        const found = imageSeries(image);
        if (!found) continue;
        judged++;
        const past = found.series === 'newer' ? null : pastEndOfLife(found.product, found.series, config.today);
        if (!past) {
          ctx.pass(target, `${found.product.name} from ${image} is supported`);
          continue;
        }
        const report = endOfLifeReport(past);
        ctx.fail(report.messageId, { at: stage.from, target, severity: report.severity, data: { target, image, product: found.product.name, ...report.data } });
      }
    }
    if (audited.length > 0 && judged === 0) ctx.notApplicable('no audited Dockerfile builds on a versioned python or postgres image');
  },
});
