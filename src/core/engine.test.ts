import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { emptyFacts } from '../collectors/empty-facts.js';
import type { FactStore } from '../facts/index.js';
import { defineRule } from './define-rule.js';
import { runRule } from './engine.js';

const ruleWithId = (id: string) =>
  defineRule({
    id,
    title: 't',
    category: 'webserver',
    severity: 'low',
    requires: ['nginx'],
    why: 'w',
    fix: 'f',
    references: [{ title: 'r', url: 'https://example.org/' }],
    verify: 'v',
    messages: { m: 'm' },
    check(_facts, ctx) {
      ctx.pass('x');
    },
  });

describe('collector issues', () => {
  const store = (): FactStore => ({
    facts: emptyFacts(),
    sources: new Map(),
    issues: [{ kind: 'nginx', file: 'deploy/site.conf.j2', reason: 'a Jinja template, not audited', onlyRules: 'nginx/' }],
    secretValues: new Set(),
    notes: [],
  });

  it('make the rules they are meant for unknown for that file', () => {
    const checks = runRule(ruleWithId('nginx/some-rule') as never, store());
    assert.deepEqual(checks.map((c) => [c.status, c.target]), [['pass', 'x'], ['unknown', 'deploy/site.conf.j2']]);
  });

  it('leave rules of other families that read the same kind alone', () => {
    const checks = runRule(ruleWithId('backup/other-rule') as never, store());
    assert.deepEqual(checks.map((c) => [c.status, c.target]), [['pass', 'x']]);
  });
});
