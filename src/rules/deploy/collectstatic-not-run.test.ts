import rule from './collectstatic-not-run.js';
import { testRule } from '../../../test/rule-tester.js';
import { singleSettingsProject } from '../django/_fixture.js';

const settings = "DEBUG = False\nSECRET_KEY = 'x'\nINSTALLED_APPS = ['django.contrib.admin', 'django.contrib.staticfiles']\nSTATIC_ROOT = '/srv/app/static'\n";
/** Real-world: a job named deploy whose real steps are commented out (only checkout and set-up remain). */
const commentedOutDeploy = `name: Deploy
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: docker/setup-buildx-action@v3
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-region: eu-west-1
      # - name: Build and deploy
      #   run: |
      #     docker compose -f docker-compose.prod.yml build
      #     ssh ubuntu@\${{ secrets.HOST }} "cd /srv/mysite && docker compose up -d"
`;
const deploy = (body: string) => `#!/bin/bash\nset -euo pipefail\ncd /srv/mysite\ngit pull --ff-only\n.venv/bin/python manage.py migrate --noinput\n${body}sudo systemctl restart gunicorn\n`;

testRule(rule, {
  good: [
    { name: 'deploy.sh collects', files: singleSettingsProject(settings, { 'deploy/deploy.sh': deploy('.venv/bin/python manage.py collectstatic --noinput\n') }) },
    {
      name: 'image build collects',
      files: singleSettingsProject(settings, {
        Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt && python manage.py collectstatic --noinput\nCMD ["gunicorn", "mysite.wsgi"]\n',
        'scripts/deploy.sh': '#!/bin/bash\nset -euo pipefail\ndocker compose pull\ndocker compose up -d\n',
      }),
    },
  ],
  bad: [
    {
      name: 'never collected',
      files: singleSettingsProject(settings, { 'deploy/deploy.sh': deploy('') }),
      expect: [{ messageId: 'missing', file: 'deploy/deploy.sh', line: 4 }],
    },
  ],
  notApplicable: [
    { name: 'API without staticfiles', files: singleSettingsProject("DEBUG = False\nSECRET_KEY = 'x'\nINSTALLED_APPS = ['rest_framework']\n", { 'deploy/deploy.sh': deploy('') }) },
    { name: 'no deploy flow', files: singleSettingsProject(settings) },
    { name: 'job "deploy" whose steps are commented out deploys nothing', files: singleSettingsProject(settings, { '.github/workflows/deploy.yml': commentedOutDeploy }) },
  ],
});
