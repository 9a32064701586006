import rule from './journald-usage.js';
import { NO_HOST, UNREACHABLE, testRule } from './_tester.js';

testRule(rule, {
  good: [{ name: '384 MiB', outputs: {} }],
  bad: [{ name: '7.5 GiB of journal', outputs: { 'journalctl --disk-usage': 'Archived and active journals take up 7.5G in the file system.\n' }, expect: [{ messageId: 'large', command: 'journalctl --disk-usage', says: /7\.5 GiB \(limit 4 GiB\)/ }] }],
  unknown: [UNREACHABLE, { name: 'journalctl missing', outputs: { 'journalctl --disk-usage': null }, reason: /not installed/ }],
  notApplicable: [NO_HOST],
});
