#!/bin/bash
# Prints system, container and application health. Run by hand.
set -uo pipefail

echo "== system"
uptime
free -m
df -h /

echo "== containers"
docker compose ps

echo "== database"
docker compose exec -T postgres pg_isready -U aiia

echo "== redis"
docker compose exec -T redis redis-cli -a "$REDIS_PASSWORD" ping

echo "== app"
curl -fsS https://api.eduaiia.com/health/ || echo "health check failed"

echo "== recent errors"
docker compose logs --since 1h web-prod | grep -i error | tail -20
