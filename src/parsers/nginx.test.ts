import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { NginxDirective } from '../facts/scripts.js';
import { parseNginx, templateSyntax, topLevelContext } from './nginx.js';

const fixture = (p: string) => readFileSync(new URL(`./fixtures/nginx/django/${p}`, import.meta.url), 'utf8');

function clean(text: string, path = 'site.conf'): NginxDirective[] {
  const { directives, problems } = parseNginx(path, text);
  assert.deepEqual(problems, []);
  return directives;
}

function find(list: NginxDirective[], name: string, arg0?: string): NginxDirective {
  for (const d of list) {
    if (d.name === name && (arg0 === undefined || d.args[0] === arg0)) return d;
    const inner = d.block ? findOrNull(d.block, name, arg0) : null;
    if (inner) return inner;
  }
  assert.fail(`no ${name} ${arg0 ?? ''}`);
}

function findOrNull(list: NginxDirective[], name: string, arg0?: string): NginxDirective | null {
  try {
    return find(list, name, arg0);
  } catch {
    return null;
  }
}

describe('parseNginx: Django site', () => {
  const ds = clean(fixture('nginx/conf.d/app.conf'), 'nginx/conf.d/app.conf');
  it('reads blocks with exact positions', () => {
    assert.deepEqual(
      ds.map((d) => [d.name, d.args, d.loc.line, d.loc.endLine]),
      [
        ['upstream', ['django'], 2, 4],
        ['map', ['$http_upgrade', '$connection_upgrade'], 6, 9],
        ['server', [], 11, 22],
        ['server', [], 24, 53],
      ],
    );
    const listen = find(ds[3].block ?? [], 'listen');
    assert.deepEqual(listen.loc, { file: 'nginx/conf.d/app.conf', line: 25, col: 5, endLine: 25, endCol: 26 });
    assert.deepEqual(listen.args, ['443', 'ssl', 'http2']);
    assert.equal(listen.block, null);
    assert.equal(listen.includedFrom, null);
  });
  it('reads map entries, quoted values and websocket headers', () => {
    assert.deepEqual(ds[1].block?.map((d) => [d.name, d.args]), [
      ['default', ['upgrade']],
      ['', ['close']],
    ]);
    assert.deepEqual(find(ds, 'add_header').args, ['Cache-Control', 'public, immutable']);
    const ws = find(ds, 'location', '/ws/');
    assert.deepEqual(ws.block?.map((d) => d.name), ['proxy_pass', 'proxy_http_version', 'proxy_set_header', 'proxy_set_header']);
    assert.deepEqual(find(ws.block ?? [], 'proxy_set_header', 'Connection').args, ['Connection', '$connection_upgrade']);
  });
  it('spans multi-line directives', () => {
    const main = clean(fixture('nginx/nginx.conf'), 'nginx/nginx.conf');
    const lf = find(main, 'log_format');
    assert.equal(lf.loc.line, 13);
    assert.equal(lf.loc.endLine, 15);
    assert.equal(lf.args.length, 4);
    assert.equal(lf.args[1], '$remote_addr - $remote_user [$time_local] "$request" ');
    assert.equal(topLevelContext(main), 'main');
    assert.equal(topLevelContext(ds), 'http');
  });
});

describe('parseNginx: tokens', () => {
  it('handles escapes, comments between arguments, variables in braces and if conditions', () => {
    const ds = clean(
      [
        'server { # main site',
        '  listen 80 # plain http',
        '    default_server;',
        '  set $x "a \\"quoted\\" \\\\ value";',
        "  return 200 'it\\'s ok';",
        '  add_header X-Id ${request_id}-x;',
        '  if ($http_user_agent ~* "(bot|spider)") { return 403; }',
        '  location ~ "^/api/v\\d{1,2}/" { proxy_pass http://app; }',
        '}',
      ].join('\n'),
    );
    const server = ds[0].block ?? [];
    assert.deepEqual(server[0].args, ['80', 'default_server']);
    assert.deepEqual(server[0].loc, { file: 'site.conf', line: 2, col: 3, endLine: 3, endCol: 20 });
    assert.deepEqual(server[1].args, ['$x', 'a "quoted" \\ value']);
    assert.deepEqual(server[2].args, ['200', "it's ok"]);
    assert.deepEqual(server[3].args, ['X-Id', '${request_id}-x']);
    assert.deepEqual(server[4].args, ['($http_user_agent', '~*', '(bot|spider)', ')']);
    assert.deepEqual(server[4].block?.[0].args, ['403']);
    assert.deepEqual(server[5].args, ['~', '^/api/v\\d{1,2}/']);
  });

  it('keeps *_by_lua_block bodies raw, braces in Lua strings and comments included', () => {
    const ds = clean(
      [
        'location /lua {',
        '  content_by_lua_block {',
        '    -- a } in a comment',
        '    local t = { a = "}", b = [[ { ]] }',
        "    ngx.say('ok; done')",
        '  }',
        '  access_log off;',
        '}',
      ].join('\n'),
    );
    const lua = find(ds, 'content_by_lua_block');
    assert.deepEqual(lua.block, []);
    assert.match(lua.rawBlock ?? '', /ngx\.say\('ok; done'\)/);
    assert.equal(lua.loc.line, 2);
    assert.equal(lua.loc.endLine, 6);
    assert.equal(find(ds, 'access_log').loc.line, 7);
  });

  it('reads types blocks and envsubst templates', () => {
    const ds = clean('types {\n  text/html html htm;\n  application/javascript js;\n}\nserver {\n  server_name ${NGINX_HOST};\n  listen ${NGINX_PORT};\n}\n');
    assert.deepEqual(ds[0].block?.[0], { name: 'text/html', args: ['html', 'htm'], loc: { file: 'site.conf', line: 2, col: 3, endLine: 2, endCol: 22 }, block: null, includedFrom: null, rawBlock: null });
    assert.deepEqual(find(ds, 'server_name').args, ['${NGINX_HOST}']);
  });
});

describe('parseNginx: errors', () => {
  const problems = (text: string) => parseNginx('bad.conf', text).problems;
  it('reports an unbalanced closing brace', () => {
    const r = parseNginx('bad.conf', 'server {\n  listen 80;\n}\n}\nworker_processes 1;\n');
    assert.deepEqual(r.problems, [{ line: 4, col: 1, message: 'unexpected "}"' }]);
    assert.deepEqual(r.directives.map((d) => d.name), ['server', 'worker_processes']);
  });
  it('reports a block left open at end of file', () => {
    assert.deepEqual(problems('http {\n  server {\n    listen 80;\n  }\n'), [
      { line: 4, col: 4, message: 'unexpected end of file, expecting "}" (block "http" opened at line 1)' },
    ]);
  });
  it('reports a missing semicolon where it is missing', () => {
    assert.deepEqual(problems('user nginx;\nworker_processes 4'), [{ line: 2, col: 19, message: 'directive "worker_processes" is not terminated by ";"' }]);
    const r = parseNginx('bad.conf', 'server {\n  listen 80\n}\nevents {}\n');
    assert.deepEqual(r.problems, [{ line: 2, col: 12, message: 'directive "listen" is not terminated by ";"' }]);
    assert.deepEqual(r.directives.map((d) => d.name), ['server', 'events']);
  });
  it('reports an unterminated quote where it opens', () => {
    assert.deepEqual(problems('server {\n  return 200 "oops;\n}\n'), [{ line: 2, col: 14, message: 'unterminated double-quoted string' }]);
  });
  it('reports text glued to a closing quote and stray separators', () => {
    assert.deepEqual(problems('add_header X "a"b;\n'), [{ line: 1, col: 17, message: 'unexpected "b" after quoted string' }]);
    assert.deepEqual(problems(';\n'), [{ line: 1, col: 1, message: 'unexpected ";"' }]);
  });
  it('recognises template languages that are not nginx syntax', () => {
    assert.equal(templateSyntax('server_name {{ domain }};'), 'Jinja/Go template');
    assert.equal(templateSyntax('{% if ssl %}listen 443 ssl;{% endif %}'), 'Jinja/Go template');
    assert.equal(templateSyntax('server_name ${NGINX_HOST};'), null);
  });
});
