import rule from './script-without-errexit.js';
import { testRule } from '../../../test/rule-tester.js';

testRule(rule, {
  good: [
    { name: 'set -euo pipefail', files: { 'backup.sh': '#!/bin/bash\nset -euo pipefail\npg_dump -Fc app -f /var/backups/app.dump\nfind /var/backups -mtime +7 -delete\n' } },
    { name: 'shebang -e', files: { 'backup.sh': '#!/bin/bash -e\npg_dump -Fc app -f /var/backups/app.dump\n' } },
    {
      name: 'explicit check with exit',
      files: { 'backup.sh': '#!/bin/sh\npg_dump -Fc app -f /var/backups/app.dump || { echo "backup failed" >&2; exit 1; }\nfind /var/backups -mtime +7 -delete\n' },
    },
    { name: 'the dump is the last command (its status is the script\'s)', files: { 'backup.sh': '#!/bin/sh\ncd /var/backups\npg_dump -Fc app -f app.dump\n' } },
    { name: 'if pg_dump', files: { 'backup.sh': '#!/bin/sh\nif ! pg_dump -Fc app -f /var/backups/app.dump; then\n  exit 1\nfi\n' } },
  ],
  bad: [
    {
      name: 'no set -e, prunes afterwards',
      files: { 'scripts/backup.sh': '#!/bin/bash\nBACKUP_DIR=/var/backups\npg_dump -Fc app -f "$BACKUP_DIR/app-$(date +%F).dump"\nfind "$BACKUP_DIR" -name "*.dump" -mtime +7 -delete\n' },
      expect: [{ messageId: 'noErrexit', file: 'scripts/backup.sh', line: 3 }],
    },
    {
      name: 'failure swallowed with || true',
      files: { 'backup.sh': '#!/bin/bash\nset -e\npg_dump -Fc app -f /var/backups/app.dump || true\necho "backup complete"\n' },
      expect: [{ messageId: 'ignored', file: 'backup.sh', line: 3 }],
    },
  ],
  notApplicable: [
    { name: 'no backup script', files: { 'deploy.sh': '#!/bin/sh\ngit pull\n' } },
    { name: 'dump only in crontab', files: { 'ops/crontab': '0 2 * * * pg_dump -Fc app -f /var/backups/app.dump\n' } },
  ],
});
