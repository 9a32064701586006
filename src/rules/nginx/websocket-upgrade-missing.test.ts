// Tests for nginx/websocket-upgrade-missing (seed 001: no WebSocket upgrade for the ASGI app).
import { testRule } from '../../../test/rule-tester.js';
import rule from './websocket-upgrade-missing.js';
import { singleSettingsProject, SECURE_SETTINGS } from '../django/_fixture.js';

const SITE = (ws: string) => `map $http_upgrade $connection_upgrade {
    default upgrade;
    '' close;
}

server {
    listen 443 ssl;
    server_name chat.example.org;
    ssl_certificate /etc/letsencrypt/live/chat.example.org/fullchain.pem;
    ssl_certificate_key /etc/letsencrypt/live/chat.example.org/privkey.pem;
${ws}
    location / {
        proxy_pass http://app:8000;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-Proto $scheme;
    }
}
`;

const WS = `    location /ws/ {
        proxy_pass http://app:8000;
        proxy_http_version 1.1;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $connection_upgrade;
        proxy_set_header Host $host;
    }
`;

/** A Channels project: the channels and daphne dependencies. */
const channels = (nginx: string) =>
  singleSettingsProject(SECURE_SETTINGS, {
    'requirements.txt': 'Django==5.0.6\nchannels==4.1.0\nchannels-redis==4.2.0\ndaphne==4.1.2\n',
    'docker/nginx/prod.conf': nginx,
  });

testRule(rule, {
  good: [
    { name: 'a /ws/ location with HTTP/1.1, Upgrade and Connection', files: channels(SITE(WS)) },
  ],
  bad: [
    {
      name: 'seed 001: Channels app, nginx without any upgrade handling',
      files: channels(SITE('')),
      expect: [{ messageId: 'missing', file: 'docker/nginx/prod.conf', line: 8 }],
    },
  ],
  unknown: [
    {
      name: 'an include outside the repository may carry the upgrade headers',
      files: channels(SITE('').replace('        proxy_set_header Host $host;\n', '        include /etc/nginx/snippets/websocket.conf;\n')),
      reason: /include outside the repository/,
    },
  ],
  notApplicable: [
    { name: 'a WSGI app (no Channels)', files: singleSettingsProject(SECURE_SETTINGS, { 'docker/nginx/prod.conf': SITE('') }) },
  ],
});
