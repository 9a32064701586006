import rule from './service-not-running.js';
import { NO_HOST, UNREACHABLE, testRule } from './_tester.js';

const UNITS = 'systemctl list-units --type=service --all --plain --no-legend --no-pager';
const units = (...lines: string[]) => [...lines, 'ssh.service                   loaded active   running OpenBSD Secure Shell server', ''].join('\n');

testRule(rule, {
  good: [
    { name: 'gunicorn, nginx, PostgreSQL and Redis units are running', outputs: {} },
    {
      name: 'no systemd: the stack found in the process list',
      outputs: {
        [UNITS]: { exit: 1, stderr: 'System has not been booted with systemd as init system (PID 1). Can\'t operate.\nFailed to connect to bus: Host is down\n' },
        'ps -eo pid=,user=,etimes=,comm=,args=':
          '    1 root        4123 tini            tini -- /start\n   12 www-data    4100 nginx           nginx: master process /usr/sbin/nginx -g daemon off;\n   40 app         4090 python3         /venv/bin/python3 /venv/bin/gunicorn config.wsgi --bind 127.0.0.1:8000\n   77 root          10 kworker/0:1     [kworker/0:1]\n',
      },
    },
  ],
  bad: [
    {
      name: 'the gunicorn unit failed after a deploy',
      outputs: { [UNITS]: units('erp-gunicorn.service          loaded failed   failed  gunicorn daemon for the ERP', 'nginx.service                 loaded active   running nginx') },
      expect: [{ messageId: 'down', command: UNITS, says: /erp-gunicorn\.service on deploy@web1 is failed \(failed\)/ }],
    },
    {
      name: 'Redis left stopped',
      outputs: { [UNITS]: units('redis-server.service          loaded inactive dead    Advanced key-value store') },
      expect: [{ messageId: 'down', command: UNITS, says: /redis-server\.service .* inactive \(dead\)/ }],
    },
  ],
  unknown: [UNREACHABLE, { name: 'systemctl refused', outputs: { [UNITS]: { exit: 1, stderr: 'Failed to list units: Access denied\n' } }, reason: /permission denied|Access denied/i }],
  notApplicable: [NO_HOST],
});
