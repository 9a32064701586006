// Tests for compose/plaintext-password-in-environment.
import { testRule } from '../../../test/rule-tester.js';
import rule from './plaintext-password-in-environment.js';

testRule(rule, {
  good: [
    {
      name: 'interpolated values, *_FILE paths and secrets',
      files: {
        '.env.example': 'DB_PASSWORD=change-me\n',
        'docker-compose.prod.yml': `services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: \${DB_PASSWORD}
      POSTGRES_PASSWORD_FILE: /run/secrets/db_password
  web:
    image: app:1.0
    environment:
      - DATABASE_URL=postgres://app:\${DB_PASSWORD}@db:5432/app
      - SECRET_KEY=\${SECRET_KEY:?set it}
      - PASSWORD_RESET_TIMEOUT=3600
`,
      },
    },
  ],
  bad: [
    {
      name: 'literal passwords in mapping and list syntax, a URL password and a literal default',
      files: {
        'docker-compose.yml': `services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: supersecret123
  web:
    image: app:1.0
    environment:
      - DJANGO_SECRET_KEY=hard-coded-secret-key-value
      - DATABASE_URL=postgres://app:dbpass123@db:5432/app
      - EMAIL_HOST_PASSWORD=\${EMAIL_PASSWORD:-fallbackpass}
`,
      },
      expect: [
        { messageId: 'literal', file: 'docker-compose.yml', line: 5 },
        { messageId: 'literal', file: 'docker-compose.yml', line: 9 },
        { messageId: 'urlPassword', file: 'docker-compose.yml', line: 10 },
        { messageId: 'literalDefault', file: 'docker-compose.yml', line: 11 },
      ],
    },
  ],
  notApplicable: [{ name: 'no secret-like keys', files: { 'docker-compose.yml': 'services:\n  web:\n    image: app:1\n    environment:\n      DEBUG: "0"\n' } }],
});
