import rule from './no-offsite-copy.js';
import { testRule } from '../../../test/rule-tester.js';
import { BACKUP_CRONTAB, OPTIONAL_S3_BACKUP } from './_fixture.js';


const dump = '#!/bin/bash\nset -euo pipefail\nFILE="/var/backups/app-$(date +%F).dump"\npg_dump -Fc app -f "$FILE"\n';

testRule(rule, {
  good: [
    { name: 'rclone copy after the dump', files: { 'scripts/backup.sh': `${dump}rclone copy "$FILE" b2:app-backups/db/\n` } },
    { name: 'aws s3 cp', files: { 'scripts/backup.sh': `${dump}aws s3 cp "$FILE" "s3://$BUCKET/db/" --sse aws:kms\n` } },
    { name: 'rsync to a backup host', files: { 'scripts/backup.sh': `${dump}rsync -az /var/backups/ backup@vault.example.org:/srv/backups/app/\n` } },
    { name: 'separate upload script named for backups', files: { 'scripts/backup.sh': dump, 'scripts/upload-backups.sh': '#!/bin/sh\nrestic -r s3:s3.amazonaws.com/app-backups backup /var/backups\n' } },
    { name: 'optional S3 upload, S3_BUCKET set in the crontab', files: { 'scripts/backup.sh': OPTIONAL_S3_BACKUP, 'deploy/crontab': `S3_BUCKET=shop-backups\n${BACKUP_CRONTAB}` } },
    { name: 'optional S3 upload, S3_BUCKET set in the production env file', files: { 'scripts/backup.sh': OPTIONAL_S3_BACKUP, '.env.production': 'S3_BUCKET=shop-backups\nAWS_DEFAULT_REGION=eu-west-1\n' } },
    {
      name: 'compose backup image writing to S3',
      files: { 'docker-compose.yml': 'services:\n  backup:\n    image: eeshugerman/postgres-backup-s3:16\n    environment:\n      SCHEDULE: "@daily"\n      S3_BUCKET: app-backups\n' },
    },
  ],
  bad: [
    {
      name: 'dump kept in backups/ only',
      files: { 'scripts/backup.sh': `${dump}find /var/backups -name "*.dump" -mtime +14 -delete\n` },
      expect: [{ messageId: 'localOnly', file: 'scripts/backup.sh', line: 4 }],
    },
    {
      name: 'local backup image',
      files: { 'docker-compose.prod.yml': 'services:\n  db-backup:\n    image: prodrigestivill/postgres-backup-local:16\n    volumes:\n      - ./backups:/backups\n    environment:\n      BACKUP_KEEP_DAYS: "7"\n' },
      expect: [{ messageId: 'localOnly', file: 'docker-compose.prod.yml', line: 3 }],
    },
    {
      name: 'rsync to a local directory is not off-site',
      files: { 'scripts/backup.sh': `${dump}rsync -a /var/backups/ /mnt/backups/\n` },
      expect: [{ messageId: 'localOnly', file: 'scripts/backup.sh', line: 4 }],
    },
  ],
  unknown: [
    { name: 'upload guarded by S3_BUCKET, empty by default and set nowhere', files: { 'scripts/backup.sh': OPTIONAL_S3_BACKUP, 'deploy/crontab': BACKUP_CRONTAB }, reason: /only when S3_BUCKET is set: scripts\/backup\.sh:5/ },
  ],
  notApplicable: [{ name: 'no backups', files: { 'deploy.sh': '#!/bin/sh\ngit pull\n' } }],
});
