import rule from './no-restore-test.js';
import { testRule } from '../../../test/rule-tester.js';

const dump = '#!/bin/bash\nset -euo pipefail\nFILE="/var/backups/app-$(date +%F).dump"\npg_dump -Fc app -f "$FILE"\n';

testRule(rule, {
  good: [
    { name: 'pg_restore --list after the dump', files: { 'scripts/backup.sh': `${dump}pg_restore --list "$FILE" > /dev/null\n` } },
    {
      name: 'monthly restore-test script',
      files: {
        'scripts/backup.sh': dump,
        'scripts/test-restore.sh': '#!/bin/bash\nset -euo pipefail\ncreatedb restore_check\npg_restore -d restore_check "$(ls -t /var/backups/*.dump | head -1)"\npsql -d restore_check -c "select count(*) from auth_user"\ndropdb restore_check\n',
      },
    },
    {
      name: 'restore drill documented in the runbook',
      files: { 'scripts/backup.sh': dump, 'docs/runbook.md': '# Runbook\n\n## Backups\n\nEvery first Monday we run a restore drill on staging and record how long it took.\n' },
    },
  ],
  bad: [
    {
      name: 'seed 002: gunzip -t only when restoring, never after the backup',
      files: {
        'setup-prod.sh':
          '#!/bin/bash\nset -e\nbackup_db() {\n    docker compose exec -T postgres pg_dump -U app app > "$BACKUP_FILE"\n    gzip "$BACKUP_FILE"\n}\nrestore_db() {\n    gunzip -t "$1"\n    gunzip -c "$1" | docker compose exec -T postgres psql -U app app\n}\n',
        'README.md': '# App\n\n```bash\n./setup-prod.sh restore-db backups/db_backup_20250101.sql.gz\n```\n',
      },
      expect: [{ messageId: 'never', file: 'setup-prod.sh', line: 4 }],
    },
  ],
  notApplicable: [{ name: 'no backups', files: { 'README.md': '# app\n' } }],
});
