import { testRule } from '../../../test/rule-tester.js';
import rule from './no-health-endpoint.js';
import { BASE_SETTINGS } from '../django/_fixture.js';
import { HEALTH_VIEW_DB, healthProject, urlsWith } from './_fixture.js';

testRule(rule, {
  good: [
    { name: 'health/ route', files: healthProject(urlsWith('path("health/", views.health)'), HEALTH_VIEW_DB) },
    { name: 'healthz via re_path', files: healthProject(urlsWith('re_path(r"^healthz$", views.health)'), HEALTH_VIEW_DB) },
    {
      name: 'django-health-check installed',
      files: healthProject(urlsWith('path("ht/", include("health_check.urls"))'), HEALTH_VIEW_DB, {
        'mysite/settings/base.py': BASE_SETTINGS.replace('    "django.contrib.staticfiles",\n', '    "django.contrib.staticfiles",\n    "health_check",\n    "health_check.db",\n'),
      }),
    },
  ],
  bad: [{ name: 'only admin and pages', files: healthProject(urlsWith('path("", views.health)'), HEALTH_VIEW_DB), expect: [{ messageId: 'none', file: 'mysite/urls.py' }] }],
  notApplicable: [{ name: 'no Django project', files: { 'Dockerfile': 'FROM nginx:1.27\n' } }],
});
