import rule from './no-rollback.js';
import { testRule } from '../../../test/rule-tester.js';

const deploy = '#!/bin/bash\nset -euo pipefail\ncd /srv/shop\ngit pull --ff-only\ndocker compose -f docker-compose.prod.yml up -d --build\n';

testRule(rule, {
  good: [
    { name: 'rollback script', files: { 'scripts/deploy.sh': deploy, 'scripts/rollback.sh': '#!/bin/bash\nset -euo pipefail\ngit checkout "$PREVIOUS_SHA"\ndocker compose up -d --build\n' } },
    {
      name: 'versioned app image',
      files: {
        'scripts/deploy.sh': '#!/bin/bash\nset -euo pipefail\nexport IMAGE_TAG="$1"\ndocker compose -f docker-compose.prod.yml pull\ndocker compose -f docker-compose.prod.yml up -d\n',
        'docker-compose.prod.yml': 'services:\n  web:\n    image: ghcr.io/acme/shop:${IMAGE_TAG}\n    command: gunicorn shop.wsgi:application\n',
      },
    },
    { name: 'documented procedure', files: { 'scripts/deploy.sh': deploy, 'docs/deploy.md': '# Deploying\n\n## Rollback\n\nRun `git checkout <previous tag>` on the server and `docker compose up -d --build`.\n' } },
  ],
  bad: [
    {
      name: 'seed 001: deploy without rollback',
      files: { 'scripts/deploy.sh': deploy, 'docker-compose.prod.yml': 'services:\n  db:\n    image: postgres:${POSTGRES_VERSION}\n  web:\n    build: .\n    command: gunicorn shop.wsgi:application\n' },
      expect: [{ messageId: 'none', file: 'scripts/deploy.sh', line: 4 }],
    },
    {
      name: 'seed 001: versioned image variable that the deploy never sets',
      files: {
        'scripts/deploy.sh': '#!/bin/bash\nset -euo pipefail\ngit pull origin main\ndocker compose build web\ndocker compose up -d web\n',
        'docker-compose.yml': 'services:\n  web:\n    image: ghcr.io/acme/shop:${IMAGE_TAG:-latest}\n    build: .\n    command: gunicorn shop.wsgi:application\n',
      },
      expect: [{ messageId: 'none', file: 'scripts/deploy.sh', line: 3 }],
    },
  ],
  notApplicable: [{ name: 'no deploy flow', files: { 'README.md': '# shop\n' } }],
});
