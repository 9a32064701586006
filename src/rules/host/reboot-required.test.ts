import rule from './reboot-required.js';
import { NO_HOST, UNREACHABLE, testRule } from './_tester.js';

const FIND = "find /var/run -maxdepth 1 -name 'reboot-required*'";

testRule(rule, {
  good: [{ name: 'no reboot pending', outputs: {} }],
  bad: [{ name: 'a kernel update waits', outputs: { [FIND]: '/var/run/reboot-required\n/var/run/reboot-required.pkgs\n' }, expect: [{ messageId: 'reboot', command: FIND }] }],
  unknown: [UNREACHABLE, { name: 'find times out', outputs: { [FIND]: { timeout: true } }, reason: /reboot is required could not be read/ }],
  notApplicable: [NO_HOST],
});
