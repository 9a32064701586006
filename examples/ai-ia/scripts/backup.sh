#!/bin/bash
# Backs up the production database, media and configuration. Keeps only the latest backup (20 GB disk).
set -euo pipefail

BACKUP_DIR=/opt/aiia/backups
GPG_RECIPIENT=${GPG_RECIPIENT:-ops@eduaiia.com}
STAMP=$(date +%Y%m%d-%H%M%S)

mkdir -p "$BACKUP_DIR"
rm -f "$BACKUP_DIR"/latest-*

docker compose exec -T -e PGPASSWORD="$POSTGRES_PASSWORD" postgres pg_dump -U aiia aiia_prod | gzip > "$BACKUP_DIR/latest-db-$STAMP.sql.gz"
docker compose exec -T web-prod tar -czf - /app/media > "$BACKUP_DIR/latest-media-$STAMP.tar.gz"
tar -czf "$BACKUP_DIR/latest-config-$STAMP.tar.gz" config/*.env docker/

for f in "$BACKUP_DIR"/latest-*-"$STAMP".*; do
    gpg --batch --yes --recipient "$GPG_RECIPIENT" --encrypt "$f" && rm -f "$f"
done

ls -la "$BACKUP_DIR" > "$BACKUP_DIR/manifest.txt"
echo "Backup complete: $STAMP"
