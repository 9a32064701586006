import rule from './ssh-password-auth.js';
import { NO_HOST, UNREACHABLE, testRule } from './_tester.js';

const DEBIAN_SSHD_CONFIG = 'Include /etc/ssh/sshd_config.d/*.conf\n\n#PermitRootLogin prohibit-password\nKbdInteractiveAuthentication no\nUsePAM yes\nX11Forwarding yes\nSubsystem\tsftp\t/usr/lib/openssh/sftp-server\n';
const asUser = { 'id -u': '1000\n', 'cat /etc/ssh/sshd_config': DEBIAN_SSHD_CONFIG };

testRule(rule, {
  good: [
    { name: 'sshd -T: passwordauthentication no', outputs: {} },
    {
      name: 'without root: a drop-in disables passwords (it is read before the main file)',
      outputs: { ...asUser, "find /etc/ssh/sshd_config.d -maxdepth 1 -type f -name '*.conf'": '/etc/ssh/sshd_config.d/50-hardening.conf\n', 'cat /etc/ssh/sshd_config.d/50-hardening.conf': 'PasswordAuthentication no\n' },
    },
  ],
  bad: [
    { name: 'sshd -T: passwordauthentication yes', outputs: { 'sshd -T': 'port 22\npermitrootlogin no\npasswordauthentication yes\n' }, expect: [{ messageId: 'passwords', command: 'sshd -T' }] },
    {
      name: 'without root: Debian default config (not set means yes)',
      outputs: { ...asUser, "find /etc/ssh/sshd_config.d -maxdepth 1 -type f -name '*.conf'": '' },
      expect: [{ messageId: 'passwords', command: 'cat /etc/ssh/sshd_config' }],
    },
    {
      name: 'a Match block does not count; the global line does',
      outputs: { ...asUser, 'cat /etc/ssh/sshd_config': 'PasswordAuthentication yes\nMatch Address 10.0.0.0/8\n    PasswordAuthentication no\n', "find /etc/ssh/sshd_config.d -maxdepth 1 -type f -name '*.conf'": '' },
      expect: [{ messageId: 'passwords', command: 'cat /etc/ssh/sshd_config' }],
    },
  ],
  unknown: [UNREACHABLE, { name: 'the config is not readable', outputs: { 'id -u': '1000\n', 'cat /etc/ssh/sshd_config': { exit: 1, stderr: 'cat: /etc/ssh/sshd_config: Permission denied\n' } }, reason: /could not be read/ }],
  notApplicable: [NO_HOST, { name: 'no sshd installed (audited locally)', outputs: { 'sshd -T': null, 'cat /etc/ssh/sshd_config': { exit: 1, stderr: 'cat: /etc/ssh/sshd_config: No such file or directory\n' } } }],
});
