import rule from './no-pre-deploy-backup.js';
import { testRule } from '../../../test/rule-tester.js';

testRule(rule, {
  good: [
    {
      name: 'calls the backup script first',
      files: {
        'scripts/backup.sh': '#!/bin/bash\nset -euo pipefail\npg_dump -Fc shop -f "/var/backups/shop-$(date +%F-%H%M).dump"\n',
        'scripts/deploy.sh': '#!/bin/bash\nset -euo pipefail\n./scripts/backup.sh\ngit pull --ff-only\n.venv/bin/python manage.py migrate --noinput\nsudo systemctl restart gunicorn\n',
      },
    },
    { name: 'pg_dump inline', files: { 'deploy.sh': '#!/bin/bash\nset -euo pipefail\nsudo -u postgres pg_dump -Fc shop -f /var/backups/pre-deploy.dump\ngit pull\nsudo systemctl restart gunicorn\n' } },
  ],
  bad: [
    {
      name: 'straight to migrations',
      files: { 'scripts/deploy.sh': '#!/bin/bash\nset -euo pipefail\ngit pull --ff-only\n.venv/bin/python manage.py migrate --noinput\nsudo systemctl restart gunicorn\n' },
      expect: [{ messageId: 'noBackup', file: 'scripts/deploy.sh', line: 3 }],
    },
  ],
  notApplicable: [{ name: 'no deploy flow', files: { 'README.md': '# shop\n' } }],
});
