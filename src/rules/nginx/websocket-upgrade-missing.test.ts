// Tests for nginx/websocket-upgrade-missing (seed 001: no WebSocket upgrade for the ASGI app).
import { testRule } from '../../../test/rule-tester.js';
import rule from './websocket-upgrade-missing.js';
import { singleSettingsProject, SECURE_SETTINGS } from '../django/_fixture.js';

const SITE = (ws: string) => `map $http_upgrade $connection_upgrade {
    default upgrade;
    '' close;
}

server {
    listen 443 ssl;
    server_name chat.example.org;
    ssl_certificate /etc/letsencrypt/live/chat.example.org/fullchain.pem;
    ssl_certificate_key /etc/letsencrypt/live/chat.example.org/privkey.pem;
${ws}
    location / {
        proxy_pass http://app:8000;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-Proto $scheme;
    }
}
`;

const WS = `    location /ws/ {
        proxy_pass http://app:8000;
        proxy_http_version 1.1;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $connection_upgrade;
        proxy_set_header Host $host;
    }
`;

/** A Channels project: the channels and daphne dependencies. */
const channels = (nginx: string) =>
  singleSettingsProject(SECURE_SETTINGS, {
    'requirements.txt': 'Django==5.0.6\nchannels==4.1.0\nchannels-redis==4.2.0\ndaphne==4.1.2\n',
    'docker/nginx/prod.conf': nginx,
  });

/** startproject's ASGI_APPLICATION in settings, gunicorn serving the WSGI app: no Channels, no WebSockets. */
const asgiSettingOnly = (extra: Record<string, string>) =>
  singleSettingsProject(`${SECURE_SETTINGS}\nASGI_APPLICATION = "mysite.asgi.application"\n`, {
    'mysite/asgi.py': 'import os\n\nfrom django.core.asgi import get_asgi_application\n\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\n\napplication = get_asgi_application()\n',
    'docker/nginx/prod.conf': SITE(''),
    ...extra,
  });

const COMPOSE = (command: string) => `services:
  app:
    build: .
    command: ${command}
    environment:
      DJANGO_SETTINGS_MODULE: mysite.settings
  nginx:
    image: nginx:1.27
    ports:
      - "443:443"
    volumes:
      - ./docker/nginx/prod.conf:/etc/nginx/conf.d/default.conf:ro
`;

testRule(rule, {
  good: [
    { name: 'a /ws/ location with HTTP/1.1, Upgrade and Connection', files: channels(SITE(WS)) },
  ],
  bad: [
    {
      name: 'Channels app served by uvicorn, nginx without any upgrade handling',
      files: { ...channels(SITE('')), 'docker-compose.prod.yml': COMPOSE('uvicorn mysite.asgi:application --host 0.0.0.0 --port 8000') },
      expect: [{ messageId: 'missing', file: 'docker/nginx/prod.conf', line: 8 }],
    },
    {
      name: 'the /ws/ location sets Upgrade and Connection but not proxy_http_version 1.1 (named on the location)',
      files: channels(SITE(WS.replace('        proxy_http_version 1.1;\n', ''))),
      expect: [{ messageId: 'partial', file: 'docker/nginx/prod.conf', line: 11 }],
    },
    {
      name: 'seed 001: Channels app, nginx without any upgrade handling',
      files: channels(SITE('')),
      expect: [{ messageId: 'missing', file: 'docker/nginx/prod.conf', line: 8 }],
    },
  ],
  unknown: [
    {
      name: 'an include outside the repository may carry the upgrade headers',
      files: channels(SITE('').replace('        proxy_set_header Host $host;\n', '        include /etc/nginx/snippets/websocket.conf;\n')),
      reason: /include outside the repository/,
    },
    {
      name: 'uvicorn serves the ASGI app, but no dependency list in the repository says whether channels is installed',
      files: (() => {
        const { 'requirements.txt': _deps, ...rest } = asgiSettingOnly({ 'docker-compose.prod.yml': COMPOSE('uvicorn mysite.asgi:application --host 0.0.0.0 --port 8000') });
        return rest;
      })(),
      reason: /dependencies are not declared in the repository/,
    },
  ],
  notApplicable: [
    {
      // The experts' false positive: an ASGI server alone is not WebSockets; Django's ASGI handler refuses them.
      name: 'cookiecutter-django: start script runs gunicorn config.asgi with the uvicorn worker, no channels',
      files: asgiSettingOnly({
        'compose/production/django/start.sh': '#!/bin/bash\n\nset -o errexit\nset -o pipefail\nset -o nounset\n\npython /app/manage.py collectstatic --noinput\n\nexec gunicorn mysite.asgi --bind 0.0.0.0:8000 --chdir=/app -k uvicorn_worker.UvicornWorker\n',
      }),
    },
    {
      name: 'uvicorn serves plain Django (get_asgi_application), no channels dependency',
      files: asgiSettingOnly({ 'docker-compose.prod.yml': COMPOSE('gunicorn mysite.asgi:application -k uvicorn.workers.UvicornWorker --bind 0.0.0.0:8000') }),
    },
    { name: 'ASGI_APPLICATION in settings alone, no server command in the repository', files: asgiSettingOnly({}) },
    { name: 'ASGI_APPLICATION in settings, gunicorn serves mysite.wsgi in compose', files: asgiSettingOnly({ 'docker-compose.prod.yml': COMPOSE('gunicorn mysite.wsgi:application --bind 0.0.0.0:8000 --workers 3') }) },
    {
      name: 'channels is installed but every production server command runs the WSGI app',
      files: { ...channels(SITE('')), 'docker-compose.prod.yml': COMPOSE('gunicorn mysite.wsgi:application --bind 0.0.0.0:8000') },
    },
    { name: 'a WSGI app (no Channels)', files: singleSettingsProject(SECURE_SETTINGS, { 'docker/nginx/prod.conf': SITE('') }) },
  ],
});
