#!/usr/bin/env bash
# Monthly restore drill: restores the newest dump into a throwaway database and counts orders.
set -euo pipefail
BACKUP_DIR=/srv/shop/backups
latest=$(ls -1t "$BACKUP_DIR"/shop-*.dump.gpg | head -n 1)
work=$(mktemp -d)
trap 'rm -rf "$work"; docker compose exec -T db dropdb -U shop --if-exists restore_check' EXIT

gpg --batch --decrypt --output "$work/latest.dump" "$latest"
docker compose exec -T db createdb -U shop restore_check
docker compose exec -T db pg_restore -U shop -d restore_check --exit-on-error < "$work/latest.dump"
docker compose exec -T db psql -U shop -d restore_check -tAc "SELECT count(*) FROM orders_order"
