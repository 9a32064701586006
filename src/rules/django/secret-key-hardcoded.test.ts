import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runOn, testRule } from '../../../test/rule-tester.js';
import rule from './secret-key-hardcoded.js';
import { composeWeb, singleSettingsProject, splitSettingsProject, BASE_SETTINGS, prod } from './_fixture.js';

const LITERAL_KEY = 'k3$9v!x2q@r7#m1p^w5&z8*t4(y6)u0-h2+j=l9_b3c7e1g5i8';

testRule(rule, {
  good: [
    { name: 'required env var', files: splitSettingsProject(BASE_SETTINGS, prod('SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]', 'DEBUG = False')) },
    { name: 'env var without default', files: singleSettingsProject('import os\n\nSECRET_KEY = os.environ.get("DJANGO_SECRET_KEY")\n') },
    { name: 'str(os.getenv(...)): "None" when unset is no committed key', files: singleSettingsProject('import os\n\nSECRET_KEY = str(os.getenv("SECRET_KEY"))\n') },
    {
      name: 'dev settings have a literal key, production reads the environment',
      files: splitSettingsProject(`SECRET_KEY = "${LITERAL_KEY}"\n`, prod('import os', 'SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]')),
    },
  ],
  bad: [
    {
      name: 'literal key in settings.py',
      files: singleSettingsProject(`DEBUG = False\nSECRET_KEY = "${LITERAL_KEY}"\n`),
      expect: [{ messageId: 'literal', file: 'mysite/settings.py', line: 2 }],
    },
    {
      name: 'literal fallback of os.environ.get, no production value',
      files: singleSettingsProject(`import os\n\nSECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "${LITERAL_KEY}")\n`),
      expect: [{ messageId: 'fallback', file: 'mysite/settings.py', line: 3 }],
    },
    {
      name: 'literal fallback while production sets the variable',
      files: singleSettingsProject(`import os\n\nSECRET_KEY = os.getenv("DJANGO_SECRET_KEY", "${LITERAL_KEY}")\n`, {
        'docker-compose.yml': composeWeb('mysite.settings', ['DJANGO_SECRET_KEY=${DJANGO_SECRET_KEY}']),
      }),
      expect: [{ messageId: 'fallback', file: 'mysite/settings.py', line: 3 }],
    },
    {
      name: 'literal in the base module, not overridden by prod',
      files: splitSettingsProject(`SECRET_KEY = "${LITERAL_KEY}"\n`, prod('DEBUG = False')),
      expect: [{ messageId: 'literal', file: 'mysite/settings/base.py', line: 1 }],
    },
    {
      name: 'literal SECRET_KEY_FALLBACKS',
      files: singleSettingsProject(`import os\n\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\nSECRET_KEY_FALLBACKS = ["${LITERAL_KEY}"]\n`),
      expect: [{ messageId: 'literalFallbacks', file: 'mysite/settings.py', line: 4 }],
    },
  ],
  unknown: [
    {
      name: 'key from a function the evaluator cannot run',
      files: singleSettingsProject('from vault_client import fetch_secret\n\nSECRET_KEY = fetch_secret("django")\n'),
      reason: /SECRET_KEY could not be evaluated/,
    },
  ],
  notApplicable: [{ name: 'no Django project', files: { 'docker-compose.yml': 'services:\n  redis:\n    image: redis:7\n' } }],
});

it('django/secret-key-hardcoded: the committed key never appears in the report', () => {
  const { report } = runOn(rule, singleSettingsProject(`import os\n\nSECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "${LITERAL_KEY}")\n`));
  assert.equal(report.findings.length, 1);
  assert.ok(!JSON.stringify(report).includes(LITERAL_KEY), 'the literal key leaked into the report');
});
