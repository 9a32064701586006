import rule from './pipe-without-pipefail.js';
import { testRule } from '../../../test/rule-tester.js';

testRule(rule, {
  good: [
    { name: 'set -euo pipefail at the top', files: { 'backup.sh': '#!/bin/bash\nset -euo pipefail\npg_dump -U app app | gzip > "/var/backups/app-$(date +%F).sql.gz"\n' } },
    {
      name: 'pipefail at top level, dump in a function defined earlier',
      files: { 'backup.sh': '#!/bin/bash\nbackup() {\n  pg_dump app | gzip > /var/backups/app.sql.gz\n}\nset -o pipefail\nbackup\n' },
    },
    {
      name: 'PIPESTATUS checked',
      files: { 'backup.sh': '#!/bin/bash\npg_dump app | gzip > /var/backups/app.sql.gz\nstatus=${PIPESTATUS[0]}\nif [ "$status" -ne 0 ]; then echo "dump failed" >&2; exit 1; fi\n' },
    },
  ],
  bad: [
    {
      name: 'set -e only',
      files: { 'scripts/backup.sh': '#!/bin/bash\nset -e\nmkdir -p /var/backups\ndocker compose exec -T db pg_dump -U app app | gzip > "/var/backups/db_$(date +%F).sql.gz"\n' },
      expect: [{ messageId: 'noPipefail', file: 'scripts/backup.sh', line: 4 }],
    },
    {
      name: 'pipefail switched off before the dump',
      files: { 'backup.sh': '#!/bin/bash\nset -o pipefail\nset +o pipefail\npg_dump app | gzip > /var/backups/app.sql.gz\n' },
      expect: [{ messageId: 'noPipefail', file: 'backup.sh', line: 4 }],
    },
    {
      name: 'crontab line',
      files: { 'deploy/crontab': '0 3 * * * pg_dump -U app app | gzip > /var/backups/app.sql.gz\n' },
      expect: [{ messageId: 'noPipefail', file: 'deploy/crontab', line: 1 }],
    },
  ],
  notApplicable: [
    { name: 'dump written to a file', files: { 'backup.sh': '#!/bin/bash\npg_dump -Fc app -f /var/backups/app.dump\n' } },
    { name: 'no dumps', files: { 'deploy.sh': '#!/bin/sh\ngit pull\n' } },
  ],
});
