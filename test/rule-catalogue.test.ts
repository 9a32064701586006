// The catalogue stays complete: registry == files on disk, ids unique, metadata complete, tests beside each rule.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../src/rules/index.js';
import { CATEGORIES, SEVERITIES } from '../src/core/types/severity.js';

const RULES_DIR = 'src/rules';

function ruleFilesOnDisk(): string[] {
  const ids: string[] = [];
  for (const family of readdirSync(RULES_DIR)) {
    const dir = join(RULES_DIR, family);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.ts') || name === 'index.ts' || name.endsWith('.test.ts') || name.startsWith('_')) continue;
      ids.push(`${family}/${name.slice(0, -3)}`);
    }
  }
  return ids.sort();
}

describe('rule catalogue', () => {
  it('registers exactly the rule files on disk (edit the family index.ts to add one)', () => {
    const registered = RULES.map((r) => r.id).filter((id) => id !== 'parse-error').sort();
    assert.deepEqual(registered, ruleFilesOnDisk());
  });

  it('has unique ids and aliases', () => {
    const seen = new Set<string>();
    for (const r of RULES) {
      for (const id of [r.id, ...(r.aliases ?? [])]) {
        assert.ok(!seen.has(id), `duplicate rule id or alias: ${id}`);
        seen.add(id);
      }
    }
  });

  for (const r of RULES) {
    it(`${r.id}: metadata is complete`, () => {
      for (const key of ['title', 'why', 'fix', 'verify'] as const) assert.ok(r[key].trim().length > 10, `${r.id}: ${key} is empty or too short`);
      assert.ok((SEVERITIES as readonly string[]).includes(r.severity), `${r.id}: bad severity`);
      assert.ok((CATEGORIES as readonly string[]).includes(r.category), `${r.id}: bad category`);
      assert.ok(r.references.length > 0, `${r.id}: needs at least one reference`);
      for (const ref of r.references) assert.match(ref.url, /^https:\/\//, `${r.id}: reference URL must be https`);
      assert.ok(Object.keys(r.messages).length > 0, `${r.id}: needs messages`);
      assert.ok(r.requires.length > 0, `${r.id}: must declare the facts it requires`);
    });

    if (r.id === 'parse-error') continue;
    it(`${r.id}: has a test with failing and passing cases beside it`, () => {
      const testFile = join(RULES_DIR, `${r.id}.test.ts`);
      assert.ok(existsSync(testFile), `missing ${testFile}`);
      const text = readFileSync(testFile, 'utf8');
      assert.match(text, /testRule\(/, `${testFile} must use the shared testRule()`);
      assert.match(text, /\bgood:\s*\[\s*[{\w]/, `${testFile} needs at least one good case`);
      assert.match(text, /\bbad:\s*\[\s*[{\w]/, `${testFile} needs at least one bad case`);
    });
  }
});
