import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { discoverFiles } from '../fact-store.js';
import { RepoCollectContext } from './context.js';
import { collectTexts } from './texts.js';

const temps: string[] = [];
after(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

function repo(tree: Record<string, string>): RepoCollectContext {
  const root = mkdtempSync(join(tmpdir(), 'opsaudit-texts-'));
  temps.push(root);
  for (const [p, text] of Object.entries(tree)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  return new RepoCollectContext(root, discoverFiles(root));
}

describe('collectTexts', () => {
  it('reads docs, runbooks, Makefiles and tool configs; leaves content, licences and parsed files alone', () => {
    const ctx = repo({
      'README.md': '# Shop\n\n## Backups\n\nNightly.\n',
      'docs/runbook.md': '# Runbook\n',
      'docs/RECOVERY.md': '# Recovery\n',
      'CHANGELOG.md': '# 1.0\n',
      'LICENSE.txt': 'MIT\n',
      'shop/templates/help.md': '# Help\n',
      'shop/static/vendor/readme.txt': 'vendored\n',
      'requirements.txt': 'Django\n',
      Makefile: 'deploy:\n\t./scripts/deploy.sh\n',
      Procfile: 'web: gunicorn shop.wsgi\n',
      'gunicorn.conf.py': 'accesslog = "-"\n',
      'monitoring/alertmanager.yml': 'receivers: []\n',
      'docker-compose.yml': 'services: {}\n',
    });
    const texts = collectTexts(ctx);
    assert.deepEqual(
      texts.map((t) => [t.path, t.role]),
      [
        ['Makefile', 'makefile'],
        ['Procfile', 'tool-config'],
        ['README.md', 'readme'],
        ['docs/RECOVERY.md', 'runbook'],
        ['docs/runbook.md', 'runbook'],
        ['gunicorn.conf.py', 'tool-config'],
        ['monitoring/alertmanager.yml', 'tool-config'],
      ],
    );
    const readme = texts.find((t) => t.path === 'README.md')!;
    assert.deepEqual(readme.headings.map((h) => h.title.value), ['Shop', 'Backups']);
    assert.equal(texts.find((t) => t.path === 'Makefile')!.targets[0].recipe[0].value, './scripts/deploy.sh');
    assert.ok(ctx.sources.has('README.md'), 'kept for proof quoting');
  });
});
