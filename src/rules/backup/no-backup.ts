// A PostgreSQL-backed app with no database backup anywhere in the repository (seed 000: escalate).
import { defineRule } from '../../core/define-rule.js';
import { allCommands, backupServices, dumpCommands, postgresServices } from './_dumps.js';

/** Tools that back PostgreSQL up without pg_dump on a command line of ours. */
const BACKUP_TOOLS = new Set(['pgbackrest', 'barman', 'wal-g', 'wal-e', 'pg_probackup', 'django-dbbackup', 'borgmatic']);

export default defineRule({
  id: 'backup/no-backup',
  title: 'No database backup at all',
  category: 'backup',
  severity: 'critical',
  escalation: 'backup system completely missing',
  requires: ['shell', 'cron', 'compose', 'django'],
  why: 'When the disk, the server or a migration fails, every record since the beginning is gone; there is nothing to restore.',
  fix: 'Add a scheduled, verified backup: a pg_dump -Fc script run daily by cron or a systemd timer, copied off the server, with retention and a monthly restore test (or a managed tool such as pgBackRest).',
  references: [
    { title: 'PostgreSQL docs: Backup and Restore', url: 'https://www.postgresql.org/docs/current/backup.html' },
    { title: 'OWASP Database Security Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Database_Security_Cheat_Sheet.html' },
  ],
  verify: 'grep -rn "pg_dump\\|pgbackrest\\|barman" . ; crontab -l | grep -i backup',
  messages: { none: 'The app uses PostgreSQL ({where}) and nothing in the repository backs it up: no pg_dump, backup service or backup tool.' },
  check(facts, ctx) {
    const pg = postgresServices(facts);
    const settingsPg = facts.django.find((d) => {
      const db = d.settings.DATABASES?.value;
      return db?.kind === 'literal' && JSON.stringify(db.value).includes('postgres');
    });
    if (pg.length === 0 && !settingsPg) return ctx.notApplicable('no PostgreSQL database found in compose files or Django settings');
    const hasDjangoDbbackup = facts.django.some((d) => 'django-dbbackup' in d.dependencies);
    const backedUp =
      dumpCommands(facts).length > 0 ||
      backupServices(facts).length > 0 ||
      hasDjangoDbbackup ||
      allCommands(facts).some((c) => BACKUP_TOOLS.has(c.effectiveName) || (c.effectiveName === 'python' && c.effectiveArgs.includes('dbbackup')));
    if (backedUp) return ctx.pass('database backup');
    if (pg.length > 0) {
      const s = pg[0];
      return ctx.fail('none', { at: s.image ?? s.name, target: s.name.value, data: { where: `compose service "${s.name.value}"` } });
    }
    const db = settingsPg!.settings.DATABASES!;
    ctx.fail('none', { at: db.value.loc, target: db.module, data: { where: `DATABASES in ${db.value.loc.file}` } });
  },
});
