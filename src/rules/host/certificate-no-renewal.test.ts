import rule from './certificate-no-renewal.js';
import { NO_HOST, UNREACHABLE, testRule } from './_tester.js';

const TIMERS = 'systemctl list-timers --all --plain --no-legend --no-pager';
const NO_CERTBOT_TIMER = { [TIMERS]: 'Mon 2026-02-02 00:00:00 UTC 12h left Sun 2026-02-01 00:00:00 UTC 12h ago logrotate.timer logrotate.service\n' };

testRule(rule, {
  good: [
    { name: 'certbot.timer', outputs: {} },
    { name: 'acme.sh in the crontab', outputs: { ...NO_CERTBOT_TIMER, 'crontab -l': '5 0 * * * "/root/.acme.sh"/acme.sh --cron --home "/root/.acme.sh" > /dev/null\n' } },
  ],
  bad: [{ name: 'certificates but no timer and no cron', outputs: NO_CERTBOT_TIMER, expect: [{ messageId: 'noRenewal', command: TIMERS, says: /1 certificate\(s\) on deploy@web1/ }] }],
  unknown: [UNREACHABLE, { name: 'timers cannot be listed', outputs: { [TIMERS]: { exit: 1, stderr: 'Failed to list timers: Connection timed out\n' } }, reason: /timers/ }],
  notApplicable: [NO_HOST, { name: 'no certificate on disk', outputs: { 'find /etc/letsencrypt/live -maxdepth 2 -name cert.pem': '' } }],
});
