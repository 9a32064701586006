// Tests for nginx/server-tokens.
import { testRule } from '../../../test/rule-tester.js';
import rule from './server-tokens.js';

const NGINX_CONF = (tokens: string) => `user nginx;
worker_processes auto;

events {
    worker_connections 1024;
}

http {
    include /etc/nginx/mime.types;
    sendfile on;
${tokens}
    include /etc/nginx/conf.d/*.conf;
}
`;

const SITE = `server {
    listen 80;
    server_name shop.example.org;

    location / {
        proxy_pass http://web:8000;
    }
}
`;

testRule(rule, {
  good: [
    { name: 'server_tokens off in the http block', files: { 'nginx/nginx.conf': NGINX_CONF('    server_tokens off;'), 'nginx/conf.d/shop.conf': SITE } },
    { name: 'server_tokens off in the conf.d server block', files: { 'nginx/conf.d/shop.conf': SITE.replace('    listen 80;\n', '    listen 80;\n    server_tokens off;\n') } },
  ],
  bad: [
    {
      name: 'nginx.conf without server_tokens (the http block is named)',
      files: { 'nginx/nginx.conf': NGINX_CONF('    keepalive_timeout 65;'), 'nginx/conf.d/shop.conf': SITE },
      expect: [{ messageId: 'unset', file: 'nginx/nginx.conf', line: 8 }],
    },
    {
      name: 'a conf.d file included by the image stock nginx.conf (the server_name line is named)',
      files: { 'docker/nginx/default.conf': SITE },
      expect: [{ messageId: 'unset', file: 'docker/nginx/default.conf', line: 3 }],
    },
    {
      name: 'server_tokens on written explicitly',
      files: { 'nginx/nginx.conf': NGINX_CONF('    server_tokens on;'), 'nginx/conf.d/shop.conf': SITE },
      expect: [{ messageId: 'on', file: 'nginx/nginx.conf', line: 11 }],
    },
  ],
  unknown: [
    {
      name: 'an include that is not in the repository may set it',
      files: { 'nginx/conf.d/shop.conf': `include /etc/nginx/custom/hardening.conf;\n\n${SITE}` },
      reason: /hardening\.conf is not in the repository/,
    },
    {
      name: 'a location-only snippet nobody includes',
      files: { 'nginx/snippets/static.conf': 'location /static/ {\n    alias /app/staticfiles/;\n}\n' },
      reason: /server block it belongs to is not visible/,
    },
  ],
  notApplicable: [{ name: 'no nginx', files: { 'Dockerfile': 'FROM python:3.12-slim\n' } }],
});
