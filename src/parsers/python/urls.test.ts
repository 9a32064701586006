// Tests for URLconf extraction: include chains, regex joins, namespaces, conditions, view database access.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Evaluator } from './evaluator.js';
import { memoryHost } from './test-host.js';
import { extractRoutes } from './urls.js';
import { unk, type V } from './value.js';

function routesOf(files: Record<string, string>, entry: string, settings: Record<string, V> = {}, installedApps: string[] | null = null) {
  const { host, source } = memoryHost(files);
  const ev = new Evaluator(host, { settings: (n) => (n in settings ? settings[n] : unk(`settings.${n} depends on the environment`)), unionUnknownBranches: true });
  return extractRoutes(ev, source(entry), {
    module: (name) => {
      const r = host.resolve(name, 0, source(entry));
      return typeof r === 'string' ? null : r;
    },
    installedApps,
  });
}

describe('urls extraction', () => {
  const files = {
    'site/urls.py': `from django.conf import settings
from django.conf.urls import include, url
from django.urls import path
from django.conf.urls.i18n import i18n_patterns
from api import urls as api_urls
from . import views

urlpatterns = [
    url(r'^api/', include(api_urls)),
    url(r'^legacy/', include(('legacy.urls', 'legacy'), namespace='legacy')),
    path('watch/', include('watchman.urls')),
]
urlpatterns += i18n_patterns(path('about/', views.about))
if settings.DEBUG:
    urlpatterns.append(path('debug/', views.debug_page))
`,
    'site/views.py': `from django.shortcuts import render\n\ndef about(request):\n    return render(request, 'about.html')\n\ndef debug_page(request):\n    return render(request, 'debug.html')\n`,
    'api/__init__.py': '',
    'api/urls.py': `from django.conf.urls import url\nfrom .views import HealthView\n\nurlpatterns = [\n    url(r'^health/$', HealthView.as_view()),\n]\n`,
    'api/views.py': `from django.db import connections\nfrom django.views import View\n\nclass HealthView(View):\n    def get(self, request):\n        connections['default'].ensure_connection()\n`,
    'legacy/__init__.py': '',
    'legacy/urls.py': `from django.urls import re_path\nfrom . import views\nurlpatterns = [re_path(r'^old/$', views.old)]\n`,
    'legacy/views.py': `def old(request):\n    return None\n`,
  };

  it('joins regex prefixes, follows module objects and (patterns, namespace) tuples', () => {
    const { routes, problems } = routesOf(files, 'site/urls.py');
    assert.deepEqual(problems, []);
    const byPath = Object.fromEntries(routes.map((r) => [r.path, r]));
    assert.deepEqual(Object.keys(byPath), ['^api/health/$', '^legacy/old/$', 'watch/', 'about/', 'debug/']);
    assert.equal(byPath['^api/health/$'].regex, true);
    assert.equal(byPath['^api/health/$'].viewTouchesDatabase, true);
    assert.equal(byPath['^api/health/$'].at.loc.file, 'api/urls.py');
    assert.equal(byPath['^api/health/$'].at.loc.line, 5);
    assert.equal(byPath['^legacy/old/$'].viewTouchesDatabase, false);
    assert.equal(byPath['watch/'].viewTouchesDatabase, true, 'django-watchman checks the databases');
    assert.equal(byPath['about/'].condition, undefined);
  });

  it('marks routes added under a condition it cannot evaluate, and drops those it knows are off', () => {
    const unknown = routesOf(files, 'site/urls.py');
    assert.equal(unknown.routes.find((r) => r.path === 'debug/')?.condition, 'if settings.DEBUG');
    const off = routesOf(files, 'site/urls.py', { DEBUG: false });
    assert.ok(!off.routes.some((r) => r.path === 'debug/'));
  });

  it('keeps the routes it knows when a branch it cannot evaluate adds routes it cannot read', () => {
    const { routes, problems } = routesOf(
      {
        'site/urls.py': `from django.conf import settings\nfrom django.urls import path\nfrom debug_toolbar.toolbar import debug_toolbar_urls\nfrom . import views\nurlpatterns = [path('health/', views.about)]\nif settings.DEBUG:\n    urlpatterns += debug_toolbar_urls()\n`,
        'site/views.py': files['site/views.py'],
        'site/__init__.py': '',
      },
      'site/urls.py',
    );
    assert.deepEqual(routes.map((r) => r.path), ['health/'], problems.join('; '));
    assert.match(problems.join('\n'), /added under "if settings.DEBUG" could not be read/);
  });

  it('keeps the routes listed before a loop over an unknown plugin list adds its own', () => {
    const { routes, problems } = routesOf(
      {
        'site/urls.py': `from django.conf import settings\nfrom django.urls import include, path\nfrom . import views\nurlpatterns = [path('health/', views.about)]\nfor p in settings.PLUGINS:\n    urlpatterns += [path(p + '/', include(p + '.urls'))]\n`,
        'site/views.py': files['site/views.py'],
        'site/__init__.py': '',
      },
      'site/urls.py',
    );
    assert.deepEqual(routes.map((r) => r.path), ['health/'], problems.join('; '));
    assert.match(problems.join('\n'), /items added by assigned in the for loop/);
  });

  it('reports an include it cannot follow instead of dropping it silently', () => {
    const { routes, problems } = routesOf({ 'u.py': `from django.urls import include, path\nfrom somewhere import make\nurlpatterns = [path('x/', include(make()))]\n` }, 'u.py');
    assert.deepEqual(routes.map((r) => [r.path, r.viewTouchesDatabase]), [['x/', null]]);
    assert.match(problems[0], /could not be followed/);
  });
});
