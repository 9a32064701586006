// Tests for compose/unused-env-example-key.
import { testRule } from '../../../test/rule-tester.js';
import rule from './unused-env-example-key.js';

const COMPOSE = `services:
  web:
    build: .
    env_file: .env.prod
    environment:
      - VIRTUAL_HOST=\${DOMAIN}
      - EMAIL_PASSWORD_FILE=/run/secrets/email_password
`;

testRule(rule, {
  good: [
    {
      name: 'every key is read by compose, settings, a script or a tool',
      files: {
        '.env.prod.example': 'DOMAIN=example.com\nALLOWED_HOSTS=example.com\nBACKUP_BUCKET=s3://x\nSENTRY_DSN=\nWEB_CONCURRENCY=4\n',
        'docker-compose.prod.yml': COMPOSE,
        'Dockerfile': 'FROM python:3.12\n',
        'app/settings/prod.py': 'import os\nALLOWED_HOSTS = os.environ["ALLOWED_HOSTS"].split(",")\n',
        'scripts/backup.sh': '#!/bin/sh\naws s3 cp db.sql "$BACKUP_BUCKET"\n',
      },
    },
  ],
  bad: [
    {
      name: 'seed 002 #7: EMAIL_HOST_PASSWORD in the example while compose uses EMAIL_PASSWORD_FILE',
      files: {
        '.env.prod.example': 'DOMAIN=example.com\nEMAIL_HOST_PASSWORD=your-app-password\nOLD_FEATURE_FLAG=1\n',
        'docker-compose.prod.yml': COMPOSE,
        'Dockerfile': 'FROM python:3.12\n',
        'app/settings/prod.py':
          "import os\n# Read from the email_password Docker secret\nEMAIL_HOST_PASSWORD = read_secret('email_password') or ''\n",
      },
      expect: [
        { messageId: 'unusedSimilar', file: '.env.prod.example', line: 2 },
        { messageId: 'unused', file: '.env.prod.example', line: 3 },
      ],
    },
  ],
  unknown: [
    {
      name: 'an unknown external image loads the env file',
      files: {
        '.env.example': 'WHATEVER=1\n',
        'docker-compose.yml': 'services:\n  tool:\n    image: vendor/tool:1\n    env_file: .env\n',
      },
      reason: /vendor\/tool/,
    },
  ],
  notApplicable: [{ name: 'no env example', files: { 'docker-compose.yml': 'services:\n  web:\n    image: app:1\n' } }],
});
