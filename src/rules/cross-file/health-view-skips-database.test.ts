import { testRule } from '../../../test/rule-tester.js';
import rule from './health-view-skips-database.js';
import { HEALTH_VIEW_DB, HEALTH_VIEW_STATIC, healthProject, urlsWith } from './_fixture.js';

testRule(rule, {
  good: [{ name: 'health view checks the connection', files: healthProject(urlsWith('path("health/", views.health)'), HEALTH_VIEW_DB) }],
  bad: [
    {
      name: 'health view returns a constant',
      files: healthProject(urlsWith('path("health/", views.health)'), HEALTH_VIEW_STATIC),
      expect: [{ messageId: 'skips', file: 'mysite/urls.py', line: 8 }],
    },
  ],
  notApplicable: [{ name: 'no health endpoint', files: healthProject(urlsWith('path("", views.health)'), HEALTH_VIEW_STATIC) }],
});
