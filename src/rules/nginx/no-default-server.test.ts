// Tests for nginx/no-default-server.
import { testRule } from '../../../test/rule-tester.js';
import rule from './no-default-server.js';

const APP = (listen: string, name = 'shop.example.org') => `server {
    ${listen}
    server_name ${name};
    ssl_certificate /etc/letsencrypt/live/shop.example.org/fullchain.pem;
    ssl_certificate_key /etc/letsencrypt/live/shop.example.org/privkey.pem;

    location / {
        proxy_pass http://127.0.0.1:8000;
    }
}
`;

const CATCH_ALL = `server {
    listen 443 ssl default_server;
    server_name _;
    ssl_reject_handshake on;
    return 444;
}

`;

testRule(rule, {
  good: [
    { name: 'a catch-all default_server returning 444 first', files: { 'deploy/nginx/shop.conf': CATCH_ALL + APP('listen 443 ssl;') } },
    { name: 'the catch-all is marked default_server even when written last', files: { 'deploy/nginx/shop.conf': APP('listen 443 ssl;') + '\n' + CATCH_ALL } },
    {
      name: 'behind Traefik, which routes by Host',
      files: {
        'docker-compose.prod.yml': 'services:\n  nginx:\n    image: nginx:1.27\n    volumes:\n      - ./nginx:/etc/nginx/conf.d:ro\n    labels:\n      - traefik.http.routers.shop.rule=Host(`shop.example.org`)\n',
        'nginx/default.conf': 'server {\n    listen 80;\n    server_name _;\n    location / {\n        proxy_pass http://web:8000;\n    }\n}\n',
      },
    },
  ],
  bad: [
    { name: 'the only server is the implicit default', files: { 'deploy/nginx/shop.conf': APP('listen 443 ssl;') }, expect: [{ messageId: 'implicit', file: 'deploy/nginx/shop.conf', line: 2 }] },
    { name: 'the app server is marked default_server', files: { 'deploy/nginx/shop.conf': APP('listen 443 ssl default_server;') }, expect: [{ messageId: 'explicit', file: 'deploy/nginx/shop.conf', line: 2 }] },
    { name: 'server_name _ proxying to the app', files: { 'deploy/nginx/shop.conf': APP('listen 443 ssl;', '_') }, expect: [{ messageId: 'catchAll', file: 'deploy/nginx/shop.conf', line: 3 }] },
    {
      name: 'two sites mounted into one nginx: only the first file read (api.conf) is the default for 443',
      files: {
        'docker-compose.prod.yml': `services:
  nginx:
    image: nginx:1.27-alpine
    ports:
      - "80:80"
      - "443:443"
    volumes:
      - ./nginx/shop.conf:/etc/nginx/conf.d/shop.conf:ro
      - ./nginx/api.conf:/etc/nginx/conf.d/api.conf:ro
`,
        'nginx/shop.conf': APP('listen 443 ssl;'),
        'nginx/api.conf': APP('listen 443 ssl;', 'api.example.org'),
      },
      expect: [{ messageId: 'implicit', file: 'nginx/api.conf', line: 2 }],
    },
  ],
  notApplicable: [{ name: 'redirect-only config', files: { 'deploy/nginx/redirect.conf': 'server {\n    listen 80 default_server;\n    return 301 https://shop.example.org$request_uri;\n}\n' } }],
});
