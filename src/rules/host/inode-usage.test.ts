import rule from './inode-usage.js';
import { NO_HOST, UNREACHABLE, testRule } from './_tester.js';

const dfi = (root: string) =>
  ['Filesystem      Inodes  IUsed   IFree IUse% Mounted on', `/dev/sda1      2559088 ${root} /`, '/dev/sda15           0      0       0     - /boot/efi', ''].join('\n');

testRule(rule, {
  good: [
    { name: 'root uses 13 % of its inodes', outputs: {} },
    { name: 'a filesystem without inode accounting (vfat, "-")', outputs: { 'df -P -i': dfi('312442 2246646   13%') } },
  ],
  bad: [
    { name: 'session files ate 86 % of the inodes', outputs: { 'df -P -i': dfi('2200815  358273   86%') }, expect: [{ messageId: 'inodes', command: 'df -P -i', severity: 'high' }] },
    { name: '99 % is critical', outputs: { 'df -P -i': dfi('2533497   25591   99%') }, expect: [{ messageId: 'inodes', command: 'df -P -i', severity: 'critical' }] },
  ],
  unknown: [UNREACHABLE, { name: 'df is missing', outputs: { 'df -P -k': null }, reason: /not installed/ }],
  notApplicable: [NO_HOST],
});
