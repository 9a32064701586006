// Tests for nginx/no-rate-limit.
import { testRule } from '../../../test/rule-tester.js';
import rule from './no-rate-limit.js';
import { singleSettingsProject, SECURE_SETTINGS } from '../django/_fixture.js';

const CONF = (http: string, login: string, app: string) => `limit_req_zone $binary_remote_addr zone=app:10m rate=10r/s;
limit_req_zone $binary_remote_addr zone=login:10m rate=5r/m;
${http}
server {
    listen 443 ssl;
    server_name shop.example.org;
    ssl_certificate /etc/letsencrypt/live/shop.example.org/fullchain.pem;
    ssl_certificate_key /etc/letsencrypt/live/shop.example.org/privkey.pem;

    location /accounts/login/ {
        proxy_pass http://web:8000;
${login}
    }

    location / {
        proxy_pass http://web:8000;
${app}
    }
}
`;

testRule(rule, {
  good: [
    { name: 'app zone on / and strict zone on the login', files: { 'nginx/conf.d/shop.conf': CONF('', '        limit_req zone=login burst=5 nodelay;', '        limit_req zone=app burst=20 nodelay;') } },
    { name: 'server-level limit_req inherited by every location', files: { 'nginx/conf.d/shop.conf': CONF('', '', '').replace('    server_name shop.example.org;\n', '    server_name shop.example.org;\n    limit_req zone=app burst=20 nodelay;\n') } },
    {
      name: 'django-allauth limits login attempts by default',
      files: singleSettingsProject(SECURE_SETTINGS, { 'requirements.txt': 'Django==5.0.6\ndjango-allauth==65.3.0\n', 'nginx/conf.d/shop.conf': CONF('', '', '').split('\n').slice(2).join('\n') }),
    },
    {
      name: 'app-level throttling with django-axes',
      files: singleSettingsProject(SECURE_SETTINGS, { 'requirements.txt': 'Django==5.0.6\ndjango-axes==6.5.1\n', 'nginx/conf.d/shop.conf': CONF('', '', '') }),
    },
    {
      // Expert review: a streaming (SSE) endpoint limited by concurrent connections, not by request rate.
      name: 'limit_conn on a streaming location counts as throttling',
      files: {
        'nginx/conf.d/shop.conf': `limit_req_zone $binary_remote_addr zone=app:10m rate=10r/s;
limit_conn_zone $binary_remote_addr zone=perip:10m;
server {
    listen 443 ssl;
    server_name shop.example.org;
    ssl_certificate /etc/letsencrypt/live/shop.example.org/fullchain.pem;
    ssl_certificate_key /etc/letsencrypt/live/shop.example.org/privkey.pem;

    location /api/events/stream/ {
        proxy_pass http://web:8000;
        proxy_buffering off;
        proxy_read_timeout 1h;
        limit_conn perip 8;
    }

    location / {
        proxy_pass http://web:8000;
        limit_req zone=app burst=20 nodelay;
    }
}
`,
      },
    },
  ],
  bad: [
    {
      name: 'zones defined but never used',
      files: { 'nginx/conf.d/shop.conf': CONF('', '', '') },
      expect: [{ messageId: 'unusedZone', file: 'nginx/conf.d/shop.conf', line: 1 }],
    },
    {
      name: 'no limit_req and no zone at all, and the app in the repository throttles nothing',
      files: singleSettingsProject(SECURE_SETTINGS, { 'nginx/conf.d/shop.conf': CONF('', '', '').split('\n').slice(2).join('\n') }),
      expect: [{ messageId: 'none', file: 'nginx/conf.d/shop.conf', line: 4 }],
    },
    {
      name: 'django-allauth pinned before 0.47 has no default login rate limit',
      files: singleSettingsProject(SECURE_SETTINGS, { 'requirements.txt': 'Django==3.2.25\ndjango-allauth==0.45.0\n', 'nginx/conf.d/shop.conf': CONF('', '', '').split('\n').slice(2).join('\n') }),
      expect: [{ messageId: 'none', file: 'nginx/conf.d/shop.conf', line: 4 }],
    },
    {
      name: 'the app is limited but the login location is not',
      files: { 'nginx/conf.d/shop.conf': CONF('', '        proxy_set_header Host $host;', '        limit_req zone=app burst=20 nodelay;') },
      expect: [{ messageId: 'sensitive', file: 'nginx/conf.d/shop.conf', line: 10 }],
    },
    {
      name: 'an unlimited /api/ before an unlimited /admin/: the admin login is reported',
      files: {
        'nginx/conf.d/shop.conf': `limit_req_zone $binary_remote_addr zone=app:10m rate=10r/s;
server {
    listen 443 ssl;
    server_name shop.example.org;
    ssl_certificate /etc/letsencrypt/live/shop.example.org/fullchain.pem;
    ssl_certificate_key /etc/letsencrypt/live/shop.example.org/privkey.pem;

    location /api/ {
        proxy_pass http://web:8000;
    }

    location /admin/ {
        proxy_pass http://web:8000;
    }

    location / {
        proxy_pass http://web:8000;
        limit_req zone=app burst=20 nodelay;
    }
}
`,
      },
      expect: [{ messageId: 'sensitive', file: 'nginx/conf.d/shop.conf', line: 12 }],
    },
  ],
  unknown: [
    {
      name: 'a deployment repository: the app (a published image) is not here, so its own throttling is not visible',
      files: { 'nginx/conf.d/shop.conf': CONF('', '', '').split('\n').slice(2).join('\n') },
      reason: /Django app is not in this repository/,
    },
    {
      name: 'an include outside the repository may rate-limit',
      files: { 'nginx/conf.d/shop.conf': CONF('', '        include /etc/nginx/snippets/limits.conf;', '        include /etc/nginx/snippets/limits.conf;') },
      reason: /include outside the repository/,
    },
  ],
  notApplicable: [{ name: 'static site', files: { 'nginx/conf.d/site.conf': 'server {\n    listen 80;\n    root /usr/share/nginx/html;\n}\n' } }],
});
