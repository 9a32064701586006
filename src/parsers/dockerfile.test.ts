import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandVariables, parseDockerfile } from './dockerfile.js';
import type { DockerInstruction } from '../facts/dockerfile.js';

function words(i: DockerInstruction): string[][] {
  return i.commands.map((c) => c.words.map((w) => w.value));
}

const MULTI = `# syntax=docker/dockerfile:1
ARG PYTHON_VERSION=3.12
ARG BASE=python:\${PYTHON_VERSION}-slim
FROM \${BASE} AS base
ENV APP_HOME=/app \\
    PYTHONUNBUFFERED=1
USER app

FROM base AS builder
ARG PYTHON_VERSION
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM base
ENV LEGACY_FORM some value here
RUN apt-get update && \\
    # comment lines inside a continuation are dropped
    apt-get install -y --no-install-recommends curl \\
    && rm -rf /var/lib/apt/lists/*
HEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/ || exit 1
CMD ["gunicorn", "--workers", "4", "app.wsgi"]
`;

describe('parseDockerfile', () => {
  it('builds stages with names, parents and global ARG substitution in FROM', () => {
    const { facts, problems } = parseDockerfile('Dockerfile', MULTI);
    assert.deepEqual(problems, []);
    assert.equal(facts.stages.length, 3);
    const [base, builder, final] = facts.stages;
    assert.equal(base.name?.value, 'base');
    assert.equal(base.from.value, 'python:3.12-slim');
    assert.equal(base.from.loc.line, 4);
    assert.deepEqual(base.fromUnresolved, []);
    assert.equal(builder.fromStage, true);
    assert.equal(builder.parent, 0);
    assert.equal(final.name, null);
    assert.equal(final.parent, 0);
    assert.equal(facts.args.PYTHON_VERSION.value, '3.12');
    assert.equal(facts.args.PYTHON_VERSION.loc.line, 2);
    // `ARG NAME` in a stage brings in the global default.
    assert.equal(builder.args.PYTHON_VERSION.value, '3.12');
    assert.equal(facts.lineCount, 20);
  });

  it('inherits ENV, USER from the parent stage', () => {
    const { facts } = parseDockerfile('Dockerfile', MULTI);
    const final = facts.stages[2];
    assert.equal(final.user?.value, 'app');
    assert.equal(final.user?.loc.line, 7);
    assert.equal(final.env.PYTHONUNBUFFERED.value, '1');
    assert.equal(final.env.PYTHONUNBUFFERED.at.loc.line, 6);
    assert.equal(final.env.APP_HOME.at.loc.line, 5);
  });

  it('reads ENV key=value and the legacy `ENV key value` form', () => {
    const { facts } = parseDockerfile('Dockerfile', MULTI);
    const env = facts.stages[2].instructions.find((i) => i.keyword === 'ENV');
    assert.equal(env?.vars[0].key.value, 'LEGACY_FORM');
    assert.equal(env?.vars[0].value?.value, 'some value here');
    assert.equal(facts.stages[2].env.LEGACY_FORM.value, 'some value here');
  });

  it('joins continuation lines, drops comment lines, and keeps each word on its physical line', () => {
    const { facts } = parseDockerfile('Dockerfile', MULTI);
    const run = facts.stages[2].instructions.find((i) => i.keyword === 'RUN');
    assert.ok(run);
    assert.equal(run.loc.line, 15);
    assert.equal(run.loc.endLine, 18);
    assert.equal(run.args, 'apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*');
    assert.deepEqual(words(run), [['apt-get', 'update'], ['apt-get', 'install', '-y', '--no-install-recommends', 'curl'], ['rm', '-rf', '/var/lib/apt/lists/*']]);
    assert.deepEqual(run.commands.map((c) => [c.prev, c.next]), [[null, '&&'], ['&&', '&&'], ['&&', null]]);
    assert.equal(run.commands[1].words[0].loc.line, 17);
    assert.equal(run.commands[1].words[0].loc.col, 5);
    assert.equal(run.commands[2].words[0].loc.line, 18);
  });

  it('tells exec form from shell form for CMD and HEALTHCHECK', () => {
    const { facts } = parseDockerfile('Dockerfile', MULTI);
    const final = facts.stages[2];
    assert.deepEqual(final.cmd?.execForm, ['gunicorn', '--workers', '4', 'app.wsgi']);
    assert.equal(final.cmd?.commands[0].words[2].loc.line, 20);
    const hc = final.healthcheck;
    assert.ok(hc);
    assert.equal(hc.execForm, null);
    assert.deepEqual(hc.flags, [{ name: 'interval', value: '30s' }]);
    assert.deepEqual(words(hc), [['curl', '-f', 'http://localhost:8000/'], ['exit', '1']]);
    assert.equal(hc.commands[1].prev, '||');
  });

  it('splits `sh -c` scripts of exec forms into their commands', () => {
    const { facts } = parseDockerfile('Dockerfile', 'FROM python:3.12\nCMD ["sh", "-c", "python manage.py migrate && exec gunicorn -w ${W:-4} app.wsgi"]\n');
    const cmd = facts.stages[0].cmd;
    assert.ok(cmd);
    assert.deepEqual(words(cmd), [['python', 'manage.py', 'migrate'], ['exec', 'gunicorn', '-w', '${W:-4}', 'app.wsgi']]);
    assert.equal(cmd.commands[1].words[1].loc.line, 2);
  });

  it('substitutes ARG and ENV values, keeping unknown variables as written', () => {
    const text = 'FROM python:3.12\nARG APP_HOME=/srv/app\nENV HOME_DIR=${APP_HOME} PATH="/venv/bin:$PATH"\nWORKDIR $HOME_DIR\nRUN echo \'$HOME_DIR\' "${HOME_DIR}" ${MISSING:-x}\nUSER ${APP_USER:-app}\n';
    const { facts } = parseDockerfile('Dockerfile', text);
    const s = facts.stages[0];
    assert.equal(s.env.HOME_DIR.value, '/srv/app');
    assert.equal(s.env.PATH.value, '/venv/bin:$PATH');
    assert.equal(s.instructions[3].expanded, '/srv/app');
    assert.equal(s.instructions[4].expanded, 'echo \'$HOME_DIR\' "/srv/app" ${MISSING:-x}');
    assert.equal(s.user?.value, '${APP_USER:-app}');
  });

  it('reports FROM variables it cannot resolve', () => {
    const { facts } = parseDockerfile('Dockerfile', 'ARG TAG\nARG REGISTRY\nFROM ${REGISTRY:-docker.io}/python:${TAG}\n');
    assert.equal(facts.stages[0].from.value, 'docker.io/python:${TAG}');
    assert.deepEqual(facts.stages[0].fromUnresolved, ['TAG']);
  });

  it('resets an inherited CMD when the stage sets its own ENTRYPOINT', () => {
    const { facts } = parseDockerfile('Dockerfile', 'FROM python:3.12 AS a\nCMD ["python"]\nFROM a\nENTRYPOINT ["/entrypoint.sh"]\n');
    assert.equal(facts.stages[1].cmd, null);
    assert.deepEqual(facts.stages[1].entrypoint?.execForm, ['/entrypoint.sh']);
  });

  it('understands HEALTHCHECK NONE and here-documents', () => {
    const text = 'FROM debian:12\nHEALTHCHECK NONE\nRUN <<EOT\nset -e\napt-get install -y curl || true\nEOT\nRUN cat <<EOF > /etc/app.conf\n[main]\nx || true\nEOF\n';
    const { facts, problems } = parseDockerfile('Dockerfile', text);
    assert.deepEqual(problems, []);
    const s = facts.stages[0];
    assert.equal(s.healthcheck?.args, 'NONE');
    assert.equal(s.healthcheck?.commands.length, 0);
    const [script, data] = s.instructions.filter((i) => i.keyword === 'RUN');
    assert.equal(script.heredoc, true);
    assert.deepEqual(words(script), [['set', '-e'], ['apt-get', 'install', '-y', 'curl'], ['true']]);
    assert.equal(script.commands[2].words[0].loc.line, 5);
    // A here-document fed to a command is data, not commands.
    assert.deepEqual(words(data), [['cat']]);
  });

  it('honours the escape directive', () => {
    const text = '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo one `\n    two\n';
    const { facts } = parseDockerfile('Dockerfile', text);
    assert.equal(facts.escapeChar, '`');
    assert.equal(facts.stages[0].instructions[1].args, 'echo one two');
  });

  it('keeps line numbers with CRLF line endings and a byte-order mark', () => {
    const text = '\uFEFFFROM python:3.12\r\nRUN pip install \\\r\n    gunicorn\r\nUSER app\r\n';
    const { facts, problems } = parseDockerfile('Dockerfile', text);
    assert.deepEqual(problems, []);
    assert.equal(facts.stages[0].from.value, 'python:3.12');
    assert.equal(facts.stages[0].instructions[1].commands[0].words[2].loc.line, 3);
    assert.equal(facts.stages[0].user?.loc.line, 4);
  });

  it('records inline assignments and redirections of shell commands', () => {
    const { facts } = parseDockerfile('Dockerfile', 'FROM python:3.12\nRUN SECRET_KEY=build DJANGO_SETTINGS_MODULE=app.settings python manage.py collectstatic > /tmp/out.log 2>&1\n');
    const c = facts.stages[0].instructions[1].commands[0];
    assert.deepEqual(c.assignments.map((a) => a.value), ['SECRET_KEY=build', 'DJANGO_SETTINGS_MODULE=app.settings']);
    assert.deepEqual(c.words.map((w) => w.value), ['python', 'manage.py', 'collectstatic']);
    assert.deepEqual(c.redirects.map((r) => [r.op, r.target.value]), [['>', '/tmp/out.log'], ['2>&', '1']]);
  });
});

describe('parseDockerfile problems', () => {
  it('reports an unterminated exec form at its bracket and goes on', () => {
    const { facts, problems } = parseDockerfile('Dockerfile', 'FROM python:3.12\nWORKDIR /app\nCMD ["gunicorn", "--workers", "4"\nUSER app\n');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, 3);
    assert.equal(problems[0].col, 5);
    assert.match(problems[0].message, /not a valid JSON array/);
    assert.equal(facts.stages[0].user?.value, 'app');
  });

  it('does not mistake a shell test for an exec form', () => {
    const { problems } = parseDockerfile('Dockerfile', 'FROM python:3.12\nRUN [ "$ENV" = "prod" ] && echo prod\n');
    assert.deepEqual(problems, []);
  });

  it('reports an unknown instruction at its keyword', () => {
    const { facts, problems } = parseDockerfile('Dockerfile', 'FROM python:3.12\nRUN apt-get update &&\n  apt-get install -y curl\nUSER app\n');
    assert.deepEqual(problems.map((p) => [p.line, p.col]), [[3, 3]]);
    assert.match(problems[0].message, /unknown instruction "apt-get"/);
    assert.equal(facts.stages[0].user?.loc.line, 4);
  });

  it('reports a file without FROM, instructions before FROM, bad FROM and duplicate stages', () => {
    assert.deepEqual(
      parseDockerfile('Dockerfile', '# comment\nARG X=1\nRUN echo hi\n').problems.map((p) => [p.line, p.message]),
      [[3, 'RUN before the first FROM (only ARG may come before FROM)']],
    );
    assert.deepEqual(parseDockerfile('Dockerfile', '\nARG X=1\n').problems.map((p) => p.line), [2]);
    assert.deepEqual(parseDockerfile('Dockerfile', 'FROM python:3.12 base\n').problems.map((p) => p.line), [1]);
    assert.deepEqual(parseDockerfile('Dockerfile', 'FROM a AS x\nFROM b AS X\n').problems.map((p) => [p.line, p.col]), [[2, 11]]);
  });

  it('reports ENV without a value and HEALTHCHECK without CMD', () => {
    const { problems } = parseDockerfile('Dockerfile', 'FROM python:3.12\nENV DEBUG\nHEALTHCHECK curl -f http://x/\n');
    assert.deepEqual(problems.map((p) => p.line), [2, 3]);
  });

  it('never throws on garbage', () => {
    for (const text of ['', '\\\n\\\n', 'FROM', '[[[', 'RUN "unterminated', 'FROM x\nRUN $(echo', 'FROM x\nENV A="b\n', 'FROM x\nCMD ["sh", "-c"]\n']) {
      assert.doesNotThrow(() => parseDockerfile('Dockerfile', text));
    }
  });
});

describe('expandVariables', () => {
  const lookup = (n: string) => ({ A: 'a', EMPTY: '', DECLARED: null })[n] as string | null | undefined;
  it('supports the Dockerfile modifiers', () => {
    assert.equal(expandVariables('$A ${A} ${EMPTY:-d} ${EMPTY-d} ${A:+alt} ${EMPTY:+alt}', lookup).text, 'a a d  alt ');
    assert.equal(expandVariables('${DECLARED:-default} ${UNKNOWN:-d}', lookup).text, 'default ${UNKNOWN:-d}');
    assert.equal(expandVariables('${UNKNOWN:-d}', lookup, '\\', { undeclaredIsEmpty: true }).text, 'd');
    assert.equal(expandVariables("'$A' \\$A", lookup).text, "'$A' \\$A");
    assert.equal(expandVariables('"x $A"', lookup, '\\', { stripQuotes: true }).text, 'x a');
    assert.deepEqual(expandVariables('$UNKNOWN ${DECLARED}', lookup).unresolved, ['UNKNOWN', 'DECLARED']);
  });
});
