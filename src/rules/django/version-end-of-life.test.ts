import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runOn, testRule } from '../../../test/rule-tester.js';
import rule, { newestAllowedSeries } from './version-end-of-life.js';
import { parseVersionSpec } from './_settings.js';
import { BASE_SETTINGS, prod, splitSettingsProject } from './_fixture.js';

/** The scan's day is fixed, so the cases keep their meaning as time passes. */
const on = (today: string) => ({ config: { path: null, suppressions: [], today } });
const withRequirements = (text: string, file = 'requirements.txt') => splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'requirements.txt': '', [file]: text });

testRule(rule, {
  good: [
    { name: 'the current LTS pinned', files: withRequirements('Django==5.2.8\ngunicorn==23.0.0\n'), facts: on('2026-11-23') },
    { name: 'a lower bound only: installs the newest release', files: withRequirements('Django>=3.2\n'), facts: on('2026-11-23') },
    { name: 'unpinned', files: withRequirements('django\n'), facts: on('2026-11-23') },
    { name: 'a series newer than the table', files: withRequirements('Django==7.0.1\n'), facts: on('2026-11-23') },
    { name: '4.2 before its end of life', files: withRequirements('Django==4.2.16\n'), facts: on('2025-06-01') },
  ],
  bad: [
    { name: '3.2 pinned (end of life April 2024)', files: withRequirements('gunicorn==20.1.0\nDjango==3.2.25\n'), facts: on('2026-11-23'), expect: [{ messageId: 'endOfLife', file: 'requirements.txt', line: 2 }] },
    { name: 'a range whose newest series is 4.1', files: withRequirements('django>=4.0,<4.2\n'), facts: on('2026-11-23'), expect: [{ messageId: 'endOfLife', file: 'requirements.txt', line: 1 }] },
    { name: 'Poetry caret on 3.1', files: withRequirements('[tool.poetry.dependencies]\npython = "^3.8"\ndjango = "^3.1"\n', 'pyproject.toml'), facts: on('2026-11-23'), expect: [{ messageId: 'endOfLife', file: 'pyproject.toml', line: 3 }] },
    { name: 'Django 1.7, older than the table', files: withRequirements('Django==1.7.11\n'), facts: on('2026-11-23'), expect: [{ messageId: 'longGone', file: 'requirements.txt', line: 1 }] },
    { name: 'just past: 4.2 after April 2026 (reported, at low severity)', files: withRequirements('Django~=4.2.0\n'), facts: on('2026-11-23'), expect: [{ messageId: 'endOfLife', file: 'requirements.txt', line: 1 }] },
  ],
  unknown: [{ name: 'Django not declared anywhere', files: withRequirements('gunicorn==23.0.0\n'), facts: on('2026-11-23'), reason: /not declared/ }],
  notApplicable: [{ name: 'no Django project', files: { 'README.md': '# docs\n' }, facts: on('2026-11-23') }],
});

describe('severity of a Django version past its end of life', () => {
  const severities = (requirements: string) => runOn(rule, withRequirements(requirements), on('2026-11-23')).report.findings.map((f) => f.severity);
  it('is the rule\'s own (high) for a series unsupported for more than a year, low for one just past', () => {
    assert.deepEqual(severities('Django==3.2.25\n'), ['high']);
    assert.deepEqual(severities('Django~=4.2.0\n'), ['low']);
  });
});

describe('newest Django series a specifier allows', () => {
  const newest = (spec: string) => newestAllowedSeries(parseVersionSpec(spec));
  it('reads pins, ranges and compatible releases', () => {
    assert.deepEqual(newest('Django==3.2.25'), [3, 2]);
    assert.deepEqual(newest('Django<4'), [3, 2]);
    assert.deepEqual(newest('Django>=3.2,<5.0'), [4, 2]);
    assert.deepEqual(newest('Django~=4.1'), [4, 2]);
    assert.equal(newest('Django>=4.2'), 'newer');
  });
});
