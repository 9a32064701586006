// Env example files of a compose project, and which of their keys something in the repository reads.
import type { ComposeEnvExample, ComposeProject, ComposeService } from '../../../facts/compose.js';
import type { RepoCollectContext } from '../context.js';
import type { EnvReferenceIndex } from './env-references.js';
import { base, dirOf, inDir, isExampleName } from './files.js';

/** Variables that tools read without the project naming them (Django, gunicorn, SDKs, Compose itself). */
const IMPLICIT_EXACT = new Set([
  'DJANGO_SETTINGS_MODULE', 'DJANGO_CONFIGURATION', 'DATABASE_URL', 'WEB_CONCURRENCY', 'PORT', 'TZ', 'LANG', 'LANGUAGE', 'HOME', 'PATH',
  'PGHOST', 'PGPORT', 'PGUSER', 'PGPASSWORD', 'PGDATABASE', 'PGSSLMODE', 'PGPASSFILE', 'PGSERVICE', 'PGSSLROOTCERT',
  'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'REQUESTS_CA_BUNDLE', 'SSL_CERT_FILE', 'CURL_CA_BUNDLE', 'NODE_ENV', 'NODE_OPTIONS',
  'GOOGLE_APPLICATION_CREDENTIALS', 'GOOGLE_CLOUD_PROJECT', 'VIRTUAL_HOST', 'VIRTUAL_PORT', 'VIRTUAL_PATH', 'LETSENCRYPT_HOST', 'LETSENCRYPT_EMAIL',
]);
const IMPLICIT_PREFIX = [
  'COMPOSE_', 'DOCKER_', 'BUILDKIT_', 'AWS_', 'AZURE_', 'PYTHON', 'PIP_', 'UV_', 'POETRY_', 'DD_', 'OTEL_', 'NEW_RELIC_', 'SENTRY_', 'GUNICORN_',
  'UVICORN_', 'UWSGI_', 'GRANIAN_', 'CELERY_', 'DJANGO_SUPERUSER_', 'LC_',
];

function implicitUse(key: string): string | null {
  if (IMPLICIT_EXACT.has(key)) return `${key} is read by a tool without being named in the project`;
  const p = IMPLICIT_PREFIX.find((x) => key.startsWith(x));
  return p ? `${p}* variables are read by the tool they configure` : null;
}

/** Environment prefixes read by well-known images (loaded through env_file). */
function imagePrefixes(image: string): string[] | null {
  const name = image.split('@')[0].split(':')[0].split('/').pop()!.toLowerCase();
  if (/^(postgres|postgis|timescaledb.*|pgvector)$/.test(name)) return ['POSTGRES_', 'PG'];
  if (name === 'mysql' || name === 'percona') return ['MYSQL_'];
  if (name === 'mariadb') return ['MARIADB_', 'MYSQL_'];
  if (/^(redis|valkey|redis-stack.*|keydb)$/.test(name)) return ['REDIS_', 'VALKEY_', 'ALLOW_EMPTY_PASSWORD'];
  if (name === 'rabbitmq') return ['RABBITMQ_'];
  if (name === 'minio') return ['MINIO_'];
  if (name === 'nginx' || name === 'nginx-proxy') return ['NGINX_', 'VIRTUAL_', 'LETSENCRYPT_', 'DEFAULT_HOST'];
  if (name === 'memcached') return ['MEMCACHED_'];
  return null;
}

/** The env example files of a project with, for each key, the files that name it. */
export function envExamples(ctx: RepoCollectContext, p: ComposeProject, references: () => EnvReferenceIndex): ComposeEnvExample[] {
  const byPath = new Map(ctx.envFiles.map((e) => [e.path, e]));
  const chosen = new Map<string, { consumers: ComposeService[] }>();
  for (const s of p.interpolationSources) if (isExampleName(s)) chosen.set(s, { consumers: [] });
  for (const svc of p.services) {
    for (const ref of svc.envFileRefs) {
      if (!ref.path) continue;
      const names = [ref.path, ...['example', 'sample', 'template', 'dist', 'tmpl'].map((x) => `${ref.path}.${x}`)];
      if (base(ref.path) === '.env') names.push(inDir(dirOf(ref.path), 'env.example'));
      for (const n of names) {
        if (!byPath.has(n) || !isExampleName(n)) continue;
        const entry = chosen.get(n) ?? { consumers: [] };
        entry.consumers.push(svc);
        chosen.set(n, entry);
      }
    }
  }
  const out: ComposeEnvExample[] = [];
  for (const [path, { consumers }] of chosen) {
    const file = byPath.get(path);
    if (!file) continue;
    const idx = references();
    const external = consumers.filter((c) => c.image && !c.build);
    const prefixes: string[] = [];
    let imageIncomplete: string | null = null;
    for (const c of external) {
      const px = imagePrefixes(c.image!.value);
      if (px) prefixes.push(...px);
      else imageIncomplete ??= `service "${c.name.value}" runs the external image ${c.image!.value}, which may read any key of ${path} through env_file`;
    }
    const keys = file.entries.map((e) => {
      const key = e.key.value;
      const px = prefixes.find((x) => key.startsWith(x));
      return {
        key: e.key,
        referencedIn: idx.filesNaming(key).filter((f) => f !== path),
        implicitUse: implicitUse(key) ?? (px ? `read by an image that loads ${path} through env_file (${px}*)` : null),
      };
    });
    // Read after the keys were searched: the search reads only as far as its answers need.
    out.push({ path, incomplete: idx.incomplete ?? imageIncomplete, keys });
  }
  return out;
}
