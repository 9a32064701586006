// The debug-page detector on Django's templates and on pages that merely mention them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectDjangoDebugPage } from './_django-debug.js';
import { technical404, technical500 } from '../../../test/endpoint-lab.js';

describe('detectDjangoDebugPage', () => {
  it('recognises the technical 404 page and quotes its fixed sentences', () => {
    const page = detectDjangoDebugPage(technical404('/missing/', 'https://app.example.com/missing/'));
    assert.equal(page?.kind, 'technical404');
    assert.equal(
      page?.excerpt,
      [
        'Page not found (404)',
        'Using the URLconf defined in config.urls, Django tried these URL patterns, in this order:',
        'The current path, missing/, didn’t match any of these.',
        'You’re seeing this error because you have DEBUG = True in your Django settings file.',
      ].join('\n'),
    );
  });

  it('recognises the technical 500 page without quoting settings or the exception value', () => {
    const page = detectDjangoDebugPage(technical500('/boom/', 'https://app.example.com/boom/'));
    assert.equal(page?.kind, 'technical500');
    assert.match(page?.excerpt ?? '', /Django Version: 4\.2\.7/);
    assert.doesNotMatch(page?.excerpt ?? '', /division by zero|SECRET_KEY/);
  });

  it('recognises the older apostrophe (You\'re, Django < 3.1)', () => {
    const body = "<p>You're seeing this error because you have <code>DEBUG = True</code> in your Django settings file.</p><h2>Traceback</h2>";
    assert.equal(detectDjangoDebugPage(body)?.kind, 'technical500');
  });

  it('ignores production 404 pages and pages that talk about DEBUG', () => {
    assert.equal(detectDjangoDebugPage('<h1>Not Found</h1><p>The requested resource was not found on this server.</p>'), null);
    assert.equal(detectDjangoDebugPage('<p>Never run with DEBUG = True in production; a "Page not found (404)" page then lists your URLs.</p>'), null);
  });
});
