import rule from './memory-usage.js';
import { NO_HOST, UNREACHABLE, testRule } from './_tester.js';

const meminfo = (total: number, available: number) => `MemTotal:        ${total} kB\nMemFree:          100000 kB\nMemAvailable:    ${available} kB\nSwapTotal:       0 kB\nSwapFree:        0 kB\n`;

testRule(rule, {
  good: [
    { name: '53 % used (page cache is available memory)', outputs: {} },
    { name: 'exactly at the threshold', outputs: { 'cat /proc/meminfo': meminfo(4000000, 600000) } },
  ],
  bad: [
    { name: '93 % used', outputs: { 'cat /proc/meminfo': meminfo(4013128, 280000) }, expect: [{ messageId: 'high', command: 'cat /proc/meminfo', says: /93% of its memory/ }] },
    { name: 'old kernel without MemAvailable', outputs: { 'cat /proc/meminfo': 'MemTotal: 2000000 kB\nMemFree: 50000 kB\nBuffers: 10000 kB\nCached: 40000 kB\n' }, expect: [{ messageId: 'high', command: 'cat /proc/meminfo' }] },
  ],
  unknown: [UNREACHABLE, { name: '/proc is not readable', outputs: { 'cat /proc/meminfo': { exit: 1, stderr: 'cat: /proc/meminfo: Permission denied\n' } }, reason: /permission denied/i }],
  notApplicable: [NO_HOST],
});
