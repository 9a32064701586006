import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLogrotate } from './logrotate.js';

const CONFIG = [
  '# rotate the app logs daily, two weeks kept',
  'compress',
  '',
  '/srv/app/logs/*.log "/srv/app/logs/gunicorn access.log" {',
  '    daily',
  '    rotate 14',
  '    missingok',
  '    notifempty',
  '    copytruncate',
  '    postrotate',
  '        docker compose -f /srv/app/docker-compose.prod.yml kill -s USR1 web',
  '    endscript',
  '}',
  '/var/log/nginx/*.log',
  '{',
  '    weekly',
  '}',
].join('\n');

describe('parseLogrotate', () => {
  const { config, problems } = parseLogrotate('deploy/logrotate/app', CONFIG);
  it('reads globals and stanzas with positions', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(config.globals.map((d) => [d.name, d.loc.line]), [['compress', 2]]);
    assert.equal(config.stanzas.length, 2);
    const [app, nginx] = config.stanzas;
    assert.deepEqual(app.files.map((f) => [f.value, f.loc.line, f.loc.col]), [
      ['/srv/app/logs/*.log', 4, 1],
      ['/srv/app/logs/gunicorn access.log', 4, 21],
    ]);
    assert.deepEqual(app.loc, { file: 'deploy/logrotate/app', line: 4, col: 1, endLine: 13, endCol: 2 });
    assert.deepEqual(app.directives.map((d) => [d.name, d.args, d.loc.line]), [
      ['daily', [], 5],
      ['rotate', ['14'], 6],
      ['missingok', [], 7],
      ['notifempty', [], 8],
      ['copytruncate', [], 9],
      ['postrotate', [], 10],
    ]);
    assert.match(app.directives[5].script ?? '', /kill -s USR1 web/);
    assert.equal(app.directives[5].loc.endLine, 12);
    assert.deepEqual(nginx.files.map((f) => f.value), ['/var/log/nginx/*.log']);
    assert.deepEqual(nginx.directives.map((d) => d.name), ['weekly']);
  });
  it('reports unclosed blocks and scripts', () => {
    assert.deepEqual(parseLogrotate('x', '/var/log/a.log {\n  daily\n').problems, [{ line: 1, col: 1, message: 'block is not closed with "}"' }]);
    assert.deepEqual(parseLogrotate('x', '/var/log/a.log {\n  postrotate\n    true\n}\n').problems[0], { line: 2, col: 3, message: '"postrotate" without "endscript"' });
    assert.deepEqual(parseLogrotate('x', 'daily\n}\n').problems, [{ line: 2, col: 1, message: 'unexpected "}"' }]);
  });
});
