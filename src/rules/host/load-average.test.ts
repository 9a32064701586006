import rule from './load-average.js';
import { NO_HOST, UNREACHABLE, testRule } from './_tester.js';

testRule(rule, {
  good: [
    { name: 'load 0.48 on 2 CPUs', outputs: {} },
    { name: 'a short spike (1-minute load high, 15-minute fine)', outputs: { 'cat /proc/loadavg': '9.10 2.20 1.10 3/312 98765\n' } },
  ],
  bad: [
    { name: 'sustained load 4.9 on 2 CPUs', outputs: { 'cat /proc/loadavg': '5.31 5.02 4.90 7/355 12001\n' }, expect: [{ messageId: 'overloaded', command: 'cat /proc/loadavg', says: /load 4\.9 for 2 CPU/ }] },
  ],
  unknown: [UNREACHABLE, { name: 'nproc is missing', outputs: { nproc: null }, reason: /CPU count could not be read/ }],
  notApplicable: [NO_HOST],
});
