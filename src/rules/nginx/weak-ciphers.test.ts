// Tests for nginx/weak-ciphers.
import { testRule } from '../../../test/rule-tester.js';
import rule from './weak-ciphers.js';

const TLS_SITE = (extra: string) => `server {
    listen 443 ssl http2;
    server_name shop.example.org;
    ssl_certificate /etc/letsencrypt/live/shop.example.org/fullchain.pem;
    ssl_certificate_key /etc/letsencrypt/live/shop.example.org/privkey.pem;
    ssl_protocols TLSv1.2 TLSv1.3;
${extra}
    location / {
        proxy_pass http://127.0.0.1:8000;
    }
}
`;

const MOZILLA =
  '    ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384;\n';

testRule(rule, {
  good: [
    { name: 'Mozilla intermediate list', files: { 'deploy/nginx/shop.conf': TLS_SITE(MOZILLA) } },
    { name: 'not set (nginx default HIGH:!aNULL:!MD5)', files: { 'deploy/nginx/shop.conf': TLS_SITE('') } },
    { name: 'cipherli.st style AND-groups', files: { 'deploy/nginx/shop.conf': TLS_SITE('    ssl_ciphers "EECDH+AESGCM:EDH+AESGCM:AES256+EECDH:AES256+EDH";\n') } },
    { name: "certbot's options-ssl-nginx.conf", files: { 'deploy/nginx/shop.conf': TLS_SITE('    include /etc/letsencrypt/options-ssl-nginx.conf;\n') } },
  ],
  bad: [
    {
      name: 'RC4 and 3DES from an old tutorial',
      files: { 'deploy/nginx/shop.conf': TLS_SITE("    ssl_ciphers 'ALL:!aNULL:!ADH:!eNULL:!LOW:!EXP:RC4+RSA:+HIGH:+MEDIUM';\n") },
      expect: [{ messageId: 'weak', file: 'deploy/nginx/shop.conf', line: 7 }],
    },
    {
      name: 'HIGH without !aNULL (low)',
      files: { 'deploy/nginx/shop.conf': TLS_SITE('    ssl_ciphers HIGH:!MD5;\n') },
      expect: [{ messageId: 'weak', file: 'deploy/nginx/shop.conf', line: 7 }],
    },
    {
      name: 'explicit 3DES suite in a snippet nobody includes',
      files: { 'deploy/nginx/snippets/ssl.conf': 'ssl_protocols TLSv1.2;\nssl_ciphers ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-DES-CBC3-SHA;\nlocation /.well-known/ {\n    root /var/www/certbot;\n}\n' },
      expect: [{ messageId: 'weak', file: 'deploy/nginx/snippets/ssl.conf', line: 2 }],
    },
  ],
  unknown: [
    {
      name: 'not set, but an include outside the repository may set it',
      files: { 'deploy/nginx/shop.conf': TLS_SITE('    include /etc/nginx/tls/hardening.conf;\n') },
      reason: /hardening\.conf is not in the repository/,
    },
  ],
  notApplicable: [{ name: 'no TLS server', files: { 'nginx/default.conf': 'server {\n    listen 80;\n    location / {\n        proxy_pass http://web:8000;\n    }\n}\n' } }],
});
