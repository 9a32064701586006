import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testRule } from '../../../test/rule-tester.js';
import rule, { weakness } from './secret-key-weak.js';
import { composeWeb, singleSettingsProject } from './_fixture.js';

const STRONG = 'p7#Qz!9vK2@wX5%rT8^mN1&bH4*eL6(yU3)cJ0-fG9+sD2=aR7_';
const READ = 'import os\n\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n';

testRule(rule, {
  good: [
    { name: 'strong literal key (hard-coding is another rule)', files: singleSettingsProject(`SECRET_KEY = "${STRONG}"\n`) },
    {
      name: 'strong key from the production compose environment',
      files: singleSettingsProject(READ, { 'docker-compose.yml': composeWeb('mysite.settings', [`DJANGO_SECRET_KEY=${STRONG}`]) }),
    },
  ],
  bad: [
    {
      name: 'startproject development key',
      files: singleSettingsProject('SECRET_KEY = "django-insecure-7h#k2m!q9x@v4w$e8r^t6y&u3i*o1p(a5s)d0f-g+j=l"\n'),
      expect: [{ messageId: 'weak', file: 'mysite/settings.py', line: 1 }],
    },
    {
      name: 'short key set by the production compose file',
      files: singleSettingsProject(READ, { 'docker-compose.yml': composeWeb('mysite.settings', ['DJANGO_SECRET_KEY=supersecret123']) }),
      expect: [{ messageId: 'weak', file: 'mysite/settings.py', line: 3 }],
    },
    {
      name: 'empty literal key',
      files: singleSettingsProject('SECRET_KEY = ""\n'),
      expect: [{ messageId: 'empty', file: 'mysite/settings.py', line: 1 }],
    },
    {
      name: 'no SECRET_KEY at all',
      files: singleSettingsProject('DEBUG = False\n'),
      expect: [{ messageId: 'notSet', file: 'mysite/settings.py' }],
    },
  ],
  unknown: [
    { name: 'env var with no production value in the repository', files: singleSettingsProject(READ), reason: /depends on env var DJANGO_SECRET_KEY/ },
    {
      name: 'only an example env file gives a (placeholder) value',
      files: singleSettingsProject(READ, { '.env.prod.example': 'DJANGO_SECRET_KEY=change-me\n' }),
      reason: /DJANGO_SECRET_KEY/,
    },
  ],
  notApplicable: [{ name: 'no Django project', files: { 'Dockerfile': 'FROM node:20\n' } }],
});

describe('secret-key weakness (security.W009)', () => {
  it('accepts a generated key', () => assert.equal(weakness(STRONG), null));
  it('rejects short, repetitive and insecure-prefixed keys', () => {
    assert.match(weakness('short') ?? '', /5 characters/);
    assert.match(weakness('a'.repeat(60)) ?? '', /1 distinct/);
    assert.match(weakness(`django-insecure-${STRONG}`) ?? '', /django-insecure-/);
  });
});
