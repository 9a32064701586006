// Unit tests for the nginx model shared by the rules: listen parsing, inheritance lookup, stock includes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NginxConfig, NginxDirective } from '../../facts/scripts.js';
import { headerName, isHttpsRedirect, lastOf, locationsOf, lookup, parseListen, serversOf } from './_nginx.js';

const loc = (line: number) => ({ file: 'site.conf', line, col: 1, endLine: line, endCol: 2 });
const d = (name: string, args: string[], line: number, block: NginxDirective[] | null = null): NginxDirective => ({ name, args, loc: loc(line), block, includedFrom: null, rawBlock: null });

describe('parseListen', () => {
  it('reads ports, addresses and flags', () => {
    assert.deepEqual(
      [parseListen(d('listen', ['443', 'ssl', 'default_server'], 1)), parseListen(d('listen', ['[::]:80'], 1)), parseListen(d('listen', ['127.0.0.1'], 1)), parseListen(d('listen', ['unix:/run/x.sock'], 1)), parseListen(d('listen', ['${PORT}'], 1))].map((l) => [l.port, l.addr, l.ssl, l.defaultServer]),
      [
        [443, '', true, true],
        [80, '[::]', false, false],
        [80, '127.0.0.1', false, false],
        [null, 'unix:/run/x.sock', false, false],
        [null, '', false, false],
      ],
    );
  });
});

describe('lookup and servers', () => {
  const include = d('include', ['proxy_params'], 7);
  const config: NginxConfig = {
    path: 'site.conf',
    context: 'http',
    files: ['site.conf'],
    unresolvedIncludes: [{ value: 'proxy_params', loc: include.loc }],
    includes: [{ at: { value: 'proxy_params', loc: include.loc }, files: [], resolution: 'no repository file matches proxy_params', stock: true }],
    directives: [
      d('server_tokens', ['off'], 1),
      d('server', [], 2, [
        d('listen', ['443', 'ssl'], 3),
        d('server_name', ['shop.example.org'], 4),
        d('add_header', ['X-Frame-Options', 'DENY'], 5),
        d('location', ['/'], 6, [include, d('proxy_pass', ['http://127.0.0.1:8000'], 8)]),
        d('location', ['^~', '/static/'], 9, [d('add_header', ['Cache-Control', 'public'], 10), d('return', ['301', 'https://example.org$request_uri'], 11)]),
      ]),
    ],
  };
  const [server] = serversOf(config, [config]);

  it('builds the server with its TLS listen and anchor', () => {
    assert.equal(server.tls, true);
    assert.equal(server.target, 'site.conf#shop.example.org:443');
    assert.equal(server.anchor.line, 4);
  });

  it('inherits from the http level, and add_header only when the level has none', () => {
    assert.equal(lastOf(lookup(config, server.level, 'server_tokens'))?.args[0], 'off');
    const [root, statics] = locationsOf(config, server.level);
    assert.deepEqual(lookup(config, root.level, 'add_header').found.map(headerName), ['x-frame-options']);
    assert.deepEqual(lookup(config, statics.level, 'add_header').found.map(headerName), ['cache-control']);
    assert.equal(statics.modifier, '^~');
    assert.equal(isHttpsRedirect(statics.level.list[1]), true);
  });

  it("sees through Debian's proxy_params", () => {
    const [root] = locationsOf(config, server.level);
    assert.deepEqual(lookup(config, root.level, 'proxy_set_header').found.map(headerName), ['host', 'x-real-ip', 'x-forwarded-for', 'x-forwarded-proto']);
  });
});
