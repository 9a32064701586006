import rule from './no-alerting-channel.js';
import { testRule } from '../../../test/rule-tester.js';

const compose = 'services:\n  web:\n    build: .\n    command: gunicorn shop.wsgi:application --bind 0.0.0.0:8000\n  db:\n    image: postgres:16\n';

testRule(rule, {
  good: [
    { name: 'cron MAILTO', files: { 'docker-compose.prod.yml': compose, 'deploy/cron.d/shop': 'MAILTO=ops@shop-company.io\n0 2 * * * shop /srv/shop/scripts/backup.sh\n' } },
    {
      name: 'Slack webhook on failure in the backup script',
      files: { 'docker-compose.prod.yml': compose, 'scripts/backup.sh': '#!/bin/bash\nset -euo pipefail\ntrap \'curl -fsS -X POST -d "{\\"text\\":\\"backup failed\\"}" "$SLACK_WEBHOOK_URL"\' ERR\npg_dump -Fc shop -f /var/backups/shop.dump\n' },
    },
    {
      name: 'alertmanager receivers',
      files: { 'docker-compose.prod.yml': compose, 'monitoring/alertmanager.yml': 'route:\n  receiver: ops\nreceivers:\n  - name: ops\n    slack_configs:\n      - channel: "#ops"\n' },
    },
    {
      name: 'Slack notification step in the deploy workflow',
      files: {
        'docker-compose.prod.yml': compose,
        '.github/workflows/deploy.yml':
          "on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ssh deploy@shop.example.org ./deploy.sh\n      - if: always()\n        run: >-\n          curl -X POST -H 'Content-type: application/json'\n          --data '{\"text\":\"deploy ${{ job.status }}\"}' \"${{ secrets.SLACK_WEBHOOK }}\"\n",
      },
    },
  ],
  bad: [
    {
      name: 'nothing notifies anyone',
      files: { 'docker-compose.prod.yml': compose, 'scripts/backup.sh': '#!/bin/bash\nset -euo pipefail\npg_dump -Fc shop -f /var/backups/shop.dump\n' },
      expect: [{ messageId: 'none', file: 'docker-compose.prod.yml', line: 2 }],
    },
  ],
  notApplicable: [{ name: 'a library', files: { 'README.md': '# django-widgets\n' } }],
});
