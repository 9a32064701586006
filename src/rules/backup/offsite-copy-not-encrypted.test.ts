import rule from './offsite-copy-not-encrypted.js';
import { testRule } from '../../../test/rule-tester.js';
import { BACKUP_CRONTAB, OPTIONAL_S3_BACKUP } from './_fixture.js';


const head = '#!/bin/bash\nset -euo pipefail\nFILE="/var/backups/app-$(date +%F).dump"\n';

testRule(rule, {
  good: [
    {
      name: 'age before aws s3 cp',
      files: { 'scripts/backup.sh': `${head}pg_dump -Fc app | age -r "$AGE_RECIPIENT" > "$FILE.age"\naws s3 cp "$FILE.age" "s3://$BUCKET/db/"\n` },
    },
    { name: 'gpg --encrypt then rclone', files: { 'scripts/backup.sh': `${head}pg_dump -Fc app -f "$FILE"\ngpg --batch --encrypt --recipient ops@example.org "$FILE"\nrclone copy "$FILE.gpg" b2:app-backups/\n` } },
    { name: 'restic encrypts by design', files: { 'scripts/backup.sh': `${head}pg_dump -Fc app -f "$FILE"\nrestic -r s3:s3.amazonaws.com/app-backups backup /var/backups\n` } },
  ],
  bad: [
    {
      name: 'plain upload to S3',
      files: { 'scripts/backup.sh': `${head}pg_dump -Fc app -f "$FILE"\naws s3 cp "$FILE" "s3://$BUCKET/db/"\n` },
      expect: [{ messageId: 'plaintext', file: 'scripts/backup.sh', line: 5 }],
    },
    {
      name: 'optional S3 upload with S3_BUCKET set in the crontab',
      files: { 'scripts/backup.sh': OPTIONAL_S3_BACKUP, 'deploy/crontab': `S3_BUCKET=shop-backups\n${BACKUP_CRONTAB}` },
      expect: [{ messageId: 'plaintext', file: 'scripts/backup.sh', line: 12 }],
    },
    {
      name: 'scp to a backup host',
      files: { 'scripts/backup.sh': `${head}pg_dump -Fc app -f "$FILE"\nscp "$FILE" backup@vault.example.org:/srv/backups/\n` },
      expect: [{ messageId: 'ownHost', file: 'scripts/backup.sh', line: 5 }],
    },
  ],
  unknown: [
    { name: 'upload guarded by S3_BUCKET, empty by default and set nowhere', files: { 'scripts/backup.sh': OPTIONAL_S3_BACKUP, 'deploy/crontab': BACKUP_CRONTAB }, reason: /runs only when S3_BUCKET is set/ },
    { name: 'rclone remote type not visible', files: { 'scripts/backup.sh': `${head}pg_dump -Fc app -f "$FILE"\nrclone copy "$FILE" offsite:backups/\n` }, reason: /remote "offsite"/ },
  ],
  notApplicable: [
    { name: 'no off-site copy at all', files: { 'scripts/backup.sh': `${head}pg_dump -Fc app -f "$FILE"\n` } },
    { name: 'no backups', files: { 'README.md': '# app\n' } },
  ],
});
