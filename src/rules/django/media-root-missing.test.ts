import { testRule } from '../../../test/rule-tester.js';
import rule from './media-root-missing.js';
import { BASE_SETTINGS, composeWeb, prod, splitSettingsProject } from './_fixture.js';

const MEDIA_VOLUME = ['    volumes:', '      - media_data:/app/media', 'volumes:', '  media_data:', ''].join('\n');
const COMPOSE = composeWeb('mysite.settings.prod', [], MEDIA_VOLUME);
const NGINX_MEDIA = `server {
    listen 80;
    server_name shop.example.org;
    location /media/ {
        alias /srv/shop/media/;
    }
    location / {
        proxy_pass http://127.0.0.1:8000;
    }
}
`;

testRule(rule, {
  good: [
    { name: 'MEDIA_ROOT and MEDIA_URL match the volume', files: splitSettingsProject(BASE_SETTINGS, prod('MEDIA_ROOT = "/app/media"', 'MEDIA_URL = "/media/"'), { 'docker-compose.prod.yml': COMPOSE }) },
    {
      name: 'media stored in S3',
      files: splitSettingsProject(BASE_SETTINGS, prod('STORAGES = {"default": {"BACKEND": "storages.backends.s3.S3Storage"}, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}'), {
        'docker-compose.prod.yml': COMPOSE,
      }),
    },
  ],
  bad: [
    {
      name: 'volume mounted at /app/media, MEDIA_ROOT never set (seed 002 #2)',
      files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'docker-compose.prod.yml': COMPOSE }),
      expect: [{ messageId: 'rootMissing', file: 'mysite/settings/prod.py' }],
    },
    {
      name: 'empty MEDIA_ROOT',
      files: splitSettingsProject(BASE_SETTINGS, prod('MEDIA_ROOT = ""', 'MEDIA_URL = "/media/"'), { 'docker-compose.prod.yml': COMPOSE }),
      expect: [{ messageId: 'rootEmpty', file: 'mysite/settings/prod.py', line: 3 }],
    },
    {
      name: 'nginx serves /media/ but MEDIA_URL is unset',
      files: splitSettingsProject(BASE_SETTINGS, prod('MEDIA_ROOT = "/srv/shop/media"'), { 'deploy/nginx/shop.conf': NGINX_MEDIA }),
      expect: [{ messageId: 'urlMissing', file: 'mysite/settings/prod.py' }],
    },
  ],
  notApplicable: [{ name: 'no media volume or location', files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'docker-compose.prod.yml': composeWeb('mysite.settings.prod', []) }) }],
});
