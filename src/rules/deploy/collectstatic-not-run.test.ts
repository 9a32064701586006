import rule from './collectstatic-not-run.js';
import { testRule } from '../../../test/rule-tester.js';
import { COMMENTED_OUT_DEPLOY } from './_fixture.js';
import { singleSettingsProject } from '../django/_fixture.js';

const settings = "DEBUG = False\nSECRET_KEY = 'x'\nINSTALLED_APPS = ['django.contrib.admin', 'django.contrib.staticfiles']\nSTATIC_ROOT = '/srv/app/static'\n";
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
    { name: 'job "deploy" whose steps are commented out deploys nothing', files: singleSettingsProject(settings, { '.github/workflows/deploy.yml': COMMENTED_OUT_DEPLOY }) },
  ],
});
