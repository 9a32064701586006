#!/bin/bash
# Deploys the current main branch to production. Usage: scripts/deploy.sh [prod|staging]
set -euo pipefail

TARGET=${1:-prod}
SERVICE="web-$TARGET"

echo "Pre-deployment checks..."
docker compose config -q

echo "Backing up the database..."
./scripts/backup.sh

echo "Pulling code and building..."
git pull origin main
docker compose build "$SERVICE"

echo "Migrating and collecting static files..."
docker compose run --rm "$SERVICE" python manage.py migrate --noinput
docker compose run --rm "$SERVICE" python manage.py collectstatic --noinput

echo "Restarting..."
docker compose up -d "$SERVICE"

sleep 10
curl -fsS https://api.eduaiia.com/health/ > /dev/null
echo "Deployed $TARGET"
