import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { ShellCommand, ShellScript } from '../facts/scripts.js';
import { parseShell } from './shell.js';

const example = (name: string) => readFileSync(new URL(`../../examples/onespirit/${name}`, import.meta.url), 'utf8');

function parse(text: string, path = 'deploy.sh'): ShellScript {
  const { script, problem } = parseShell(path, text);
  assert.equal(problem, null, `unexpected problem ${JSON.stringify(problem)}`);
  return script;
}

function find(script: ShellScript, pred: (c: ShellCommand) => boolean): ShellCommand {
  const c = script.commands.find(pred);
  assert.ok(c, `command not found among: ${script.commands.map((x) => x.text).join(' | ')}`);
  return c;
}

const named = (name: string) => (c: ShellCommand) => c.effectiveName === name;

describe('parseShell on examples/onespirit', () => {
  it('setup-prod.sh: pg_dump inside docker compose exec at line 161, redirected to the backup file', () => {
    const s = parse(example('setup-prod.sh'), 'setup-prod.sh');
    assert.deepEqual(s.errexit?.loc, { file: 'setup-prod.sh', line: 10, col: 1, endLine: 10, endCol: 7 });
    assert.equal(s.pipefail, null);
    assert.equal(s.interpreter, 'bash');
    const dump = find(s, named('pg_dump'));
    assert.equal(dump.name, 'docker');
    assert.deepEqual(dump.loc, { file: 'setup-prod.sh', line: 161, col: 5, endLine: 163, endCol: 36 });
    assert.ok(dump.text.startsWith('docker compose -f $COMPOSE_FILE exec -T postgres pg_dump \\\n'));
    assert.ok(dump.text.endsWith('"$DB_NAME" > "$BACKUP_FILE"'));
    assert.deepEqual(dump.effectiveArgs, ['-U', '$DB_USER', '$DB_NAME']);
    assert.equal(dump.container, 'postgres');
    assert.deepEqual(
      dump.wrappers.map((w) => [w.kind, w.target, w.text]),
      [['compose-exec', 'postgres', 'docker compose -f $COMPOSE_FILE exec -T postgres']],
    );
    assert.deepEqual(dump.redirects, ['> "$BACKUP_FILE"']);
    assert.equal(dump.redirections[0].op, '>');
    assert.equal(dump.redirections[0].target?.value, '$BACKUP_FILE');
    assert.equal(dump.redirections[0].loc.line, 163);
    assert.equal(dump.inFunction, 'backup_db');
    assert.equal(dump.pipeline, null);
    assert.equal(dump.failureIgnored, false);
    assert.equal(dump.env.length, 0);
  });

  it('setup-prod.sh: the restore pipeline at line 216', () => {
    const s = parse(example('setup-prod.sh'), 'setup-prod.sh');
    const gunzip = find(s, (c) => c.name === 'gunzip' && c.loc.line === 216);
    const psql = find(s, named('psql'));
    assert.deepEqual(gunzip.pipeline, { index: 0, length: 2, loc: { file: 'setup-prod.sh', line: 216, col: 5, endLine: 217, endCol: 38 } });
    assert.equal(psql.pipeline?.index, 1);
    assert.equal(psql.loc.line, 216);
    assert.equal(psql.container, 'postgres');
    const test = find(s, (c) => c.name === 'gunzip' && c.loc.line === 191);
    assert.equal(test.inCondition, true);
    assert.deepEqual(test.redirects, ['2>/dev/null']);
  });

  it('setup-prod.sh: functions and `|| echo` fallbacks', () => {
    const s = parse(example('setup-prod.sh'), 'setup-prod.sh');
    assert.ok(s.functions.some((f) => f.value === 'backup_db' && f.loc.line === 141));
    const ls = find(s, (c) => c.name === 'ls' && c.loc.line === 181);
    assert.equal(ls.orElse, 'echo "  (none)"');
    assert.equal(ls.failureIgnored, false);
    const seq = find(s, (c) => c.name === 'seq');
    assert.equal(seq.inSubstitution, true);
  });

  it('manage-secrets.sh: secret written with echo at 69, chmod at 70', () => {
    const s = parse(example('manage-secrets.sh'), 'manage-secrets.sh');
    const echo = find(s, (c) => c.loc.line === 69);
    assert.equal(echo.name, 'echo');
    assert.deepEqual(echo.args, ['-n', '$secret_value']);
    assert.equal(echo.text, 'echo -n "$secret_value" > "$file_path"');
    assert.deepEqual(echo.loc, { file: 'manage-secrets.sh', line: 69, col: 5, endLine: 69, endCol: 43 });
    assert.equal(echo.redirections[0].target?.value, '$file_path');
    assert.equal(echo.argWords[1].static, false);
    const chmod = find(s, (c) => c.loc.line === 70);
    assert.deepEqual([chmod.name, ...chmod.args], ['chmod', '600', '$file_path']);
    assert.equal(chmod.inFunction, 'create_secret_file');
    const local = s.assignments.find((a) => a.name === 'file_path');
    assert.equal(local?.keyword, 'local');
    assert.equal(local?.value?.value, '${SECRETS_DIR}/${secret_name}.txt');
    assert.equal(local?.loc.line, 67);
  });

  it('manage-secrets.sh: `validate_secrets || true` swallows the failure', () => {
    const s = parse(example('manage-secrets.sh'), 'manage-secrets.sh');
    const v = find(s, (c) => c.name === 'validate_secrets' && c.failureIgnored);
    assert.equal(v.inCondition, true);
  });
});

describe('parseShell failure handling', () => {
  const script = [
    'a || true',
    'b || :',
    'c || exit 0',
    'd && true',
    'e && f || true',
    'g || echo "failed" && exit 1',
    'h || exit 1',
    'i; true',
    'j | k || /bin/true',
  ].join('\n');
  const s = parse(script);
  const cmd = (n: string) => find(s, (c) => c.name === n);
  it('recognises no-op fallbacks', () => {
    for (const n of ['a', 'b', 'c', 'e', 'f', 'j', 'k']) assert.equal(cmd(n).failureIgnored, true, n);
  });
  it('does not treat `&& true`, `; true` or real handlers as ignoring', () => {
    for (const n of ['d', 'g', 'h', 'i']) assert.equal(cmd(n).failureIgnored, false, n);
    assert.equal(cmd('g').orElse, 'echo "failed" && exit 1');
    assert.equal(cmd('h').orElse, 'exit 1');
  });
  it('marks tested commands', () => {
    assert.equal(cmd('d').inCondition, true);
    assert.equal(cmd('i').inCondition, false);
    const t = parse('if grep -q x f; then y; fi\nwhile ! ping -c1 db; do sleep 1; done\n');
    assert.equal(find(t, (c) => c.name === 'grep').inCondition, true);
    assert.equal(find(t, (c) => c.name === 'y').inCondition, false);
    assert.equal(find(t, (c) => c.name === 'ping').inCondition, true);
    assert.equal(find(t, (c) => c.name === 'sleep').inCondition, false);
  });
});

describe('parseShell options', () => {
  it('reads set -euo pipefail at top level', () => {
    const s = parse('#!/bin/sh\nset -euo pipefail\necho hi\n');
    assert.equal(s.errexit?.loc.line, 2);
    assert.equal(s.pipefail?.value, 'set -euo pipefail');
    assert.equal(s.nounset?.loc.line, 2);
    assert.equal(s.interpreter, 'sh');
  });
  it('reads set -o errexit and the shebang', () => {
    assert.equal(parse('#!/bin/bash\nset -o errexit\n').errexit?.loc.line, 2);
    const sb = parse('#!/usr/bin/env -S bash -e\necho x\n');
    assert.equal(sb.errexit?.value, '#!/usr/bin/env -S bash -e');
    assert.equal(sb.interpreter, 'bash');
    assert.equal(parse('#!/bin/bash -e\n').errexit?.loc.line, 1);
  });
  it('does not count set -e in a function or subshell as top level', () => {
    const s = parse('f() {\n  set -e\n}\n( set -o pipefail; x )\nset +e\n');
    assert.equal(s.errexit, null);
    assert.equal(s.pipefail, null);
    assert.deepEqual(
      s.options.map((o) => [o.name, o.enabled, o.at.loc.line, o.topLevel, o.inFunction]),
      [
        ['errexit', true, 2, false, 'f'],
        ['pipefail', true, 4, false, null],
        ['errexit', false, 5, true, null],
      ],
    );
  });
});

describe('parseShell wrappers', () => {
  const s = parse(
    [
      'COMPOSE="docker compose -f docker-compose.prod.yml"',
      'sudo -u postgres pg_dumpall > /backups/all.sql',
      'PGPASSWORD="$DB_PASSWORD" pg_dump -h db app',
      'nohup env FOO=1 nice -n 10 python manage.py clearsessions &',
      'docker exec -e PGPASSWORD=x -it pg_container pg_dump app | gzip -9 > app.sql.gz',
      'docker-compose -f prod.yml run --rm web python manage.py migrate --noinput',
      'kubectl exec -n prod deploy/db -c pg -- pg_dump app',
      '$COMPOSE exec -T db sh -c \'pg_dump -U "$POSTGRES_USER" app > /backups/x.sql\'',
      'su - postgres -c "pg_dumpall --clean > \\"/tmp/all.sql\\""',
      'uv run --frozen python manage.py check --deploy',
      'command -v pg_dump',
    ].join('\n'),
  );
  it('sudo and env prefixes', () => {
    const all = find(s, named('pg_dumpall'));
    assert.deepEqual(all.wrappers.map((w) => [w.kind, w.user]), [['sudo', 'postgres']]);
    const dump = find(s, (c) => c.name === 'pg_dump');
    assert.deepEqual(dump.env.map((e) => [e.name, e.value?.value, e.commandScoped]), [['PGPASSWORD', '$DB_PASSWORD', true]]);
    const py = find(s, (c) => c.name === 'nohup');
    assert.equal(py.effectiveName, 'python');
    assert.deepEqual(py.effectiveArgs, ['manage.py', 'clearsessions']);
    assert.deepEqual(py.wrappers.map((w) => w.kind), ['nohup', 'env', 'nice']);
    assert.equal(py.background, true);
  });
  it('docker exec, compose run and kubectl exec', () => {
    const d = find(s, (c) => c.name === 'docker' && c.effectiveName === 'pg_dump');
    assert.equal(d.container, 'pg_container');
    assert.deepEqual(d.env.map((e) => e.name), ['PGPASSWORD']);
    assert.deepEqual(d.pipeline && [d.pipeline.index, d.pipeline.length], [0, 2]);
    const m = find(s, (c) => c.name === 'docker-compose');
    assert.equal(m.effectiveName, 'python');
    assert.deepEqual(m.effectiveArgs, ['manage.py', 'migrate', '--noinput']);
    assert.equal(m.wrappers[0].kind, 'compose-run');
    assert.equal(m.container, 'web');
    const k = find(s, (c) => c.name === 'kubectl');
    assert.equal(k.effectiveName, 'pg_dump');
    assert.equal(k.container, 'deploy/db/pg');
  });
  it('resolves a command held in a variable and parses sh -c strings with exact positions', () => {
    const outer = find(s, (c) => c.name === '$COMPOSE');
    assert.equal(outer.effectiveName, 'sh');
    assert.equal(outer.container, 'db');
    const inner = find(s, (c) => c.shellString !== null && c.loc.line === 8);
    assert.equal(inner.name, 'pg_dump');
    assert.deepEqual(inner.loc, { file: 'deploy.sh', line: 8, col: 28, endLine: 8, endCol: 76 });
    assert.equal(inner.text, 'pg_dump -U "$POSTGRES_USER" app > /backups/x.sql');
    assert.equal(inner.container, 'db');
    assert.deepEqual(inner.wrappers.map((w) => w.kind), ['compose-exec', 'shell-c']);
    assert.equal(inner.redirections[0].target?.value, '/backups/x.sql');
  });
  it('points commands of an escaped -c string at the string', () => {
    const inner = find(s, (c) => c.name === 'pg_dumpall' && c.shellString !== null);
    assert.equal(inner.loc.line, 9);
    assert.equal(inner.loc.col, 18);
    assert.deepEqual(inner.wrappers.map((w) => [w.kind, w.user, w.text]), [['su', 'postgres', 'su - postgres -c']]);
    assert.equal(inner.redirections[0].target?.value, '/tmp/all.sql');
  });
  it('python runners; command -v is a lookup', () => {
    assert.deepEqual(find(s, (c) => c.name === 'uv').effectiveArgs, ['manage.py', 'check', '--deploy']);
    assert.equal(find(s, (c) => c.name === 'command').effectiveName, 'command');
  });
});

describe('parseShell structure', () => {
  it('assigns trailing redirections to the last command, compound redirections to all', () => {
    const s = parse('a 2>/dev/null || b 2>/dev/null\nc | d > out.txt\n{ e; f; } > log 2>&1\n');
    assert.deepEqual(find(s, (c) => c.name === 'a').redirects, ['2>/dev/null']);
    assert.deepEqual(find(s, (c) => c.name === 'b').redirects, ['2>/dev/null']);
    assert.deepEqual(find(s, (c) => c.name === 'c').redirections, []);
    assert.deepEqual(find(s, (c) => c.name === 'd').redirects, ['> out.txt']);
    const f = find(s, (c) => c.name === 'f');
    assert.deepEqual(f.redirects, []);
    assert.deepEqual(f.redirections.map((r) => [r.fd, r.op, r.target?.value, r.inherited]), [
      [null, '>', 'log', true],
      [2, '>&', '1', true],
    ]);
  });

  it('records heredocs and the pipeline tree-sitter hides inside them', () => {
    const s = parse("cat > /etc/cron.d/backup <<'EOF'\n0 2 * * * root /opt/backup.sh\nEOF\ncat <<SQL | docker compose exec -T db psql -U app\nselect $(date);\nSQL\n");
    const h = s.heredocs[0];
    assert.equal(h.delimiter, 'EOF');
    assert.equal(h.quoted, true);
    assert.equal(h.body.value, '0 2 * * * root /opt/backup.sh\n');
    assert.equal(h.body.loc.line, 2);
    assert.equal(h.command.line, 1);
    const cat = find(s, (c) => c.name === 'cat');
    assert.equal(cat.text, "cat > /etc/cron.d/backup <<'EOF'");
    assert.deepEqual(cat.redirections.map((r) => [r.op, r.target?.value]), [['>', '/etc/cron.d/backup'], ['<<', 'EOF']]);
    const psql = find(s, named('psql'));
    assert.deepEqual(psql.pipeline && [psql.pipeline.index, psql.pipeline.length], [1, 2]);
    assert.equal(s.heredocs[1].quoted, false);
    assert.equal(find(s, (c) => c.name === 'date').inSubstitution, true);
  });

  it('unquotes words and keeps expansions as written', () => {
    const s = parse(`echo 'a b' "x\\"y" $'t\\tu' pre"$V"post \${X:-d} x\\ y ~/z "$(id -u)"\n`);
    const e = find(s, (c) => c.name === 'echo');
    assert.deepEqual(e.args, ['a b', 'x"y', 't\tu', 'pre$Vpost', '${X:-d}', 'x y', '~/z', '$(id -u)']);
    assert.deepEqual(e.argWords.map((w) => w.static), [true, true, true, false, false, true, true, false]);
    assert.equal(e.argWords[3].raw, 'pre"$V"post');
  });

  it('records assignments with their keyword and scope', () => {
    const s = parse('export PGPASSWORD="s3cret"\nreadonly A=1\nf() { local x=2 y; }\nB=$(pg_dump db)\ndeclare -x C=3\n');
    assert.deepEqual(
      s.assignments.map((a) => [a.name, a.value?.value ?? null, a.keyword, a.exported, a.inFunction, a.loc.line, a.loc.col]),
      [
        ['PGPASSWORD', 's3cret', 'export', true, null, 1, 8],
        ['A', '1', 'readonly', false, null, 2, 10],
        ['x', '2', 'local', false, 'f', 3, 13],
        ['y', null, 'local', false, 'f', 3, 17],
        ['B', '$(pg_dump db)', null, false, null, 4, 1],
        ['C', '3', 'declare', true, null, 5, 12],
      ],
    );
    assert.equal(find(s, named('pg_dump')).inSubstitution, true);
  });

  it('counts columns in UTF-16 units, like JavaScript strings, after non-ASCII text', () => {
    const line = 'echo "✓ ok 😀" > f; chmod 600 f';
    const s = parse(`${line}\n`);
    assert.equal(find(s, (c) => c.name === 'chmod').loc.col, line.indexOf('chmod') + 1);
  });

  it('reads CRLF scripts without \\r in words', () => {
    const { script, problem } = parseShell('win.sh', '#!/bin/bash\r\nset -e\r\npg_dump app > out.sql\r\n');
    assert.equal(problem, null);
    assert.equal(script.crlf, true);
    assert.deepEqual(find(script, named('pg_dump')).redirections[0].target?.value, 'out.sql');
    assert.equal(script.errexit?.loc.line, 2);
  });

  it('parses valid but unusual bash without problems', () => {
    parse(
      [
        'x=$(( 2 * (3 + 4) ))',
        '[[ $a =~ ^[0-9]+$ ]] && echo ok',
        'echo "${var//\\//_}" ${#arr[@]} ${x:0:3}',
        'for ((i=0;i<3;i++)); do :; done',
        'case "$1" in start|"") run ;; *) other ;; esac',
        'declare -A m=([a]=1 [b]=2)',
        "trap 'rm -f \"$tmp\"' EXIT",
        'exec 3>&1 >log 2>&1',
        'readarray -t lines < <(ls)',
        'if ! output=$(cmd 2>&1); then echo "$output"; fi',
        'printf "%s\\n" "$(cat <<EOF\ninner\nEOF\n)"',
      ].join('\n') + '\n',
    );
  });
});

describe('parseShell syntax errors', () => {
  const problem = (text: string) => parseShell('bad.sh', text).problem;
  it('reports an unterminated quote where it starts', () => {
    assert.deepEqual(problem('echo ok\necho "unterminated\nls\n'), { line: 2, col: 6, message: 'syntax error near "\\""' });
  });
  it('reports a missing fi', () => {
    assert.equal(problem('if [ -f x ]; then\n  echo a\n')?.message, 'missing "fi"');
  });
  it('keeps what parsed before the error', () => {
    const r = parseShell('bad.sh', 'pg_dump app > a.sql\nif then fi fi\n');
    assert.ok(r.problem);
    assert.ok(r.script.commands.some((c) => c.name === 'pg_dump'));
  });
});

describe('parseShell nested strings', () => {
  it('parses eval strings and keeps assignments made inside sh -c', () => {
    const s = parse(`eval "pg_dump app > /b/app.sql"\ndocker compose exec -T db sh -c 'export PGPASSWORD="$POSTGRES_PASSWORD"; pg_dump -U app app' > /b/x.sql\n`);
    const inner = find(s, (c) => c.name === 'pg_dump' && c.loc.line === 1);
    assert.equal(inner.loc.col, 7);
    assert.deepEqual(inner.wrappers.map((w) => w.kind), ['shell-c']);
    const dump = find(s, (c) => c.name === 'pg_dump' && c.loc.line === 2);
    assert.equal(dump.container, 'db');
    assert.deepEqual(dump.redirections.map((r) => [r.target?.value, r.inherited]), [['/b/x.sql', true]]);
    const pw = s.assignments.find((a) => a.name === 'PGPASSWORD');
    assert.equal(pw?.exported, true);
    assert.equal(pw?.loc.col, 41);
  });
});
