import rule from './no-pre-deploy-backup.js';
import { testRule } from '../../../test/rule-tester.js';
import { COMMENTED_OUT_DEPLOY } from './_fixture.js';


/** Real-world: a job named "docker-deploy" that only builds and pushes the image. */
const publishOnly = `name: Docker
on:
  push:
    branches: [main]
jobs:
  docker-deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: docker/setup-buildx-action@v3
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
          username: \${{ github.actor }}
          password: \${{ secrets.GITHUB_TOKEN }}
      - uses: docker/build-push-action@v6
        with:
          context: .
          push: true
          tags: ghcr.io/acme/shop:latest
`;

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
    {
      name: 'deploy job on a self-hosted runner pulls and restarts',
      files: {
        '.github/workflows/deploy.yml':
          'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: self-hosted\n    steps:\n      - uses: actions/checkout@v4\n      - run: |\n          cd /srv/shop\n          git pull --ff-only\n          docker compose -f docker-compose.prod.yml up -d --build\n',
      },
      expect: [{ messageId: 'noBackup', file: '.github/workflows/deploy.yml', line: 5 }],
    },
  ],
  notApplicable: [
    { name: 'no deploy flow', files: { 'README.md': '# shop\n' } },
    { name: 'job "deploy" whose deploy steps are commented out', files: { '.github/workflows/deploy.yml': COMMENTED_OUT_DEPLOY } },
    { name: 'job "docker-deploy" that only builds and pushes the image', files: { '.github/workflows/docker.yml': publishOnly } },
  ],
});
