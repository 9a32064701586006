// Tests for compose/bind-mount-source-missing.
import { testRule } from '../../../test/rule-tester.js';
import rule from './bind-mount-source-missing.js';

testRule(rule, {
  good: [
    {
      name: 'writable data directory created by Docker at first start',
      files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - ./backups:/backups\n' },
    },
    {
      name: 'committed config directory and file; host paths are not checked',
      files: {
        'docker-compose.prod.yml': `services:
  nginx:
    image: nginx:1.27
    volumes:
      - ./config/nginx:/etc/nginx/conf.d:ro
      - ./nginx.conf:/etc/nginx/nginx.conf:ro
      - /etc/letsencrypt:/etc/letsencrypt:ro
`,
        'config/nginx/site.conf': 'server { listen 80; }\n',
        'nginx.conf': 'events {}\n',
      },
    },
    {
      name: 'the path of a build/ directory that discovery skips still exists on disk',
      files: {
        'deploy/docker-compose.prod.yml': 'services:\n  web:\n    image: app:1\n    volumes:\n      - ../build/static:/static:ro\n',
        'build/static/app.css': 'body{}\n',
      },
    },
    {
      name: 'opencve: the nginx template is copied from its .example by docker/install.sh',
      files: {
        'docker/docker-compose.yaml': `services:
  nginx:
    image: nginx:1.27
    ports:
      - 80:80
    volumes:
      - ./conf/opencve.conf.template:/etc/nginx/templates/default.conf.template:ro
      - ./conf/default.conf.template:/etc/nginx/templates/opencve.conf.template:ro
      - ./conf/airflow.cfg:/opt/airflow/airflow.cfg:ro
`,
        'docker/conf/opencve.conf.template.example': 'server {\n    listen 80;\n}\n',
        'docker/conf/airflow.cfg.sample': '[core]\nexecutor = CeleryExecutor\n',
        'docker/install.sh': `#!/bin/bash
display-and-exec() {
    local _TXT="$1"
    shift
    "$@"
}

add-config-files() {
    local _NGINX_TEMPLATE="./conf/opencve.conf.template"
    display-and-exec "copying OpenCVE configuration" cp "$_NGINX_TEMPLATE.example" "$_NGINX_TEMPLATE"
    display-and-exec "copying empty default configuration" cp ./conf/default.conf.template.example ./conf/default.conf.template
}
`,
      },
    },
    {
      name: 'media directory mounted read-only by nginx is written by the django service',
      files: {
        'deploy/docker-compose.prod.yml': `services:
  django:
    image: registry.example.org/shop:2.1.0
    command: gunicorn config.wsgi:application --bind 0.0.0.0:8000
    volumes:
      - ../volumes/media:/app/media
  nginx:
    image: nginx:1.27
    volumes:
      - ../volumes/media:/usr/share/nginx/media:ro
      - ./nginx.conf:/etc/nginx/conf.d/default.conf:ro
`,
        'deploy/nginx.conf': 'server {\n    listen 80;\n}\n',
      },
    },
    {
      name: 'the certificate directory is created by the setup script',
      files: {
        'docker-compose.prod.yml': `services:
  nginx:
    image: nginx:1.27
    volumes:
      - ./certs:/etc/nginx/certs:ro
`,
        'scripts/setup.sh': `#!/bin/sh
set -e
CERT_DIR=./certs
mkdir -p "$CERT_DIR"
openssl req -x509 -nodes -newkey rsa:2048 -keyout "$CERT_DIR/key.pem" -out "$CERT_DIR/cert.pem" -subj "/CN=localhost"
`,
      },
    },
  ],
  bad: [
    {
      name: 'seed 002 #3: ./config/nginx is missing',
      files: {
        'docker-compose.prod.yaml': `services:
  nginx-proxy:
    image: nginxproxy/nginx-proxy:1.6.4
    volumes:
      - nginx_certs:/etc/nginx/certs
      - ./config/nginx:/etc/nginx/conf.d:ro
  web:
    image: app:1
    volumes:
      - type: bind
        source: ./gunicorn.conf.py
        target: /app/gunicorn.conf.py
volumes:
  nginx_certs:
`,
      },
      expect: [
        { messageId: 'missing', file: 'docker-compose.prod.yaml', line: 6 },
        { messageId: 'missing', file: 'docker-compose.prod.yaml', line: 10 },
      ],
    },
    {
      name: 'no template, no writer, and the script only tells the reader to create it',
      files: {
        'docker-compose.prod.yml': `services:
  nginx:
    image: nginx:1.27
    volumes:
      - ./config/nginx:/etc/nginx/conf.d:ro
  certbot:
    image: certbot/certbot:v2.11.0
    volumes:
      - ./config/nginx:/etc/nginx/conf.d:ro
`,
        'setup.sh': '#!/bin/sh\necho "create config/nginx first: mkdir -p config/nginx"\necho cp site.conf ./config/nginx\n',
      },
      expect: [
        { messageId: 'missing', file: 'docker-compose.prod.yml', line: 5 },
        { messageId: 'missing', file: 'docker-compose.prod.yml', line: 9 },
      ],
    },
  ],
  notApplicable: [
    {
      name: 'git-ignored run-time directories',
      files: {
        '.gitignore': 'logs/\nbackups/\n',
        'docker-compose.prod.yml': 'services:\n  web:\n    image: app:1\n    volumes:\n      - ./logs:/app/logs\n      - ./backups:/backups\n',
      },
    },
    { name: 'only named volumes', files: { 'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n    volumes: [data:/var/lib/postgresql/data]\nvolumes:\n  data:\n' } },
  ],
});
