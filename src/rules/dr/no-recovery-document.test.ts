import rule from './no-recovery-document.js';
import { testRule } from '../../../test/rule-tester.js';

const backup = '#!/bin/bash\nset -euo pipefail\npg_dump -Fc app -f "/var/backups/app-$(date +%F).dump"\n';

testRule(rule, {
  good: [
    {
      name: 'RECOVERY.md runbook',
      files: { 'scripts/backup.sh': backup, 'docs/RECOVERY.md': '# Recovery\n\n1. Provision a new VM with `deploy/provision.sh`.\n2. Restore the newest dump: `pg_restore -d app /var/backups/app.dump`.\n' },
    },
    {
      name: 'README section "Backup and restore"',
      files: { 'scripts/backup.sh': backup, 'README.md': '# App\n\n## Backup and restore\n\nBackups run nightly.\nTo restore: `pg_restore --clean -d app backup.dump` then restart the web service.\n' },
    },
    {
      name: 'a runbook in another language: the restore command says it',
      files: {
        'scripts/backup.sh': backup,
        'DEPLOY.md': '# Развёртывание\n\n## Восстановление из копии\n\n```bash\ngunzip -c /var/backups/linguich/db-2025-01-01.sql.gz | psql linguich\n```\n',
      },
    },
  ],
  bad: [
    {
      name: 'a "restore" section about a front-end bundle is no recovery procedure',
      files: {
        'scripts/backup.sh': backup,
        'README.md': '# App\n\n## Restore a historical bundle\n\nTo restore a specific historical bundle from S3, copy it back with `aws s3 cp s3://app-bundles/v12/ ./static --recursive`.\n',
      },
      expect: [{ messageId: 'none', file: 'README.md' }],
    },
    {
      name: 'seed 002: restore command listed under deployment, no recovery procedure',
      files: {
        'scripts/backup.sh': backup,
        'README.md': '# OneSpirit\n\n## Production deployment\n\n```bash\n./setup-prod.sh restore-db backups/db_backup_20250101.sql.gz\n```\n',
      },
      expect: [{ messageId: 'none', file: 'README.md' }],
    },
    {
      name: 'backups section without restore steps',
      files: { 'scripts/backup.sh': backup, 'README.md': '# App\n\n## Backups\n\nRun scripts/backup.sh every night.\n' },
      expect: [{ messageId: 'none', file: 'README.md' }],
    },
  ],
  notApplicable: [{ name: 'a library', files: { 'README.md': '# django-widgets\n\nA reusable app.\n', 'setup.py': 'from setuptools import setup\nsetup()\n' } }],
});
