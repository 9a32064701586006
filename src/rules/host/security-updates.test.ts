import rule from './security-updates.js';
import { NO_HOST, UNREACHABLE, testRule } from './_tester.js';

const APT = 'apt-get --simulate -o Debug::NoLocking=1 dist-upgrade';
const sim = (...inst: string[]) =>
  ['NOTE: This is only a simulation!', 'Reading package lists...', 'Calculating upgrade...', `${inst.length} upgraded, 0 newly installed, 0 to remove and 0 not upgraded.`, ...inst, ...inst.map((l) => l.replace(/^Inst/, 'Conf').replace(/ \[[^\]]+\]/, '')), ''].join('\n');

testRule(rule, {
  good: [
    { name: 'nothing pending', outputs: {} },
    { name: 'only a point-release update', outputs: { [APT]: sim('Inst tzdata [2024a-0+deb12u1] (2025b-0+deb12u1 Debian:12.11/stable-updates [all])') } },
  ],
  bad: [
    {
      name: 'OpenSSH and OpenSSL security fixes pending',
      outputs: {
        [APT]: sim(
          'Inst openssh-server [1:9.2p1-2+deb12u2] (1:9.2p1-2+deb12u3 Debian-Security:12/stable-security [amd64])',
          'Inst libssl3 [3.0.13-1~deb12u1] (3.0.15-1~deb12u1 Debian-Security:12/stable-security [amd64])',
          'Inst tzdata [2024a-0+deb12u1] (2025b-0+deb12u1 Debian:12.11/stable-updates [all])',
        ),
      },
      expect: [{ messageId: 'pending', command: APT, severity: 'medium', says: /2 security update\(s\) pending .* \(openssh-server, libssl3\)/ }],
    },
  ],
  unknown: [UNREACHABLE, { name: 'not a Debian host', outputs: { [APT]: null }, reason: /only checked on Debian and Ubuntu/ }],
  notApplicable: [NO_HOST],
});
