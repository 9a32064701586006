// Tests for nginx/no-tls-listener.
import { testRule } from '../../../test/rule-tester.js';
import rule from './no-tls-listener.js';

const PLAIN = (name: string, extra = '') => `upstream django {
    server web:8000;
}

server {
    listen 80;
    server_name ${name};
${extra}
    location / {
        proxy_pass http://django;
        proxy_set_header Host $host;
    }
}
`;

const COMPOSE = (nginxPorts: string, more = '') => `services:
  web:
    build: .
    command: gunicorn shop.wsgi:application --bind 0.0.0.0:8000
  nginx:
    image: nginx:1.27-alpine
${nginxPorts}    volumes:
      - ./nginx/nginx.conf:/etc/nginx/conf.d/default.conf:ro
${more}`;

testRule(rule, {
  good: [
    { name: 'realistic config: a 443 ssl server', files: { dir: 'src/parsers/fixtures/nginx/django' } },
    {
      name: 'inner nginx behind Traefik publishing 443',
      files: {
        'docker-compose.prod.yml': COMPOSE('', '  traefik:\n    image: traefik:v3.1\n    ports:\n      - "80:80"\n      - "443:443"\n'),
        'nginx/nginx.conf': PLAIN('shop.example.org'),
      },
    },
    {
      name: 'nginx-proxy with acme-companion in front',
      files: {
        'docker-compose.prod.yml': COMPOSE('', '  nginx-proxy:\n    image: nginxproxy/nginx-proxy:1.6\n    ports:\n      - "443:443"\n  acme:\n    image: nginxproxy/acme-companion:2.4\n'),
        'nginx/nginx.conf': PLAIN('shop.example.org'),
      },
    },
    { name: 'behind a load balancer that sets X-Forwarded-Proto', files: { 'deploy/nginx/shop.conf': PLAIN('shop.example.org', '    set_real_ip_from 10.0.0.0/8;\n    real_ip_header X-Forwarded-For;\n') } },
  ],
  bad: [
    {
      name: 'port 80 published to the host, no TLS anywhere',
      files: { 'docker-compose.prod.yml': COMPOSE('    ports:\n      - "80:80"\n'), 'nginx/nginx.conf': PLAIN('localhost') },
      expect: [{ messageId: 'noTls', file: 'nginx/nginx.conf', line: 6 }],
    },
    { name: 'a host install for a public domain', files: { 'deploy/nginx/sites-available/shop': PLAIN('shop.example.org www.shop.example.org') }, expect: [{ messageId: 'noTls', file: 'deploy/nginx/sites-available/shop', line: 6 }] },
  ],
  unknown: [
    {
      name: 'pre-certbot config: setup.sh runs certbot --nginx, which adds the 443 server on the server',
      files: {
        'deploy/nginx/shop.conf': PLAIN('shop.example.org www.shop.example.org'),
        'deploy/setup.sh': `#!/usr/bin/env bash
set -euo pipefail
DOMAIN=shop.example.org
sudo cp deploy/nginx/shop.conf /etc/nginx/sites-available/shop
sudo ln -sf /etc/nginx/sites-available/shop /etc/nginx/sites-enabled/shop
sudo nginx -t && sudo systemctl reload nginx
sudo certbot --nginx -d "$DOMAIN" -d "www.$DOMAIN" --non-interactive --agree-tos -m admin@example.org --redirect
`,
      },
      reason: /deploy\/setup\.sh:7 runs sudo certbot --nginx/,
    },
    {
      name: 'pre-certbot config: DEPLOY.md tells to run certbot run --nginx',
      files: {
        'deploy/nginx/shop.conf': PLAIN('shop.example.org'),
        'DEPLOY.md': '# Deploying\n\n## TLS\n\n```bash\nsudo certbot run --nginx -d shop.example.org\n```\n',
      },
      reason: /DEPLOY\.md:6 runs sudo certbot run --nginx -d shop\.example\.org/,
    },
  ],
  notApplicable: [{ name: 'no nginx config', files: { 'docker-compose.yml': 'services:\n  web:\n    image: shop:1.0\n' } }],
});
