// Test helper: a verification result as the collector reports a healthy, fully restored plain dump; cases override
// the steps they are about. The restore side of these rules is tested for real in test/lab/backup/.
import type { BackupVerification } from '../../facts/backup.js';

export function verification(overrides: Partial<BackupVerification> = {}): BackupVerification {
  const path = overrides.path ?? 'backups/shop.sql';
  return {
    path,
    linesQuotable: true,
    format: 'plain',
    formatEvidence: 'a pg_dump SQL script ("-- PostgreSQL database dump" header)',
    formatCheck: { status: 'ok', detail: 'a pg_dump SQL script ("-- PostgreSQL database dump" header)', proof: null },
    sizeBytes: 212_762,
    sqlBytes: 212_762,
    sha256: '244c9c032c329e2619fbbd698d7114294722260cf4b344f92dd3bcd2526a6f13',
    takenAt: '2026-11-22T23:42:35.000Z',
    takenAtSource: 'file modification time',
    ageHours: 2,
    rpoHours: 24,
    rtoSeconds: null,
    previous: null,
    newerInSeries: null,
    dumpedBy: '15.18 (Debian 15.18-0+deb12u1)',
    dumpedFrom: '15.18 (Debian 15.18-0+deb12u1)',
    integrity: { status: 'ok', detail: 'the script ends with pg_dump\'s "dump complete" footer (9203 lines)', proof: null },
    toc: null,
    tocEntries: null,
    compatibility: { status: 'ok', detail: 'PostgreSQL 15 (/usr/lib/postgresql/15/bin) reads a dump made by pg_dump 15.18', proof: null },
    engine: { name: 'postgres', version: '15.18', where: 'throwaway PostgreSQL 15 cluster on 127.0.0.1:40000' },
    restore: {
      status: 'ok',
      detail: 'restored in 0.2 s into throwaway PostgreSQL 15 cluster on 127.0.0.1:40000',
      proof: { kind: 'command', host: 'localhost', command: `cat ${path} | psql -X -v ON_ERROR_STOP=1 -d opsaudit_verify -f -`, exit_code: 0, duration_ms: 185, output: '' },
      durationMs: 185,
      firstError: null,
    },
    tables: [
      { name: 'public.auth_user', rows: 500 },
      { name: 'public.shop_order', rows: 2000 },
    ],
    tablesProof: { kind: 'command', host: 'localhost', command: 'SELECT count(*) per table in the restored copy', exit_code: 0, duration_ms: 0, output: 'public.auth_user: 500 rows\npublic.shop_order: 2000 rows' },
    expected: { tables: 2, indexes: 3, constraints: 4, sequences: 2 },
    restored: { tables: 2, indexes: 3, constraints: 5, sequences: 2 },
    roles: [],
    missingRoles: [],
    extensions: [],
    missingExtensions: [],
    expectTables: [],
    minRows: {},
    notes: [],
    ...overrides,
  };
}

/** The verification of a backup whose restore failed: every check on restored data is then unknown. */
export function failedRestore(overrides: Partial<BackupVerification> = {}): BackupVerification {
  const base = verification(overrides);
  return {
    ...base,
    restore: {
      status: 'failed',
      detail: 'the restore stopped at line 54 with: role "app" does not exist',
      proof: { kind: 'command', host: 'localhost', command: 'psql -X -v ON_ERROR_STOP=1 -f -', exit_code: 3, duration_ms: 40, output: 'psql:<stdin>:54: ERROR:  role "app" does not exist' },
      durationMs: 40,
      firstError: { message: 'role "app" does not exist', line: 54, text: 'ALTER TABLE public.auth_user OWNER TO app;', tocEntry: null },
    },
    tables: null,
    tablesProof: null,
    restored: null,
    ...overrides,
  };
}
