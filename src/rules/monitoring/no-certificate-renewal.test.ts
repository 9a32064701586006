import rule from './no-certificate-renewal.js';
import { testRule } from '../../../test/rule-tester.js';

const site = 'server {\n    listen 443 ssl;\n    server_name shop.example.org;\n    ssl_certificate /etc/letsencrypt/live/shop.example.org/fullchain.pem;\n    ssl_certificate_key /etc/letsencrypt/live/shop.example.org/privkey.pem;\n    location / {\n        proxy_pass http://web:8000;\n    }\n}\n';
const compose = (extra = '') =>
  `services:\n  web:\n    build: .\n    command: gunicorn shop.wsgi:application --bind 0.0.0.0:8000\n  nginx:\n    image: nginx:1.27\n    ports:\n      - "80:80"\n      - "443:443"\n    volumes:\n      - ./nginx:/etc/nginx/conf.d:ro\n      - ./certbot/conf:/etc/letsencrypt:ro\n${extra}`;

testRule(rule, {
  good: [
    {
      name: 'certbot service with a renew loop',
      files: {
        'nginx/shop.conf': site,
        'docker-compose.prod.yml': compose(
          '  certbot:\n    image: certbot/certbot:v2.11.0\n    volumes:\n      - ./certbot/conf:/etc/letsencrypt\n    entrypoint: "/bin/sh -c \'trap exit TERM; while :; do certbot renew; sleep 12h & wait $${!}; done;\'"\n',
        ),
      },
    },
    {
      name: 'seed 002: nginx-proxy with acme-companion',
      files: {
        'docker-compose.prod.yaml':
          'services:\n  nginx-proxy:\n    image: nginxproxy/nginx-proxy:1.6.4\n    ports:\n      - "80:80"\n      - "443:443"\n    volumes:\n      - nginx_certs:/etc/nginx/certs\n  acme-companion:\n    image: nginxproxy/acme-companion:2.5.2\n    volumes:\n      - nginx_certs:/etc/nginx/certs\nvolumes:\n  nginx_certs:\n',
      },
    },
    { name: 'host cron runs certbot renew', files: { 'deploy/nginx/shop.conf': site.replace('web:8000', '127.0.0.1:8000'), 'deploy/cron.d/certbot': '0 */12 * * * root certbot renew --quiet --deploy-hook "systemctl reload nginx"\n' } },
  ],
  bad: [
    {
      name: 'seed 001: nginx container with Let\'s Encrypt files, no renewal',
      files: { 'nginx/shop.conf': site, 'docker-compose.prod.yml': compose() },
      expect: [{ messageId: 'noRenewal', file: 'nginx/shop.conf', line: 4 }],
    },
    {
      name: 'seed 001: host /etc/letsencrypt mounted into nginx, renewal only documented as manual',
      files: {
        'docker/nginx/prod.conf': site,
        'docker-compose.yml': compose().replace('./nginx:/etc/nginx/conf.d:ro', './docker/nginx/prod.conf:/etc/nginx/conf.d/prod.conf:ro').replace('./certbot/conf:/etc/letsencrypt:ro', '/etc/letsencrypt:/etc/letsencrypt:ro'),
        'docs/deployment.md': '# Deployment\n\nCertificates: obtained once with `certbot certonly --webroot -w /var/www/certbot -d shop.example.org`.\nRenew them before they expire (every 90 days).\n',
      },
      expect: [{ messageId: 'noRenewal', file: 'docker/nginx/prod.conf', line: 4 }],
    },
  ],
  unknown: [
    {
      name: 'host certbot package, nginx in a container, no reload hook visible',
      files: {
        'docker/nginx/prod.conf': site,
        'docker-compose.yml': compose().replace('./nginx:/etc/nginx/conf.d:ro', './docker/nginx/prod.conf:/etc/nginx/conf.d/prod.conf:ro').replace('./certbot/conf:/etc/letsencrypt:ro', '/etc/letsencrypt:/etc/letsencrypt:ro'),
        'scripts/provision.sh': '#!/bin/bash\nset -euo pipefail\napt-get install -y certbot\ncertbot certonly --standalone -d shop.example.org\n',
      },
      reason: /reloads them/,
    },
    { name: 'host nginx with certbot paths', files: { 'deploy/nginx/shop.conf': site.replace('web:8000', '127.0.0.1:8000') }, reason: /how certbot was installed/ },
    { name: 'purchased certificate', files: { 'deploy/nginx/shop.conf': site.replace(/\/etc\/letsencrypt\/live\/shop.example.org\/(fullchain|privkey)/g, '/etc/ssl/shop/$1') }, reason: /provided by hand/ },
  ],
  notApplicable: [{ name: 'plain HTTP behind a load balancer', files: { 'nginx/shop.conf': 'server {\n    listen 80;\n    location / { proxy_pass http://web:8000; }\n}\n' } }],
});
