import { testRule } from '../../../test/rule-tester.js';
import rule from './no-health-endpoint.js';
import { BASE_SETTINGS } from '../django/_fixture.js';
import { HEALTH_VIEW_DB, healthProject, urlsWith } from './_fixture.js';

/** A cookiecutter-style urls.py whose health check is an inline lambda at check/. */
const CHECK_URLS = `from django.conf import settings
from django.contrib import admin
from django.http import HttpResponse
from django.urls import include, path

from . import views

urlpatterns = [
    path("check/", lambda request: HttpResponse("Ok"), name="check"),
    path(settings.ADMIN_URL if hasattr(settings, "ADMIN_URL") else "admin/", admin.site.urls),
    path("", views.health, name="home"),
]
`;

/** urls.py including a URL list built at run time by a helper the audit cannot evaluate. */
const PLUGIN_URLS = `from django.contrib import admin
from django.urls import include, path

from . import views
from .plugins import plugin_urls

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", views.health),
    path("plugins/", include(plugin_urls())),
]
`;

testRule(rule, {
  good: [
    { name: 'health/ route', files: healthProject(urlsWith('path("health/", views.health)'), HEALTH_VIEW_DB) },
    { name: 'check/ answered by an inline lambda', files: healthProject(CHECK_URLS, HEALTH_VIEW_DB) },
    { name: 'healthz via re_path', files: healthProject(urlsWith('re_path(r"^healthz$", views.health)'), HEALTH_VIEW_DB) },
    {
      name: 'django-health-check installed',
      files: healthProject(urlsWith('path("ht/", include("health_check.urls"))'), HEALTH_VIEW_DB, {
        'mysite/settings/base.py': BASE_SETTINGS.replace('    "django.contrib.staticfiles",\n', '    "django.contrib.staticfiles",\n    "health_check",\n    "health_check.db",\n'),
      }),
    },
  ],
  unknown: [
    {
      name: 'an include() that could not be followed may hold the health route',
      files: healthProject(PLUGIN_URLS, HEALTH_VIEW_DB, { 'mysite/plugins.py': 'import importlib\n\n\ndef plugin_urls():\n    return [importlib.import_module(m) for m in PLUGINS]\n' }),
      reason: /route list is incomplete: include\(\) at mysite\/urls\.py:10 could not be followed/,
    },
  ],
  bad: [{ name: 'only admin and pages', files: healthProject(urlsWith('path("", views.health)'), HEALTH_VIEW_DB), expect: [{ messageId: 'none', file: 'mysite/urls.py' }] }],
  notApplicable: [{ name: 'no Django project', files: { 'Dockerfile': 'FROM nginx:1.27\n' } }],
});
