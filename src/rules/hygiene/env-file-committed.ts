// A real (non-example) env file with secret values is part of the repository.
import { defineRule } from '../../core/define-rule.js';
import { isPlaceholder, isSecretKeyName } from './_values.js';

export default defineRule({
  id: 'hygiene/env-file-committed',
  title: 'Env file with real secrets is committed or not git-ignored',
  category: 'security',
  severity: 'high',
  requires: ['repo'],
  why: 'Secrets in a committed .env file are readable by everyone with repository access and stay in git history; the same file usually ends up baked into images.',
  fix: 'Remove the file from git (git rm --cached), add it to .gitignore, rotate the secrets it held, and commit an .env.example with placeholders instead.',
  references: [
    { title: 'OWASP Secrets Management Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html' },
    { title: 'The Twelve-Factor App: Config', url: 'https://12factor.net/config' },
  ],
  verify: 'git ls-files --error-unmatch {file}   # expect: error, file not tracked',
  messages: {
    tracked: '{file} is tracked by git and holds a value for {key}.',
    committed: '{file} is in the repository and holds a value for {key}.',
    notIgnored: '{file} holds a value for {key} and is not excluded by .gitignore.',
  },
  check({ repo }, ctx) {
    const candidates = repo.envFiles.filter((f) => f.role !== 'example' && !/(example|sample|template|dist)/i.test(f.path));
    if (candidates.length === 0) return ctx.notApplicable('no env file other than examples in the repository');
    const tracked = repo.tracked ? new Set(repo.tracked) : null;
    for (const file of candidates) {
      if (file.role === 'development') {
        ctx.pass(file.path);
        continue;
      }
      const secret = file.entries.find((e) => isSecretKeyName(e.key.value) && !isPlaceholder(e.value.value));
      if (!secret) {
        ctx.pass(file.path);
        continue;
      }
      // Without git information the file is in the tree we were given: say that, not "tracked by git".
      const messageId = tracked === null ? 'committed' : tracked.has(file.path) ? 'tracked' : 'notIgnored';
      ctx.fail(messageId, { at: secret.value, target: file.path, data: { file: file.path, key: secret.key.value } });
    }
  },
});
