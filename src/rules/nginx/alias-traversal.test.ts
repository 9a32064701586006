// Tests for nginx/alias-traversal.
import { testRule } from '../../../test/rule-tester.js';
import rule from './alias-traversal.js';

const SITE = (staticLocation: string) => `upstream app {
    server web:8000;
}

server {
    listen 80;
    server_name shop.example.org;

    ${staticLocation}

    location / {
        proxy_pass http://app;
        proxy_set_header Host $host;
    }
}
`;

testRule(rule, {
  good: [
    { name: 'location and alias both end with a slash', files: { 'nginx/conf.d/shop.conf': SITE('location /static/ {\n        alias /app/staticfiles/;\n    }') } },
    { name: 'neither ends with a slash', files: { 'nginx/conf.d/shop.conf': SITE('location /media {\n        alias /app/media;\n    }') } },
    { name: 'regex location with a capture', files: { 'nginx/conf.d/shop.conf': SITE('location ~ ^/static/(.*)$ {\n        alias /app/staticfiles/$1;\n    }') } },
  ],
  bad: [
    {
      name: 'location /static aliased to /app/static/',
      files: { 'nginx/conf.d/shop.conf': SITE('location /static {\n        alias /app/static/;\n    }') },
      expect: [{ messageId: 'traversal', file: 'nginx/conf.d/shop.conf', line: 10 }],
    },
    {
      name: 'in a snippet included by the server (the alias line of the snippet is quoted)',
      files: {
        'deploy/nginx/sites-available/shop': SITE('include /etc/nginx/snippets/files.conf;'),
        'deploy/nginx/snippets/files.conf': '# static and uploads\nlocation /static/ {\n    alias /srv/shop/staticfiles/;\n}\nlocation ^~ /media {\n    alias /srv/shop/media/;\n}\n',
      },
      expect: [{ messageId: 'traversal', file: 'deploy/nginx/snippets/files.conf', line: 6 }],
    },
  ],
  notApplicable: [
    { name: 'root instead of alias', files: { 'nginx/conf.d/shop.conf': SITE('location /static/ {\n        root /app;\n    }') } },
    { name: 'no nginx config', files: { 'README.md': '# shop\n' } },
  ],
});
