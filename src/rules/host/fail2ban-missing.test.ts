import rule from './fail2ban-missing.js';
import { NO_HOST, UNREACHABLE, testRule } from './_tester.js';

testRule(rule, {
  good: [{ name: 'sshd jail active', outputs: {} }],
  bad: [
    { name: 'fail2ban not installed, keys only (low)', outputs: { 'fail2ban-client status': null }, expect: [{ messageId: 'missing', command: 'fail2ban-client status', severity: 'low' }] },
    {
      name: 'fail2ban stopped while passwords are accepted (medium)',
      outputs: {
        'sshd -T': 'port 22\npermitrootlogin no\npasswordauthentication yes\n',
        'fail2ban-client status': { exit: 255, stderr: 'ERROR   Failed to access socket path: /var/run/fail2ban/fail2ban.sock. Is fail2ban running?\n' },
      },
      expect: [{ messageId: 'missing', command: 'fail2ban-client status', severity: 'medium', says: /installed but not running/ }],
    },
    { name: 'only an nginx jail', outputs: { 'fail2ban-client status': 'Status\n|- Number of jail:\t1\n`- Jail list:\tnginx-http-auth\n' }, expect: [{ messageId: 'missing', command: 'fail2ban-client status', says: /no sshd jail/ }] },
  ],
  unknown: [UNREACHABLE, { name: 'not root, no --sudo', outputs: { 'id -u': '1000\n', 'cat /etc/ssh/sshd_config': 'PasswordAuthentication no\n' }, reason: /needs root/ }],
  notApplicable: [NO_HOST],
});
