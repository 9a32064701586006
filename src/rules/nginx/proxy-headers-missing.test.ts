// Tests for nginx/proxy-headers-missing.
import { testRule } from '../../../test/rule-tester.js';
import rule from './proxy-headers-missing.js';

const TLS_SITE = (server: string, app: string) => `server {
    listen 443 ssl;
    server_name shop.example.org;
    ssl_certificate /etc/letsencrypt/live/shop.example.org/fullchain.pem;
    ssl_certificate_key /etc/letsencrypt/live/shop.example.org/privkey.pem;
${server}
    location / {
        proxy_pass http://unix:/run/gunicorn.sock;
${app}
    }
}
`;

const THREE = `        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;`;

testRule(rule, {
  good: [
    { name: 'the three headers in the location', files: { 'deploy/nginx/shop.conf': TLS_SITE('', THREE) } },
    { name: "Debian's proxy_params (not in the repository)", files: { 'deploy/nginx/sites-available/shop': TLS_SITE('', '        include proxy_params;') } },
    { name: 'set once at server level and inherited', files: { 'deploy/nginx/shop.conf': TLS_SITE(THREE.replace(/^ {4}/gm, ''), '') } },
    {
      name: 'plain inner nginx behind Traefik only needs Host (X-Forwarded-* pass through)',
      files: {
        'docker-compose.prod.yml': `services:
  traefik:
    image: traefik:v3.1
    ports:
      - "443:443"
  nginx:
    image: nginx:1.27-alpine
    volumes:
      - ./nginx/default.conf:/etc/nginx/conf.d/default.conf:ro
    labels:
      - traefik.enable=true
  web:
    build: .
`,
        'nginx/default.conf': 'server {\n    listen 80;\n    location / {\n        proxy_pass http://web:8000;\n        proxy_set_header Host $host;\n    }\n}\n',
      },
    },
    {
      name: 'proxy to S3 for private media is not the app',
      files: { 'deploy/nginx/shop.conf': TLS_SITE('    location /protected/ {\n        internal;\n        proxy_pass https://shop-media.s3.eu-west-1.amazonaws.com/;\n    }\n', THREE) },
    },
  ],
  bad: [
    {
      name: 'realistic config: the /ws/ location forwards no Host (low, WebSocket)',
      files: { dir: 'src/parsers/fixtures/nginx/django' },
      expect: [{ messageId: 'missing', file: 'nginx/conf.d/app.conf', line: 43 }],
    },
    {
      name: 'only Host is set: X-Forwarded-Proto and X-Forwarded-For missing',
      files: { 'deploy/nginx/shop.conf': TLS_SITE('', '        proxy_set_header Host $host;') },
      expect: [{ messageId: 'missing', file: 'deploy/nginx/shop.conf', line: 8 }],
    },
    {
      name: 'a location with its own proxy_set_header loses the server-level ones',
      files: { 'deploy/nginx/shop.conf': TLS_SITE(THREE.replace(/^ {4}/gm, ''), '        proxy_set_header X-Request-Id $request_id;') },
      expect: [{ messageId: 'missing', file: 'deploy/nginx/shop.conf', line: 10 }],
    },
  ],
  unknown: [
    {
      name: 'an include outside the repository may set them',
      files: { 'deploy/nginx/shop.conf': TLS_SITE('', '        include /etc/nginx/snippets/django-proxy.conf;') },
      reason: /django-proxy\.conf is not in the repository/,
    },
    {
      name: 'a location snippet nobody includes (its server block is not visible)',
      files: { 'deploy/nginx/app-locations.conf': 'location / {\n    proxy_pass http://127.0.0.1:8000;\n}\n' },
      reason: /server block it belongs to is not visible/,
    },
  ],
  notApplicable: [{ name: 'static site only', files: { 'deploy/nginx/site.conf': 'server {\n    listen 80;\n    root /var/www/html;\n}\n' } }],
});
