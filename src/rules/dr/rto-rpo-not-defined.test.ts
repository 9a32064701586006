import rule from './rto-rpo-not-defined.js';
import { testRule } from '../../../test/rule-tester.js';

const backup = '#!/bin/bash\nset -euo pipefail\npg_dump -Fc app -f "/var/backups/app-$(date +%F).dump"\n';

testRule(rule, {
  good: [
    { name: 'runbook states RPO and RTO', files: { 'scripts/backup.sh': backup, 'docs/runbook.md': '# Runbook\n\n## Objectives\n\n- RPO: 24 hours (nightly dump)\n- RTO: 4 hours\n' } },
    { name: 'spelled out', files: { 'scripts/backup.sh': backup, 'README.md': '# App\n\nOur recovery point objective is one hour (WAL archiving).\n' } },
  ],
  bad: [
    {
      name: 'backups but no objectives',
      files: { 'scripts/backup.sh': backup, 'README.md': '# App\n\n## Backups\n\nNightly at 02:00.\n' },
      expect: [{ messageId: 'none', file: 'README.md' }],
    },
  ],
  notApplicable: [{ name: 'a library', files: { 'README.md': '# django-widgets\n' } }],
});
