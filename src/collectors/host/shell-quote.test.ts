// shellQuote against a real POSIX shell: every argument must arrive byte for byte, whatever it contains.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { shellJoin, shellQuote } from './shell-quote.js';

const NASTY = [
  'plain',
  '',
  ' ',
  'two words',
  "it's",
  "''",
  '"double"',
  '$HOME',
  '${PATH}',
  '$(id)',
  '`id`',
  'a;rm -rf /',
  'a && b || c',
  'x | tee /tmp/pwned',
  '> /etc/passwd',
  '*',
  '/etc/cron.d/*',
  '~',
  '\\',
  "back\\'slash",
  'new\nline',
  'tab\there',
  '!event',
  '#comment',
  '-n',
  '--',
  '%T@\\t%s\\t%p\\n',
  '{{json .}}',
  'ünïcødé ✓',
];

describe('shellQuote', () => {
  it('passes every argument through /bin/sh unchanged', () => {
    // printf '%s\0' prints each argument followed by NUL; the shell parses our quoted line.
    const line = `printf '%s\\0' ${shellJoin(NASTY)}`;
    const out = execFileSync('/bin/sh', ['-c', line]).toString('utf8');
    assert.deepEqual(out.split('\0').slice(0, -1), NASTY);
  });

  it('leaves safe words unquoted for readable proof', () => {
    assert.equal(shellJoin(['df', '-P', '-k']), 'df -P -k');
    assert.equal(shellQuote('/etc/letsencrypt/live/erp.example.com/cert.pem'), '/etc/letsencrypt/live/erp.example.com/cert.pem');
    assert.equal(shellQuote('*.conf'), "'*.conf'");
    assert.equal(shellQuote("it's"), "'it'\\''s'");
  });

  it('refuses NUL bytes and empty commands', () => {
    assert.throws(() => shellQuote('a\0b'), /NUL/);
    assert.throws(() => shellJoin([]), /empty/);
  });
});
