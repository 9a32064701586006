#!/bin/bash
# =============================================================================
# OneSpirit - Production Deployment Management Script
# =============================================================================
# Manages the production Docker Compose stack (nginx-proxy, acme-companion,
# PostgreSQL, Redis and the Django/Gunicorn web container).
# Usage: ./setup-prod.sh <command>   (see ./setup-prod.sh help)
# =============================================================================

set -e

COMPOSE_FILE="docker-compose.prod.yaml"
ENV_FILE=".env.prod"
SECRETS_DIR="secrets"

# Check that the production environment file exists
check_env_file() {
    if [ ! -f "$ENV_FILE" ]; then
        echo "Error: $ENV_FILE not found!"
        echo "Create it from the example template:"
        echo "  cp .env.prod.example $ENV_FILE"
        echo "  nano $ENV_FILE"
        exit 1
    fi
}

# Load environment variables from .env.prod (needed for compose interpolation)
load_env_vars() {
    check_env_file
    set -a
    source "$ENV_FILE"
    set +a

    for var in DOMAIN LETSENCRYPT_EMAIL DB_NAME DB_USER; do
        if [ -z "${!var}" ]; then
            echo "Error: $var must be set in $ENV_FILE"
            exit 1
        fi
    done
}

# Check that the required Docker secrets exist
check_secrets() {
    local missing=0
    for secret in db_password django_secret_key; do
        if [ ! -f "$SECRETS_DIR/${secret}.txt" ]; then
            echo "Error: missing secret $SECRETS_DIR/${secret}.txt"
            missing=1
        fi
    done

    if [ "$missing" -eq 1 ]; then
        echo "Generate secrets with: ./manage-secrets.sh setup"
        exit 1
    fi
}

# Wait for a service's container to report healthy
wait_for_service() {
    local service=$1
    local retries=${2:-30}
    local container_id

    echo "Waiting for $service to become healthy..."
    for i in $(seq 1 "$retries"); do
        container_id=$(docker compose -f $COMPOSE_FILE ps -q "$service")
        if [ -n "$container_id" ]; then
            status=$(docker inspect --format '{{.State.Health.Status}}' "$container_id" 2>/dev/null || echo "unknown")
            if [ "$status" = "healthy" ]; then
                echo "$service is healthy"
                return 0
            fi
        fi
        sleep 2
    done

    echo "Error: $service did not become healthy in time (see: ./setup-prod.sh logs $service)"
    exit 1
}

# Initial setup: build images, start infrastructure, migrate, collect static
init() {
    echo "=== OneSpirit production initialisation ==="
    load_env_vars
    check_secrets

    echo "Validating $COMPOSE_FILE..."
    docker compose -f $COMPOSE_FILE config --quiet
    mkdir -p logs backups

    echo "Building images..."
    docker compose -f $COMPOSE_FILE build

    echo "Starting database and cache..."
    docker compose -f $COMPOSE_FILE up -d postgres redis
    wait_for_service postgres && wait_for_service redis

    echo "Running migrations..."
    docker compose -f $COMPOSE_FILE run --rm web python manage.py migrate --noinput

    echo "Collecting static files..."
    docker compose -f $COMPOSE_FILE run --rm web python manage.py collectstatic --noinput

    echo "Starting all services..."
    docker compose -f $COMPOSE_FILE up -d

    echo -e "\n=== Initialisation complete ==="
    echo "Next steps:"
    echo "  1. Create an admin user:  docker compose -f $COMPOSE_FILE exec web python manage.py createsuperuser"
    echo "  2. Check service status:  ./setup-prod.sh status"
    echo "  3. Visit https://$DOMAIN (certificates may take a minute to be issued)"
}

up() {
    load_env_vars
    docker compose -f $COMPOSE_FILE up -d
    echo "Services started. Run ./setup-prod.sh status to check health."
}

down() {
    load_env_vars
    docker compose -f $COMPOSE_FILE down
}

restart() {
    load_env_vars
    docker compose -f $COMPOSE_FILE restart ${1:-}
}

logs() {
    load_env_vars
    docker compose -f $COMPOSE_FILE logs -f --tail=100 ${1:-}
}

status() {
    load_env_vars
    docker compose -f $COMPOSE_FILE ps
}

# Backup the PostgreSQL database to backups/ (timestamped, gzip-compressed)
backup_db() {
    load_env_vars

    BACKUP_DIR="backups"
    mkdir -p "$BACKUP_DIR"

    # Make sure the database container is running
    if [ -z "$(docker compose -f $COMPOSE_FILE ps -q postgres)" ]; then
        echo "Error: postgres container is not running"
        echo "Start the services first: ./setup-prod.sh up"
        exit 1
    fi

    TIMESTAMP=$(date +%Y%m%d_%H%M%S)
    BACKUP_FILE="$BACKUP_DIR/db_backup_${TIMESTAMP}.sql"

    echo "Creating database backup..."
    echo "  Database: $DB_NAME"
    echo "  File:     ${BACKUP_FILE}.gz"

    docker compose -f $COMPOSE_FILE exec -T postgres pg_dump \
        -U "$DB_USER" \
        "$DB_NAME" > "$BACKUP_FILE"

    # Compress the backup
    gzip "$BACKUP_FILE"
    BACKUP_SIZE=$(du -h "${BACKUP_FILE}.gz" | cut -f1)

    echo "Backup created: ${BACKUP_FILE}.gz"
    echo "Backup size: $BACKUP_SIZE"
}

# Restore the PostgreSQL database from a .sql.gz backup
restore_db() {
    BACKUP_FILE=$1

    if [ -z "$BACKUP_FILE" ]; then
        echo "Usage: ./setup-prod.sh restore-db <backup_file.sql.gz>"
        echo ""
        echo "Available backups:"
        ls -lh backups/ 2>/dev/null | grep "db_backup_" || echo "  (none)"
        exit 1
    fi

    if [ ! -f "$BACKUP_FILE" ]; then
        echo "Error: backup file '$BACKUP_FILE' not found"
        exit 1
    fi

    # Verify the archive before touching the database
    if ! gunzip -t "$BACKUP_FILE" 2>/dev/null; then
        echo "Error: '$BACKUP_FILE' is not a valid gzip archive"
        exit 1
    fi

    load_env_vars

    echo "WARNING: This will replace ALL data in database '$DB_NAME'!"
    echo "  Backup file: $BACKUP_FILE"
    read -p "Type 'yes' to continue: " confirm
    if [ "$confirm" != "yes" ]; then
        echo "Restore cancelled."
        exit 0
    fi

    echo "Stopping web service..."
    docker compose -f $COMPOSE_FILE stop web

    echo "Recreating database..."
    docker compose -f $COMPOSE_FILE exec -T postgres \
        dropdb -U "$DB_USER" --if-exists "$DB_NAME"
    docker compose -f $COMPOSE_FILE exec -T postgres \
        createdb -U "$DB_USER" "$DB_NAME"

    echo "Restoring from $BACKUP_FILE..."
    gunzip -c "$BACKUP_FILE" | docker compose -f $COMPOSE_FILE exec -T postgres \
        psql -U "$DB_USER" "$DB_NAME"

    echo "Starting web service..."
    docker compose -f $COMPOSE_FILE start web

    echo "Database restored successfully."
}

# Force renewal of Let's Encrypt certificates
renew_ssl() {
    load_env_vars
    echo "Forcing SSL certificate renewal for $DOMAIN..."
    docker compose -f $COMPOSE_FILE exec acme-companion /app/force_renew
    echo "Renewal triggered. Check progress with: ./setup-prod.sh logs acme-companion"
}

manage() {
    load_env_vars
    docker compose -f $COMPOSE_FILE exec web python manage.py "$@"
}

show_help() {
    echo "OneSpirit production management"
    echo ""
    echo "Usage: ./setup-prod.sh <command> [options]"
    echo ""
    echo "Commands:"
    echo "  init                 First-time setup (build, migrate, collectstatic, start)"
    echo "  up                   Start all services"
    echo "  down                 Stop and remove all containers"
    echo "  restart [service]    Restart all services or a single service"
    echo "  logs [service]       Follow logs (all services or a single service)"
    echo "  status               Show service status"
    echo "  backup-db            Create a compressed database backup in backups/"
    echo "  restore-db <file>    Restore the database from a backup file"
    echo "  renew-ssl            Force Let's Encrypt certificate renewal"
    echo "  manage <args>        Run a Django management command in the web container"
    echo "  help                 Show this help"
    echo ""
    echo "Examples:"
    echo "  ./setup-prod.sh init"
    echo "  ./setup-prod.sh logs web"
    echo "  ./setup-prod.sh restore-db backups/db_backup_20250101_020000.sql.gz"
}

case "$1" in
    init)
        init
        ;;
    up)
        up
        ;;
    down)
        down
        ;;
    restart)
        restart "$2"
        ;;
    logs)
        logs "$2"
        ;;
    status)
        status
        ;;
    backup-db)
        backup_db
        ;;
    restore-db)
        restore_db "$2"
        ;;
    renew-ssl)
        renew_ssl
        ;;
    manage)
        shift
        manage "$@"
        ;;
    help|--help|-h|"")
        show_help
        ;;
    *)
        echo "Unknown command: $1"
        echo ""
        show_help
        exit 1
        ;;
esac
