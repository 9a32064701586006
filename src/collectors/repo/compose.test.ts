// Tests for the compose collector: grouping, merging, interpolation, syntax variants and problems.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { collectRepository } from '../fact-store.js';
import type { FactStore } from '../../facts/index.js';
import type { ComposeProject, ComposeService } from '../../facts/compose.js';

const temps: string[] = [];

function collect(files: Record<string, string>): FactStore {
  const root = mkdtempSync(join(tmpdir(), 'opsaudit-compose-'));
  temps.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return collectRepository(root);
}

function project(store: FactStore, file: string): ComposeProject {
  const p = store.facts.compose.find((c) => c.file === file);
  assert.ok(p, `no project for ${file}; got ${store.facts.compose.map((c) => c.file).join(', ')}`);
  return p;
}

function service(p: ComposeProject, name: string): ComposeService {
  const s = p.services.find((x) => x.name.value === name);
  assert.ok(s, `no service ${name}`);
  return s;
}

function env(s: ComposeService): Record<string, string | null> {
  return Object.fromEntries(s.environment.map((e) => [e.key.value, e.value?.value ?? null]));
}

after(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

const BASE = `services:
  web:
    image: example/web:1.0
    command: gunicorn app.wsgi
    environment:
      - DEBUG=0
      - SHARED=base
    ports:
      - "8000:8000"
    volumes:
      - static:/app/static
      - ./conf:/etc/app:ro
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost:8000/"]
      interval: 30s
  db:
    image: postgres:16
volumes:
  static:
`;

describe('compose collector: grouping and merging', () => {
  it('merges docker-compose.override.yml onto docker-compose.yml with spec rules and per-file locations', () => {
    const store = collect({
      'docker-compose.yml': BASE,
      'docker-compose.override.yml': `services:
  web:
    command: ["python", "manage.py", "runserver", "0.0.0.0:8000"]
    environment:
      SHARED: override
      EXTRA: "1"
    ports:
      - "127.0.0.1:5678:5678"
    volumes:
      - ./src:/app/static
    healthcheck:
      test: ["CMD-SHELL", "true"]
  worker:
    image: example/web:1.0
`,
      'conf/app.ini': 'x=1\n',
    });
    assert.equal(store.facts.compose.length, 1);
    const p = project(store, 'docker-compose.yml');
    assert.deepEqual(p.files, ['docker-compose.yml', 'docker-compose.override.yml']);
    const web = service(p, 'web');
    assert.equal(web.file, 'docker-compose.yml');
    // command is replaced, not appended
    assert.equal(web.command?.value, 'python manage.py runserver 0.0.0.0:8000');
    assert.equal(web.command?.loc.file, 'docker-compose.override.yml');
    // environment merged by key across list and mapping syntax
    assert.deepEqual(env(web), { DEBUG: '0', SHARED: 'override', EXTRA: '1' });
    const shared = web.environment.find((e) => e.key.value === 'SHARED')!;
    assert.deepEqual([shared.value!.loc.file, shared.value!.loc.line], ['docker-compose.override.yml', 5]);
    const debug = web.environment.find((e) => e.key.value === 'DEBUG')!;
    assert.deepEqual([debug.key.loc.file, debug.key.loc.line], ['docker-compose.yml', 6]);
    // ports: union; volumes: unique by target (the override replaces /app/static)
    assert.deepEqual(web.ports.map((x) => x.raw.value), ['8000:8000', '127.0.0.1:5678:5678']);
    assert.deepEqual(
      web.volumes.map((v) => `${v.source}->${v.target}@${v.raw.loc.file}:${v.raw.loc.line}`),
      ['./src->/app/static@docker-compose.override.yml:10', './conf->/etc/app@docker-compose.yml:12'],
    );
    // healthcheck: mapping merged, test replaced
    assert.equal(web.healthcheck?.test?.value, 'true');
    assert.equal((web.healthcheck?.node.value as Record<string, unknown>).interval, '30s');
    assert.equal(service(p, 'worker').file, 'docker-compose.override.yml');
    assert.equal(p.purpose.kind, 'development');
  });

  it('groups compose.yaml with compose.override.yaml and X.prod.yml with X.prod.override.yml', () => {
    const store = collect({
      'compose.yaml': 'services:\n  a:\n    image: nginx:1.27\n',
      'compose.override.yaml': 'services:\n  a:\n    restart: always\n',
      'deploy/docker-compose.prod.yml': 'services:\n  b:\n    image: redis:7\n',
      'deploy/docker-compose.prod.override.yml': 'services:\n  b:\n    restart: unless-stopped\n',
    });
    assert.deepEqual(
      store.facts.compose.map((p) => p.files),
      [['compose.yaml', 'compose.override.yaml'], ['deploy/docker-compose.prod.yml', 'deploy/docker-compose.prod.override.yml']],
    );
    assert.equal(service(project(store, 'compose.yaml'), 'a').restart?.value, 'always');
    const prod = project(store, 'deploy/docker-compose.prod.yml');
    assert.equal(prod.dir, 'deploy');
    assert.equal(prod.purpose.kind, 'production');
  });

  it('merges an overlay (services without image or build) onto the default file', () => {
    const store = collect({
      'docker-compose.yml': BASE,
      'docker-compose.prod.yml': 'services:\n  web:\n    restart: always\n    command: gunicorn app.wsgi -w 4\n',
    });
    assert.deepEqual(store.facts.compose.map((p) => p.files), [['docker-compose.yml', 'docker-compose.prod.yml'], ['docker-compose.yml']]);
    const overlay = store.facts.compose[0];
    assert.equal(service(overlay, 'web').restart?.value, 'always');
    assert.equal(service(overlay, 'web').image?.value, 'example/web:1.0');
    assert.equal(overlay.purpose.kind, 'production');
    assert.equal(store.facts.compose[1].purpose.kind, 'base');
  });

  it('takes the unnamed file beside a standalone production file as the development one', () => {
    const store = collect({
      'docker-compose.yml': BASE,
      'docker-compose.prod.yml': 'services:\n  web:\n    image: example/web:1.0\n    restart: always\n',
    });
    const dev = store.facts.compose.find((p) => p.file === 'docker-compose.yml')!;
    assert.equal(dev.purpose.kind, 'development');
    assert.match(dev.purpose.reason, /docker-compose\.prod\.yml beside it is the production file/);
  });

  it('takes a project built from a local Dockerfile as a development one', () => {
    const store = collect({ 'docker-compose.yml': 'services:\n  django:\n    build:\n      context: .\n      dockerfile: ./docker/local/django/Dockerfile\n' });
    assert.equal(store.facts.compose[0].purpose.kind, 'development');
  });

  it('does not merge an example overlay (docker-compose.override.example.yml): it is not what runs', () => {
    const store = collect({
      'docker-compose.yml': BASE,
      'docker-compose.override.example.yml': 'services:\n  web:\n    ports: ["8000:8000"]\n  celery_flower:\n    image: mher/flower\n',
    });
    assert.deepEqual(store.facts.compose.map((p) => p.files), [['docker-compose.yml']]);
  });

  it('applies !reset and extends', () => {
    const store = collect({
      'docker-compose.yml': `x-base: &base
  image: example/app:2
  restart: always
services:
  base:
    image: example/app:2
    ports: ["8000:8000"]
    environment: [A=1]
  child:
    extends: base
    ports: !reset []
    environment:
      B: "2"
  merged:
    <<: *base
    command: celery -A app worker
`,
    });
    const p = project(store, 'docker-compose.yml');
    const child = service(p, 'child');
    assert.equal(child.image?.value, 'example/app:2');
    assert.deepEqual(child.ports, []);
    assert.deepEqual(env(child), { A: '1', B: '2' });
    const merged = service(p, 'merged');
    assert.equal(merged.restart?.value, 'always');
    assert.equal(merged.restart?.loc.line, 3);
  });
});

describe('compose collector: interpolation', () => {
  it('interpolates from .env with defaults, escapes and required variables, recording each use', () => {
    const store = collect({
      '.env': 'TAG=1.2\nDB_USER=app\nEMPTY=\n',
      'docker-compose.yml': `services:
  web:
    image: "example/web:\${TAG}"
    command: sh -c 'echo $$HOME && run --user $DB_USER'
    environment:
      USER: \${DB_USER:?set DB_USER}
      DEFAULTED: \${MISSING:-fallback}
      UNSET_DASH: \${EMPTY-dash}
      EMPTY_COLON: \${EMPTY:-colon}
      NESTED: \${MISSING:-\${TAG}}
      LITERAL: plain
      FROM_SHELL:
`,
    });
    const p = project(store, 'docker-compose.yml');
    assert.deepEqual(p.interpolationSources, ['.env']);
    const web = service(p, 'web');
    assert.equal(web.image?.value, 'example/web:1.2');
    assert.equal(web.command?.value, "sh -c 'echo $HOME && run --user app'");
    assert.deepEqual(env(web), {
      USER: 'app',
      DEFAULTED: 'fallback',
      UNSET_DASH: '',
      EMPTY_COLON: 'colon',
      NESTED: '1.2',
      LITERAL: 'plain',
      FROM_SHELL: null,
    });
    const user = web.environment.find((e) => e.key.value === 'USER')!;
    assert.equal(user.raw, '${DB_USER:?set DB_USER}');
    assert.deepEqual(user.interpolated, [{ name: 'DB_USER', defaultValue: null, definedIn: '.env' }]);
    const uses = p.variables.map((v) => `${v.name}@${v.loc.line}:${v.loc.col} default=${v.hasDefault} required=${v.required} ${v.definedIn}`);
    assert.deepEqual(uses, [
      'TAG@3:25 default=false required=false .env',
      'DB_USER@4:47 default=false required=false .env',
      'DB_USER@6:13 default=false required=true .env',
      'MISSING@7:18 default=true required=false null',
      'EMPTY@8:19 default=true required=false .env',
      'EMPTY@9:20 default=true required=false .env',
      'MISSING@10:15 default=true required=false null',
      'TAG@10:26 default=true required=false .env',
    ]);
  });

  it('prefers .env.prod* examples for production files and plain examples otherwise', () => {
    const store = collect({
      '.env.example': 'DOMAIN=dev.example.com\nONLY_GENERIC=1\n',
      '.env.prod.example': 'DOMAIN=prod.example.com\n',
      'docker-compose.prod.yml': 'services:\n  web:\n    image: nginx:1.27\n    environment:\n      - HOST=${DOMAIN}\n      - G=${ONLY_GENERIC}\n',
      'docker-compose.yml': 'services:\n  web:\n    image: nginx:1.27\n    environment:\n      - HOST=${DOMAIN}\n',
    });
    const prod = project(store, 'docker-compose.prod.yml');
    assert.deepEqual(prod.interpolationSources, ['.env.prod.example', '.env.example']);
    assert.deepEqual(env(service(prod, 'web')), { HOST: 'prod.example.com', G: '1' });
    const dflt = project(store, 'docker-compose.yml');
    assert.deepEqual(dflt.interpolationSources, ['.env.example', '.env.prod.example']);
    assert.deepEqual(env(service(dflt, 'web')), { HOST: 'dev.example.com' });
  });

  it('records variables that nothing defines', () => {
    const store = collect({ 'docker-compose.yml': 'services:\n  web:\n    image: app:${NOPE}\n' });
    const p = project(store, 'docker-compose.yml');
    assert.deepEqual(p.variables.map((v) => [v.name, v.definedIn, v.loc.line]), [['NOPE', null, 3]]);
    assert.equal(service(p, 'web').image?.value, 'app:');
  });
});

describe('compose collector: syntax variants', () => {
  const store = collect({
    'docker-compose.yml': `x-logging: &default-logging
  driver: json-file
  options:
    max-size: "10m"
    max-file: "3"
services:
  db:
    image: postgres:16
    ports:
      - "127.0.0.1:5432:5432"
      - "[::1]:5433:5432/tcp"
      - 6379
      - target: 80
        published: "8080"
        host_ip: 0.0.0.0
        protocol: tcp
    volumes:
      - pgdata:/var/lib/postgresql/data
      - ./init:/docker-entrypoint-initdb.d:ro
      - /var/run/docker.sock:/var/run/docker.sock:ro,z
      - /just/a/target
      - type: tmpfs
        target: /tmp
      - type: bind
        source: ./missing
        target: /x
        read_only: true
    healthcheck:
      test: pg_isready -U app
    logging: *default-logging
    deploy:
      resources:
        limits:
          memory: 512M
          cpus: "0.5"
      restart_policy:
        condition: on-failure
  web:
    build:
      context: ./backend
      dockerfile: docker/Dockerfile.prod
      target: runtime
    env_file:
      - .env
      - path: ./optional.env
        required: false
    depends_on:
      db:
        condition: service_healthy
      cache:
        condition: service_started
    healthcheck:
      disable: true
    mem_limit: 1g
    cpus: 2
    logging:
      <<: *default-logging
      options:
        max-size: 50m
    privileged: true
    network_mode: host
    cap_add: [SYS_ADMIN]
    container_name: my_web
    secrets: [db_password]
    profiles: [debug]
  cache:
    image: redis:7
    depends_on: [db]
    env_file: .env.cache
    build: ./cache
    healthcheck:
      test: ["NONE"]
volumes:
  pgdata:
secrets:
  db_password:
    file: ./secrets/db_password.txt
`,
    'init/01.sql': 'select 1;\n',
    'backend/docker/Dockerfile.prod': 'FROM python:3.12\n',
    '.gitignore': 'secrets/\n',
  });
  const p = project(store, 'docker-compose.yml');
  const db = service(p, 'db');
  const web = service(p, 'web');
  const cache = service(p, 'cache');

  it('parses short and long port syntax', () => {
    assert.deepEqual(
      db.ports.map((x) => [x.hostIp, x.published, x.target, x.protocol, x.raw.loc.line]),
      [
        ['127.0.0.1', '5432', '5432', null, 10],
        ['::1', '5433', '5432', 'tcp', 11],
        [null, null, '6379', null, 12],
        ['0.0.0.0', '8080', '80', 'tcp', 13],
      ],
    );
  });

  it('parses short and long volume syntax (bind, named, anonymous, tmpfs) and checks bind sources', () => {
    assert.deepEqual(
      db.volumes.map((v) => [v.type, v.source, v.target, v.readOnly, v.sourcePath, v.exists, v.raw.loc.line]),
      [
        ['volume', 'pgdata', '/var/lib/postgresql/data', false, null, null, 18],
        ['bind', './init', '/docker-entrypoint-initdb.d', true, 'init', true, 19],
        ['bind', '/var/run/docker.sock', '/var/run/docker.sock', true, null, null, 20],
        ['volume', null, '/just/a/target', false, null, null, 21],
        ['tmpfs', null, '/tmp', false, null, null, 22],
        ['bind', './missing', '/x', true, 'missing', false, 24],
      ],
    );
  });

  it('reads healthchecks in string, list and disabled forms', () => {
    assert.equal(db.healthcheck?.test?.value, 'pg_isready -U app');
    assert.equal(db.healthcheck?.disabled, false);
    assert.equal(web.healthcheck?.disabled, true);
    assert.equal(cache.healthcheck?.disabled, true);
  });

  it('reads limits, restart policy and logging (anchors and merge keys resolved)', () => {
    assert.deepEqual([db.memoryLimit?.value, db.cpuLimit?.value, db.restartPolicy?.value], ['512M', '0.5', 'on-failure']);
    assert.equal(db.memoryLimit?.loc.line, 34);
    assert.deepEqual([web.memoryLimit?.value, web.cpuLimit?.value], ['1g', '2']);
    assert.equal(db.logging?.driver, 'json-file');
    assert.equal(db.logging?.options['max-size']?.value, '10m');
    assert.equal(db.logging?.options['max-size']?.loc.line, 4);
    assert.equal(web.logging?.driver, 'json-file');
    assert.equal(web.logging?.options['max-size']?.value, '50m');
    assert.equal(web.logging?.options['max-file'], undefined, 'options is replaced as a whole by the explicit key');
  });

  it('reads depends_on in list and mapping forms', () => {
    assert.deepEqual(web.dependsOn.map((d) => [d.service.value, d.condition, d.service.loc.line]), [
      ['db', 'service_healthy', 48],
      ['cache', 'service_started', 50],
    ]);
    assert.deepEqual(cache.dependsOn.map((d) => [d.service.value, d.condition, d.service.loc.line]), [['db', null, 68]]);
  });

  it('reads env_file in string, list and object forms, and the build', () => {
    assert.deepEqual(web.envFileRefs.map((r) => [r.written.value, r.path, r.required, r.exists]), [
      ['.env', '.env', true, false],
      ['./optional.env', 'optional.env', false, false],
    ]);
    assert.deepEqual(cache.envFiles.map((r) => r.value), ['.env.cache']);
    assert.equal(web.build?.dockerfilePath, 'backend/docker/Dockerfile.prod');
    assert.equal(web.build?.target?.value, 'runtime');
    assert.equal(cache.build?.context.value, './cache');
    assert.equal(cache.build?.dockerfilePath, 'cache/Dockerfile');
  });

  it('reads the remaining service keys and top-level secrets', () => {
    assert.equal(web.privileged?.value, true);
    assert.equal(web.networkMode?.value, 'host');
    assert.deepEqual(web.capAdd.map((c) => c.value), ['SYS_ADMIN']);
    assert.equal(web.containerName?.value, 'my_web');
    assert.deepEqual(web.secrets.map((s) => s.value), ['db_password']);
    assert.deepEqual(web.profiles, ['debug']);
    assert.deepEqual(p.secrets.map((s) => [s.name.value, s.file?.value]), [['db_password', './secrets/db_password.txt']]);
    assert.deepEqual(p.volumes.map((v) => v.value), ['pgdata']);
    assert.ok('healthcheck' in web.keys);
  });
});

describe('compose collector: problems and secrets', () => {
  it('turns malformed YAML into a parse problem at the error line', () => {
    const store = collect({ 'docker-compose.yml': 'services:\n  web:\n    image: nginx\n   ports: ["80:80"]\n' });
    assert.equal(store.facts.compose.length, 0);
    assert.equal(store.facts.repo.parseProblems.length, 1);
    const pr = store.facts.repo.parseProblems[0];
    assert.deepEqual([pr.path, pr.line, pr.as], ['docker-compose.yml', 4, 'compose']);
    assert.ok(store.issues.some((i) => i.kind === 'compose' && i.file === 'docker-compose.yml'));
  });

  it('reports a top level that is not a mapping, and a file without services', () => {
    const store = collect({
      'docker-compose.yml': '- web\n- db\n',
      'deploy/compose.yaml': 'version: "3.8"\nvolumes:\n  data:\n',
    });
    const msgs = store.facts.repo.parseProblems.map((p) => `${p.path}:${p.line} ${p.message}`).sort();
    assert.equal(msgs.length, 2);
    assert.match(msgs[0], /^deploy\/compose\.yaml:1 .*no "services"/);
    assert.match(msgs[1], /^docker-compose\.yml:1 .*mapping/);
  });

  it('reports a malformed variable reference', () => {
    const store = collect({ 'docker-compose.yml': 'services:\n  web:\n    image: "app:${TAG"\n' });
    assert.ok(store.facts.repo.parseProblems.some((p) => p.line === 3 && /interpolation/.test(p.message)));
  });

  it('registers literal secrets from environment', () => {
    const store = collect({
      'docker-compose.yml':
        'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: s3cr3t-pa55word\n      DATABASE_URL: postgres://u:url-pa55word@db/x\n',
    });
    assert.ok(store.secretValues.has('s3cr3t-pa55word'));
    assert.ok(store.secretValues.has('url-pa55word'));
  });
});

describe('compose collector: env example keys', () => {
  it('counts Python strings and comments as references, not bare attribute names', () => {
    const store = collect({
      '.env.prod.example': 'DOMAIN=x\nEMAIL_HOST_PASSWORD=x\nSENTRY_DSN=\nSTRIPE_KEY=x\nCOMMENTED=x\n',
      'docker-compose.prod.yml': 'services:\n  web:\n    build: .\n    env_file: .env.prod\n    environment:\n      - HOST=${DOMAIN}\n',
      'Dockerfile': 'FROM python:3.12\n',
      'app/settings.py':
        'import os\nEMAIL_HOST_PASSWORD = read_secret("email_password")\nSTRIPE = os.environ["stripe_key".upper()]\n# COMMENTED is read by the deploy script\n',
    });
    const p = project(store, 'docker-compose.prod.yml');
    assert.deepEqual(p.envExamples.map((e) => e.path), ['.env.prod.example']);
    const keys = Object.fromEntries(p.envExamples[0].keys.map((k) => [k.key.value, k.referencedIn.length > 0 || k.implicitUse !== null]));
    assert.deepEqual(keys, { DOMAIN: true, EMAIL_HOST_PASSWORD: false, SENTRY_DSN: true, STRIPE_KEY: true, COMMENTED: true });
    assert.equal(p.envExamples[0].incomplete, null);
  });

  it('marks the list incomplete when an unknown external image loads the env file', () => {
    const store = collect({
      '.env.example': 'SOME_KEY=x\nPOSTGRES_DB=app\n',
      'docker-compose.yml': 'services:\n  thing:\n    image: vendor/thing:1\n    env_file: .env\n  db:\n    image: postgres:16\n    env_file: .env\n',
    });
    const ex = project(store, 'docker-compose.yml').envExamples[0];
    assert.match(ex.incomplete ?? '', /vendor\/thing/);
    assert.ok(ex.keys.find((k) => k.key.value === 'POSTGRES_DB')?.implicitUse);
  });
});
