// Tests for the YAML wrapper: positions, aliases, merge keys, tags and located errors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { locInScalar, parseYaml, yamlGet, yamlString, yamlToJS, type YamlNode, type YamlScalar } from './yaml.js';

function ok(text: string): YamlNode {
  const r = parseYaml('f.yml', text);
  assert.ok(r.ok, r.ok ? '' : `parse failed: ${r.error.message}`);
  assert.ok(r.root);
  return r.root;
}

describe('parseYaml', () => {
  it('gives 1-based positions for keys and values', () => {
    const root = ok('a: 1\nb:\n  c: "x y"\n  d: [p, q]\n');
    assert.equal(root.kind, 'map');
    const b = yamlGet(root, 'b')!;
    const c = yamlGet(b, 'c') as YamlScalar;
    assert.deepEqual([c.loc.line, c.loc.col, c.loc.endLine, c.loc.endCol], [3, 6, 3, 11]);
    assert.equal(c.value, 'x y');
    assert.equal(c.style, 'double');
    assert.equal(c.raw, '"x y"');
    const pair = root.kind === 'map' ? root.pairs[1] : null;
    assert.deepEqual([pair!.keyLoc.line, pair!.keyLoc.col], [2, 1]);
    const d = yamlGet(b, 'd')!;
    assert.equal(d.kind, 'seq');
    assert.deepEqual(d.kind === 'seq' && d.items.map((i) => [i.loc.line, i.loc.col]), [[4, 7], [4, 10]]);
  });

  it('resolves aliases to the anchored node, remembering where the alias was', () => {
    const root = ok('x: &log\n  driver: local\nsvc:\n  logging: *log\n');
    const logging = yamlGet(yamlGet(root, 'svc'), 'logging')!;
    assert.equal(yamlString(yamlGet(logging, 'driver')), 'local');
    assert.equal(logging.loc.line, 2);
    assert.equal(logging.aliasLoc?.line, 4);
  });

  it('applies << merge keys: explicit keys win, earlier sources win over later ones', () => {
    const root = ok(
      ['a: &a', '  k1: from-a', '  k2: from-a', 'b: &b', '  k2: from-b', '  k3: from-b', 'm:', '  <<: [*a, *b]', '  k1: own', ''].join('\n'),
    );
    const m = yamlGet(root, 'm')!;
    assert.deepEqual(yamlToJS(m), { k1: 'own', k2: 'from-a', k3: 'from-b' });
    const k3 = m.kind === 'map' ? m.pairs.find((p) => p.key === 'k3') : undefined;
    assert.equal(k3?.merged, true);
    assert.equal(k3?.value.loc.line, 6);
  });

  it('keeps custom tags such as !reset and !override', () => {
    const root = ok('ports: !reset []\nenv: !override\n  - A=1\n');
    assert.equal(yamlGet(root, 'ports')?.tag, '!reset');
    assert.equal(yamlGet(root, 'env')?.tag, '!override');
  });

  it('reports syntax errors with their line', () => {
    const r = parseYaml('f.yml', 'services:\n  web:\n    image: "unterminated\n    ports: [\n');
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.ok(r.error.line >= 3, `line ${r.error.line}`);
      assert.ok(r.error.message.length > 0);
    }
  });

  it('reports duplicate keys where the duplicate is', () => {
    const r = parseYaml('f.yml', 'a: 1\nb: 2\na: 3\n');
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.error.line, 3);
  });

  it('reports an unknown alias at the alias', () => {
    const r = parseYaml('f.yml', 'a: 1\nb: *nope\n');
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.error.line, 2);
  });

  it('returns a null root for an empty document and never throws on garbage', () => {
    const r = parseYaml('f.yml', '');
    assert.deepEqual(r, { ok: true, root: null });
    for (const text of ['\t- : :', '{{{{', 'a: [1, 2', '- &x [*x]', '%YAML 9.9\n---\na: 1']) {
      assert.doesNotThrow(() => parseYaml('f.yml', text));
    }
  });

  it('refuses alias bombs instead of expanding them', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`);
    const r = parseYaml('f.yml', lines.join('\n'));
    assert.equal(r.ok, false);
  });

  it('locates a substring inside a block scalar', () => {
    const root = ok('cmd: >\n  first\n  second ${VAR}\n');
    const s = yamlGet(root, 'cmd') as YamlScalar;
    const at = s.raw.indexOf('${VAR}');
    const loc = locInScalar(s, at, 6);
    assert.deepEqual([loc.line, loc.col], [3, 10]);
  });
});
