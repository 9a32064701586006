import rule from './firewall-inactive.js';
import { NO_HOST, UNREACHABLE, testRule } from './_tester.js';

testRule(rule, {
  good: [
    { name: 'ufw active, default deny', outputs: {} },
    {
      name: 'nftables input chain with policy drop (ufw not installed)',
      outputs: {
        'ufw status verbose': null,
        'nft list ruleset':
          'table inet filter {\n\tchain input {\n\t\ttype filter hook input priority filter; policy drop;\n\t\tct state established,related accept\n\t\tiif "lo" accept\n\t\ttcp dport { 22, 80, 443 } accept\n\t}\n}\n',
      },
    },
    { name: 'iptables INPUT policy DROP', outputs: { 'ufw status verbose': null, 'nft list ruleset': null, 'iptables -S': '-P INPUT DROP\n-P FORWARD DROP\n-P OUTPUT ACCEPT\n-A INPUT -i lo -j ACCEPT\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\n' } },
  ],
  bad: [
    {
      name: 'ufw inactive and no rules',
      outputs: { 'ufw status verbose': 'Status: inactive\n', 'nft list ruleset': '', 'iptables -S': '-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n' },
      expect: [{ messageId: 'inactive', command: 'ufw status verbose', says: /ufw is inactive and no input filtering rules are loaded/ }],
    },
    {
      name: 'no firewall tool installed',
      outputs: { 'ufw status verbose': null, 'nft list ruleset': null, 'iptables -S': null },
      expect: [{ messageId: 'inactive', command: 'ufw status verbose', says: /no firewall tool is installed/ }],
    },
  ],
  unknown: [
    UNREACHABLE,
    { name: 'not root and no --sudo', outputs: { 'id -u': '1000\n' }, reason: /needs root: `ufw status verbose` was not run; run again with --sudo/ },
    { name: '--sudo but sudo asks for a password', sudo: true, outputs: { 'id -u': '1000\n', 'sudo -n true': { exit: 1, stderr: 'sudo: a password is required\n' } }, reason: /sudo -n was refused/ },
  ],
  notApplicable: [NO_HOST],
});
