// Shared judgements for the compose rules: which projects are audited, what a service is for, which image it runs.
import type { RuleContext } from '../../core/types/rule.js';
import type { ComposeProject, ComposeService, DockerfileFacts, DockerInstruction, DockerStage, Facts } from '../../facts/index.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|\[::1\])$/i;

/** A published port's host address that only this machine reaches (127.x, ::1, localhost). */
export function isLoopbackAddress(ip: string): boolean {
  return LOOPBACK.test(ip);
}

/** Check target for a service: "docker-compose.prod.yaml#redis". */
export function serviceTarget(s: ComposeService): string {
  return `${s.file}#${s.name.value}`;
}

/**
 * The projects to audit: development and test projects (by file name, or a service running `runserver`) are
 * reported not-applicable with the reason. Returns [] after reporting when nothing is left.
 */
export function auditedProjects(compose: ComposeProject[], ctx: RuleContext): ComposeProject[] {
  if (compose.length === 0) {
    ctx.notApplicable('no Docker Compose file in the repository');
    return [];
  }
  const out: ComposeProject[] = [];
  for (const p of compose) {
    if (p.purpose.kind === 'development' || p.purpose.kind === 'test' || p.purpose.kind === 'base') ctx.notApplicable(`${p.file} is not a production setup: ${p.purpose.reason}`);
    else out.push(p);
  }
  return out;
}

/** The image's repository name without registry, namespace, tag or digest ("postgres" for "docker.io/library/postgres:16"). */
export function imageName(s: ComposeService): string | null {
  if (!s.image) return null;
  const ref = s.image.value.split('@')[0];
  const lastSlash = ref.lastIndexOf('/');
  const tail = ref.slice(lastSlash + 1);
  const colon = tail.indexOf(':');
  return (colon >= 0 ? tail.slice(0, colon) : tail).toLowerCase();
}

/** The image reference without tag or digest, lower-cased ("tecnativa/docker-socket-proxy"). */
export function imageRepository(s: ComposeService): string | null {
  if (!s.image) return null;
  const ref = s.image.value.split('@')[0];
  const lastSlash = ref.lastIndexOf('/');
  const colon = ref.indexOf(':', lastSlash + 1);
  return (colon >= 0 ? ref.slice(0, colon) : ref).toLowerCase();
}

const DATABASE_IMAGES = /^(postgres|postgresql|postgis|pgvector|timescaledb(-ha)?|mysql|mysql-server|mariadb|percona|percona-server|mongo|mongodb)$/;
const CACHE_IMAGES = /^(redis|valkey|redis-stack|redis-stack-server|keydb)$/;
const PROXY_IMAGES = /^(nginx|nginx-unprivileged|nginx-proxy|openresty|traefik|caddy|haproxy|swag)$/;
const UTILITY_IMAGES =
  /^(certbot|acme-companion|letsencrypt-nginx-proxy-companion|docker-gen|docker-socket-proxy|socket-proxy|watchtower|autoheal|ofelia|aws-cli|awscli|mc|postgres-backup-local|docker-volume-backup|db-backup|pgbackweb|backup)$/;
/** Processes that are the image's own server (a database image running something else is a utility). */
const SERVER_BINARIES = /^(postgres|mysqld|mariadbd|mongod|redis-server|valkey-server|keydb-server|redis-stack-server|nginx|openresty|traefik|caddy|haproxy|docker-entrypoint\.sh)$/;

/** Web servers for Django (ASGI/WSGI). */
export const APP_SERVER = /\b(gunicorn|uvicorn|daphne|hypercorn|granian|uwsgi|waitress-serve|runserver|run_gunicorn)\b/;
/** Background workers and schedulers. */
export const WORKER = /\b(celery|rqworker|rq\s+worker|qcluster|dramatiq|run_huey|huey_consumer|procrastinate|rqscheduler|db_worker)\b/;

export type ServiceRole = 'database' | 'cache' | 'proxy' | 'web' | 'worker' | 'utility' | 'other';

export interface RoleJudgement {
  role: ServiceRole | null;
  /** How the role was recognised, or why it could not be. */
  reason: string;
}

/** The Dockerfile and stage a service builds, when both are in the facts. */
export function builtStage(s: ComposeService, dockerfiles: DockerfileFacts[]): { file: DockerfileFacts; stage: DockerStage } | { missing: string } | null {
  if (!s.build) return null;
  const path = s.build.dockerfilePath;
  if (!path) return { missing: `service "${s.name.value}" builds from a Dockerfile outside the repository or inline` };
  const file = dockerfiles.find((d) => d.path === path);
  if (!file || file.stages.length === 0) return { missing: `${path} (built by service "${s.name.value}") was not found or could not be read` };
  const target = s.build.target?.value;
  const stage = target ? file.stages.find((st) => st.name?.value.toLowerCase() === target.toLowerCase()) : file.stages[file.stages.length - 1];
  if (!stage) return { missing: `${path} has no stage named "${target}" (build target of service "${s.name.value}")` };
  return { file, stage };
}

/** The command the container runs: compose entrypoint/command over the built stage's ENTRYPOINT/CMD. */
export function effectiveCommand(s: ComposeService, facts: Pick<Facts, 'dockerfiles'>): string | null {
  const built = builtStage(s, facts.dockerfiles);
  const stage = built && 'stage' in built ? built.stage : null;
  const text = (i: DockerInstruction | null | undefined) => (i ? (i.execForm ? i.execForm.join(' ') : i.expanded) : '');
  const ep = s.entrypoint?.value ?? text(stage?.entrypoint);
  // A compose `entrypoint:` resets the image's CMD, as Docker does.
  const cmd = s.command?.value ?? (s.entrypoint ? '' : text(stage?.cmd));
  const all = `${ep} ${cmd}`.trim();
  return all || null;
}

function firstWord(cmd: string): string {
  const w = cmd.trim().split(/\s+/)[0] ?? '';
  return w.replace(/^['"]|['"]$/g, '').split('/').pop() ?? '';
}

/** Judges what a service is for, from its image, its command (or its Dockerfile's), and its name. */
export function serviceRole(s: ComposeService, facts: Pick<Facts, 'dockerfiles' | 'shell'>): RoleJudgement {
  const name = s.name.value.toLowerCase();
  const img = imageName(s);
  const repo = imageRepository(s) ?? '';
  const own = s.command ? s.command.value : null;
  if (img && !s.build) {
    if (UTILITY_IMAGES.test(img) || /backup/.test(repo)) return { role: 'utility', reason: `image ${s.image!.value}` };
    const serverImage = DATABASE_IMAGES.test(img) ? 'database' : CACHE_IMAGES.test(img) ? 'cache' : PROXY_IMAGES.test(img) ? 'proxy' : null;
    if (serverImage) {
      // The image run with another program (pg_dump loop, a shell script) is a helper, not the server.
      // `sh -c "valkey-server --requirepass $PW"` still runs the server: look through the shell.
      const program = own ? firstWord(own.trim().replace(/^(\/bin\/|\/usr\/bin\/)?(ba|da)?sh\s+-c\s+["']?/, '')) : '';
      if (own && !own.trim().startsWith('-') && !SERVER_BINARIES.test(program)) return { role: 'utility', reason: `image ${s.image!.value} runs "${own}"` };
      if (/backup|dump|restore/.test(name)) return { role: 'utility', reason: `service name "${s.name.value}"` };
      return { role: serverImage, reason: `image ${s.image!.value}` };
    }
  }
  const fromBase = builtServerRole(s, facts.dockerfiles);
  if (fromBase) return fromBase;
  const cmd = effectiveCommand(s, facts);
  if (cmd) {
    if (WORKER.test(cmd)) return { role: 'worker', reason: `runs ${cmd}` };
    if (APP_SERVER.test(cmd)) return { role: 'web', reason: `runs ${cmd}` };
    const script = scriptRuns(cmd, facts);
    if (script === 'worker') return { role: 'worker', reason: `its start script runs a worker` };
    if (script === 'web') return { role: 'web', reason: `its start script runs an application server` };
  }
  if (/^(celery|worker|beat|scheduler|flower|rq|cron|queue)/.test(name) || /(worker|beat|celery)/.test(name)) return { role: 'worker', reason: `service name "${s.name.value}"` };
  if (/^(web|app|django|backend|api|server|wsgi|asgi|gunicorn|site|webapp)(\b|[-_]|$)/.test(name)) return { role: 'web', reason: `service name "${s.name.value}"` };
  if (s.build) return { role: null, reason: `could not tell what service "${s.name.value}" runs (no command, and its Dockerfile CMD is unknown)` };
  return { role: 'other', reason: img ? `image ${s.image!.value}` : 'no image' };
}

function nameOf(ref: string): string {
  const tail = ref.split('@')[0].split('/').pop() ?? '';
  return tail.split(':')[0].toLowerCase();
}

/** A service built FROM postgres / redis / nginx / traefik... (keeping the server as its command) is that server. */
function builtServerRole(s: ComposeService, dockerfiles: DockerfileFacts[]): RoleJudgement | null {
  const built = builtStage(s, dockerfiles);
  if (!built || !('stage' in built)) return null;
  let stage: DockerStage | undefined = built.stage;
  for (let i = 0; stage && stage.fromStage && stage.parent !== null && i < 50; i++) stage = built.file.stages[stage.parent];
  if (!stage || stage.fromStage) return null;
  const base = nameOf(stage.from.value);
  const role = DATABASE_IMAGES.test(base) ? 'database' : CACHE_IMAGES.test(base) ? 'cache' : PROXY_IMAGES.test(base) ? 'proxy' : null;
  if (!role) return null;
  const cmd = s.command?.value ?? (built.stage.cmd ? (built.stage.cmd.execForm?.join(' ') ?? built.stage.cmd.expanded) : null);
  if (cmd && !cmd.trim().startsWith('-') && !SERVER_BINARIES.test(firstWord(cmd))) return null;
  return { role, reason: `built from ${stage.from.value} (${built.file.path})` };
}

/** Looks into a start script named by the command (`/start.sh`, `./entrypoint.sh`) for the server it runs. */
function scriptRuns(cmd: string, facts: Pick<Facts, 'shell'>): 'web' | 'worker' | null {
  for (const word of cmd.split(/\s+/)) {
    const baseName = word.replace(/^['"]|['"]$/g, '').split('/').pop() ?? '';
    if (!baseName || !/[a-z]/i.test(baseName)) continue;
    const script = facts.shell.find((sh) => sh.path.split('/').pop() === baseName);
    if (!script) continue;
    const text = script.commands.map((c) => c.text).join('\n');
    if (WORKER.test(text)) return 'worker';
    if (APP_SERVER.test(text)) return 'web';
  }
  return null;
}

const TASK = /\b(migrate|makemigrations|collectstatic|createsuperuser|loaddata|compilemessages|check\s+--deploy|pytest|init|setup|seed|backup|restore|pg_dump|pg_restore|createcachetable)\b/;
/** Whole names of helpers that run once ("migrate", "init-db", "createbuckets"). */
const ONE_OFF_NAMES = /^(migrate|migrations?|migrator|collectstatic|createsuperuser|init|setup|seed|bootstrap|tests?|certbot|awscli|aws-cli|loaddata|create[-_]?buckets?)([-_].*)?$/;
/** Name endings of such helpers ("airflow-init", "db_migrate", "minio-createbuckets", "django-collectstatic"). */
const ONE_OFF_SUFFIX = /[-_](init|migrate|migrations?|migrator|collectstatic|createsuperuser|setup|seed|bootstrap|create[-_]?buckets?)$/;

/**
 * Why a service is not a long-running one (a task run once, a profile-only tool), or null when it is one.
 * `project` (the service's project) lets a service count as one-off when another one waits for it to exit:
 * `depends_on: { x: { condition: service_completed_successfully } }` only makes sense for a job that ends.
 */
export function oneOffReason(s: ComposeService, project: Pick<ComposeProject, 'services'>): string | null {
  if (s.profiles.length > 0) return `service "${s.name.value}" only starts with --profile ${s.profiles.join(',')}`;
  const waiter = project.services.find((o) => o !== s && o.dependsOn.some((d) => d.service.value === s.name.value && d.condition === 'service_completed_successfully'));
  if (waiter) return `service "${waiter.name.value}" waits for "${s.name.value}" to complete (condition: service_completed_successfully): it is a one-off job`;
  const restart = s.restart?.value.toLowerCase();
  const policy = s.restartPolicy?.value.toLowerCase();
  const cmd = `${s.entrypoint?.value ?? ''} ${s.command?.value ?? ''}`;
  const noRestart = restart === 'no' || restart === 'false' || restart === 'on-failure' || restart?.startsWith('on-failure:') || policy === 'none' || policy === 'on-failure';
  const task = TASK.exec(cmd);
  if (noRestart && task) return `service "${s.name.value}" runs a one-off task (${task[1]})`;
  if (task && !APP_SERVER.test(cmd) && !WORKER.test(cmd) && !/\b(while|sleep|cron|crond|supercronic|tail\s+-f)\b/.test(cmd) && /\bmanage\.py\b|django-admin/.test(cmd)) {
    return `service "${s.name.value}" runs a one-off management command (${task[1]})`;
  }
  const name = s.name.value.toLowerCase();
  if ((ONE_OFF_NAMES.test(name) || ONE_OFF_SUFFIX.test(name)) && !APP_SERVER.test(cmd) && !WORKER.test(cmd)) return `service "${s.name.value}" is a one-off helper`;
  const img = imageName(s);
  if (img && /^(aws-cli|awscli|mc)$/.test(img)) return `service "${s.name.value}" runs a command-line tool image (${s.image!.value})`;
  if (img === 'certbot' && !/\b(while|sleep|trap)\b/.test(cmd)) return `service "${s.name.value}" runs certbot once`;
  return null;
}

/**
 * The long-running services of the audited projects, with their project. Reports not-applicable (with the reason)
 * when the audited projects have none, so the service rules need no bookkeeping of their own.
 */
export function longRunningServices(compose: ComposeProject[], ctx: RuleContext): { project: ComposeProject; service: ComposeService }[] {
  const projects = auditedProjects(compose, ctx);
  const services = projects.flatMap((project) => project.services.filter((service) => !oneOffReason(service, project)).map((service) => ({ project, service })));
  if (projects.length > 0 && services.length === 0) ctx.notApplicable('no long-running service in the audited compose files');
  return services;
}
