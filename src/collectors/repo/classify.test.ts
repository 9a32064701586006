import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { discoverFiles } from '../fact-store.js';
import { classifyByName } from './classify.js';

describe('classifyByName', () => {
  const cases: [string, string[]][] = [
    ['Dockerfile.prod', ['dockerfile']],
    ['docker/web.Dockerfile', ['dockerfile']],
    ['docker-compose.prod.yaml', ['compose']],
    ['compose.override.yml', ['compose']],
    ['proj/settings/prod.py', ['python', 'django-settings']],
    ['proj/wsgi.py', ['python', 'django-wsgi']],
    ['requirements/production.txt', ['requirements']],
    ['deploy/backup.timer', ['systemd-timer']],
    ['.github/workflows/deploy.yml', ['ci-workflow']],
    ['docs/disaster-recovery.md', ['runbook']],
    ['.env.prod.example', ['env']],
    ['env.production.example', ['env']],
    ['deploy/env.example', ['env']],
    ['README.md', []],
  ];
  for (const [path, kinds] of cases) it(`${path} -> ${kinds.join(', ') || 'nothing'}`, () => assert.deepEqual(classifyByName(path), kinds));
});

describe('discoverFiles (content sniffing)', () => {
  it('recognises nginx configs, extension-less scripts and compose files under other names', () => {
    const root = mkdtempSync(join(tmpdir(), 'opsaudit-classify-'));
    try {
      const files: Record<string, string> = {
        'production.yml': 'version: "3"\nservices:\n  django:\n    build: .\n',
        '.gitlab/notes.yml': 'title: x\n',
        'deploy/site.conf': 'server {\n  listen 80;\n}\n',
        'bin/release': '#!/usr/bin/env bash\nset -e\n',
        'compose/production/django/start': '#!/bin/bash\nset -o errexit\npython manage.py collectstatic --noinput\n',
        'misago/.run': '#!/bin/bash\npg_dump -U app app > backups/database.sql\n',
        'LICENSE': 'MIT License\n',
        'node_modules/x/Dockerfile': 'FROM node\n',
        'ignored/Dockerfile': 'FROM node\n',
        '.gitignore': 'ignored/\n',
      };
      for (const [p, t] of Object.entries(files)) {
        mkdirSync(dirname(join(root, p)), { recursive: true });
        writeFileSync(join(root, p), t);
      }
      const kinds = Object.fromEntries(discoverFiles(root).map((f) => [f.path, f.kinds]));
      assert.deepEqual(kinds['production.yml'], ['compose']);
      assert.deepEqual(kinds['.gitlab/notes.yml'], []);
      assert.deepEqual(kinds['deploy/site.conf'], ['nginx']);
      assert.deepEqual(kinds['bin/release'], ['shell']);
      assert.deepEqual(kinds['compose/production/django/start'], ['shell']);
      assert.deepEqual(kinds['misago/.run'], ['shell']);
      assert.deepEqual(kinds['LICENSE'], []);
      assert.equal(kinds['node_modules/x/Dockerfile'], undefined);
      assert.equal(kinds['ignored/Dockerfile'], undefined);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
