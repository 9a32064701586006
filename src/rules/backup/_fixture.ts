// Test fixtures shared by the backup rules' tests.

/** Real-world: the S3 upload only runs when S3_BUCKET is set; the script defaults it to empty and nothing sets it. */
export const OPTIONAL_S3_BACKUP = `#!/usr/bin/env bash
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
export const BACKUP_CRONTAB = '30 3 * * * /srv/shop/scripts/backup.sh\n';
