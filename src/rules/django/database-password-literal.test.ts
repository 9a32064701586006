import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runOn, testRule } from '../../../test/rule-tester.js';
import rule from './database-password-literal.js';
import { BASE_SETTINGS, prod, splitSettingsProject } from './_fixture.js';

const DB = (password: string) => [
  'DATABASES = {',
  '    "default": {',
  '        "ENGINE": "django.db.backends.postgresql",',
  '        "NAME": "shop",',
  '        "USER": "shop",',
  `        "PASSWORD": ${password},`,
  '        "HOST": "db",',
  '    }',
  '}',
];

testRule(rule, {
  good: [
    { name: 'password from a required env var', files: splitSettingsProject(BASE_SETTINGS, prod('import os', ...DB('os.environ["POSTGRES_PASSWORD"]'))) },
    { name: 'empty password (peer/trust auth)', files: splitSettingsProject(BASE_SETTINGS, prod(...DB('""'))) },
    { name: 'str(os.getenv(...)): "None" when unset is no committed password', files: splitSettingsProject(BASE_SETTINGS, prod('import os', ...DB('str(os.getenv("DB_PASSWORD"))'))) },
  ],
  bad: [
    { name: 'literal password', files: splitSettingsProject(BASE_SETTINGS, prod(...DB('"Sup3rS3cretDbPass"'))), expect: [{ messageId: 'literal', file: 'mysite/settings/prod.py', line: 8 }] },
    {
      name: 'env read with a committed fallback password',
      files: splitSettingsProject(BASE_SETTINGS, prod('import os', ...DB('os.environ.get("POSTGRES_PASSWORD", "postgres")'))),
      expect: [{ messageId: 'keyFallback', file: 'mysite/settings/prod.py', line: 9 }],
    },
    {
      name: 'literal DATABASE_URL with credentials',
      files: splitSettingsProject(BASE_SETTINGS, prod('DATABASE_URL = "postgres://shop:Sup3rS3cretDbPass@db:5432/shop"')),
      expect: [{ messageId: 'urlLiteral', file: 'mysite/settings/prod.py', line: 3 }],
    },
  ],
  unknown: [
    {
      name: 'DATABASES from a helper the evaluator cannot run',
      files: splitSettingsProject(BASE_SETTINGS, prod('from infra.db import database_config', 'DATABASES = {"default": database_config()}')),
      reason: /DATABASES\['default'\] could not be evaluated/,
    },
  ],
});

it('django/database-password-literal: the password never appears in the report', () => {
  const { report } = runOn(rule, splitSettingsProject(BASE_SETTINGS, prod(...DB('"Sup3rS3cretDbPass"'))));
  assert.equal(report.findings.length, 1);
  assert.ok(!JSON.stringify(report).includes('Sup3rS3cretDbPass'), 'the password leaked into the report');
});
