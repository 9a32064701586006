// A compose service without a restart policy and its running container with policy "no" become one finding.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineRule } from './define-rule.js';
import type { RawCheck } from './engine.js';
import type { AnyRule } from './types/rule.js';
import { mergeSameConcern } from './merge.js';

const rule = (id: string) =>
  defineRule({ id, title: id, category: 'container', severity: 'medium', requires: ['compose'], why: '', fix: '', references: [], verify: '', messages: { m: 'x' }, check() {} }) as AnyRule;
const compose = rule('compose/no-restart-policy');
const host = rule('host/container-no-restart-policy');
const proof = { kind: 'command' as const, host: 'web1', command: 'docker inspect abc', exit_code: 0, duration_ms: 1, output: 'erp-web-1\trestart_policy=no' };
const loc = { file: 'docker-compose.yml', line: 3, col: 3, endLine: 3, endCol: 6 };

describe('mergeSameConcern', () => {
  it('folds the container finding into the compose finding of the same service', () => {
    const raw: RawCheck[] = [
      { rule: compose, status: 'fail', target: 'docker-compose.yml#web', messageId: 'm', data: { service: 'web' }, at: loc },
      { rule: compose, status: 'fail', target: 'docker-compose.yml#worker', messageId: 'm', data: { service: 'worker' }, at: loc },
      { rule: host, status: 'fail', target: 'web1#container web', messageId: 'm', data: { service: 'web' }, at: proof },
      { rule: host, status: 'fail', target: 'web1#container beat', messageId: 'm', data: { service: 'beat' }, at: proof },
    ];
    const out = mergeSameConcern(raw);
    assert.equal(out.length, 3);
    assert.deepEqual(out[0].also, [proof]);
    assert.equal(out[1].also, undefined);
    assert.equal(out[2].target, 'web1#container beat', 'a container without a repository finding stays');
    assert.equal(raw[0].also, undefined, 'the input is not modified');
  });
});
