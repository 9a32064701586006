import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskDeep, maskSecrets } from './mask.js';

describe('maskSecrets', () => {
  const cases: [string, string][] = [
    ["SECRET_KEY = 'django-insecure-abc123'", "SECRET_KEY = '***'"],
    ["SECRET_KEY = os.environ['SECRET_KEY']", "SECRET_KEY = os.environ['SECRET_KEY']"],
    ['      - POSTGRES_PASSWORD=hunter2', '      - POSTGRES_PASSWORD=***'],
    ['      POSTGRES_PASSWORD: hunter2', '      POSTGRES_PASSWORD: ***'],
    ["        'PASSWORD': 'pw123', 'HOST': 'db',", "        'PASSWORD': '***', 'HOST': 'db',"],
    ["        'PASSWORD': os.getenv('DB_PASSWORD'),", "        'PASSWORD': os.getenv('DB_PASSWORD'),"],
    ['DATABASE_URL=postgres://user:s3cret@db:5432/app', 'DATABASE_URL=postgres://user:***@db:5432/app'],
    ['      - DB_PASSWORD_FILE=/run/secrets/db_password', '      - DB_PASSWORD_FILE=/run/secrets/db_password'],
    ['REDIS_URL=redis://:${REDIS_PASSWORD}@redis:6379/1', 'REDIS_URL=redis://:${REDIS_PASSWORD}@redis:6379/1'],
    ['AUTH_PASSWORD_VALIDATORS = [', 'AUTH_PASSWORD_VALIDATORS = ['],
    ['token ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'token ***'],
  ];
  for (const [input, expected] of cases) it(`masks ${input.trim()}`, () => assert.equal(maskSecrets(input), expected));

  it('masks known secret values anywhere', () => {
    assert.equal(maskSecrets('curl -u admin:longsecretvalue x', new Set(['longsecretvalue'])), 'curl -u admin:*** x');
  });

  it('does not mask ordinary words of the files that happen to be a default password, or placeholders naming a variable', () => {
    const known = new Set(['postgres', 'DJANGO_SECRET_KEY']);
    assert.equal(maskSecrets('    image: postgres:16-alpine', known), '    image: postgres:16-alpine');
    assert.equal(maskSecrets('SECRET_KEY = os.getenv("DJANGO_SECRET_KEY")', known), 'SECRET_KEY = os.getenv("DJANGO_SECRET_KEY")');
    // Where the value is assigned to a secret key, it is still masked.
    assert.equal(maskSecrets('      POSTGRES_PASSWORD: postgres', known), '      POSTGRES_PASSWORD: ***');
  });

  it('never masks the fields opsaudit writes itself (a project key "secret-key" leaves rule ids alone)', () => {
    const report = { rule: 'django/secret-key-hardcoded', title: 'SECRET_KEY is hard-coded', description: "SECRET_KEY = 'secret-key' in settings" };
    const out = maskDeep(report, new Set(['secret-key']));
    assert.equal(out.rule, 'django/secret-key-hardcoded');
    assert.equal(out.description, "SECRET_KEY = '***' in settings");
  });
});
