// A private key or a well-known token shape committed to the repository.
import { defineRule } from '../../core/define-rule.js';

const LABEL: Record<string, string> = {
  'private-key': 'a private key',
  'aws-access-key': 'an AWS access key id',
  'github-token': 'a GitHub token',
  'slack-token': 'a Slack token',
  'stripe-live-key': 'a Stripe live key',
  'gitlab-token': 'a GitLab token',
};

export default defineRule({
  id: 'hygiene/token-committed',
  title: 'Private key or access token committed to the repository',
  category: 'security',
  severity: 'critical',
  requires: ['hygiene'],
  why: 'Anyone who can read the repository (or any clone, fork, CI cache or backup of it) holds the credential; removing the file later does not remove it from git history.',
  fix: 'Revoke and rotate the credential now, remove it from the repository and its history (git filter-repo), and load it at run time from a secret store, Docker secret or an untracked env file.',
  references: [
    { title: 'OWASP Secrets Management Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html' },
    { title: 'GitHub: Removing sensitive data from a repository', url: 'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/removing-sensitive-data-from-a-repository' },
  ],
  verify: 'git log --all -p -- {file} | grep -c "PRIVATE KEY\\|AKIA\\|gh[pousr]_"   # expect 0 after history rewrite',
  messages: { committed: '{file} contains {what}.' },
  check({ hygiene }, ctx) {
    for (const s of hygiene.committedSecrets) {
      ctx.fail('committed', { at: s.at, target: s.at.loc.file, data: { file: s.at.loc.file, what: LABEL[s.kind] ?? s.kind } });
    }
    if (hygiene.committedSecrets.length === 0) ctx.pass(`${hygiene.scannedFiles} text files`);
  },
});
