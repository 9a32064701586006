import rule from './logs-not-rotated.js';
import { NO_HOST, UNREACHABLE, testRule } from './_tester.js';

const LOGS = "find /var/log -maxdepth 2 -type f -name '*.log'";

testRule(rule, {
  good: [{ name: 'nginx and gunicorn logs are rotated', outputs: {} }],
  bad: [
    {
      name: 'celery writes logs no rule covers',
      outputs: { [LOGS]: '/var/log/nginx/access.log\n/var/log/celery/worker.log\n/var/log/celery/beat.log\n' },
      expect: [
        { messageId: 'unrotated', command: LOGS, says: /worker\.log/ },
        { messageId: 'unrotated', command: LOGS, says: /beat\.log/ },
      ],
    },
    {
      name: 'a log in --app-log-dir cites the listing of that directory',
      outputs: { "find /srv/erp/logs -maxdepth 2 -type f -name '*.log'": '/srv/erp/logs/django.log\n' },
      appLogDirs: ['/srv/erp/logs'],
      expect: [{ messageId: 'unrotated', command: "find /srv/erp/logs -maxdepth 2 -type f -name '*.log'", says: /django\.log/ }],
    },
    {
      name: 'the app logrotate file was removed',
      outputs: { 'find /etc/logrotate.d -maxdepth 1 -type f': '/etc/logrotate.d/nginx\n' },
      expect: [{ messageId: 'unrotated', command: LOGS, says: /\/var\/log\/gunicorn\/erp\.log/ }],
    },
  ],
  unknown: [UNREACHABLE, { name: '/var/log cannot be listed', outputs: { [LOGS]: { exit: 1, stderr: "find: '/var/log': Permission denied\n" } }, reason: /could not be listed/ }],
  notApplicable: [NO_HOST, { name: 'the app logs to journald only', outputs: { [LOGS]: '/var/log/dpkg.log\n' } }],
});
