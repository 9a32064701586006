import rule from './database-port-exposed.js';
import { NO_HOST, UNREACHABLE, testRule } from './_tester.js';

const SS = 'ss -H -tlnp';
const ss = (...extra: string[]) =>
  [
    'LISTEN 0      511          0.0.0.0:80         0.0.0.0:*    users:(("nginx",pid=812,fd=6))',
    'LISTEN 0      128          0.0.0.0:22         0.0.0.0:*    users:(("sshd",pid=640,fd=3))',
    ...extra,
    '',
  ].join('\n');
const UFW_OFF = { 'ufw status verbose': 'Status: inactive\n', 'nft list ruleset': '', 'iptables -S': '-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n' };

testRule(rule, {
  good: [
    { name: 'PostgreSQL, Redis and gunicorn on loopback', outputs: {} },
    {
      name: 'PostgreSQL on all interfaces behind ufw default deny',
      outputs: { [SS]: ss('LISTEN 0      244          0.0.0.0:5432       0.0.0.0:*    users:(("postgres",pid=702,fd=6))') },
    },
    {
      name: 'nginx on port 8000 is not the app server',
      outputs: { ...UFW_OFF, [SS]: ss('LISTEN 0      511          0.0.0.0:8000       0.0.0.0:*    users:(("nginx",pid=812,fd=8))') },
    },
  ],
  bad: [
    {
      name: 'Redis on 0.0.0.0 and no firewall',
      outputs: { ...UFW_OFF, [SS]: ss('LISTEN 0      511          0.0.0.0:6379       0.0.0.0:*    users:(("redis-server",pid=655,fd=6))') },
      expect: [{ messageId: 'exposed', command: SS, severity: 'critical', says: /Redis listens on 0\.0\.0\.0:6379 on deploy@web1 and ufw is inactive/ }],
    },
    {
      name: 'ufw allows 5432 from anywhere',
      outputs: {
        [SS]: ss('LISTEN 0      244             [::]:5432          [::]:*    users:(("postgres",pid=702,fd=7))'),
        'ufw status verbose': 'Status: active\nDefault: deny (incoming), allow (outgoing), disabled (routed)\n\nTo                         Action      From\n--                         ------      ----\n22/tcp                     ALLOW IN    Anywhere\n5432                       ALLOW IN    Anywhere\n',
      },
      expect: [{ messageId: 'exposed', command: SS, says: /ufw allows port 5432 from anywhere/ }],
    },
    {
      name: 'a Docker-published PostgreSQL port bypasses ufw',
      outputs: { [SS]: ss('LISTEN 0      4096         0.0.0.0:5432       0.0.0.0:*    users:(("docker-proxy",pid=1201,fd=4))') },
      expect: [{ messageId: 'exposed', command: SS, severity: 'critical', says: /published by Docker, whose iptables rules bypass ufw/ }],
    },
    {
      name: 'gunicorn bound to the public address',
      outputs: { ...UFW_OFF, [SS]: ss('LISTEN 0      2048    203.0.113.10:8000       0.0.0.0:*    users:(("gunicorn",pid=901,fd=5))') },
      expect: [{ messageId: 'exposed', command: SS, severity: 'high', says: /the app server listens on 203\.0\.113\.10:8000/ }],
    },
  ],
  unknown: [
    UNREACHABLE,
    {
      name: 'PostgreSQL on 0.0.0.0 and the firewall needs root',
      outputs: { 'id -u': '1000\n', [SS]: ss('LISTEN 0      244          0.0.0.0:5432       0.0.0.0:*') },
      reason: /firewall is unknown: .*needs root.*--sudo/,
    },
  ],
  notApplicable: [NO_HOST],
});
