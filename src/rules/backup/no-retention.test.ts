import rule from './no-retention.js';
import { testRule } from '../../../test/rule-tester.js';

testRule(rule, {
  good: [
    {
      name: 'find -mtime -delete after the dump',
      files: { 'backup.sh': '#!/bin/bash\nset -euo pipefail\npg_dump -Fc app > "/backups/app-$(date +%F).dump"\nfind /backups -name "*.dump" -mtime +14 -delete\n' },
    },
    {
      name: 'restic forget',
      files: { 'backup.sh': '#!/bin/sh\npg_dump app | restic backup --stdin\nrestic forget --keep-daily 7 --prune\n' },
    },
  ],
  bad: [
    {
      name: 'dumps accumulate',
      files: { 'scripts/backup.sh': '#!/bin/bash\nset -e\nmkdir -p backups\npg_dump -U app app | gzip > "backups/db_$(date +%s).sql.gz"\n' },
      expect: [{ messageId: 'noRetention', file: 'scripts/backup.sh', line: 4 }],
    },
  ],
  notApplicable: [{ name: 'no backup job', files: { 'deploy.sh': '#!/bin/sh\ndocker compose up -d\n' } }],
});
