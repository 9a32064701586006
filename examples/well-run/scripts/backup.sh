#!/usr/bin/env bash
# Nightly backup: PostgreSQL dump + media, verified, encrypted, copied off-site, pruned. Run by deploy/cron.d/shop-backup.
set -euo pipefail
umask 077

cd "$(dirname "$0")/.."
BACKUP_DIR=/srv/shop/backups
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
DUMP="$BACKUP_DIR/shop-$STAMP.dump"
MEDIA="$BACKUP_DIR/media-$STAMP.tar.gz"
KEEP_DAYS=14

mkdir -p "$BACKUP_DIR"

# Custom format: compressed, and pg_restore can list and restore it selectively.
docker compose exec -T -e PGPASSWORD="$(cat secrets/postgres_password.txt)" db \
    pg_dump -U shop -d shop -Fc -Z 6 > "$DUMP"

# A dump that cannot be listed is not a backup.
pg_restore --list "$DUMP" > /dev/null

docker compose run --rm --no-deps -v "$BACKUP_DIR:/out" web tar -czf "/out/media-$STAMP.tar.gz" -C /app media

for f in "$DUMP" "$MEDIA"; do
    gpg --batch --yes --encrypt --recipient backups@example.com --output "$f.gpg" "$f"
    rm -f "$f"
done

rclone copy "$BACKUP_DIR" offsite:shop-backups --include "*-$STAMP.*.gpg"

find "$BACKUP_DIR" -name "*.gpg" -mtime +"$KEEP_DAYS" -delete

curl -fsS -m 10 --retry 3 https://hc-ping.com/5f1c0b6e-6d1d-4c51-9f0a-1f3b8c2e7d11 > /dev/null
