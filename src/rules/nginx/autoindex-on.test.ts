// Tests for nginx/autoindex-on.
import { testRule } from '../../../test/rule-tester.js';
import rule from './autoindex-on.js';

const SITE = (media: string) => `server {
    listen 443 ssl;
    server_name shop.example.org;
    ssl_certificate /etc/letsencrypt/live/shop.example.org/fullchain.pem;
    ssl_certificate_key /etc/letsencrypt/live/shop.example.org/privkey.pem;

    location /media/ {
        alias /app/media/;
${media}
    }

    location / {
        proxy_pass http://web:8000;
    }
}
`;

testRule(rule, {
  good: [
    { name: 'no autoindex (default off)', files: { 'nginx/default.conf': SITE('        expires 7d;') } },
    { name: 'autoindex off written explicitly', files: { 'nginx/default.conf': SITE('        autoindex off;') } },
  ],
  bad: [
    { name: 'autoindex on for uploads', files: { 'nginx/default.conf': SITE('        autoindex on;') }, expect: [{ messageId: 'files', file: 'nginx/default.conf', line: 9 }] },
    {
      name: 'autoindex on for a downloads location (low)',
      files: {
        'nginx/default.conf': `server {
    listen 80;
    location /downloads/ {
        root /srv;
        autoindex on;
    }
}
`,
      },
      expect: [{ messageId: 'other', file: 'nginx/default.conf', line: 5 }],
    },
  ],
  notApplicable: [{ name: 'no nginx', files: { 'docker-compose.yml': 'services:\n  web:\n    image: shop:1.0\n' } }],
});
