// Test fixtures for the Django and cross-file rules: a realistic minimal Django project tree around given settings.

/** Files of a startproject-style project "mysite" with one settings module (mysite/settings.py). */
export function singleSettingsProject(settings: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'manage.py': MANAGE('mysite.settings'),
    'mysite/__init__.py': '',
    'mysite/settings.py': settings,
    'mysite/urls.py': URLS,
    'mysite/wsgi.py': WSGI('mysite.settings'),
    'requirements.txt': 'Django==5.0.6\ngunicorn==22.0.0\npsycopg[binary]==3.1.19\n',
    ...extra,
  };
}

/**
 * Files of a project with split settings (mysite/settings/base.py, dev.py, prod.py); wsgi.py and the production
 * Dockerfile point at mysite.settings.prod, manage.py at mysite.settings.dev. `base` defaults to BASE_SETTINGS.
 */
export function splitSettingsProject(base: string, prod: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'manage.py': MANAGE('mysite.settings.dev'),
    'mysite/__init__.py': '',
    'mysite/settings/__init__.py': '',
    'mysite/settings/base.py': base,
    'mysite/settings/dev.py': 'from .base import *  # noqa\n\nDEBUG = True\nSECRET_KEY = "django-insecure-dev-only-key"\nALLOWED_HOSTS = ["*"]\n',
    'mysite/settings/prod.py': prod,
    'mysite/urls.py': URLS,
    'mysite/wsgi.py': WSGI('mysite.settings.prod'),
    'requirements.txt': 'Django==5.0.6\ngunicorn==22.0.0\npsycopg[binary]==3.1.19\n',
    Dockerfile: DOCKERFILE,
    ...extra,
  };
}

/** A production Dockerfile for "mysite" (no HEALTHCHECK). */
export const DOCKERFILE = `FROM python:3.12-slim
ENV PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=mysite.settings.prod
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
USER nobody
EXPOSE 8000
CMD ["gunicorn", "mysite.wsgi:application", "--bind", "0.0.0.0:8000"]
`;

/**
 * Settings shared by every environment (mysite/settings/base.py). Line numbers tests rely on:
 * INSTALLED_APPS 6, MIDDLEWARE 15, STATIC_ROOT 27.
 */
export const BASE_SETTINGS = `import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "mysite.urls"
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
`;

/** prod.py = `from .base import *` followed by the given lines (so the first given line is line 3). */
export function prod(...lines: string[]): string {
  return ['from .base import *  # noqa', '', ...lines, ''].join('\n');
}

export const MANAGE = (module: string): string => `#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "${module}")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
`;

export const WSGI = (module: string): string => `import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "${module}")

application = get_wsgi_application()
`;

export const URLS = `from django.contrib import admin
from django.urls import path

urlpatterns = [
    path("admin/", admin.site.urls),
]
`;

/** A good production settings module body (no finding from any Django rule). */
export const SECURE_SETTINGS = `import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["shop.example.org"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "mysite.urls"
WSGI_APPLICATION = "mysite.wsgi.application"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("POSTGRES_DB", "shop"),
        "USER": os.environ.get("POSTGRES_USER", "shop"),
        "PASSWORD": os.environ["POSTGRES_PASSWORD"],
        "HOST": "db",
    }
}

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "media/"
MEDIA_ROOT = BASE_DIR / "media"

SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
`;

/**
 * docker-compose.yml with one Django service "web"; `env` lines become its environment (the first at line 7).
 * `more` is appended after the service (other services, volumes...).
 */
export function composeWeb(module: string, env: string[], more = ''): string {
  return [
    'services:',
    '  web:',
    '    build: .',
    '    command: gunicorn mysite.wsgi:application --bind 0.0.0.0:8000',
    '    environment:',
    `      - DJANGO_SETTINGS_MODULE=${module}`,
    ...env.map((e) => `      - ${e}`),
    more,
  ].join('\n');
}

/** BASE_SETTINGS without one middleware (the line is removed, so later line numbers shift up by one). */
export function baseWithout(middleware: string): string {
  return BASE_SETTINGS.split('\n')
    .filter((l) => l.trim() !== `"${middleware}",`)
    .join('\n');
}

/** An nginx site: port 80 redirects to HTTPS, port 443 terminates TLS and proxies to gunicorn on 127.0.0.1:8000. */
export const NGINX_TLS_SITE = `server {
    listen 80;
    server_name shop.example.org;
    return 301 https://$host$request_uri;
}

server {
    listen 443 ssl;
    server_name shop.example.org;
    ssl_certificate /etc/letsencrypt/live/shop.example.org/fullchain.pem;
    ssl_certificate_key /etc/letsencrypt/live/shop.example.org/privkey.pem;
    add_header Strict-Transport-Security "max-age=63072000; includeSubDomains; preload" always;

    location / {
        proxy_pass http://127.0.0.1:8000;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-Proto $scheme;
    }
}
`;

/** A production compose file: nginx-proxy publishing 443 in front of the Django service "web" (web is lines 2-8). */
export function composeNginxProxy(module: string, webEnv: string[] = []): string {
  return [
    'services:',
    '  web:',
    '    build: .',
    '    command: gunicorn mysite.wsgi:application --bind 0.0.0.0:8000',
    '    environment:',
    `      - DJANGO_SETTINGS_MODULE=${module}`,
    '      - VIRTUAL_HOST=shop.example.org',
    ...webEnv.map((e) => `      - ${e}`),
    '  nginx-proxy:',
    '    image: nginxproxy/nginx-proxy:1.6.4',
    '    ports:',
    '      - "80:80"',
    '      - "443:443"',
    '    volumes:',
    '      - /var/run/docker.sock:/tmp/docker.sock:ro',
    '',
  ].join('\n');
}
