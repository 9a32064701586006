// Tests for nginx/static-path-mismatch.
import { testRule } from '../../../test/rule-tester.js';
import rule from './static-path-mismatch.js';
import { SECURE_SETTINGS, singleSettingsProject } from '../django/_fixture.js';

const DOCKERFILE = `FROM python:3.12-slim
ENV PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
USER nobody
CMD ["gunicorn", "mysite.wsgi:application", "--bind", "0.0.0.0:8000"]
`;

const COMPOSE = (webVolumes: string, nginxVolumes: string, nginxImage = 'nginx:1.27-alpine') => `services:
  web:
    build: .
    command: gunicorn mysite.wsgi:application --bind 0.0.0.0:8000
    volumes:
${webVolumes}
  nginx:
    image: ${nginxImage}
    ports:
      - "80:80"
    volumes:
      - ./nginx:/etc/nginx/conf.d:ro
${nginxVolumes}
volumes:
  static_volume:
  media_volume:
`;

const CONF = `server {
    listen 80;
    server_name shop.example.org;

    location /static/ {
        alias /app/staticfiles/;
    }

    location /media/ {
        alias /app/media/;
    }

    location / {
        proxy_pass http://web:8000;
    }
}
`;

const project = (compose: string, conf = CONF, settings = SECURE_SETTINGS) =>
  singleSettingsProject(settings, { Dockerfile: DOCKERFILE, 'docker-compose.prod.yml': compose, 'nginx/shop.conf': conf });

const SHARED_WEB = '      - static_volume:/app/staticfiles\n      - media_volume:/app/media';
const SHARED_NGINX = '      - static_volume:/app/staticfiles:ro\n      - media_volume:/app/media:ro';

const HOST_CONF = (alias: string) => `server {
    listen 80;
    server_name shop.example.org;
    location /static/ {
        alias ${alias};
    }
    location / {
        proxy_pass http://127.0.0.1:8000;
    }
}
`;

/** The Django container's start script copies the collected files into a volume shared with nginx at /nginx. */
const SHARED_DIR_DOCKERFILE = DOCKERFILE.replace('CMD ["gunicorn", "mysite.wsgi:application", "--bind", "0.0.0.0:8000"]', 'CMD ["/app/docker/start.sh"]');
const SHARED_DIR_COMPOSE = `services:
  web:
    build: .
    environment:
      DOCKER_SHARED_DIR: /nginx
    volumes:
      - shared:/nginx
  nginx:
    image: nginx:1.27-alpine
    ports:
      - "80:80"
    volumes:
      - ./nginx:/etc/nginx/conf.d:ro
      - shared:/nginx
volumes:
  shared:
`;
const SHARED_DIR_CONF = `server {
    listen 80;
    server_name shop.example.org;
    location /static/ {
        alias /nginx/staticfiles/;
    }
    location / {
        proxy_pass http://web:8000;
    }
}
`;
const START = (copy: string) => `#!/bin/sh
set -e
python manage.py migrate --noinput
python manage.py collectstatic --noinput
${copy}
exec gunicorn mysite.wsgi:application --bind 0.0.0.0:8000
`;
const sharedDir = (copy: string) =>
  singleSettingsProject(SECURE_SETTINGS, {
    Dockerfile: SHARED_DIR_DOCKERFILE,
    'docker-compose.prod.yml': SHARED_DIR_COMPOSE,
    'nginx/shop.conf': SHARED_DIR_CONF,
    'docker/start.sh': START(copy),
  });

testRule(rule, {
  good: [
    { name: 'the same named volumes at STATIC_ROOT and MEDIA_ROOT in both services', files: project(COMPOSE(SHARED_WEB, SHARED_NGINX)) },
    {
      name: 'host install aliasing the literal STATIC_ROOT',
      files: singleSettingsProject(SECURE_SETTINGS.replace('STATIC_ROOT = BASE_DIR / "staticfiles"', 'STATIC_ROOT = "/srv/shop/staticfiles"'), { 'deploy/nginx/shop.conf': HOST_CONF('/srv/shop/staticfiles/') }),
    },
    { name: 'the start script copies staticfiles/ into the volume mounted at $DOCKER_SHARED_DIR (/nginx)', files: sharedDir('cp -r staticfiles/ $DOCKER_SHARED_DIR/') },
  ],
  bad: [
    {
      name: 'the web service mounts the volume at /app/static while STATIC_ROOT is staticfiles',
      files: project(COMPOSE('      - static_volume:/app/static\n      - media_volume:/app/media', SHARED_NGINX)),
      expect: [{ messageId: 'rootMismatch', file: 'nginx/shop.conf', line: 6 }],
    },
    {
      name: 'only nginx mounts the media volume',
      files: project(COMPOSE('      - static_volume:/app/staticfiles', SHARED_NGINX)),
      expect: [{ messageId: 'volumeUnfed', file: 'nginx/shop.conf', line: 10 }],
    },
    {
      name: 'nothing mounted in the stock nginx image',
      files: project(COMPOSE(SHARED_WEB, '      - media_volume:/app/media:ro')),
      expect: [{ messageId: 'notMounted', file: 'nginx/shop.conf', line: 6 }],
    },
    {
      name: 'host install aliasing another directory than the literal STATIC_ROOT',
      files: singleSettingsProject(SECURE_SETTINGS.replace('STATIC_ROOT = BASE_DIR / "staticfiles"', 'STATIC_ROOT = "/var/www/shop/static"'), { 'deploy/nginx/shop.conf': HOST_CONF('/srv/shop/staticfiles/') }),
      expect: [{ messageId: 'rootMismatch', file: 'deploy/nginx/shop.conf', line: 5 }],
    },
  ],
  unknown: [
    {
      name: 'host install, STATIC_ROOT relative to a project directory whose location is unknown',
      files: singleSettingsProject(SECURE_SETTINGS, { 'deploy/nginx/shop.conf': HOST_CONF('/srv/shop/collected/') }),
      reason: /whose location on the server is not in the repository/,
    },
    {
      name: 'the start script copies into the shared volume, but not where nginx reads',
      files: sharedDir('rsync -a staticfiles/ "${DOCKER_SHARED_DIR}/assets/"'),
      reason: /the start script copies files into the volume nginx reads \(docker\/start\.sh:5/,
    },
  ],
  notApplicable: [{ name: 'Django serves static files itself (no static location)', files: singleSettingsProject(SECURE_SETTINGS, { 'deploy/nginx/shop.conf': 'server {\n    listen 80;\n    location / {\n        proxy_pass http://127.0.0.1:8000;\n    }\n}\n' }) }],
});
