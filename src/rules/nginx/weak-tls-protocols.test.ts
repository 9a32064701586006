// Tests for nginx/weak-tls-protocols.
import { testRule } from '../../../test/rule-tester.js';
import rule from './weak-tls-protocols.js';

const TLS_SITE = (extra: string) => `server {
    listen 443 ssl;
    server_name shop.example.org;
    ssl_certificate /etc/letsencrypt/live/shop.example.org/fullchain.pem;
    ssl_certificate_key /etc/letsencrypt/live/shop.example.org/privkey.pem;
${extra}
    location / {
        proxy_pass http://web:8000;
    }
}
`;

const COMPOSE = (image: string) => `services:
  web:
    build: .
    command: gunicorn shop.wsgi:application --bind 0.0.0.0:8000
  nginx:
    image: ${image}
    ports:
      - "80:80"
      - "443:443"
    volumes:
      - ./nginx:/etc/nginx/conf.d:ro
      - /etc/letsencrypt:/etc/letsencrypt:ro
`;

testRule(rule, {
  good: [
    { name: 'realistic Django config: TLSv1.2 TLSv1.3 in an included snippet', files: { dir: 'src/parsers/fixtures/nginx/django' } },
    { name: "certbot's options-ssl-nginx.conf (not in the repository)", files: { 'deploy/nginx/shop.conf': TLS_SITE('    include /etc/letsencrypt/options-ssl-nginx.conf;\n') } },
    { name: 'not set, official image 1.27 (default TLSv1.2 TLSv1.3)', files: { 'docker-compose.prod.yml': COMPOSE('nginx:1.27-alpine'), 'nginx/shop.conf': TLS_SITE('') } },
  ],
  bad: [
    {
      name: 'TLSv1 and TLSv1.1 enabled',
      files: { 'deploy/nginx/shop.conf': TLS_SITE('    ssl_protocols TLSv1 TLSv1.1 TLSv1.2;\n') },
      expect: [{ messageId: 'weak', file: 'deploy/nginx/shop.conf', line: 6 }],
    },
    {
      name: 'SSLv3 in an ssl snippet nobody includes',
      files: { 'deploy/nginx/snippets/ssl-params.conf': 'ssl_protocols SSLv3 TLSv1 TLSv1.1 TLSv1.2;\nssl_prefer_server_ciphers on;\nssl_session_cache shared:SSL:10m;\nlocation /.well-known/ {\n    root /var/www/certbot;\n}\n' },
      expect: [{ messageId: 'weak', file: 'deploy/nginx/snippets/ssl-params.conf', line: 1 }],
    },
    {
      name: 'not set on nginx 1.21 (old default enables TLSv1 and TLSv1.1)',
      files: { 'docker-compose.prod.yml': COMPOSE('nginx:1.21.6'), 'nginx/shop.conf': TLS_SITE('') },
      expect: [{ messageId: 'oldDefault', file: 'nginx/shop.conf', line: 3 }],
    },
  ],
  unknown: [
    { name: 'not set on a host install (version and stock nginx.conf unknown)', files: { 'deploy/nginx/shop.conf': TLS_SITE('') }, reason: /depends on its version/ },
  ],
  notApplicable: [
    {
      name: 'no TLS server block',
      files: { 'nginx/default.conf': 'server {\n    listen 80;\n    location / {\n        proxy_pass http://web:8000;\n    }\n}\n' },
    },
  ],
});
