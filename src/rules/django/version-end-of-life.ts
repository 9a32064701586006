// The Django version the requirements allow is past its end of security support (every version the pin allows).
import { defineRule } from '../../core/define-rule.js';
import { DJANGO, compareSeries, endOfLifeReport, pastEndOfLife, type Series } from '../_end-of-life.js';
import { parseVersionSpec, type VersionRange } from './_settings.js';

/** The newest Django series the specifier allows: `newer` when it has no upper bound, null when none is known. */
export function newestAllowedSeries(range: VersionRange): Series | 'newer' | null {
  if (!range.max) return 'newer';
  const max = range.max;
  const allowed = DJANGO.series
    .map((s) => s.version)
    .filter((v) => {
      const c = compareSeries(v, max);
      return (c < 0 || (c === 0 && range.maxInclusive)) && (!range.min || compareSeries(v, range.min) >= 0);
    });
  if (allowed.length > 0) return allowed.reduce((a, b) => (compareSeries(a, b) >= 0 ? a : b));
  return range.maxInclusive ? max : null;
}

export default defineRule({
  id: 'django/version-end-of-life',
  title: 'Django version past its end of security support',
  category: 'security',
  severity: 'high',
  requires: ['django', 'config'],
  why:
    'Django publishes security fixes only for its supported series (the latest feature release and the LTS). Once a series reaches its end of life, ' +
    'vulnerabilities found in it — SQL injection, denial of service, and the like are disclosed several times a year — stay open, and their details are public.',
  fix: 'Upgrade to a supported series (the current LTS, 5.2, or the latest release) following the release notes of each version in between, run the test suite with deprecation warnings on, and pin the new version (Django==5.2.*).',
  references: [
    { title: 'Django: supported versions and end-of-life dates', url: 'https://www.djangoproject.com/download/#supported-versions' },
    { title: 'Django: security policy (supported versions)', url: 'https://docs.djangoproject.com/en/stable/internals/security/#supported-versions' },
    { title: 'Django: how to upgrade Django to a newer version', url: 'https://docs.djangoproject.com/en/stable/howto/upgrade-version/' },
  ],
  verify: 'python -m django --version   # expect a series listed as supported at https://www.djangoproject.com/download/',
  messages: {
    endOfLife: '{spec} allows at most Django {series}, whose security support ended on {eol}.',
    longGone: '{spec} allows at most Django {series}, a series unsupported for years.',
  },
  check({ django, config }, ctx) {
    if (!config) return ctx.unknown('django#version-end-of-life', 'the day of the scan is not known');
    if (django.length === 0) return ctx.notApplicable('no Django project (manage.py / settings module) in the repository');
    for (const project of django) {
      const target = `${project.root || '.'}#django-version`;
      const dep = project.dependencies.django;
      if (!dep) {
        ctx.unknown(target, 'Django is not declared in a requirements file, pyproject.toml or Pipfile of the repository, so its version is not known');
        continue;
      }
      const newest = newestAllowedSeries(parseVersionSpec(dep.value));
      if (newest === null) {
        ctx.unknown(target, `the Django series allowed by "${dep.value}" could not be told`);
        continue;
      }
      const past = newest === 'newer' ? null : pastEndOfLife(DJANGO, newest, config.today);
      if (!past) {
        ctx.pass(target, newest === 'newer' ? `${dep.value} allows current releases` : `Django ${newest.join('.')} is supported`);
        continue;
      }
      const report = endOfLifeReport(past);
      ctx.fail(report.messageId, { at: dep, target, severity: report.severity, data: { spec: dep.value, ...report.data } });
    }
  },
});
