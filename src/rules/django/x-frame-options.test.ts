import { testRule } from '../../../test/rule-tester.js';
import rule from './x-frame-options.js';
import { BASE_SETTINGS, baseWithout, prod, splitSettingsProject } from './_fixture.js';

const XFO = 'django.middleware.clickjacking.XFrameOptionsMiddleware';
const NGINX_XFO = `server {
    listen 443 ssl;
    ssl_certificate /etc/ssl/shop.pem;
    ssl_certificate_key /etc/ssl/shop.key;
    add_header X-Frame-Options "DENY" always;
    location / {
        proxy_pass http://127.0.0.1:8000;
    }
}
`;

testRule(rule, {
  good: [
    { name: "middleware with the default 'DENY'", files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False')) },
    { name: "explicit 'DENY'", files: splitSettingsProject(BASE_SETTINGS, prod('X_FRAME_OPTIONS = "DENY"')) },
    { name: 'no middleware but nginx sends DENY', files: splitSettingsProject(baseWithout(XFO), prod('DEBUG = False'), { 'deploy/nginx.conf': NGINX_XFO }) },
  ],
  bad: [
    { name: 'SAMEORIGIN', files: splitSettingsProject(BASE_SETTINGS, prod('X_FRAME_OPTIONS = "SAMEORIGIN"')), expect: [{ messageId: 'sameOrigin', file: 'mysite/settings/prod.py', line: 3 }] },
    { name: 'ALLOW-FROM (ignored by browsers)', files: splitSettingsProject(BASE_SETTINGS, prod('X_FRAME_OPTIONS = "ALLOW-FROM https://partner.example"')), expect: [{ messageId: 'invalid', file: 'mysite/settings/prod.py', line: 3 }] },
    { name: 'middleware removed', files: splitSettingsProject(baseWithout(XFO), prod('DEBUG = False')), expect: [{ messageId: 'noMiddleware', file: 'mysite/settings/base.py', line: 15 }] },
  ],
  unknown: [
    {
      name: 'env-driven without production value',
      files: splitSettingsProject(BASE_SETTINGS, prod('import os', 'X_FRAME_OPTIONS = os.environ.get("FRAME_OPTIONS", "DENY")')),
      reason: /depends on env var FRAME_OPTIONS/,
    },
  ],
});
