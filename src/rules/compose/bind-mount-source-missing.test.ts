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
