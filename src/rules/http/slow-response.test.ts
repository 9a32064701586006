import rule from './slow-response.js';
import { testRule } from '../../../test/endpoint-rule-tester.js';
import { SLOW_MS } from '../../../test/endpoint-lab.js';

testRule(rule, {
  good: [
    { name: 'fast home page', site: 'good' },
    { name: `${SLOW_MS} ms home page under the default 2 s`, site: 'slow' },
  ],
  bad: [{ name: `${SLOW_MS} ms home page, threshold lowered to ${SLOW_MS / 2} ms`, site: 'slow', options: { slowMs: SLOW_MS / 2 }, expect: [{ messageId: 'slow' }] }],
  unknown: [
    { name: 'home page slower than the request time limit', site: 'slow', options: { requestTimeoutMs: SLOW_MS / 2 }, reason: /no response within 0\.2 s/ },
    { name: 'DNS error', special: 'dns', reason: /does not resolve/ },
  ],
  notApplicable: [{ name: 'no URL given', none: true }],
});
