import rule from './pg-dump-without-password.js';
import { testRule } from '../../../test/rule-tester.js';

const compose = `services:
  postgres:
    image: postgres:16-alpine
    environment:
      POSTGRES_PASSWORD_FILE: /run/secrets/db_password
    secrets: [db_password]
secrets:
  db_password:
    file: ./secrets/db_password.txt
`;

testRule(rule, {
  good: [
    {
      name: 'PGPASSWORD passed into docker compose exec',
      files: {
        'docker-compose.yml': compose,
        'backup.sh': '#!/bin/bash\nset -euo pipefail\ndocker compose exec -T -e PGPASSWORD="$(cat secrets/db_password.txt)" postgres pg_dump -U app app > dump.sql\n',
      },
    },
    {
      name: 'exported PGPASSWORD before a TCP dump',
      files: { 'docker-compose.yml': compose, 'backup.sh': '#!/bin/sh\nexport PGPASSWORD="$DB_PASSWORD"\npg_dump -h 127.0.0.1 -U app app > dump.sql\n' },
    },
    { name: 'peer authentication as postgres', files: { 'backup.sh': '#!/bin/sh\nsudo -u postgres pg_dump -Fc app > /var/backups/app.dump\n' } },
  ],
  bad: [
    {
      name: 'seed 002: pg_dump via compose exec without a password',
      files: {
        'docker-compose.yml': compose,
        'setup-prod.sh': '#!/bin/bash\nset -e\nbackup_db() {\n    docker compose exec -T postgres pg_dump \\\n        -U "$DB_USER" \\\n        "$DB_NAME" > "$BACKUP_FILE"\n}\n',
      },
      expect: [{ messageId: 'noPassword', file: 'setup-prod.sh', line: 4 }],
    },
  ],
  unknown: [{ name: 'database not described in the repository', files: { 'backup.sh': '#!/bin/sh\npg_dump -h db.internal app > dump.sql\n' }, reason: /whether the database/ }],
  notApplicable: [{ name: 'no dump at all', files: { 'deploy.sh': '#!/bin/sh\ngit pull\n' } }],
});
