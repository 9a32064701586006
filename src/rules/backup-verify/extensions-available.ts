// The dump creates an extension the verifying PostgreSQL lacks: the restore could not be proven here.
import { defineRule } from '../../core/define-rule.js';
import { NOTHING_VERIFIED, evidence, verifiedBackups } from './_verified.js';

export default defineRule({
  id: 'backup-verify/extensions-available',
  title: 'Backup needs an extension the restore host lacks',
  category: 'dr',
  severity: 'low',
  requires: ['backups'],
  why: 'pg_dump records CREATE EXTENSION, not the extension\'s files. A server without the extension (PostGIS, pgvector...) stops the restore at that statement: every host that may restore the backup needs it installed.',
  fix: 'Install the extension packages on the hosts that verify and restore backups (e.g. postgresql-15-postgis-3), matching the production server, and keep that list in the restore runbook.',
  references: [
    { title: 'PostgreSQL docs: CREATE EXTENSION', url: 'https://www.postgresql.org/docs/current/sql-createextension.html' },
    { title: 'PostgreSQL docs: pg_dump (extensions are dumped as CREATE EXTENSION only)', url: 'https://www.postgresql.org/docs/current/app-pgdump.html' },
  ],
  verify: 'psql -c "SELECT name FROM pg_available_extensions WHERE name IN ({extensionList})"',
  messages: { missing: '{path} creates extension(s) {extensions}, which the {engine} engine used to verify it lacks: the restore could not be proven.' },
  check(facts, ctx) {
    const backups = verifiedBackups(facts);
    if (!backups) return ctx.notApplicable(NOTHING_VERIFIED);
    for (const v of backups) {
      if (v.missingExtensions.length === 0) {
        if (v.engine) ctx.pass(v.path, v.extensions.length > 0 ? `extension(s) ${v.extensions.map((e) => e.name).join(', ')} available` : 'the dump creates no extension');
        else ctx.unknown(v.path, `not checked: no engine was used for ${v.path} (${v.restore.detail})`);
        continue;
      }
      const names = v.missingExtensions.join(', ');
      // PGlite cannot load extensions it does not bundle: a limit of the engine, not a fact about the backup.
      if (v.engine?.name === 'embedded') {
        ctx.unknown(v.path, `the embedded engine does not bundle extension(s) ${names}; install PostgreSQL with them, or pass --scratch-dsn, to verify ${v.path}`);
        continue;
      }
      const first = v.extensions.find((e) => v.missingExtensions.includes(e.name));
      ctx.fail('missing', {
        ...evidence(v, first?.proof ?? null, `creates extension(s) ${names}`),
        target: v.path,
        data: { path: v.path, extensions: names, extensionList: v.missingExtensions.map((n) => `'${n}'`).join(', '), engine: `${v.engine?.name ?? 'restore'} (PostgreSQL ${v.engine?.version ?? '?'})` },
      });
    }
  },
});
