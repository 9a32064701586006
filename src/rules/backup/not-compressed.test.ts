import rule from './not-compressed.js';
import { testRule } from '../../../test/rule-tester.js';

testRule(rule, {
  good: [
    { name: 'custom format', files: { 'scripts/backup.sh': '#!/bin/bash\nset -euo pipefail\npg_dump -Fc -U app app -f "/var/backups/app-$(date +%F).dump"\n' } },
    { name: 'piped through gzip', files: { 'scripts/backup.sh': '#!/bin/bash\nset -euo pipefail\npg_dump -U app app | gzip > "/var/backups/app-$(date +%F).sql.gz"\n' } },
    {
      name: 'seed 002: dump then gzip in the same function',
      files: {
        'setup-prod.sh':
          '#!/bin/bash\nset -e\nbackup_db() {\n    BACKUP_FILE="backups/db_backup_$(date +%Y%m%d).sql"\n    docker compose exec -T postgres pg_dump \\\n        -U "$DB_USER" \\\n        "$DB_NAME" > "$BACKUP_FILE"\n    gzip "$BACKUP_FILE"\n}\n',
      },
    },
    { name: 'cron line with zstd', files: { 'deploy/crontab': '0 2 * * * pg_dump app | zstd -q > /var/backups/app.sql.zst\n' } },
  ],
  bad: [
    {
      name: 'plain dump left as is',
      files: { 'scripts/backup.sh': '#!/bin/bash\nset -euo pipefail\nBACKUP_DIR=/var/backups\npg_dump -U app app > "$BACKUP_DIR/app-$(date +%F).sql"\nfind "$BACKUP_DIR" -name "*.sql" -mtime +7 -delete\n' },
      expect: [{ messageId: 'plain', file: 'scripts/backup.sh', line: 4 }],
    },
    {
      name: 'pg_dumpall in a crontab',
      files: { 'ops/crontab': 'MAILTO=ops@example.org\n30 1 * * * postgres pg_dumpall > /var/backups/all.sql\n' },
      expect: [{ messageId: 'plain', file: 'ops/crontab', line: 2 }],
    },
  ],
  notApplicable: [
    { name: 'no dumps', files: { 'deploy.sh': '#!/bin/sh\ngit pull\n' } },
    { name: 'backup image only', files: { 'docker-compose.yml': 'services:\n  backup:\n    image: prodrigestivill/postgres-backup-local:16\n' } },
  ],
});
