import rule from './certificate-expiry.js';
import { NO_HOST, UNREACHABLE, testRule } from './_tester.js';

const READ = 'openssl x509 -noout -subject -enddate -in /etc/letsencrypt/live/erp.example.com/cert.pem';
const cert = (date: string) => `subject=CN = erp.example.com\nnotAfter=${date}\n`;

testRule(rule, {
  good: [{ name: 'valid until April (73 days)', outputs: {} }],
  bad: [
    { name: 'expires in 12 days', outputs: { [READ]: cert('Feb 13 12:00:00 2026 GMT') }, expect: [{ messageId: 'expiring', command: READ, severity: 'high', says: /expires in 12 days \(2026-02-13\)/ }] },
    { name: 'expires in 3 days', outputs: { [READ]: cert('Feb  4 18:00:00 2026 GMT') }, expect: [{ messageId: 'expiring', command: READ, severity: 'critical' }] },
    { name: 'expired', outputs: { [READ]: cert('Jan 20 08:00:00 2026 GMT') }, expect: [{ messageId: 'expired', command: READ, severity: 'critical', says: /expired 13 days ago/ }] },
  ],
  unknown: [
    UNREACHABLE,
    { name: 'live directory needs root', outputs: { 'id -u': '1000\n' }, reason: /needs root/ },
    { name: 'openssl fails', outputs: { [READ]: { exit: 1, stderr: 'Could not read certificate from /etc/letsencrypt/live/erp.example.com/cert.pem\n' } }, reason: /could not be read/ },
  ],
  notApplicable: [NO_HOST, { name: 'no certbot on this host', outputs: { 'find /etc/letsencrypt/live -maxdepth 2 -name cert.pem': { exit: 1, stderr: "find: '/etc/letsencrypt/live': No such file or directory\n" } } }],
});
