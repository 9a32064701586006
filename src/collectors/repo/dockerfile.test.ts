import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { RepoCollectContext } from './context.js';
import { collectDockerfiles } from './dockerfile.js';

const roots: string[] = [];

function contextFor(files: Record<string, string>): RepoCollectContext {
  const root = mkdtempSync(join(tmpdir(), 'opsaudit-dockerfile-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return new RepoCollectContext(
    root,
    Object.entries(files).map(([path, text]) => ({ path, kinds: ['dockerfile'], size: text.length })),
  );
}

describe('collectDockerfiles', () => {
  after(() => {
    for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
  });

  it('parses every Dockerfile and keeps its source for proof', () => {
    const ctx = contextFor({ Dockerfile: 'FROM python:3.12-slim\nUSER app\n', 'docker/web/Dockerfile.prod': 'FROM nginx:1.27\n' });
    const facts = collectDockerfiles(ctx);
    assert.deepEqual(facts.map((f) => f.path).sort(), ['Dockerfile', 'docker/web/Dockerfile.prod']);
    assert.ok(ctx.sources.has('Dockerfile'));
    assert.equal(ctx.parseProblems.length, 0);
  });

  it('reports syntax problems with their location and still returns the rest', () => {
    const ctx = contextFor({ Dockerfile: 'FROM python:3.12\nCMD ["gunicorn", "app.wsgi"\nUSER app\n' });
    const [facts] = collectDockerfiles(ctx);
    assert.equal(facts.stages[0].user?.value, 'app');
    assert.equal(ctx.parseProblems.length, 1);
    assert.deepEqual({ ...ctx.parseProblems[0], message: '' }, { path: 'Dockerfile', line: 2, col: 5, message: '', as: 'dockerfile' });
    assert.ok(ctx.issues.some((i) => i.kind === 'dockerfiles' && i.file === 'Dockerfile'));
  });

  it('registers literal secrets from ENV and ARG (and URL passwords) for masking', () => {
    const ctx = contextFor({
      Dockerfile: 'FROM python:3.12\nARG GITHUB_TOKEN=ghp_abcdefghijklmnop\nENV DJANGO_SECRET_KEY=s3cr3t-value-123 DB_PASSWORD_FILE=/run/secrets/db\nENV DATABASE_URL=postgres://app:hunter22hunter@db/app\n',
    });
    collectDockerfiles(ctx);
    assert.deepEqual([...ctx.secretValues].sort(), ['ghp_abcdefghijklmnop', 'hunter22hunter', 's3cr3t-value-123']);
  });

  it('leaves Dockerfile templates and documents out, with a note', () => {
    const ctx = contextFor({ 'Dockerfile.j2': 'FROM {{ base }}\n{% if x %}RUN x{% endif %}\n', 'Dockerfile.md': '# How to build\n' });
    assert.deepEqual(collectDockerfiles(ctx), []);
    assert.equal(ctx.parseProblems.length, 0);
    assert.equal(ctx.notes.length, 2);
  });
});
