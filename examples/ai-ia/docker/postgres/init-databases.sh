#!/bin/bash
set -euo pipefail
for db in aiia_prod aiia_staging; do
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" -c "CREATE DATABASE $db"
done
