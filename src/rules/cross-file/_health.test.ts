// Unit tests of the URL resolution the health-check rules use (path() converters, re_path() regexes, includes).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DjangoProject, Route } from '../../facts/django.js';
import { HEALTH_SEGMENT, resolvePath } from './_health.js';

const route = (path: string, regex = false, view: string | null = 'views.x'): Route => ({
  path,
  regex,
  view,
  at: { value: path, loc: { file: 'app/urls.py', line: 5, col: 5, endLine: 5, endCol: 30 } },
  viewTouchesDatabase: null,
});
const project = (...routes: Route[]): DjangoProject =>
  ({ urlconf: 'app/urls.py', routes }) as unknown as DjangoProject;

describe('resolvePath', () => {
  it('matches path() routes with converters exactly', () => {
    const p = project(route(''), route('items/<int:pk>/'), route('health/'));
    assert.equal(resolvePath(p, '/health/').kind, 'routed');
    assert.equal(resolvePath(p, '/items/42/').kind, 'routed');
    assert.equal(resolvePath(p, '/items/abc/').kind, 'unrouted');
    assert.equal(resolvePath(p, '/healthz/').kind, 'unrouted');
  });
  it('follows APPEND_SLASH', () => {
    const r = resolvePath(project(route('health/')), '/health');
    assert.ok(r.kind === 'routed' && r.appendSlash);
  });
  it('matches re_path() regexes, joined include prefixes and Python named groups', () => {
    assert.equal(resolvePath(project(route('^api/^health/$', true)), '/api/health/').kind, 'routed');
    assert.equal(resolvePath(project(route('^status/(?P<check>[a-z]+)/$', true)), '/status/db/').kind, 'routed');
    assert.equal(resolvePath(project(route('^healthz$', true)), '/healthz/x').kind, 'unrouted');
  });
  it('says when a path falls under an include it cannot see into', () => {
    assert.equal(resolvePath(project(route('api/', false, 'include(router.urls)')), '/api/health/').kind, 'under-include');
  });
  it('does not count a route added under an unevaluated condition', () => {
    const r = resolvePath(project({ ...route('health/'), condition: 'if settings.ENABLE_HEALTH' }), '/health/');
    assert.ok(r.kind === 'unknown' && /only routed under/.test(r.reason));
  });
  it('is unknown without routes', () => {
    assert.equal(resolvePath(project(), '/health/').kind, 'unknown');
  });
});

describe('health route names', () => {
  it('recognises health endpoints, not look-alikes', () => {
    for (const p of ['health/', 'api/healthz', '^ping/$', 'ops/ready/', 'ht/', 'check/', '^check/$', 'livez', 'api/readyz/', 'alive/']) assert.ok(HEALTH_SEGMENT.test(p), p);
    for (const p of ['healthcare/', 'statuses/', 'members/', 'orders/<int:pk>/check/', 'checkout/']) assert.ok(!HEALTH_SEGMENT.test(p), p);
  });
});
