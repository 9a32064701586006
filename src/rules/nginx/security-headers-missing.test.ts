// Tests for nginx/security-headers-missing.
import { testRule } from '../../../test/rule-tester.js';
import rule from './security-headers-missing.js';
import { BASE_SETTINGS, prod, SECURE_SETTINGS, singleSettingsProject, splitSettingsProject } from '../django/_fixture.js';

const SITE = (headers: string) => `server {
    listen 80;
    server_name shop.example.org;
    return 301 https://$host$request_uri;
}

server {
    listen 443 ssl;
    http2 on;
    server_name shop.example.org;
    ssl_certificate /etc/letsencrypt/live/shop.example.org/fullchain.pem;
    ssl_certificate_key /etc/letsencrypt/live/shop.example.org/privkey.pem;
${headers}
    location /static/ {
        alias /srv/shop/staticfiles/;
    }

    location / {
        proxy_pass http://127.0.0.1:8000;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-Proto $scheme;
    }
}
`;

const ALL_HEADERS = `    add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;
    add_header X-Content-Type-Options nosniff always;
    add_header X-Frame-Options DENY always;
    add_header Referrer-Policy strict-origin-when-cross-origin always;
`;

testRule(rule, {
  good: [
    { name: 'nginx adds all four headers (no Django project in the repository)', files: { 'deploy/nginx/shop.conf': SITE(ALL_HEADERS) } },
    { name: 'Django sends them itself (SecurityMiddleware, HSTS, XFrameOptionsMiddleware)', files: singleSettingsProject(SECURE_SETTINGS, { 'deploy/nginx/shop.conf': SITE('') }) },
    {
      name: 'HSTS from nginx, the rest from Django defaults',
      files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'deploy/nginx/shop.conf': SITE('    add_header Strict-Transport-Security "max-age=31536000" always;\n') }),
    },
  ],
  bad: [
    {
      name: 'neither nginx nor Django sends HSTS',
      files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'deploy/nginx/shop.conf': SITE('') }),
      expect: [{ messageId: 'missing', file: 'deploy/nginx/shop.conf', line: 10 }],
    },
    {
      name: 'SECURE_HSTS_SECONDS set, but Django cannot see HTTPS behind nginx (no SECURE_PROXY_SSL_HEADER)',
      files: singleSettingsProject(SECURE_SETTINGS, { 'deploy/nginx/shop.conf': SITE('').replace('http://127.0.0.1:8000', 'http://web:8000') }),
      expect: [{ messageId: 'missing', file: 'deploy/nginx/shop.conf', line: 10 }],
    },
    {
      name: 'static front-end server without any header',
      files: {
        'nginx/frontend.conf': `server {
    listen 443 ssl;
    server_name app.example.org;
    ssl_certificate /etc/nginx/certs/app.pem;
    ssl_certificate_key /etc/nginx/certs/app.key;
    root /usr/share/nginx/html;
    location / {
        try_files $uri /index.html;
    }
}
`,
      },
      expect: [{ messageId: 'missing', file: 'nginx/frontend.conf', line: 3 }],
    },
  ],
  unknown: [
    { name: 'proxied app, no Django settings in the repository', files: { 'deploy/nginx/shop.conf': SITE('') }, reason: /no Django project/ },
    { name: 'a location snippet nobody includes', files: { 'deploy/nginx/snippets/static.conf': 'location /static/ {\n    alias /srv/shop/staticfiles/;\n}\n' }, reason: /not visible/ },
  ],
  notApplicable: [
    { name: 'redirect-only server', files: { 'deploy/nginx/redirect.conf': 'server {\n    listen 80;\n    server_name old.example.org;\n    return 301 https://shop.example.org$request_uri;\n}\n' } },
    {
      name: 'ACME challenges and a redirect in location /, catch-all returning 444',
      files: {
        'deploy/nginx/edge.conf':
          'server {\n    listen 80 default_server;\n    location / {\n        return 444;\n    }\n}\n\nserver {\n    listen 80;\n    server_name shop.example.org;\n    location /.well-known/acme-challenge/ {\n        root /var/www/certbot;\n    }\n    location / {\n        return 301 https://$host$request_uri;\n    }\n}\n',
      },
    },
  ],
});
