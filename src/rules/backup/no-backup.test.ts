import rule from './no-backup.js';
import { testRule } from '../../../test/rule-tester.js';
import { singleSettingsProject } from '../django/_fixture.js';

const compose = 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD}\n  web:\n    build: .\n';

/** cookiecutter-django: the postgres service builds its own image, whose Dockerfile is FROM postgres. */
const cookiecutterCompose = `volumes:
  production_postgres_data: {}

services:
  django:
    build:
      context: .
      dockerfile: ./compose/production/django/Dockerfile
    image: shop_production_django
    env_file:
      - ./.envs/.production/.django
      - ./.envs/.production/.postgres
    command: /start

  postgres:
    build:
      context: .
      dockerfile: ./compose/production/postgres/Dockerfile
    image: shop_production_postgres
    volumes:
      - production_postgres_data:/var/lib/postgresql/data
    env_file:
      - ./.envs/.production/.postgres
`;
const cookiecutterPostgresDockerfile = 'FROM docker.io/postgres:16\n\nCOPY ./compose/production/postgres/maintenance /usr/local/bin/maintenance\nRUN chmod +x /usr/local/bin/maintenance/*\n';
const cookiecutterDjangoDockerfile = 'FROM docker.io/python:3.12-slim-bookworm\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements/production.txt\nCMD ["/start"]\n';

/** ENGINE written as a literal, the connection details from the environment. */
const envDetailsSettings = `import os

DEBUG = False
SECRET_KEY = os.environ['DJANGO_SECRET_KEY']
DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.postgresql',
        'NAME': os.getenv('DB_NAME'),
        'USER': os.getenv('DB_USER'),
        'PASSWORD': os.getenv('DB_PASSWORD'),
        'HOST': os.getenv('DB_HOST', 'localhost'),
        'PORT': os.getenv('DB_PORT', '5432'),
    }
}
`;

testRule(rule, {
  good: [
    { name: 'a dump script', files: { 'docker-compose.yml': compose, 'bin/backup.sh': '#!/bin/sh\npg_dump -Fc app > /backups/app.dump\n' } },
    { name: 'settings ENGINE postgresql, a dump script', files: singleSettingsProject(envDetailsSettings, { 'scripts/backup.sh': '#!/bin/bash\nset -euo pipefail\npg_dump -Fc "$DB_NAME" > "/var/backups/$DB_NAME.dump"\n' }) },
  ],
  bad: [
    { name: 'postgres with no backup', files: { 'docker-compose.yml': compose }, expect: [{ messageId: 'none', file: 'docker-compose.yml', line: 3 }] },
    {
      name: 'a backup only documented as a command to run by hand (medium, not "no backup at all")',
      files: {
        'docker-compose.yml': compose,
        'docs/system/backup.md': '# Backups\n\nBack the database up with:\n\n    docker compose exec db_recipes pg_dumpall -U djangouser > pgdump.sql\n',
      },
      expect: [{ messageId: 'manualOnly', file: 'docker-compose.yml', line: 3 }],
    },
    {
      name: 'cookiecutter-django postgres service built FROM postgres',
      files: {
        'docker-compose.production.yml': cookiecutterCompose,
        'compose/production/postgres/Dockerfile': cookiecutterPostgresDockerfile,
        'compose/production/django/Dockerfile': cookiecutterDjangoDockerfile,
      },
      expect: [{ messageId: 'none', file: 'docker-compose.production.yml', line: 19 }],
    },
    {
      name: 'service named postgres configured with POSTGRES_* variables (custom image)',
      files: { 'docker-compose.prod.yml': 'services:\n  postgres:\n    image: registry.example.org/acme/db:2024-05\n    environment:\n      POSTGRES_DB: shop\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n' },
      expect: [{ messageId: 'none', file: 'docker-compose.prod.yml', line: 3 }],
    },
    { name: 'settings: ENGINE literal, NAME/USER/PASSWORD from the environment', files: singleSettingsProject(envDetailsSettings), expect: [{ messageId: 'none', file: 'mysite/settings.py', line: 7 }] },
    {
      name: 'settings: dj-database-url with a postgres:// default',
      files: singleSettingsProject("import dj_database_url\n\nDEBUG = False\nSECRET_KEY = 'x'\nDATABASES = {\n    'default': dj_database_url.config(default='postgres://shop@localhost:5432/shop', conn_max_age=600),\n}\n"),
      expect: [{ messageId: 'none', file: 'mysite/settings.py', line: 6 }],
    },
  ],
  unknown: [
    {
      name: 'settings: DATABASE_URL required, never set in the repository, psycopg declared',
      files: singleSettingsProject("import environ\n\nenv = environ.Env()\nDEBUG = False\nSECRET_KEY = env('DJANGO_SECRET_KEY')\nDATABASES = {'default': env.db('DATABASE_URL')}\n"),
      reason: /DATABASE_URL.*psycopg/,
    },
  ],
  notApplicable: [
    { name: 'no database', files: { 'docker-compose.yml': 'services:\n  web:\n    image: nginx:1.27\n' } },
    { name: 'SQLite settings', files: singleSettingsProject("DEBUG = False\nSECRET_KEY = 'x'\nDATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': '/srv/app/db.sqlite3'}}\n") },
  ],
});
