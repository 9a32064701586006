import rule from './security-updates.js';
import { NO_HOST, UNREACHABLE, testRule } from './_tester.js';

const APT = 'apt list --upgradable';
const list = (...pkgs: string[]) => ({ stdout: ['Listing...', ...pkgs, ''].join('\n'), stderr: '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n' });

testRule(rule, {
  good: [
    { name: 'nothing pending', outputs: {} },
    { name: 'only a point-release update', outputs: { [APT]: list('tzdata/stable-updates 2025b-0+deb12u1 all [upgradable from: 2024a-0+deb12u1]') } },
  ],
  bad: [
    {
      name: 'OpenSSH and OpenSSL security fixes pending (Debian)',
      outputs: {
        [APT]: list(
          'libssl3/stable-security 3.0.15-1~deb12u1 amd64 [upgradable from: 3.0.13-1~deb12u1]',
          'openssh-server/stable-security 1:9.2p1-2+deb12u3 amd64 [upgradable from: 1:9.2p1-2+deb12u2]',
          'tzdata/stable-updates 2025b-0+deb12u1 all [upgradable from: 2024a-0+deb12u1]',
        ),
      },
      expect: [{ messageId: 'pending', command: APT, severity: 'medium', says: /2 security update\(s\) pending .* \(libssl3, openssh-server\)/ }],
    },
    {
      name: 'Ubuntu lists the security pocket after -updates',
      outputs: { [APT]: list('libssl3t64/noble-updates,noble-security 3.0.13-0ubuntu3.4 amd64 [upgradable from: 3.0.13-0ubuntu3.1]') },
      expect: [{ messageId: 'pending', command: APT, says: /libssl3t64/ }],
    },
  ],
  unknown: [UNREACHABLE, { name: 'not a Debian host', outputs: { [APT]: null }, reason: /only checked on Debian and Ubuntu/ }],
  notApplicable: [NO_HOST],
});
