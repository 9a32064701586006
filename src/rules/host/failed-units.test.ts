import rule from './failed-units.js';
import { NO_HOST, UNREACHABLE, testRule } from './_tester.js';

const FAILED = 'systemctl list-units --state=failed --all --plain --no-legend --no-pager';

testRule(rule, {
  good: [{ name: 'no failed unit', outputs: {} }],
  bad: [
    {
      name: 'the backup service and certbot failed',
      outputs: { [FAILED]: 'erp-backup.service loaded failed failed ERP nightly backup\ncertbot.service    loaded failed failed Certbot\n' },
      expect: [
        { messageId: 'failed', command: FAILED, says: /erp-backup\.service/ },
        { messageId: 'failed', command: FAILED, says: /certbot\.service/ },
      ],
    },
  ],
  unknown: [UNREACHABLE, { name: 'listing failed units times out', outputs: { [FAILED]: { timeout: true } }, reason: /timed out/ }],
  notApplicable: [
    NO_HOST,
    {
      name: 'systemd is not PID 1 (a container)',
      outputs: { 'systemctl list-units --type=service --all --plain --no-legend --no-pager': { exit: 1, stderr: 'System has not been booted with systemd as init system (PID 1). Can\'t operate.\n' } },
    },
  ],
});
