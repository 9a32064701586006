import rule from './no-uptime-monitoring.js';
import { testRule } from '../../../test/rule-tester.js';

const compose = 'services:\n  web:\n    build: .\n    command: gunicorn shop.wsgi:application --bind 0.0.0.0:8000\n  db:\n    image: postgres:16\n';

testRule(rule, {
  good: [
    { name: 'uptime-kuma service', files: { 'docker-compose.prod.yml': `${compose}  uptime:\n    image: louislam/uptime-kuma:1\n` } },
    { name: 'healthchecks.io ping after the backup', files: { 'docker-compose.prod.yml': compose, 'scripts/backup.sh': '#!/bin/bash\nset -euo pipefail\npg_dump -Fc shop -f /var/backups/shop.dump\ncurl -fsS -m 10 --retry 5 https://hc-ping.com/0b7f5c3e-6a1d-4e0c-9c55-3f2d8a1b2c3d\n' } },
    { name: 'documented external monitor', files: { 'docker-compose.prod.yml': compose, 'docs/operations.md': '# Operations\n\nUptimeRobot checks https://shop.example.org/health/ every minute and alerts the on-call phone.\n' } },
  ],
  bad: [
    {
      name: 'production compose, nothing watching it',
      files: { 'docker-compose.prod.yml': compose, 'README.md': '# Shop\n' },
      expect: [{ messageId: 'none', file: 'docker-compose.prod.yml', line: 2 }],
    },
  ],
  notApplicable: [{ name: 'a library', files: { 'README.md': '# django-widgets\n' } }],
});
