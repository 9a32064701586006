import rule from './no-deploy-automation.js';
import { testRule } from '../../../test/rule-tester.js';

const compose = 'services:\n  web:\n    build: .\n    command: gunicorn shop.wsgi:application --bind 0.0.0.0:8000\n  db:\n    image: postgres:16\n';

testRule(rule, {
  good: [
    { name: 'deploy.sh', files: { 'docker-compose.prod.yml': compose, 'scripts/deploy.sh': '#!/bin/bash\nset -euo pipefail\ngit pull --ff-only\ndocker compose -f docker-compose.prod.yml up -d --build\n' } },
    {
      name: 'GitHub Actions deploy job over SSH',
      files: {
        'docker-compose.prod.yml': compose,
        '.github/workflows/deploy.yml':
          'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: appleboy/ssh-action@v1\n        with:\n          host: ${{ secrets.HOST }}\n          script: cd /srv/shop && git pull && docker compose -f docker-compose.prod.yml up -d --build\n',
      },
    },
    { name: 'Makefile deploy target', files: { 'docker-compose.prod.yml': compose, Makefile: 'COMPOSE = docker compose -f docker-compose.prod.yml\n\ndeploy:\n\tssh shop@prod "cd /srv/shop && git pull && $(COMPOSE) up -d --build"\n' } },
  ],
  bad: [
    {
      name: 'production compose, manual deploy',
      files: { 'docker-compose.prod.yml': compose, 'README.md': '# Shop\n\nssh to the server, git pull, docker compose up -d --build\n' },
      expect: [{ messageId: 'manual', file: 'docker-compose.prod.yml', line: 2 }],
    },
  ],
  unknown: [
    {
      name: 'CI only publishes the image (job named docker-deploy)',
      files: {
        'docker-compose.prod.yml': compose,
        '.github/workflows/docker.yml':
          'on:\n  push:\n    branches: [main]\njobs:\n  docker-deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: ghcr.io/acme/shop:latest\n',
      },
      reason: /publishes images/,
    },
    { name: 'Heroku Procfile', files: { Procfile: 'release: python manage.py migrate\nweb: gunicorn shop.wsgi\n', 'manage.py': '' }, reason: /Procfile/ },
  ],
  notApplicable: [{ name: 'a reusable app', files: { 'README.md': '# django-widgets\n', 'setup.py': 'from setuptools import setup\nsetup()\n' } }],
});
