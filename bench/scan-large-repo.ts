// Benchmark: generate a repository of ≥ 5,000 files (50 compose files, 50 Dockerfiles, 50 settings modules)
// and time `opsaudit scan` on it, next to a bare `node` start-up in the same run for scale.
// Usage: npm run build && npx tsx bench/scan-large-repo.ts [--runs 5] [--keep]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
const keep = args.includes('--keep');

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

const compose = (i: number) => `services:
  web:
    build: { context: ., dockerfile: svc${i}/Dockerfile }
    environment:
      - DJANGO_SETTINGS_MODULE=svc${i}.settings.prod
      - DEBUG=\${DEBUG:-False}
    depends_on: [db, redis]
    ports: ["8000:8000"]
  db:
    image: postgres:16-alpine
    environment:
      POSTGRES_PASSWORD: example-password-${i}
    ports: ["5432:5432"]
  redis:
    image: redis:7
    command: redis-server --appendonly yes
`;
const dockerfile = (i: number) => `FROM python:3.12-slim AS build
ARG APP=svc${i}
RUN apt-get update && apt-get install -y build-essential
COPY requirements.txt .
RUN pip install -r requirements.txt
FROM python:3.12-slim
ENV PYTHONUNBUFFERED=1
COPY --from=build /usr/local /usr/local
COPY . /app
RUN python manage.py collectstatic --noinput || true
CMD ["gunicorn", "--workers", "4", "svc${i}.wsgi:application"]
`;
const base = (i: number) => `import os
from pathlib import Path
BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = os.environ.get('SECRET_KEY', 'dev-only-key-${i}')
DEBUG = bool(os.environ.get('DEBUG', 0))
ALLOWED_HOSTS = os.environ.get('ALLOWED_HOSTS', '').split(',')
INSTALLED_APPS = ['django.contrib.admin', 'django.contrib.auth', 'django.contrib.staticfiles', 'app${i}']
MIDDLEWARE = ['django.middleware.security.SecurityMiddleware', 'django.middleware.csrf.CsrfViewMiddleware']
ROOT_URLCONF = 'svc${i}.urls'
DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': 'app', 'PASSWORD': os.environ.get('DB_PASSWORD')}}
STATIC_URL = '/static/'
STATIC_ROOT = BASE_DIR / 'staticfiles'
`;
const prod = () => `from .base import *
DEBUG = False
SECURE_SSL_REDIRECT = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 3600
`;

function generate(root: string): number {
  let files = 0;
  const add = (p: string, t: string) => {
    write(root, p, t);
    files++;
  };
  add('.gitignore', 'node_modules/\n*.pyc\n.env\n');
  add('manage.py', "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'svc0.settings.dev')\n");
  for (let i = 0; i < 50; i++) {
    add(`svc${i}/docker-compose.yml`, compose(i));
    add(`svc${i}/Dockerfile`, dockerfile(i));
    add(`svc${i}/__init__.py`, '');
    add(`svc${i}/settings/__init__.py`, '');
    add(`svc${i}/settings/base.py`, base(i));
    add(`svc${i}/settings/prod.py`, prod());
    add(`svc${i}/urls.py`, `from django.urls import path, include\nurlpatterns = [path('app/', include('app${i}.urls'))]\n`);
    add(`svc${i}/wsgi.py`, `import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'svc${i}.settings.prod')\n`);
    add(`svc${i}/deploy.sh`, '#!/bin/bash\nset -e\ndocker compose pull\ndocker compose up -d\n');
    add(`svc${i}/.env.example`, 'SECRET_KEY=change-me\nDEBUG=False\nALLOWED_HOSTS=example.com\n');
  }
  // Bulk: ordinary application code, templates and assets that discovery must walk past quickly.
  let n = 0;
  while (files < 5200) {
    const app = `app${n % 50}`;
    add(`${app}/module_${n}.py`, `def view_${n}(request):\n    return None\n`);
    if (files < 5200) add(`${app}/templates/page_${n}.html`, `<html><body>${n}</body></html>\n`);
    if (files < 5200) add(`static/js/file_${n}.js`, `export const x${n} = ${n};\n`);
    n++;
  }
  return files;
}

function time(cmd: string, argv: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const root = mkdtempSync(join(tmpdir(), 'opsaudit-bench-'));
try {
  const files = generate(root);
  const scan = ['dist/opsaudit.mjs', 'scan', root, '--format', 'json', '--output', join(tmpdir(), 'opsaudit-bench.json'), '--quiet'];
  time(process.execPath, scan); // warm the file cache
  const scans: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(time(process.execPath, ['-e', '']));
    scans.push(time(process.execPath, scan));
  }
  const s = median(scans);
  const b = median(bare);
  console.log(`files generated: ${files} (50 compose, 50 Dockerfiles, 100 settings modules)`);
  console.log(`opsaudit scan wall (median of ${runs}): ${s.toFixed(0)} ms   [runs: ${scans.map((x) => x.toFixed(0)).join(', ')}]`);
  console.log(`bare node start-up (median of ${runs}): ${b.toFixed(0)} ms`);
  console.log(`ratio scan / bare node: ${(s / b).toFixed(1)}x   target: scan < 1000 ms -> ${s < 1000 ? 'MET' : 'MISSED'}`);
} finally {
  if (!keep) rmSync(root, { recursive: true, force: true });
  else console.log(`kept: ${root}`);
}
