import rule from './no-backup.js';
import { testRule } from '../../../test/rule-tester.js';

const compose = 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD}\n  web:\n    build: .\n';

testRule(rule, {
  good: [
    { name: 'a dump script', files: { 'docker-compose.yml': compose, 'bin/backup.sh': '#!/bin/sh\npg_dump -Fc app > /backups/app.dump\n' } },
  ],
  bad: [{ name: 'postgres with no backup', files: { 'docker-compose.yml': compose }, expect: [{ messageId: 'none', file: 'docker-compose.yml', line: 3 }] }],
  notApplicable: [{ name: 'no database', files: { 'docker-compose.yml': 'services:\n  web:\n    image: nginx:1.27\n' } }],
});
