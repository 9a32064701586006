// Tests for nginx/upstream-unknown-service.
import { testRule } from '../../../test/rule-tester.js';
import rule from './upstream-unknown-service.js';

const COMPOSE = (webCommand: string) => `services:
  web:
    build: .
    command: ${webCommand}
    expose:
      - "8000"
  nginx:
    image: nginx:1.27-alpine
    ports:
      - "80:80"
    volumes:
      - ./nginx/conf.d:/etc/nginx/conf.d:ro
      - static:/app/staticfiles:ro
volumes:
  static:
`;

const CONF = (target: string) => `upstream django {
    server ${target};
}

server {
    listen 80;
    server_name shop.example.org;

    location / {
        proxy_pass http://django;
        proxy_set_header Host $host;
    }
}
`;

const GUNICORN = 'gunicorn shop.wsgi:application --bind 0.0.0.0:8000 --workers 3';

testRule(rule, {
  good: [
    { name: 'upstream server web:8000 matches service web bound on 8000', files: { 'docker-compose.prod.yml': COMPOSE(GUNICORN), 'nginx/conf.d/shop.conf': CONF('web:8000') } },
    {
      name: 'direct proxy_pass to the service, port from the Dockerfile EXPOSE',
      files: {
        'docker-compose.prod.yml': COMPOSE('./docker/start.sh'),
        'nginx/conf.d/shop.conf': 'server {\n    listen 80;\n    location / {\n        proxy_pass http://web:8000;\n    }\n}\n',
        Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nEXPOSE 8000\nCMD ["./docker/start.sh"]\n',
      },
    },
  ],
  bad: [
    {
      name: 'tutorial name "app" while the service is called web',
      files: { 'docker-compose.prod.yml': COMPOSE(GUNICORN), 'nginx/conf.d/shop.conf': CONF('app:8000') },
      expect: [{ messageId: 'unknownHost', file: 'nginx/conf.d/shop.conf', line: 2 }],
    },
    {
      name: 'port 8080 while gunicorn binds 8000',
      files: { 'docker-compose.prod.yml': COMPOSE(GUNICORN), 'nginx/conf.d/shop.conf': CONF('web:8080') },
      expect: [{ messageId: 'wrongPort', file: 'nginx/conf.d/shop.conf', line: 2 }],
    },
  ],
  unknown: [
    {
      name: 'the port is set in a start script',
      files: { 'docker-compose.prod.yml': COMPOSE('./docker/start.sh').replace('    expose:\n      - "8000"\n', ''), 'nginx/conf.d/shop.conf': CONF('web:8000') },
      reason: /port it serves on could not be told/,
    },
  ],
  notApplicable: [
    { name: 'a host install (not mounted into compose)', files: { 'deploy/nginx/shop.conf': CONF('127.0.0.1:8000') } },
  ],
});
