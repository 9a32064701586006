// Tests for nginx/access-log-without-request-time.
import { testRule } from '../../../test/rule-tester.js';
import rule from './access-log-without-request-time.js';

const NGINX_CONF = (logging: string) => `worker_processes auto;

events {
    worker_connections 1024;
}

http {
    include /etc/nginx/mime.types;
${logging}
    server {
        listen 80;
        server_name shop.example.org;
        location / {
            proxy_pass http://web:8000;
        }
    }
}
`;

testRule(rule, {
  good: [
    {
      name: 'log_format with $request_time and $upstream_response_time',
      files: {
        'nginx/nginx.conf': NGINX_CONF(`    log_format timed '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent '
                     '"$http_referer" "$http_user_agent" rt=$request_time urt=$upstream_response_time';
    access_log /var/log/nginx/access.log timed;`),
      },
    },
    {
      name: 'JSON log format with request_time',
      files: {
        'nginx/nginx.conf': NGINX_CONF(`    log_format json escape=json '{"time":"$time_iso8601","status":$status,"uri":"$request_uri","request_time":$request_time}';
    access_log /dev/stdout json;`),
      },
    },
  ],
  bad: [
    { name: 'realistic config: log_format main without timing', files: { dir: 'src/parsers/fixtures/nginx/django' }, expect: [{ messageId: 'noTiming', file: 'nginx/nginx.conf', line: 16 }] },
    { name: 'no access_log at all (combined)', files: { 'nginx/nginx.conf': NGINX_CONF('    sendfile on;') }, expect: [{ messageId: 'defaultFormat', file: 'nginx/nginx.conf', line: 12 }] },
    {
      name: 'conf.d file under the official image (format main)',
      files: { 'docker/nginx/default.conf': 'server {\n    listen 80;\n    server_name shop.example.org;\n    access_log /var/log/nginx/shop.access.log main;\n    location / {\n        proxy_pass http://web:8000;\n    }\n}\n' },
      expect: [{ messageId: 'noTiming', file: 'docker/nginx/default.conf', line: 4 }],
    },
  ],
  unknown: [
    {
      name: 'a format defined outside the repository',
      files: {
        'nginx/nginx.conf': NGINX_CONF('    include /etc/nginx/logging/formats.conf;\n    access_log /var/log/nginx/access.log detailed;'),
      },
      reason: /"detailed" is not defined/,
    },
  ],
  notApplicable: [{ name: 'no server block', files: { 'nginx/gzip.conf': 'gzip on;\ngzip_types text/css application/javascript;\nserver_tokens off;\nlocation / { }\n' } }],
});
