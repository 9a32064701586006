import rule from './ssh-root-login.js';
import { NO_HOST, UNREACHABLE, testRule } from './_tester.js';

testRule(rule, {
  good: [
    { name: 'permitrootlogin no', outputs: {} },
    { name: 'prohibit-password (keys only) is accepted', outputs: { 'sshd -T': 'port 22\npermitrootlogin without-password\npasswordauthentication no\n' } },
  ],
  bad: [
    { name: 'permitrootlogin yes', outputs: { 'sshd -T': 'port 22\npermitrootlogin yes\npasswordauthentication no\n' }, expect: [{ messageId: 'rootLogin', command: 'sshd -T', says: /PermitRootLogin yes/ }] },
    {
      name: 'without root: PermitRootLogin yes in a drop-in',
      outputs: {
        'id -u': '1000\n',
        'cat /etc/ssh/sshd_config': 'Include /etc/ssh/sshd_config.d/*.conf\nPermitRootLogin no\n',
        "find /etc/ssh/sshd_config.d -maxdepth 1 -type f -name '*.conf'": '/etc/ssh/sshd_config.d/99-cloud.conf\n',
        'cat /etc/ssh/sshd_config.d/99-cloud.conf': 'PermitRootLogin yes\n',
      },
      expect: [{ messageId: 'rootLogin', command: 'cat /etc/ssh/sshd_config.d/99-cloud.conf' }],
    },
  ],
  unknown: [UNREACHABLE, { name: 'sshd -T times out and the file is unreadable', outputs: { 'sshd -T': { timeout: true }, 'cat /etc/ssh/sshd_config': { exit: 1, stderr: 'Permission denied\n' } }, reason: /timed out/ }],
  notApplicable: [NO_HOST],
});
