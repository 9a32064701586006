#!/bin/bash
# =============================================================================
# OneSpirit - Docker Secrets Management
# =============================================================================
# Creates, validates and rotates the Docker secrets used by
# docker-compose.prod.yaml. Secrets are stored one per file in ./secrets/
# (e.g. secrets/db_password.txt) and mounted into containers at
# /run/secrets/<name>.
#
# Usage: ./manage-secrets.sh <command> [options]
#
# Commands:
#   setup      Interactive setup of all secrets
#   generate   Generate any missing required secrets (non-interactive)
#   validate   Check secrets exist, are non-empty and have 600 permissions
#   list       List secrets (names and metadata only, never values)
#   rotate     Rotate a single secret
# =============================================================================

set -e

SECRETS_DIR="secrets"

# Secrets that must exist before the stack can start
REQUIRED_SECRETS=("db_password" "django_secret_key")

# Secrets that are only needed for optional features
# email_password: SMTP password, only needed if outgoing email is configured
OPTIONAL_SECRETS=("email_password")

# Colours for output
RED='\033[0;31m'
GREEN='\033[0;32m'
YELLOW='\033[1;33m'
BLUE='\033[0;34m'
NC='\033[0m'

print_success() {
    echo -e "${GREEN}✓ $1${NC}"
}

print_error() {
    echo -e "${RED}✗ $1${NC}"
}

print_warning() {
    echo -e "${YELLOW}! $1${NC}"
}

print_info() {
    echo -e "${BLUE}→ $1${NC}"
}

# Create the secrets directory with restrictive permissions
ensure_secrets_dir() {
    if [ ! -d "$SECRETS_DIR" ]; then
        mkdir -p "$SECRETS_DIR"
        chmod 700 "$SECRETS_DIR"
        print_success "Created ${SECRETS_DIR}/ directory"
    fi
}

# Write a secret value to secrets/<name>.txt
create_secret_file() {
    local secret_name=$1
    local secret_value=$2
    local file_path="${SECRETS_DIR}/${secret_name}.txt"

    echo -n "$secret_value" > "$file_path"
    chmod 600 "$file_path"
    print_success "Created ${file_path}"
}

# -----------------------------------------------------------------------------
# Secret generation helpers
# -----------------------------------------------------------------------------

# Django SECRET_KEY: 50 random characters
generate_django_secret_key() {
    openssl rand -base64 64 | tr -d '\n/+=' | cut -c1-50
}

# Strong alphanumeric password (default 32 characters)
generate_password() {
    local length=${1:-32}
    openssl rand -base64 48 | tr -d '\n/+=' | cut -c1-"$length"
}

# Random hex string (default 32 bytes / 64 characters)
generate_hex() {
    local bytes=${1:-32}
    openssl rand -hex "$bytes"
}

# Generate an appropriate value for a known secret
generate_secret_value() {
    case "$1" in
        django_secret_key)
            generate_django_secret_key
            ;;
        db_password)
            generate_password 32
            ;;
        *)
            generate_hex 32
            ;;
    esac
}

# -----------------------------------------------------------------------------
# Inspection helpers
# -----------------------------------------------------------------------------

secret_exists() {
    [ -f "${SECRETS_DIR}/$1.txt" ]
}

# Portable file permission lookup (GNU stat, then BSD/macOS stat)
get_file_permissions() {
    stat -c '%a' "$1" 2>/dev/null || stat -f '%Lp' "$1" 2>/dev/null
}

# Ensure every secret file has 600 permissions (owner read/write only)
validate_permissions() {
    local fix=${1:-false}
    local errors=0

    if [ ! -d "$SECRETS_DIR" ]; then
        print_error "Secrets directory ${SECRETS_DIR}/ does not exist"
        return 1
    fi

    for file_path in "$SECRETS_DIR"/*.txt; do
        [ -e "$file_path" ] || continue

        local perms
        perms=$(get_file_permissions "$file_path")

        if [ "$perms" != "600" ]; then
            if [ "$fix" = "true" ]; then
                chmod 600 "$file_path"
                print_warning "Fixed permissions on ${file_path} (${perms} -> 600)"
            else
                print_error "${file_path} has permissions ${perms} (expected 600)"
                errors=$((errors + 1))
            fi
        else
            print_success "${file_path} permissions OK (600)"
        fi
    done

    if [ "$errors" -gt 0 ]; then
        print_info "Run './manage-secrets.sh validate --fix' to correct permissions"
        return 1
    fi
    return 0
}

# Check that all required secrets exist and are non-empty
validate_secrets() {
    local fix=${1:-false}
    local errors=0

    echo "Validating secrets in ${SECRETS_DIR}/"
    echo ""

    for secret in "${REQUIRED_SECRETS[@]}"; do
        if ! secret_exists "$secret"; then
            print_error "Missing required secret: ${secret}"
            errors=$((errors + 1))
        elif [ ! -s "${SECRETS_DIR}/${secret}.txt" ]; then
            print_error "Required secret is empty: ${secret}"
            errors=$((errors + 1))
        else
            print_success "Found required secret: ${secret}"
        fi
    done

    for secret in "${OPTIONAL_SECRETS[@]}"; do
        if secret_exists "$secret"; then
            print_success "Found optional secret: ${secret}"
        else
            print_warning "Optional secret not set: ${secret}"
        fi
    done

    echo ""
    if ! validate_permissions "$fix"; then
        errors=$((errors + 1))
    fi

    # Make sure secrets can't be committed by accident
    if [ -f .gitignore ] && ! grep -q "^secrets/" .gitignore; then
        print_warning "secrets/ is not listed in .gitignore"
    fi

    echo ""
    if [ "$errors" -gt 0 ]; then
        print_error "Validation failed with ${errors} error(s)"
        return 1
    fi
    print_success "All secrets valid"
}

# List secrets with metadata (never prints values)
list_secrets() {
    if [ ! -d "$SECRETS_DIR" ]; then
        print_warning "No secrets directory found. Run './manage-secrets.sh setup'"
        return 0
    fi

    printf "%-22s %-6s %-8s %s\n" "SECRET" "PERMS" "LENGTH" "MODIFIED"
    for file_path in "$SECRETS_DIR"/*.txt; do
        [ -e "$file_path" ] || continue
        local name perms length modified
        name=$(basename "$file_path" .txt)
        perms=$(get_file_permissions "$file_path")
        length=$(wc -c < "$file_path" | tr -d ' ')
        modified=$(date -r "$file_path" '+%Y-%m-%d %H:%M' 2>/dev/null || echo "unknown")
        printf "%-22s %-6s %-8s %s\n" "$name" "$perms" "$length" "$modified"
    done
}

# -----------------------------------------------------------------------------
# Commands
# -----------------------------------------------------------------------------

# Generate all missing required secrets without prompting
generate_missing() {
    ensure_secrets_dir

    for secret in "${REQUIRED_SECRETS[@]}"; do
        if secret_exists "$secret"; then
            print_info "Skipping ${secret} (already exists)"
        else
            create_secret_file "$secret" "$(generate_secret_value "$secret")"
        fi
    done

    print_info "Optional secrets (${OPTIONAL_SECRETS[*]}) must be created with 'setup'"
}

# Prompt for a single secret: generate, enter manually or skip
prompt_secret() {
    local secret_name=$1
    local description=$2
    local optional=${3:-false}

    echo ""
    echo -e "${BLUE}${secret_name}${NC} - ${description}"

    if secret_exists "$secret_name"; then
        read -p "  Secret already exists. Overwrite? [y/N]: " overwrite
        if [[ ! "$overwrite" =~ ^[Yy]$ ]]; then
            print_info "Keeping existing ${secret_name}"
            return 0
        fi
    fi

    if [ "$optional" = "true" ]; then
        read -p "  [g]enerate, [e]nter manually or [s]kip? [s]: " choice
        choice=${choice:-s}
    else
        read -p "  [g]enerate or [e]nter manually? [g]: " choice
        choice=${choice:-g}
    fi

    case "$choice" in
        g|G)
            create_secret_file "$secret_name" "$(generate_secret_value "$secret_name")"
            ;;
        e|E)
            read -s -p "  Enter value: " value
            echo ""
            read -s -p "  Confirm value: " value_confirm
            echo ""
            if [ "$value" != "$value_confirm" ]; then
                print_error "Values do not match, skipping ${secret_name}"
                return 1
            fi
            if [ -z "$value" ]; then
                print_error "Empty value, skipping ${secret_name}"
                return 1
            fi
            create_secret_file "$secret_name" "$value"
            ;;
        *)
            print_info "Skipped ${secret_name}"
            ;;
    esac
}

# Interactive setup of all secrets
interactive_setup() {
    echo "=== OneSpirit secrets setup ==="
    ensure_secrets_dir

    prompt_secret "db_password" "PostgreSQL password for the application database user"
    prompt_secret "django_secret_key" "Django SECRET_KEY used for signing sessions and tokens"
    prompt_secret "email_password" "SMTP password (optional, only needed for outgoing email)" true

    echo ""
    validate_secrets || true

    echo ""
    echo "Next steps:"
    echo "  1. Copy and edit the environment file: cp .env.prod.example .env.prod"
    echo "  2. Initialise the stack:               ./setup-prod.sh init"
}

# Rotate a secret: replace the value and explain the follow-up steps
rotate_secret() {
    local secret_name=$1

    if [ -z "$secret_name" ]; then
        print_error "Usage: ./manage-secrets.sh rotate <secret_name>"
        echo "Known secrets: ${REQUIRED_SECRETS[*]} ${OPTIONAL_SECRETS[*]}"
        exit 1
    fi

    if ! secret_exists "$secret_name"; then
        print_error "Secret ${secret_name} does not exist"
        exit 1
    fi

    print_warning "Rotating ${secret_name} will require restarting the affected services."
    read -p "Continue? [y/N]: " confirm
    if [[ ! "$confirm" =~ ^[Yy]$ ]]; then
        print_info "Rotation cancelled"
        exit 0
    fi

    create_secret_file "$secret_name" "$(generate_secret_value "$secret_name")"

    echo ""
    case "$secret_name" in
        db_password)
            print_warning "POSTGRES_PASSWORD_FILE is only read when the database is first created."
            echo "  Update the password inside PostgreSQL before restarting:"
            echo "    docker compose -f docker-compose.prod.yaml exec postgres \\"
            echo "      psql -U \"\$DB_USER\" -d \"\$DB_NAME\" -c \"ALTER USER \\\"\$DB_USER\\\" WITH PASSWORD '<new password>';\""
            ;;
        django_secret_key)
            print_warning "All existing sessions and password reset links will be invalidated."
            ;;
        email_password)
            print_info "Make sure the new password is also set with your SMTP provider."
            ;;
    esac

    echo ""
    print_info "Restart the stack to apply: ./setup-prod.sh restart"
}

show_help() {
    echo "OneSpirit Docker secrets management"
    echo ""
    echo "Usage: ./manage-secrets.sh <command> [options]"
    echo ""
    echo "Commands:"
    echo "  setup              Interactive setup of all secrets"
    echo "  generate           Generate any missing required secrets"
    echo "  validate [--fix]   Validate secrets (use --fix to correct permissions)"
    echo "  list               List secrets and their metadata"
    echo "  rotate <name>      Rotate a secret"
    echo "  help               Show this help"
    echo ""
    echo "Required secrets: ${REQUIRED_SECRETS[*]}"
    echo "Optional secrets: ${OPTIONAL_SECRETS[*]}"
    echo "Secrets are stored in ${SECRETS_DIR}/<name>.txt (never commit this directory)"
}

case "$1" in
    setup)
        interactive_setup
        ;;
    generate)
        generate_missing
        ;;
    validate)
        if [ "$2" = "--fix" ]; then
            validate_secrets true
        else
            validate_secrets
        fi
        ;;
    list)
        list_secrets
        ;;
    rotate)
        rotate_secret "$2"
        ;;
    help|--help|-h|"")
        show_help
        ;;
    *)
        print_error "Unknown command: $1"
        echo ""
        show_help
        exit 1
        ;;
esac
