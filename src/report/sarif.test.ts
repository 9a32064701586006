// SARIF reporter: valid against the official SARIF 2.1.0 schema (vendored in test/schemas/, no network), with rule help,
// physical locations, stable partial fingerprints, suppressions and baseline states.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import type * as Sarif from 'sarif';
import { auditRepository } from '../audit.js';
import { compareWithBaseline, parseBaseline } from '../core/baseline.js';
import type { Report } from '../core/types/check.js';
import { RULES } from '../rules/index.js';
import { SAMPLE_REPORT } from './fixtures/sample-report.js';
import { renderJson } from './json.js';
import { FINGERPRINT_KEY, renderSarif, toSarif } from './sarif.js';

/**
 * The OASIS schema as published in oasis-tcs/sarif-spec (Schemata/sarif-schema-2.1.0.json, commit 85971b3). Two
 * defects of that file are corrected here, not in the vendored copy: the region's `anyOf` sits inside `properties`
 * (JSON Schema requires a schema there; the OASIS Standard has it on the region), and `language` uses the inline flag
 * `(?i)` that JavaScript regular expressions do not support (applied as the `i` flag instead).
 */
function sarifValidator() {
  const schema = JSON.parse(readFileSync('test/schemas/sarif-schema-2.1.0.json', 'utf8'));
  const region = schema.definitions.region;
  if (region.properties.anyOf) {
    region.anyOf = region.properties.anyOf;
    delete region.properties.anyOf;
  }
  const regExp = Object.assign(
    (pattern: string, flags: string) => (pattern.startsWith('^(?i)') ? new RegExp(`^${pattern.slice(5)}`, `${flags}i`) : new RegExp(pattern, flags)),
    { code: 'new RegExp' },
  );
  // strict: false because the third-party schema uses `required` inside `anyOf` branches that ajv's strict mode flags.
  const ajv = new Ajv2020({ allErrors: true, strict: false, code: { regExp } });
  addFormatsPlugin.default(ajv);
  return ajv.compile(schema);
}

const validate = sarifValidator();

function assertValid(log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, `SARIF does not validate:\n${JSON.stringify(validate.errors?.slice(0, 10), null, 2)}`);
}

describe('renderSarif on the hand-built sample report', () => {
  const text = renderSarif(SAMPLE_REPORT, { rules: RULES });
  const log = JSON.parse(text) as Sarif.Log;
  const run = log.runs[0];

  it('validates against the SARIF 2.1.0 schema', () => assertValid(log));

  it('the schema check is real: it rejects a broken log', () => {
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false);
    const broken = structuredClone(log);
    (broken.runs[0].results as Sarif.Result[])[0].level = 'fatal' as Sarif.Result.level;
    assert.equal(validate(broken), false);
  });

  it('is deterministic', () => assert.equal(renderSarif(SAMPLE_REPORT, { rules: RULES }), text));

  it('has one result per finding with rule id, level and message', () => {
    assert.equal(run.results?.length, SAMPLE_REPORT.findings.length);
    const levels = run.results?.map((r) => `${r.ruleId}:${r.level}`);
    assert.deepEqual(levels, [
      'django/secret-key-literal:error',
      'compose/redis-without-password:error',
      'compose/redis-without-password:error',
      'dockerfile/collectstatic-masked-failure:warning',
      'dockerfile/no-healthcheck:warning',
      'scripts/backup-without-retention:note',
      'host/node-exporter-inactive:note',
      'http/server-version-exposed:note',
    ]);
    for (const r of run.results ?? []) {
      assert.equal(run.tool.driver.rules?.[r.ruleIndex ?? -1]?.id, r.ruleId);
      assert.ok(r.message.text && r.message.text.length > 10);
    }
  });

  it('locates quoted lines with a region and absences with the file only', () => {
    const redis = run.results?.[1];
    assert.deepEqual(redis?.locations?.[0].physicalLocation, {
      artifactLocation: { uri: 'docker-compose.prod.yaml', uriBaseId: '%SRCROOT%' },
      region: {
        startLine: 156,
        startColumn: 5,
        endColumn: 92,
        snippet: { text: '    command: redis-server --appendonly yes --maxmemory 256mb --maxmemory-policy allkeys-lru' },
      },
    });
    const absence = run.results?.[4];
    assert.deepEqual(absence?.locations?.[0], {
      physicalLocation: { artifactLocation: { uri: 'Dockerfile.prod', uriBaseId: '%SRCROOT%' } },
      message: { text: 'no HEALTHCHECK among 75 lines' },
    });
    const twoLines = run.results?.[5];
    assert.equal(twoLines?.relatedLocations?.[0].physicalLocation?.region?.startLine, 166);
    // Host and HTTP proof have no file: no physical location is invented.
    assert.deepEqual(run.results?.[6].locations, []);
  });

  it('publishes the finding fingerprint as a partial fingerprint', () => {
    for (const [i, r] of (run.results ?? []).entries()) {
      assert.equal(r.partialFingerprints?.[FINGERPRINT_KEY], SAMPLE_REPORT.findings[i].fingerprint);
    }
  });

  it('describes each rule with short and full description, help text and markdown, help URI, tags and security-severity', () => {
    const rules = run.tool.driver.rules ?? [];
    assert.deepEqual(
      rules.map((r) => r.id),
      [...new Set(SAMPLE_REPORT.findings.map((f) => f.rule))].sort(),
    );
    for (const r of rules) {
      assert.ok(r.shortDescription?.text, `${r.id}: shortDescription`);
      assert.ok(r.fullDescription?.text, `${r.id}: fullDescription`);
      assert.match(r.help?.text ?? '', /How to fix: /);
      assert.match(r.help?.markdown ?? '', /## How to fix/);
      assert.match(r.helpUri ?? '', /^https:\/\//);
      assert.ok((r.properties?.tags as string[]).includes('opsaudit'));
      assert.match(String(r.properties?.['security-severity']), /^\d+\.\d$/);
    }
    const redis = rules.find((r) => r.id === 'compose/redis-without-password');
    assert.ok((redis?.properties?.tags as string[]).includes('security'));
    assert.equal(redis?.properties?.['security-severity'], '8.0');
  });

  it('links rule help to the published docs when a base URL is given', () => {
    const withBase = toSarif(SAMPLE_REPORT, { rules: RULES, ruleDocsBaseUrl: 'https://example.org/opsaudit/docs/rules' });
    assertValid(withBase);
    const rules = withBase.runs[0].tool.driver.rules ?? [];
    assert.equal(rules.find((r) => r.id === 'compose/redis-without-password')?.helpUri, 'https://example.org/opsaudit/docs/rules/compose/redis-without-password.md');
  });

  it('reports checks that could not be decided as notifications', () => {
    const notes = run.invocations?.[0].toolExecutionNotifications ?? [];
    assert.equal(notes.length, SAMPLE_REPORT.checks.filter((c) => c.status === 'unknown').length);
    assert.match(notes[0].message.text ?? '', /^Not checked: /);
  });
});

describe('renderSarif with suppressions and a baseline', () => {
  const marked: Report = {
    ...SAMPLE_REPORT,
    findings: SAMPLE_REPORT.findings.map((f, i) => ({
      ...f,
      baseline: i === 0 ? ('new' as const) : ('unchanged' as const),
      ...(i === 1 ? { suppressed: { kind: 'config' as const, reason: 'internal network only', source: '.opsaudit.yml:4', expires: '2026-06-30' } } : {}),
      ...(i === 3 ? { suppressed: { kind: 'inline' as const, reason: 'built in CI', source: 'Dockerfile.prod:58' } } : {}),
    })),
    fixed: [],
  };
  const log = toSarif(marked, { rules: RULES });
  const results = log.runs[0].results ?? [];

  it('validates', () => assertValid(log));

  it('keeps suppressed results, marked with their kind, justification and location', () => {
    assert.equal(results.length, marked.findings.length);
    assert.deepEqual(results[1].suppressions, [
      {
        kind: 'external',
        status: 'accepted',
        justification: 'internal network only',
        properties: { expires: '2026-06-30' },
        location: { physicalLocation: { artifactLocation: { uri: '.opsaudit.yml', uriBaseId: '%SRCROOT%' }, region: { startLine: 4 } } },
      },
    ]);
    assert.equal(results[3].suppressions?.[0].kind, 'inSource');
    assert.equal(results[0].suppressions, undefined);
  });

  it('carries the baseline state', () => {
    assert.deepEqual(
      results.map((r) => r.baselineState),
      ['new', ...Array(results.length - 1).fill('unchanged')],
    );
  });
});

describe('renderSarif on the seed-002 example scan', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const report = auditRepository('examples/onespirit', { now });
  const again = compareWithBaseline(auditRepository('examples/onespirit', { now }), parseBaseline(renderJson(report)));

  it('validates, with a result and a location for every finding', () => {
    const log = toSarif(again, { rules: RULES });
    assertValid(log);
    const results = log.runs[0].results ?? [];
    assert.equal(results.length, report.findings.length);
    for (const [i, r] of results.entries()) {
      const p = report.findings[i].proof[0];
      assert.equal(p?.kind, 'file');
      if (p?.kind !== 'file') continue;
      assert.equal(r.locations?.[0].physicalLocation?.artifactLocation?.uri, p.path);
      assert.equal(r.locations?.[0].physicalLocation?.region?.startLine, p.line);
      assert.equal(r.baselineState, 'unchanged');
    }
  });

  it('gives the same partial fingerprints on every run', () => {
    const a = toSarif(report, { rules: RULES }).runs[0].results?.map((r) => r.partialFingerprints?.[FINGERPRINT_KEY]);
    const b = toSarif(again, { rules: RULES }).runs[0].results?.map((r) => r.partialFingerprints?.[FINGERPRINT_KEY]);
    assert.deepEqual(a, b);
    assert.equal(new Set(a).size, a?.length, 'fingerprints are unique within a run');
  });
});
