import rule from './swap-usage.js';
import { NO_HOST, UNREACHABLE, testRule } from './_tester.js';

const meminfo = (swapTotal: number, swapFree: number) => `MemTotal:        4013128 kB\nMemAvailable:    1905436 kB\nSwapTotal:       ${swapTotal} kB\nSwapFree:        ${swapFree} kB\n`;

testRule(rule, {
  good: [
    { name: '2.5 % of swap used', outputs: {} },
    { name: 'no swap configured', outputs: { 'cat /proc/meminfo': meminfo(0, 0) } },
  ],
  bad: [{ name: '80 % of swap used', outputs: { 'cat /proc/meminfo': meminfo(2097148, 419430) }, expect: [{ messageId: 'swapping', command: 'cat /proc/meminfo', says: /80% of its swap/ }] }],
  unknown: [UNREACHABLE, { name: 'meminfo times out', outputs: { 'cat /proc/meminfo': { timeout: true } }, reason: /timed out/ }],
  notApplicable: [NO_HOST],
});
