// Env files: found by name (.env*, cookiecutter's .envs/), and by a compose env_file naming them whatever their name.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { collectRepository } from '../fact-store.js';

const roots: string[] = [];
after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function envFilesOf(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'opsaudit-env-'));
  roots.push(root);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  return collectRepository(root).facts.repo.envFiles.map((e) => [e.path, e.role]).sort();
}

describe('env files', () => {
  it('reads cookiecutter-django .envs/ files and their examples', () => {
    assert.deepEqual(
      envFilesOf({ '.envs/.production/.django.example': 'DJANGO_SECRET_KEY=\n', '.envs/.local/.django': 'USE_DOCKER=yes\n' }),
      [
        ['.envs/.local/.django', 'development'],
        ['.envs/.production/.django.example', 'production'],
      ],
    );
  });

  it('reads a file a production compose env_file names, whatever its name', () => {
    const found = envFilesOf({
      'docker-compose.prod.yml': 'services:\n  api:\n    build: .\n    env_file:\n      - env/api.settings\n',
      'env/api.settings': 'SECRET_KEY=somesupersecretkey\n',
    });
    assert.deepEqual(found, [['env/api.settings', 'production']]);
  });
});
