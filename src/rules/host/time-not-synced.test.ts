import rule from './time-not-synced.js';
import { NO_HOST, UNREACHABLE, testRule } from './_tester.js';

testRule(rule, {
  good: [{ name: 'NTPSynchronized=yes', outputs: {} }],
  bad: [
    { name: 'NTP disabled', outputs: { 'timedatectl show': 'Timezone=Etc/UTC\nCanNTP=yes\nNTP=no\nNTPSynchronized=no\n' }, expect: [{ messageId: 'notSynced', command: 'timedatectl show', says: /NTP=no: no time service is enabled/ }] },
    { name: 'enabled but not synchronised yet', outputs: { 'timedatectl show': 'Timezone=Etc/UTC\nCanNTP=yes\nNTP=yes\nNTPSynchronized=no\n' }, expect: [{ messageId: 'notSynced', command: 'timedatectl show' }] },
  ],
  unknown: [
    UNREACHABLE,
    { name: 'no systemd (a container)', outputs: { 'timedatectl show': { exit: 1, stderr: "System has not been booted with systemd as init system (PID 1). Can't operate.\nFailed to connect to bus: Host is down\n" } }, reason: /needs systemd/ },
  ],
  notApplicable: [NO_HOST],
});
