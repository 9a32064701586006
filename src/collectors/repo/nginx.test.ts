import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { NginxConfig, NginxDirective } from '../../facts/scripts.js';
import { discoverFiles } from '../fact-store.js';
import { RepoCollectContext } from './context.js';
import { collectNginx } from './nginx.js';

const temps: string[] = [];
after(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

function collect(tree: Record<string, string> | string): { configs: NginxConfig[]; ctx: RepoCollectContext } {
  let root: string;
  if (typeof tree === 'string') root = tree;
  else {
    root = mkdtempSync(join(tmpdir(), 'opsaudit-nginx-'));
    temps.push(root);
    for (const [p, text] of Object.entries(tree)) {
      mkdirSync(dirname(join(root, p)), { recursive: true });
      writeFileSync(join(root, p), text);
    }
  }
  const ctx = new RepoCollectContext(root, discoverFiles(root));
  return { configs: collectNginx(ctx), ctx };
}

function flat(list: NginxDirective[]): NginxDirective[] {
  return list.flatMap((d) => [d, ...flat(d.block ?? [])]);
}

describe('collectNginx', () => {
  it('expands includes across files from the entry nginx.conf (fixture)', () => {
    const { configs, ctx } = collect(new URL('../../parsers/fixtures/nginx/django', import.meta.url).pathname);
    assert.deepEqual(ctx.parseProblems, []);
    assert.equal(configs.length, 1);
    const [c] = configs;
    assert.equal(c.path, 'nginx/nginx.conf');
    assert.equal(c.context, 'main');
    assert.deepEqual(c.files, ['nginx/nginx.conf', 'nginx/conf.d/app.conf', 'nginx/snippets/ssl-params.conf', 'nginx/snippets/proxy.conf', 'nginx/conf.d/gzip.conf']);
    const all = flat(c.directives);
    // conf.d/*.conf is spliced into http, where the include was written.
    const http = c.directives.find((d) => d.name === 'http');
    assert.ok(http?.block?.some((d) => d.name === 'server' && d.loc.file === 'nginx/conf.d/app.conf'));
    const upstream = all.find((d) => d.name === 'upstream');
    assert.deepEqual(upstream?.includedFrom, { file: 'nginx/nginx.conf', line: 22, col: 5, endLine: 22, endCol: 38 });
    const protocols = all.find((d) => d.name === 'ssl_protocols');
    assert.equal(protocols?.loc.file, 'nginx/snippets/ssl-params.conf');
    assert.equal(protocols?.loc.line, 1);
    assert.deepEqual(protocols?.includedFrom && [protocols.includedFrom.file, protocols.includedFrom.line], ['nginx/conf.d/app.conf', 30]);
    const host = all.find((d) => d.name === 'proxy_set_header' && d.args[0] === 'Host');
    assert.deepEqual(host?.includedFrom && [host.includedFrom.file, host.includedFrom.line], ['nginx/conf.d/app.conf', 50]);
    assert.equal(all.find((d) => d.name === 'server_tokens')?.includedFrom, null);
    assert.deepEqual(c.unresolvedIncludes.map((u) => [u.value, u.loc.line]), [['/etc/nginx/mime.types', 10]]);
    assert.deepEqual(c.includes.map((i) => [i.at.value, i.files.length, i.stock]), [
      ['/etc/nginx/mime.types', 0, true],
      ['/etc/nginx/conf.d/*.conf', 2, false],
      ['/etc/nginx/snippets/ssl-params.conf', 1, false],
      ['snippets/proxy.conf', 1, false],
    ]);
    assert.equal(c.includes[1].resolution, '/etc/nginx/ read as the config directory; relative to nginx/');
  });

  it('resolves /etc/nginx/... includes by path suffix anywhere in the repository', () => {
    const { configs } = collect({
      'deploy/nginx.conf': 'events {}\nhttp {\n  include /etc/nginx/sites-enabled/*.conf;\n  include /etc/letsencrypt/options-ssl-nginx.conf;\n}\n',
      'config/nginx/sites-enabled/app.conf': 'server {\n  listen 80;\n  location / { proxy_pass http://web:8000; }\n}\n',
      'config/nginx/sites-enabled/other.conf': 'server {\n  listen 8080;\n}\n',
      'certbot/conf/options-ssl-nginx.conf': 'ssl_session_timeout 1440m;\n',
    });
    assert.deepEqual(configs.map((c) => c.path), ['deploy/nginx.conf']);
    const [c] = configs;
    assert.deepEqual(c.includes.map((i) => i.files), [['config/nginx/sites-enabled/app.conf', 'config/nginx/sites-enabled/other.conf'], ['certbot/conf/options-ssl-nginx.conf']]);
    assert.deepEqual(c.unresolvedIncludes, []);
    assert.equal(flat(c.directives).filter((d) => d.name === 'listen').length, 2);
  });

  it('treats conf.d files nobody includes as their own entries, and survives include cycles', () => {
    const { configs } = collect({
      'nginx/default.conf': 'server {\n  listen 80;\n  include snippets/a.conf;\n}\n',
      'nginx/snippets/a.conf': 'location /a { include snippets/b.conf; }\n',
      'nginx/snippets/b.conf': 'location /b { include snippets/a.conf; }\n',
    });
    assert.deepEqual(configs.map((c) => [c.path, c.context]), [['nginx/default.conf', 'http']]);
    const locs = flat(configs[0].directives).filter((d) => d.name === 'location').map((d) => d.args[0]);
    assert.deepEqual(locs, ['/a', '/b']);
    assert.match(configs[0].includes[2].resolution, /include cycle skipped/);
  });

  it('reports a broken file with its line and keeps collecting the others', () => {
    const { configs, ctx } = collect({
      'nginx/broken.conf': 'server {\n  listen 80;\n  location / {\n    proxy_pass http://web:8000;\n}\n',
      'nginx/good.conf': 'server {\n  listen 81;\n}\n',
    });
    assert.deepEqual(ctx.parseProblems, [
      { path: 'nginx/broken.conf', line: 5, col: 2, message: 'unexpected end of file, expecting "}" (block "server" opened at line 1)', as: 'nginx' },
    ]);
    assert.deepEqual(configs.map((c) => c.path), ['nginx/broken.conf', 'nginx/good.conf']);
    assert.equal(ctx.issues[0].kind, 'nginx');
  });

  it('does not parse Jinja templates as nginx', () => {
    const { configs, ctx } = collect({ 'roles/web/templates/nginx.conf.j2': 'server {\n  server_name {{ domain }};\n}\n' });
    assert.deepEqual(configs, []);
    assert.deepEqual(ctx.parseProblems, []);
    assert.match(ctx.issues[0].reason, /Jinja/);
  });
});
