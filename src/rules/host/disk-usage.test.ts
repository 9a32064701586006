import rule from './disk-usage.js';
import { testRule } from './_tester.js';

const df = (root: string, pg: string) =>
  [
    'Filesystem     1024-blocks     Used Available Capacity Mounted on',
    'tmpfs               401316     1100    400216       1% /run',
    `/dev/sda1         39937312 ${root}`,
    `/dev/sdb          51290592 ${pg}`,
    '',
  ].join('\n');

testRule(rule, {
  good: [
    { name: 'root at 48 %, PostgreSQL volume at 46 %', outputs: {} },
    { name: 'a full tmpfs is not a disk', outputs: { 'df -P -k': df('18040524  19830220      48% /', '22134412  26518464      46% /var/lib/postgresql').replace('1% /run', '100% /run') } },
  ],
  bad: [
    {
      name: 'root at 85 % is high',
      outputs: { 'df -P -k': df('33946715   5990597      85% /', '22134412  26518464      46% /var/lib/postgresql') },
      expect: [{ messageId: 'full', command: 'df -P -k', severity: 'high', says: /\/ on deploy@web1 is 85% full \(threshold 80%\)/ }],
    },
    {
      name: 'PostgreSQL volume at 97 % is critical',
      outputs: { 'df -P -k': df('18040524  19830220      48% /', '49751874   1538718      97% /var/lib/postgresql') },
      expect: [{ messageId: 'full', command: 'df -P -k', severity: 'critical', says: /\/var\/lib\/postgresql/ }],
    },
    {
      name: 'a lower threshold from the configuration',
      thresholds: { diskHighPercent: 45 },
      outputs: {},
      expect: [
        { messageId: 'full', command: 'df -P -k', severity: 'high', says: /\/ on/ },
        { messageId: 'full', command: 'df -P -k', severity: 'high', says: /postgresql/ },
      ],
    },
  ],
  unknown: [
    { name: 'df is refused', outputs: { 'df -P -k': { exit: 1, stderr: 'df: cannot read table of mounted file systems: Permission denied\n' } }, reason: /permission denied/i },
    { name: 'the host could not be reached', failure: 'connection refused by web1:22', reason: /connection refused/ },
  ],
  notApplicable: [{ name: 'no host in the scan', noHost: true }],
});
