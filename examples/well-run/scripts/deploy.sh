#!/usr/bin/env bash
# Deploy a tagged image: backup first, migrate, switch, health-check, and roll back on failure.
set -euo pipefail

cd /srv/shop
NEW_TAG=${1:?usage: deploy.sh IMAGE_TAG}
PREVIOUS_TAG=$(grep '^SHOP_IMAGE_TAG=' .env | cut -d= -f2)

./scripts/backup.sh

docker pull "ghcr.io/example/shop:$NEW_TAG"
sed -i "s/^SHOP_IMAGE_TAG=.*/SHOP_IMAGE_TAG=$NEW_TAG/" .env

docker compose run --rm web python manage.py migrate --noinput
docker compose run --rm web python manage.py collectstatic --noinput
docker compose up -d --no-deps web

rollback() {
    echo "health check failed, rolling back to $PREVIOUS_TAG" >&2
    sed -i "s/^SHOP_IMAGE_TAG=.*/SHOP_IMAGE_TAG=$PREVIOUS_TAG/" .env
    docker compose up -d --no-deps web
    exit 1
}

for attempt in $(seq 1 20); do
    if curl -fsS -m 5 https://shop.example.com/health/ > /dev/null; then
        echo "deployed $NEW_TAG"
        exit 0
    fi
    sleep 3
done
rollback
