import rule from './health-endpoint.js';
import { testRule } from '../../../test/endpoint-rule-tester.js';
import { SLOW_MS } from '../../../test/endpoint-lab.js';

testRule(rule, {
  good: [{ name: '/health/ answers 200 {"database": "ok"}', site: 'good' }],
  bad: [
    { name: '/health/ answers 503 {"database": "down"}', site: 'debug', expect: [{ messageId: 'notOk' }] },
    { name: '/health/ answers 200 but its nested database check is down', site: 'legacy', expect: [{ messageId: 'databaseDown' }] },
    { name: `/health/ takes ${SLOW_MS} ms, limit lowered to ${SLOW_MS / 2} ms`, site: 'slow', options: { healthMaxMs: SLOW_MS / 2 }, expect: [{ messageId: 'slow', severity: 'medium' }] },
    { name: 'no endpoint at the configured path', site: 'good', options: { healthPath: '/healthz' }, expect: [{ messageId: 'missing', severity: 'medium' }] },
    { name: 'health endpoint slower than the request time limit', site: 'slow', options: { requestTimeoutMs: SLOW_MS / 2, healthMaxMs: SLOW_MS / 4 }, expect: [{ messageId: 'noAnswer' }] },
  ],
  unknown: [{ name: 'connection refused', special: 'refused', reason: /connection refused/ }],
  notApplicable: [{ name: 'no URL given', none: true }],
});
