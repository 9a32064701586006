// Tests for nginx/add-header-inheritance.
import { testRule } from '../../../test/rule-tester.js';
import rule from './add-header-inheritance.js';
import { BASE_SETTINGS, prod, splitSettingsProject } from '../django/_fixture.js';

const SITE = (staticBlock: string, appBlock = '') => `server {
    listen 443 ssl;
    server_name shop.example.org;
    ssl_certificate /etc/letsencrypt/live/shop.example.org/fullchain.pem;
    ssl_certificate_key /etc/letsencrypt/live/shop.example.org/privkey.pem;

    add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;
    add_header X-Frame-Options DENY always;
    add_header X-Content-Type-Options nosniff always;

    location /static/ {
        alias /srv/shop/staticfiles/;
${staticBlock}
    }

    location / {
        proxy_pass http://127.0.0.1:8000;
${appBlock}
    }
}
`;

testRule(rule, {
  good: [
    { name: 'locations without their own add_header inherit the headers', files: { 'deploy/nginx/shop.conf': SITE('        expires 30d;') } },
    {
      name: 'the location repeats the headers through a snippet',
      files: {
        'deploy/nginx/shop.conf': SITE('        include /etc/nginx/snippets/security-headers.conf;\n        add_header Cache-Control "public, max-age=2592000, immutable";'),
        'deploy/nginx/snippets/security-headers.conf':
          'add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;\nadd_header X-Frame-Options DENY always;\nadd_header X-Content-Type-Options nosniff always;\n',
      },
    },
    { name: 'add_header_inherit merge (nginx 1.29.3+)', files: { 'deploy/nginx/shop.conf': SITE('        add_header_inherit merge;\n        add_header Cache-Control "public, immutable";') } },
    {
      name: 'proxied location: Django sends X-Frame-Options and nosniff itself, nginx repeats HSTS',
      files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_HSTS_SECONDS = 31536000'), {
        'deploy/nginx/shop.conf': SITE('        expires 30d;', '        add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;\n        add_header X-Served-By app;'),
      }),
    },
  ],
  bad: [
    {
      name: 'Cache-Control on static files drops all three headers',
      files: { 'deploy/nginx/shop.conf': SITE('        add_header Cache-Control "public, max-age=2592000, immutable";') },
      expect: [{ messageId: 'dropped', file: 'deploy/nginx/shop.conf', line: 13 }],
    },
    { name: 'realistic config: static Cache-Control drops the snippet HSTS (low)', files: { dir: 'src/parsers/fixtures/nginx/django' }, expect: [{ messageId: 'dropped', file: 'nginx/conf.d/app.conf', line: 35 }] },
  ],
  unknown: [
    {
      name: 'proxied location with its own add_header, Django settings not in the repository',
      files: { 'deploy/nginx/shop.conf': SITE('        expires 30d;', '        add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;\n        add_header X-Served-By app;') },
      reason: /whether Django sends them could not be told/,
    },
  ],
  notApplicable: [{ name: 'no nginx', files: { 'docker-compose.yml': 'services:\n  web:\n    image: shop:1.0\n' } }],
});
