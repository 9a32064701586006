"""
Production settings for the OneSpirit project.

Used inside the Docker containers started by docker-compose.prod.yaml
(DJANGO_SETTINGS_MODULE=onespirit_project.settings.prod).

Configuration comes from two places:
- .env.prod (loaded through env_file) for non-sensitive values
- Docker secrets mounted at /run/secrets/ for sensitive values
  (db_password, django_secret_key, email_password)
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import read_secret

# =============================================================================
# Core
# =============================================================================

DEBUG = False

# SECURITY WARNING: keep the secret key used in production secret!
# Read from the django_secret_key Docker secret (DJANGO_SECRET_KEY_FILE)
SECRET_KEY = read_secret('django_secret_key')

if not SECRET_KEY:
    raise ImproperlyConfigured(
        'SECRET_KEY is not set. Create secrets/django_secret_key.txt with '
        './manage-secrets.sh setup'
    )

ALLOWED_HOSTS = os.getenv('ALLOWED_HOSTS', '').split(',')

# Trust HTTPS origins for every allowed host (needed for CSRF behind the proxy)
CSRF_TRUSTED_ORIGINS = [f'https://{host}' for host in ALLOWED_HOSTS if host]

# Administrators receive error emails when DEBUG is False
ADMINS = [('OneSpirit Admin', os.getenv('ADMIN_EMAIL', 'admin@example.com'))]
MANAGERS = ADMINS

# =============================================================================
# Security
# =============================================================================

# nginx-proxy terminates TLS and forwards the original scheme
SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')

# Redirect all HTTP requests to HTTPS
SECURE_SSL_REDIRECT = True

# HTTP Strict Transport Security (1 year, include subdomains, allow preload)
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

# Only send cookies over HTTPS
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Keep cookies away from JavaScript where possible
SESSION_COOKIE_HTTPONLY = True

# Browser protections
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = 'strict-origin-when-cross-origin'
X_FRAME_OPTIONS = 'DENY'

# Sessions expire after two weeks of inactivity
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14

# =============================================================================
# Database
# =============================================================================

# Connection details come from .env.prod, the password from the db_password
# Docker secret (DB_PASSWORD_FILE)
DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.postgresql',
        'NAME': os.getenv('DB_NAME'),
        'USER': os.getenv('DB_USER'),
        'PASSWORD': read_secret('db_password'),
        'HOST': os.getenv('DB_HOST', 'postgres'),
        'PORT': os.getenv('DB_PORT', '5432'),
    }
}

# =============================================================================
# Cache (Redis)
# =============================================================================

CACHES = {
    'default': {
        'BACKEND': 'django_redis.cache.RedisCache',
        'LOCATION': os.getenv('REDIS_URL', 'redis://redis:6379/1'),
        'OPTIONS': {
            'CLIENT_CLASS': 'django_redis.client.DefaultClient',
            'SOCKET_CONNECT_TIMEOUT': 5,
            'SOCKET_TIMEOUT': 5,
        },
        'KEY_PREFIX': 'onespirit',
        'TIMEOUT': 300,
    }
}

# Store sessions in the cache, backed by the database
SESSION_ENGINE = 'django.contrib.sessions.backends.cached_db'

# =============================================================================
# Email (SMTP)
# =============================================================================

EMAIL_BACKEND = os.getenv(
    'EMAIL_BACKEND', 'django.core.mail.backends.smtp.EmailBackend'
)
EMAIL_HOST = os.getenv('EMAIL_HOST', 'smtp.gmail.com')
EMAIL_PORT = int(os.getenv('EMAIL_PORT', '587'))
EMAIL_USE_TLS = os.getenv('EMAIL_USE_TLS', 'True') == 'True'
EMAIL_HOST_USER = os.getenv('EMAIL_HOST_USER', '')

# Read from the email_password Docker secret (EMAIL_PASSWORD_FILE)
EMAIL_HOST_PASSWORD = read_secret('email_password') or ''

DEFAULT_FROM_EMAIL = os.getenv('DEFAULT_FROM_EMAIL', 'noreply@example.com')
SERVER_EMAIL = os.getenv('SERVER_EMAIL', 'server@example.com')
EMAIL_TIMEOUT = 10

# =============================================================================
# Static files
# =============================================================================

# Collected into the static_volume Docker volume (/app/staticfiles)
STATIC_ROOT = '/app/staticfiles'

# =============================================================================
# File uploads
# =============================================================================

# Uploads larger than 10MB are streamed to a temporary file instead of memory
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024  # 10MB
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024  # 10MB
FILE_UPLOAD_PERMISSIONS = 0o644

# =============================================================================
# Logging
# =============================================================================

# Errors are also emailed to ADMINS
LOGGING['handlers']['mail_admins'] = {  # noqa: F405
    'level': 'ERROR',
    'class': 'django.utils.log.AdminEmailHandler',
}
LOGGING['loggers']['django.request'] = {  # noqa: F405
    'handlers': ['file', 'mail_admins'],
    'level': 'ERROR',
    'propagate': False,
}
