import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { collectRepository } from '../fact-store.js';
import { repoBackupLocations } from './locate.js';

const roots: string[] = [];
after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function repo(files: Record<string, string>, dirs: string[] = []): string {
  const root = mkdtempSync(join(tmpdir(), 'opsaudit-locate-'));
  roots.push(root);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  for (const d of dirs) mkdirSync(join(root, d), { recursive: true });
  return root;
}

function locations(root: string) {
  return repoBackupLocations(root, collectRepository(root).facts).map((l) => ({ path: l.path.startsWith(root) ? l.path.slice(root.length + 1) : l.path, origin: l.origin }));
}

describe('backup locations a repository names', () => {
  it('follows a dump through a pipeline and the script variables that build its file name', () => {
    const outside = mkdtempSync(join(tmpdir(), 'opsaudit-locate-out-'));
    roots.push(outside);
    const root = repo({
      'scripts/backup.sh': `#!/bin/bash\nset -euo pipefail\nBACKUP_DIR=${outside}\nFILE="$BACKUP_DIR/db_$(date +%F).sql.gz"\npg_dump -h db app | gzip > "$FILE"\n`,
    });
    assert.deepEqual(locations(root), [{ path: outside, origin: 'scripts/backup.sh:5 writes dumps there' }]);
  });

  it('takes the bind mount of a backup service, not the database data volume', () => {
    const root = repo(
      {
        'docker-compose.yml':
          'services:\n  db:\n    image: postgres:16\n    volumes:\n      - ./pgdata:/var/lib/postgresql/data\n  backup:\n    image: prodrigestivill/postgres-backup-local\n    volumes:\n      - ./var/dumps:/backups\n',
      },
      ['pgdata', 'var/dumps'],
    );
    assert.deepEqual(locations(root), [{ path: 'var/dumps', origin: 'docker-compose.yml:9 mounts it into service "backup" at /backups' }]);
  });

  it('finds the usual backup folder, and skips places that do not exist here', () => {
    const root = repo({ 'backups/.gitkeep': '', 'deploy/backup.sh': '#!/bin/sh\npg_dump app > /nonexistent/opsaudit/db.sql\n' });
    assert.deepEqual(locations(root), [{ path: 'backups', origin: 'backups/ is a backup folder in the repository' }]);
  });

  it('ignores a dump whose folder is only known at run time', () => {
    const root = repo({ 'backup.sh': '#!/bin/sh\npg_dump app > "$1/db.sql"\n' });
    assert.deepEqual(locations(root), []);
  });
});
