// A PostgreSQL-backed app with no database backup anywhere in the repository (seed 000: escalate).
import { defineRule } from '../../core/define-rule.js';
import type { SourceLoc } from '../../core/types/located.js';
import type { Facts, PyValue, SettingValue } from '../../facts/index.js';
import { allCommands, backupServices, dumpCommands, postgresServices } from './_dumps.js';
import { docLine } from '../dr/_docs.js';

const PG_ENGINE = /postgres|postgis/i;
/** PostgreSQL drivers: with one declared, an unresolved DATABASES probably points at PostgreSQL. */
const PG_DRIVERS = ['psycopg', 'psycopg2', 'psycopg2-binary', 'psycopg-binary', 'psycopg-c', 'psycopg2cffi', 'asyncpg'];

/** A value's ENGINE as the production environment (when the repository gives it) or the default makes it. */
function engineOf(v: SettingValue, pick: (x: PyValue) => PyValue | undefined): { engine: string; how: string } | null {
  const str = (x: PyValue | undefined) => (typeof x === 'string' ? x : null);
  if (v.kind === 'literal') {
    const e = str(pick(v.value));
    return e ? { engine: e, how: 'written in the settings' } : null;
  }
  if (v.kind === 'from-env') {
    if (v.production?.value.ok) {
      const e = str(pick(v.production.value.value));
      return e ? { engine: e, how: `${v.envVar} from ${v.production.source.origin}` } : null;
    }
    const e = v.whenUnset.ok ? str(pick(v.whenUnset.value)) : null;
    return e ? { engine: e, how: `the default when ${v.envVar} is unset` } : null;
  }
  const out = v.evaluate?.({});
  const e = out?.ok ? str(pick(out.value)) : null;
  return e ? { engine: e, how: 'written in the settings' } : null;
}

const field = (x: PyValue, ...path: string[]): PyValue | undefined => {
  let cur: PyValue | undefined = x;
  for (const k of path) cur = cur !== null && typeof cur === 'object' && !Array.isArray(cur) ? cur[k] : undefined;
  return cur;
};

type SettingsDb = { state: 'postgres'; at: SourceLoc; target: string; where: string } | { state: 'maybe'; reason: string } | null;

/**
 * Whether the Django settings establish a PostgreSQL database: an ENGINE written as a literal (the other keys may come
 * from the environment), or a dj-database-url / django-environ URL whose production value or default is postgres://.
 * `maybe` when DATABASES cannot be resolved and a PostgreSQL driver is declared.
 */
function settingsPostgres(facts: Facts): SettingsDb {
  let maybe: SettingsDb = null;
  for (const d of facts.django) {
    const db = d.settings.DATABASES;
    if (!db) continue;
    const keys = db.keys ?? {};
    const found: { engine: string; how: string; at: SourceLoc }[] = [];
    for (const [path, v] of Object.entries(keys)) {
      // DATABASES['default']['ENGINE'] written in a dict display.
      if (/^[^.]+\.ENGINE$/.test(path)) {
        const e = engineOf(v, (x) => x);
        if (e) found.push({ ...e, at: v.loc });
      } else if (!path.includes('.') && !(`${path}.ENGINE` in keys)) {
        // An alias built by a helper: dj_database_url.config(default=...), env.db(...).
        const e = engineOf(v, (x) => field(x, 'ENGINE'));
        if (e) found.push({ ...e, at: v.loc });
      }
    }
    if (found.length === 0) {
      const e = engineOf(db.value, (x) => field(x, 'default', 'ENGINE'));
      if (e) found.push({ ...e, at: db.value.loc });
    }
    const pg = found.find((f) => PG_ENGINE.test(f.engine));
    if (pg) return { state: 'postgres', at: pg.at, target: db.module, where: `DATABASES in ${pg.at.file}, ENGINE ${pg.engine} (${pg.how})` };
    const driver = PG_DRIVERS.find((n) => n in d.dependencies);
    if (found.length === 0 && driver && !maybe) {
      const why = db.value.kind === 'from-env' ? `DATABASES comes from ${db.value.envVar}, which no file in the repository sets` : db.value.kind === 'unknown' ? `DATABASES could not be evaluated (${db.value.reason})` : 'DATABASES names no ENGINE';
      maybe = { state: 'maybe', reason: `${why}; the ${driver} dependency suggests PostgreSQL, but the database is not established` };
    }
  }
  return maybe;
}

/** Tools that back PostgreSQL up without pg_dump on a command line of ours. */
const BACKUP_TOOLS = new Set(['pgbackrest', 'barman', 'wal-g', 'wal-e', 'pg_probackup', 'django-dbbackup', 'borgmatic']);

export default defineRule({
  id: 'backup/no-backup',
  title: 'No database backup at all',
  category: 'backup',
  severity: 'critical',
  escalation: 'backup system completely missing',
  requires: ['shell', 'cron', 'compose', 'django', 'texts'],
  why: 'When the disk, the server or a migration fails, every record since the beginning is gone; there is nothing to restore.',
  fix: 'Add a scheduled, verified backup: a pg_dump -Fc script run daily by cron or a systemd timer, copied off the server, with retention and a monthly restore test (or a managed tool such as pgBackRest).',
  references: [
    { title: 'PostgreSQL docs: Backup and Restore', url: 'https://www.postgresql.org/docs/current/backup.html' },
    { title: 'OWASP Database Security Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Database_Security_Cheat_Sheet.html' },
  ],
  verify: 'grep -rn "pg_dump\\|pgbackrest\\|barman" . ; crontab -l | grep -i backup',
  messages: {
    none: 'The app uses PostgreSQL ({where}) and nothing in the repository backs it up: no pg_dump, backup service or backup tool.',
    manualOnly: 'The app uses PostgreSQL ({where}); backups are only described in {doc} (a manual pg_dump), nothing in the repository runs them.',
  },
  check(facts, ctx) {
    const pg = postgresServices(facts);
    const settingsPg = settingsPostgres(facts);
    if (pg.length === 0 && !settingsPg) return ctx.notApplicable('no PostgreSQL database found in compose files or Django settings');
    const hasDjangoDbbackup = facts.django.some((d) => 'django-dbbackup' in d.dependencies);
    const backedUp =
      dumpCommands(facts).length > 0 ||
      backupServices(facts).length > 0 ||
      hasDjangoDbbackup ||
      allCommands(facts).some((c) => BACKUP_TOOLS.has(c.effectiveName) || (c.effectiveName === 'python' && c.effectiveArgs.includes('dbbackup')));
    if (backedUp) return ctx.pass('database backup');
    if (settingsPg?.state === 'maybe' && pg.length === 0) return ctx.unknown('database backup', `nothing backs a database up, and whether there is a PostgreSQL database to back up is not known: ${settingsPg.reason}`);
    const where = pg.length > 0 ? { at: pg[0].image ?? pg[0].name, target: pg[0].name.value, where: `compose service "${pg[0].name.value}"` } : settingsPg!.state === 'postgres' ? settingsPg! : null;
    if (!where) return;
    // A backup procedure the documentation gives (a pg_dump to run by hand) is a gap, not the absence of any backup.
    const documented = docLine(facts, /\bpg_dump(all)?\b/);
    if (documented) {
      return ctx.fail('manualOnly', { at: where.at, also: [documented.line], target: where.target, severity: 'medium', data: { where: where.where, doc: `${documented.file.path}:${documented.line.loc.line}` } });
    }
    ctx.fail('none', { at: where.at, target: where.target, data: { where: where.where } });
  },
});
