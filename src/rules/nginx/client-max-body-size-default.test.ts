// Tests for nginx/client-max-body-size-default.
import { testRule } from '../../../test/rule-tester.js';
import rule from './client-max-body-size-default.js';
import { BASE_SETTINGS, prod, SECURE_SETTINGS, singleSettingsProject, splitSettingsProject } from '../django/_fixture.js';

const SITE = (extra: string) => `server {
    listen 80;
    server_name shop.example.org;
${extra}
    location / {
        proxy_pass http://127.0.0.1:8000;
        proxy_set_header Host $host;
    }
}
`;

testRule(rule, {
  good: [
    { name: 'MEDIA_ROOT set and client_max_body_size 20m', files: singleSettingsProject(SECURE_SETTINGS, { 'deploy/nginx/shop.conf': SITE('    client_max_body_size 20m;\n') }) },
    { name: 'realistic config: 20M in the http block of nginx.conf', files: { dir: 'src/parsers/fixtures/nginx/django' } },
  ],
  bad: [
    {
      name: 'MEDIA_ROOT set, nginx at the default',
      files: singleSettingsProject(SECURE_SETTINGS, { 'deploy/nginx/shop.conf': SITE('') }),
      expect: [{ messageId: 'unset', file: 'deploy/nginx/shop.conf', line: 3 }],
    },
    {
      name: 'a media volume on the Django service',
      files: {
        'docker-compose.prod.yml': 'services:\n  web:\n    build: .\n    command: gunicorn shop.wsgi:application --bind 0.0.0.0:8000\n    volumes:\n      - media:/app/media\nvolumes:\n  media:\n',
        'deploy/nginx/shop.conf': SITE(''),
      },
      expect: [{ messageId: 'unset', file: 'deploy/nginx/shop.conf', line: 3 }],
    },
  ],
  unknown: [
    {
      name: 'MEDIA_ROOT read from the environment without a production value',
      files: splitSettingsProject(BASE_SETTINGS, prod('import os', 'MEDIA_ROOT = os.environ.get("MEDIA_ROOT")'), { 'deploy/nginx/shop.conf': SITE('') }),
      reason: /depends on env var MEDIA_ROOT/,
    },
  ],
  notApplicable: [{ name: 'no uploads (no MEDIA_ROOT, no media volume)', files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'deploy/nginx/shop.conf': SITE('') }) }],
});
