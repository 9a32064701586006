import rule from './offsite-copy-not-encrypted.js';
import { testRule } from '../../../test/rule-tester.js';

/** Real-world: the S3 upload only runs when S3_BUCKET is set; the script defaults it to empty and nothing sets it. */
const optionalS3 = `#!/usr/bin/env bash
set -euo pipefail

BACKUP_DIR="/var/backups/shop"
S3_BUCKET="\${S3_BUCKET:-}"
FILE="\${BACKUP_DIR}/shop-$(date +%Y%m%d-%H%M).sql.gz"

mkdir -p "$BACKUP_DIR"
pg_dump -U shop shop | gzip > "$FILE"

if [[ -n "$S3_BUCKET" ]]; then
  aws s3 cp "$FILE" "s3://\${S3_BUCKET}/postgres/"
fi

find "$BACKUP_DIR" -name "shop-*.sql.gz" -mtime +7 -delete
`;
const crontab = '30 3 * * * /srv/shop/scripts/backup.sh\n';

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
      files: { 'scripts/backup.sh': optionalS3, 'deploy/crontab': `S3_BUCKET=shop-backups\n${crontab}` },
      expect: [{ messageId: 'plaintext', file: 'scripts/backup.sh', line: 12 }],
    },
    {
      name: 'scp to a backup host',
      files: { 'scripts/backup.sh': `${head}pg_dump -Fc app -f "$FILE"\nscp "$FILE" backup@vault.example.org:/srv/backups/\n` },
      expect: [{ messageId: 'ownHost', file: 'scripts/backup.sh', line: 5 }],
    },
  ],
  unknown: [
    { name: 'upload guarded by S3_BUCKET, empty by default and set nowhere', files: { 'scripts/backup.sh': optionalS3, 'deploy/crontab': crontab }, reason: /runs only when S3_BUCKET is set/ },
    { name: 'rclone remote type not visible', files: { 'scripts/backup.sh': `${head}pg_dump -Fc app -f "$FILE"\nrclone copy "$FILE" offsite:backups/\n` }, reason: /remote "offsite"/ },
  ],
  notApplicable: [
    { name: 'no off-site copy at all', files: { 'scripts/backup.sh': `${head}pg_dump -Fc app -f "$FILE"\n` } },
    { name: 'no backups', files: { 'README.md': '# app\n' } },
  ],
});
