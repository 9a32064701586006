import rule from './media-not-backed-up.js';
import { testRule } from '../../../test/rule-tester.js';
import { singleSettingsProject } from '../django/_fixture.js';

const settings = (extra: string) =>
  `from pathlib import Path\n\nBASE_DIR = Path(__file__).resolve().parent.parent\nDEBUG = False\nSECRET_KEY = 'x'\n${extra}`;
const hostBackup = '#!/bin/bash\nset -euo pipefail\nsudo -u postgres pg_dump -Fc mysite -f "/var/backups/mysite-$(date +%F).dump"\n';

const compose = `services:
  web:
    build: .
    command: gunicorn shop.wsgi:application --bind 0.0.0.0:8000
    environment:
      DJANGO_SETTINGS_MODULE: shop.settings.prod
    volumes:
      - media_data:/app/media
  db:
    image: postgres:16
volumes:
  media_data:
`;
const dbBackup = '#!/bin/bash\nset -euo pipefail\ndocker compose exec -T db pg_dump -Fc -U shop shop > "/var/backups/shop-$(date +%F).dump"\n';

testRule(rule, {
  good: [
    {
      name: 'rsync of MEDIA_ROOT to a backup host',
      files: singleSettingsProject(settings("MEDIA_ROOT = '/srv/mysite/media'\n"), { 'deploy/backup.sh': `${hostBackup}rsync -az /srv/mysite/media/ backup@vault:/srv/mysite-media/\n` }),
    },
    {
      name: 'tar of the media volume through docker run',
      files: {
        'docker-compose.yml': compose,
        'scripts/backup.sh': `${dbBackup}docker run --rm -v media_data:/data:ro -v /var/backups:/out alpine tar czf "/out/media-$(date +%F).tgz" -C /data .\n`,
      },
    },
    {
      name: 'restic of the project directory (parent of the media path)',
      files: {
        'docker-compose.yml': compose.replace('media_data:/app/media', './media:/app/media').replace('volumes:\n  media_data:\n', ''),
        'scripts/backup.sh': `${dbBackup}restic -r s3:s3.amazonaws.com/shop backup ./media /var/backups\n`,
      },
    },
    {
      name: 'volume-backup service mounting the media volume',
      files: {
        'docker-compose.yml': `${compose.replace('volumes:\n  media_data:\n', '')}  backup:\n    image: offen/docker-volume-backup:v2\n    volumes:\n      - media_data:/backup/media:ro\nvolumes:\n  media_data:\n`,
        'scripts/backup.sh': dbBackup,
      },
    },
  ],
  bad: [
    {
      name: 'seed 002: database dumped, media volume never copied',
      files: { 'docker-compose.yml': compose, 'scripts/backup.sh': dbBackup },
      expect: [{ messageId: 'notCovered', file: 'docker-compose.yml', line: 8 }],
    },
    {
      name: 'MEDIA_ROOT on the host, only the database is dumped',
      files: singleSettingsProject(settings("MEDIA_URL = '/media/'\nMEDIA_ROOT = '/srv/mysite/media'\n"), { 'deploy/backup.sh': hostBackup }),
      expect: [{ messageId: 'notCovered', file: 'mysite/settings.py', line: 7 }],
    },
  ],
  notApplicable: [
    {
      name: 'uploads in S3',
      files: singleSettingsProject(
        settings("MEDIA_ROOT = BASE_DIR / 'media'\nSTORAGES = {'default': {'BACKEND': 'storages.backends.s3.S3Storage'}, 'staticfiles': {'BACKEND': 'django.contrib.staticfiles.storage.StaticFilesStorage'}}\n"),
        { 'deploy/backup.sh': hostBackup },
      ),
    },
    { name: 'no backups', files: { 'docker-compose.yml': compose } },
    { name: 'no media', files: { 'docker-compose.yml': compose.replace('    volumes:\n      - media_data:/app/media\n', ''), 'scripts/backup.sh': dbBackup } },
  ],
});
