// A compose service runs a PostgreSQL (or Python) image whose version is past its end of security support.
import { defineRule } from '../../core/define-rule.js';
import { endOfLifeReport, imageSeries, pastEndOfLife } from '../_end-of-life.js';
import { auditedProjects, serviceTarget } from './_shared.js';

export default defineRule({
  id: 'compose/image-end-of-life',
  title: 'Service image runs a PostgreSQL or Python version past its end of life',
  category: 'container',
  severity: 'medium',
  requires: ['compose', 'config'],
  why:
    'After its end of life a PostgreSQL major version gets no more fixes — security or data-corruption bugs found later stay — and the official ' +
    'image for it is no longer rebuilt, so its OS packages are frozen too. The longer the wait, the bigger the jump (pg_upgrade across several majors) when an upgrade is forced.',
  fix: 'Plan the upgrade to a supported major version: dump and restore into the new image (or pg_upgrade), test the application against it, then change the image tag (postgres:17-alpine).',
  references: [
    { title: 'PostgreSQL: versioning policy (end of life dates)', url: 'https://www.postgresql.org/support/versioning/' },
    { title: 'PostgreSQL: upgrading a cluster', url: 'https://www.postgresql.org/docs/current/upgrading.html' },
    { title: 'Python: status of Python versions (end of life dates)', url: 'https://devguide.python.org/versions/' },
  ],
  verify: 'docker compose config --images   # every postgres/python image is a supported version',
  messages: {
    endOfLife: 'Service "{service}" runs {image}: {product} {series} reached its end of life on {eol}.',
    longGone: 'Service "{service}" runs {image}: {product} {series} has been unsupported for years.',
  },
  check({ compose, config }, ctx) {
    if (!config) return ctx.unknown('compose#image-end-of-life', 'the day of the scan is not known');
    const projects = auditedProjects(compose, ctx);
    let judged = 0;
    for (const p of projects) {
      for (const s of p.services) {
        // A service that builds names its own image; the Dockerfile's FROM is judged by the Dockerfile rule.
        if (!s.image || s.build) continue;
        const found = imageSeries(s.image.value);
        if (!found) continue;
        judged++;
        const target = serviceTarget(s);
        const past = found.series === 'newer' ? null : pastEndOfLife(found.product, found.series, config.today);
        if (!past) {
          ctx.pass(target, `${found.product.name} from ${s.image.value} is supported`);
          continue;
        }
        const report = endOfLifeReport(past);
        ctx.fail(report.messageId, { at: s.image, target, severity: report.severity, data: { service: s.name.value, image: s.image.value, product: found.product.name, ...report.data } });
      }
    }
    if (projects.length > 0 && judged === 0) ctx.notApplicable('no audited service runs a versioned postgres or python image');
  },
});
