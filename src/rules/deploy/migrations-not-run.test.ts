import rule from './migrations-not-run.js';
import { testRule } from '../../../test/rule-tester.js';
import { COMMENTED_OUT_DEPLOY } from './_fixture.js';
import { singleSettingsProject } from '../django/_fixture.js';

const settings = "DEBUG = False\nSECRET_KEY = 'x'\nINSTALLED_APPS = ['django.contrib.staticfiles']\nSTATIC_ROOT = '/srv/app/static'\n";
const deploy = (body: string) => `#!/bin/bash\nset -euo pipefail\ncd /srv/mysite\ngit pull --ff-only\n${body}sudo systemctl restart gunicorn\n`;

testRule(rule, {
  good: [
    { name: 'deploy.sh migrates', files: singleSettingsProject(settings, { 'deploy/deploy.sh': deploy('.venv/bin/python manage.py migrate --noinput\n') }) },
    {
      name: 'entrypoint migrates on start',
      files: singleSettingsProject(settings, {
        'scripts/deploy.sh': '#!/bin/bash\nset -euo pipefail\ndocker compose -f docker-compose.prod.yml pull\ndocker compose -f docker-compose.prod.yml up -d\n',
        'docker/entrypoint.sh': '#!/bin/sh\nset -e\npython manage.py migrate --noinput\nexec "$@"\n',
      }),
    },
  ],
  bad: [
    {
      name: 'git pull and restart only',
      files: singleSettingsProject(settings, { 'deploy/deploy.sh': deploy('') }),
      expect: [{ messageId: 'missing', file: 'deploy/deploy.sh', line: 4 }],
    },
  ],
  notApplicable: [
    { name: 'no deploy flow', files: singleSettingsProject(settings) },
    { name: 'job "deploy" whose steps are commented out deploys nothing', files: singleSettingsProject(settings, { '.github/workflows/deploy.yml': COMMENTED_OUT_DEPLOY }) },
    { name: 'no Django', files: { 'deploy.sh': '#!/bin/sh\ngit pull\nsystemctl restart app\n' } },
  ],
});
