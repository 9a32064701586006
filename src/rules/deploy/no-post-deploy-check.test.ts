import rule from './no-post-deploy-check.js';
import { testRule } from '../../../test/rule-tester.js';

const head = '#!/bin/bash\nset -euo pipefail\ncd /srv/shop\ngit pull --ff-only\ndocker compose -f docker-compose.prod.yml run --rm web python manage.py migrate --noinput\n';

testRule(rule, {
  good: [
    { name: 'curl the health endpoint after the restart', files: { 'scripts/deploy.sh': `${head}docker compose -f docker-compose.prod.yml up -d --build\ncurl -fsS --retry 10 --retry-delay 3 https://shop.example.org/health/\n` } },
    { name: 'up --wait', files: { 'scripts/deploy.sh': `${head}docker compose -f docker-compose.prod.yml up -d --build --wait\n` } },
    {
      name: 'health-check function called from main',
      files: {
        'scripts/deploy.sh':
          '#!/bin/bash\nset -euo pipefail\nhealth_check() {\n  for i in $(seq 1 20); do\n    curl -fs http://127.0.0.1:8000/health/ && return 0\n    sleep 3\n  done\n  return 1\n}\nmain() {\n  git pull --ff-only\n  sudo systemctl restart gunicorn\n  health_check\n}\nmain "$@"\n',
      },
    },
    {
      name: 'CI smoke-test job after the deploy job',
      files: {
        '.github/workflows/deploy.yml':
          'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ssh deploy@shop.example.org "cd /srv/shop && git pull && docker compose up -d --build"\n  smoke:\n    needs: deploy\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl -fsS https://shop.example.org/health/\n',
      },
    },
    {
      name: 'nginx reloaded after the checked app restart',
      files: {
        'deploy/deploy.sh':
          '#!/bin/bash\nset -euo pipefail\ncd /home/shop/app\ngit pull origin main\n/home/shop/venv/bin/python manage.py migrate --noinput\nsudo /bin/systemctl restart gunicorn\ncurl -fsS --retry 5 --retry-delay 2 https://shop.example.org/ > /dev/null\nsudo /bin/systemctl reload nginx\n',
      },
    },
    {
      name: 'a non-web unit restarted after the checked web restart',
      files: {
        'scripts/deploy.sh':
          '#!/bin/bash\nset -euo pipefail\ncd /srv/shop\ngit pull --ff-only\nsudo systemctl restart shop-gunicorn\ncurl -fsS http://127.0.0.1:8000/health/\nsudo systemctl restart discord_bot\n',
      },
    },
  ],
  bad: [
    {
      name: 'app restart then nginx reload, nothing checks: the app restart is cited',
      files: {
        'deploy/deploy.sh':
          '#!/bin/bash\nset -euo pipefail\ncd /home/shop/app\ngit pull origin main\nsudo /bin/systemctl restart gunicorn\nsudo /bin/systemctl reload nginx\n',
      },
      expect: [{ messageId: 'noCheck', file: 'deploy/deploy.sh', line: 5 }],
    },
    {
      name: 'seed 002: init ends with up -d',
      files: {
        'setup-prod.sh':
          '#!/bin/bash\nset -e\nwait_for_service() {\n    docker inspect --format "{{.State.Health.Status}}" "$1"\n}\ninit() {\n    docker compose -f docker-compose.prod.yaml build\n    docker compose -f docker-compose.prod.yaml up -d postgres redis\n    wait_for_service postgres\n    docker compose -f docker-compose.prod.yaml run --rm web python manage.py migrate --noinput\n    docker compose -f docker-compose.prod.yaml up -d\n    echo "done"\n}\ncase "$1" in\n    init) init ;;\nesac\n',
      },
      expect: [{ messageId: 'noCheck', file: 'setup-prod.sh', line: 11 }],
    },
    {
      name: 'CI deploy with a Slack message only',
      files: {
        '.github/workflows/deploy.yml':
          'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Deploy\n        run: ssh deploy@shop.example.org "cd /srv/shop && ./deploy.sh"\n      - name: Notify\n        run: curl -X POST -d "{\\"text\\":\\"deployed\\"}" "$SLACK_WEBHOOK"\n',
      },
      expect: [{ messageId: 'noCheck', file: '.github/workflows/deploy.yml', line: 9 }],
    },
  ],
  notApplicable: [{ name: 'no deploy flow', files: { 'README.md': '# shop\n' } }],
});
