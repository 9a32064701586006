// Tests for nginx/http-not-redirected.
import { testRule } from '../../../test/rule-tester.js';
import rule from './http-not-redirected.js';
import { BASE_SETTINGS, prod, splitSettingsProject } from '../django/_fixture.js';

const TLS = `server {
    listen 443 ssl;
    server_name shop.example.org;
    ssl_certificate /etc/letsencrypt/live/shop.example.org/fullchain.pem;
    ssl_certificate_key /etc/letsencrypt/live/shop.example.org/privkey.pem;
    location / {
        proxy_pass http://127.0.0.1:8000;
    }
}
`;

const HTTP = (body: string) => `server {
    listen 80;
    server_name shop.example.org;
${body}
}

${TLS}`;

testRule(rule, {
  good: [
    { name: 'realistic config: ACME location and return 301 https', files: { dir: 'src/parsers/fixtures/nginx/django' } },
    { name: 'server-level return 301', files: { 'deploy/nginx/shop.conf': HTTP('    return 301 https://$host$request_uri;') } },
    {
      name: 'certbot-managed redirect server',
      files: { 'deploy/nginx/shop.conf': HTTP('    if ($host = shop.example.org) {\n        return 301 https://$host$request_uri;\n    } # managed by Certbot\n    return 404; # managed by Certbot') },
    },
    {
      name: 'health check proxied over HTTP for the load balancer, the rest redirected',
      files: { 'deploy/nginx/shop.conf': HTTP('    location = /health/ {\n        proxy_pass http://127.0.0.1:8000;\n    }\n    location / {\n        return 301 https://$host$request_uri;\n    }') },
    },
    {
      name: 'proxies over HTTP but Django redirects (SECURE_SSL_REDIRECT)',
      files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_SSL_REDIRECT = True', 'SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")'), {
        'deploy/nginx/shop.conf': HTTP('    location / {\n        proxy_pass http://127.0.0.1:8000;\n        proxy_set_header X-Forwarded-Proto $scheme;\n    }'),
      }),
    },
  ],
  bad: [
    {
      name: 'port 80 proxies to the app next to the TLS server',
      files: { 'deploy/nginx/shop.conf': HTTP('    location / {\n        proxy_pass http://127.0.0.1:8000;\n    }') },
      expect: [{ messageId: 'served', file: 'deploy/nginx/shop.conf', line: 5 }],
    },
    {
      name: 'one server listening on 80 and 443 without a scheme redirect, Django does not redirect',
      files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'deploy/nginx/shop.conf': TLS.replace('    listen 443 ssl;\n', '    listen 80;\n    listen 443 ssl;\n') }),
      expect: [{ messageId: 'served', file: 'deploy/nginx/shop.conf', line: 8 }],
    },
    {
      name: 'the port-80 server in nginx.conf proxies while the TLS server sits in a conf.d file of the same container',
      files: {
        'docker-compose.prod.yml': `services:
  nginx:
    image: nginx:1.27-alpine
    ports:
      - "80:80"
      - "443:443"
    volumes:
      - ./docker/nginx/nginx.conf:/etc/nginx/nginx.conf:ro
      - ./docker/nginx/shop.conf:/etc/nginx/conf.d/shop.conf:ro
`,
        'docker/nginx/nginx.conf': `events {}

http {
    server {
        listen 80;
        server_name shop.example.org;
        location / {
            proxy_pass http://web:8000;
        }
    }
    include /etc/nginx/conf.d/*.conf;
}
`,
        'docker/nginx/shop.conf': TLS,
      },
      expect: [{ messageId: 'served', file: 'docker/nginx/nginx.conf', line: 8 }],
    },
  ],
  unknown: [
    {
      name: 'SECURE_SSL_REDIRECT from the environment without a production value',
      files: splitSettingsProject(BASE_SETTINGS, prod('import os', 'SECURE_SSL_REDIRECT = os.environ.get("SSL_REDIRECT") == "1"'), {
        'deploy/nginx/shop.conf': HTTP('    location / {\n        proxy_pass http://127.0.0.1:8000;\n    }'),
      }),
      reason: /depends on env var SSL_REDIRECT/,
    },
  ],
  notApplicable: [{ name: 'only a TLS server', files: { 'deploy/nginx/shop.conf': TLS } }],
});
