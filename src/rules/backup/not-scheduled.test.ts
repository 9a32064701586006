import rule from './not-scheduled.js';
import { testRule } from '../../../test/rule-tester.js';

/** Real-world: deploy.sh dumps the database before migrating; the nightly backup.sh is in the crontab. */
const deployWithDump =
  '#!/bin/bash\nset -euo pipefail\ncd /home/app/shop\npg_dump -U shop -Fc shop > "/home/app/backups/pre-deploy-$(date +%Y%m%d%H%M).dump"\ngit pull origin main\n/home/app/venv/bin/python manage.py migrate --noinput\nsudo systemctl restart gunicorn\n';
const nightly = '#!/bin/bash\nset -euo pipefail\npg_dump -U shop shop | gzip > "/home/app/backups/shop-$(date +%F).sql.gz"\nfind /home/app/backups -name "shop-*.sql.gz" -mtime +14 -delete\n';

const script = '#!/bin/bash\nset -euo pipefail\npg_dump -Fc app > /var/backups/app.dump\n';

testRule(rule, {
  good: [
    { name: 'cron.d runs the script', files: { 'scripts/backup.sh': script, 'deploy/cron.d/app-backup': '0 2 * * * app /srv/app/scripts/backup.sh\n' } },
    {
      name: 'scheduled GitHub workflow runs the script',
      files: {
        'scripts/backup.sh': script,
        '.github/workflows/backup.yml': 'on:\n  schedule:\n    - cron: "0 3 * * *"\njobs:\n  backup:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ssh deploy@app ./scripts/backup.sh\n',
      },
    },
    {
      name: 'systemd timer starts a service running the script',
      files: {
        'scripts/backup.sh': script,
        'deploy/systemd/app-backup.service': '[Unit]\nDescription=Nightly database backup\n\n[Service]\nType=oneshot\nExecStart=/srv/app/scripts/backup.sh\n',
        'deploy/systemd/app-backup.timer': '[Unit]\nDescription=Nightly database backup\n\n[Timer]\nOnCalendar=*-*-* 02:00:00\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n',
      },
    },
    {
      name: 'provisioning script installs the cron line',
      files: { 'scripts/backup.sh': script, 'scripts/setup-server.sh': "#!/bin/bash\nset -euo pipefail\ncat > /etc/cron.d/app-backup <<'EOF'\n0 2 * * * app /srv/app/scripts/backup.sh\nEOF\n" },
    },
    { name: 'echo piped into crontab', files: { 'scripts/backup.sh': script, 'scripts/setup-server.sh': '#!/bin/bash\n(crontab -l 2>/dev/null; echo "0 3 * * * /srv/app/scripts/backup.sh") | crontab -\n' } },
    { name: 'installed in cron.daily', files: { 'deploy/etc/cron.daily/app-backup.sh': script } },
    { name: 'compose backup service', files: { 'docker-compose.yml': 'services:\n  backup:\n    image: prodrigestivill/postgres-backup-local:16\n    environment:\n      BACKUP_KEEP_DAYS: "7"\n' } },
    {
      name: 'pre-deploy dump in deploy.sh, nightly backup.sh in the crontab',
      files: { 'deploy/deploy.sh': deployWithDump, 'deploy/backup.sh': nightly, 'deploy/crontab': '# m h dom mon dow command\n30 3 * * * /home/app/shop/deploy/backup.sh >> /home/app/logs/backup.log 2>&1\n' },
    },
  ],
  bad: [
    { name: 'script nobody runs', files: { 'scripts/backup.sh': script }, expect: [{ messageId: 'unscheduled', file: 'scripts/backup.sh', line: 3 }] },
    {
      name: 'unscheduled nightly script beside a pre-deploy dump: the nightly script is reported',
      files: { 'deploy/deploy.sh': deployWithDump, 'deploy/backup.sh': nightly },
      expect: [{ messageId: 'unscheduled', file: 'deploy/backup.sh', line: 3 }],
    },
    { name: 'the only dump is the pre-deploy one', files: { 'deploy/deploy.sh': deployWithDump }, expect: [{ messageId: 'deployOnly', file: 'deploy/deploy.sh', line: 4 }] },
  ],
  notApplicable: [{ name: 'no backup at all', files: { 'README.md': '# app\n' } }],
});
