// Unit tests of the settings resolution policy and the version parser shared by the Django rules.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Outcome, Setting, SettingValue } from '../../facts/django.js';
import { atLeast, judgeSetting, parseVersionSpec, pyRepr, truthy } from './_settings.js';

const loc = { file: 'app/settings.py', line: 3, col: 1, endLine: 3, endCol: 20 };
const setting = (value: SettingValue): Setting => ({ name: 'X', value, module: 'app.settings' });
/** os.environ.get(var, dflt) == 'True' as the collector models it. */
const envEq = (dflt: string | null, production: string | null): SettingValue => {
  const whenSet = (raw: string): Outcome => ({ ok: true, value: raw === 'True' });
  return {
    kind: 'from-env',
    envVar: 'FLAG',
    whenUnset: dflt === null ? { ok: false, reason: "KeyError: 'FLAG'" } : whenSet(dflt),
    whenSet,
    production: production === null ? null : { source: { value: production, origin: 'compose', at: { value: production, loc } }, value: whenSet(production) },
    loc,
  };
};

describe('judgeSetting', () => {
  it('uses Django\'s default for a missing setting', () => {
    assert.deepEqual(judgeSetting(undefined, 'X', truthy, false), { state: 'missing', result: false, value: false });
  });
  it('judges a literal', () => {
    const j = judgeSetting(setting({ kind: 'literal', value: true, loc }), 'X', truthy, false);
    assert.equal(j.state === 'decided' && j.how, 'literal');
  });
  it('judges the production value when the repository gives one', () => {
    const j = judgeSetting(setting(envEq('True', 'False')), 'X', truthy, false);
    assert.ok(j.state === 'decided' && j.how === 'production-env' && j.result === false);
  });
  it('never judges an unseen value: no production value means unknown', () => {
    const j = judgeSetting(setting(envEq('True', null)), 'X', truthy, false);
    assert.ok(j.state === 'unknown' && /depends on env var FLAG; no production value found in the repository; the default is True/.test(j.reason));
    assert.ok(j.state === 'unknown' && j.envDependent);
  });
  it('judges the default only when asked (DEBUG)', () => {
    const j = judgeSetting(setting(envEq('True', null)), 'DEBUG', truthy, false, { judgeDefault: true });
    assert.ok(j.state === 'decided' && j.how === 'default' && j.result === true);
  });
  it('decides an aspect no env value changes', () => {
    const v: SettingValue = { ...(envEq('x', null) as Extract<SettingValue, { kind: 'from-env' }>), whenUnset: { ok: true, value: { path: '/x', cls: 'A' } }, whenSet: (raw) => ({ ok: true, value: { path: raw, cls: 'A' } }) };
    const j = judgeSetting(setting(v), 'LOGGING', (x) => (x as { cls: string }).cls, null);
    assert.ok(j.state === 'decided' && j.how === 'any-env-value' && j.result === 'A');
  });
  it('ignores example env files for secrets', () => {
    const v = envEq('True', 'True') as Extract<SettingValue, { kind: 'from-env' }>;
    const example = { ...v, production: { source: { value: 'True', origin: '.env.example', at: { value: 'True', loc: { ...loc, file: '.env.example' } } }, value: v.whenSet('True') } };
    assert.equal(judgeSetting(setting(example), 'SECRET_KEY', truthy, '', { ignoreExampleSources: true }).state, 'unknown');
  });
  it('reports an unknown value with its reason', () => {
    const j = judgeSetting(setting({ kind: 'unknown', reason: 'vault() is not evaluated', loc }), 'X', truthy, false);
    assert.ok(j.state === 'unknown' && /X could not be evaluated \(vault\(\) is not evaluated\)/.test(j.reason));
  });
});

describe('Python values', () => {
  it('truthiness', () => {
    for (const v of ['False', '0', 1, [''], { a: 1 }, true]) assert.equal(truthy(v), true, String(v));
    for (const v of ['', 0, [], {}, null, false]) assert.equal(truthy(v), false, String(v));
  });
  it('repr', () => assert.equal(pyRepr(['*', true, null, 1]), "['*', True, None, 1]"));
});

describe('Django version specifiers', () => {
  it('reads pins, ranges and compatible releases', () => {
    assert.deepEqual(parseVersionSpec('Django==4.2.11').min, [4, 2]);
    assert.deepEqual(parseVersionSpec('django>=5.1,<5.2').max, [5, 2]);
    assert.deepEqual(parseVersionSpec('Django~=3.2.0').min, [3, 2]);
    assert.deepEqual(parseVersionSpec('django = "^4.2"').min, [4, 2]);
    assert.equal(parseVersionSpec('django').min, null);
  });
  it('reads the upper bound of compatible releases', () => {
    const max = (spec: string) => {
      const r = parseVersionSpec(spec);
      return [r.max, r.maxInclusive];
    };
    assert.deepEqual(max('Django~=3.2.0'), [[3, 2], true]);
    assert.deepEqual(max('Django~=3.2'), [[4, 0], false]);
    assert.deepEqual(max('django = "^4.2"'), [[5, 0], false]);
    assert.deepEqual(max('django = "~4.2"'), [[4, 2], true]);
    assert.deepEqual(max('Django==3.2.*'), [[3, 2], true]);
    assert.deepEqual(max('Django>=4.2'), [null, false]);
  });
  it('compares against a version', () => {
    assert.equal(atLeast(parseVersionSpec('Django>=4.2,<5.0'), [4, 0]), true);
    assert.equal(atLeast(parseVersionSpec('Django<4.0'), [4, 0]), false);
    assert.equal(atLeast(parseVersionSpec('Django==3.2.25'), [4, 0]), false);
    assert.equal(atLeast(parseVersionSpec('django'), [4, 0]), null);
  });
});
