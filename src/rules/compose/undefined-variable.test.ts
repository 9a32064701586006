// Tests for compose/undefined-variable.
import { testRule } from '../../../test/rule-tester.js';
import rule from './undefined-variable.js';

testRule(rule, {
  good: [
    {
      name: 'variables from the prod env example, defaults and required markers',
      files: {
        '.env.prod.example': 'DOMAIN=example.com\nDB_NAME=app\n',
        'docker-compose.prod.yml': `services:
  web:
    image: app:\${TAG:-1.0}
    environment:
      - VIRTUAL_HOST=\${DOMAIN}
      - DB_NAME=\${DB_NAME}
      - SECRET_KEY=\${SECRET_KEY:?set SECRET_KEY}
      - HOME_DIR=\${HOME}
`,
      },
    },
  ],
  bad: [
    {
      name: 'a variable defined nowhere, used twice',
      files: {
        '.env.example': 'DOMAIN=example.com\n',
        'docker-compose.yml': `services:
  web:
    image: app:1.0
    environment:
      - VIRTUAL_HOST=\${DOMAIN}
      - LETSENCRYPT_EMAIL=\${ACME_EMAIL}
  acme:
    image: nginxproxy/acme-companion:2.5
    environment:
      DEFAULT_EMAIL: $ACME_EMAIL
`,
      },
      expect: [{ messageId: 'undefined', file: 'docker-compose.yml', line: 6 }],
    },
  ],
  notApplicable: [{ name: 'no variables', files: { 'docker-compose.yml': 'services:\n  web:\n    image: app:1\n' } }],
});
