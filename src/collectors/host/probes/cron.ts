// Probe: crontab lines (the user's crontab, /etc/crontab, /etc/cron.d/*), flagging backups and certificate renewal.
import type { HostCronLine, HostCrontabs, Probed } from '../../../facts/host.js';
import { parseCrontab } from '../../../parsers/crontab.js';
import type { ProbeRunner, RunOutcome } from '../runner.js';
import { known, lines, unknownResult } from './result.js';

const BACKUP = /\b(pg_dump|pg_dumpall|pg_basebackup|pgbackrest|barman|wal-g|borg|restic|duplicity|rsnapshot|mysqldump|dumpdata)\b|backup/i;
const CERT_RENEWAL = /\b(certbot|acme\.sh|dehydrated|lego|getssl)\b|letsencrypt/i;

/** Cron lines of one crontab text, via the shared crontab parser. */
export function cronLines(source: string, text: string, format: 'user' | 'system'): HostCronLine[] {
  return parseCrontab(source, text, format).entries.map((e) => ({
    source,
    schedule: e.schedule,
    command: e.command.value,
    line: e.line.value,
    backup: BACKUP.test(e.command.value),
    certRenewal: CERT_RENEWAL.test(e.command.value),
  }));
}

/**
 * The directory a backup command writes to: the static part of an absolute path it writes (redirect target,
 * `-f`/`--file`), e.g. `pg_dump app | gzip > /var/backups/pg/app-$(date +%F).sql.gz` -> /var/backups/pg.
 */
export function backupDirFromCommand(command: string): string | null {
  const targets: string[] = [];
  for (const m of command.matchAll(/(?:>{1,2}\s*|(?:-f|--file|-o|--output)[=\s]\s*)["']?(\/[^\s"';|&]+)/g)) targets.push(m[1]);
  for (const m of command.matchAll(/(\/[^\s"';|&]*backup[^\s"';|&]*)/gi)) if (!/\.(sh|py|bash)$/.test(m[1])) targets.push(m[1]);
  for (const t of targets) {
    const staticPart = t.split(/[$`*?[]/)[0];
    const dir = staticPart.endsWith('/') ? staticPart.slice(0, -1) : staticPart.slice(0, staticPart.lastIndexOf('/'));
    if (dir.length > 1 && !/^\/(dev|proc|tmp)(\/|$)/.test(dir)) return dir;
  }
  return null;
}

export async function probeCron(r: ProbeRunner): Promise<Probed<HostCrontabs>> {
  const outcomes: RunOutcome[] = [];
  const out: HostCronLine[] = [];
  const problems: string[] = [];
  const [user, sys, dir] = await Promise.all([r.run('crontab-user', [], [0, 1]), r.run('crontab-system'), r.run('cron-d')]);
  outcomes.push(user);
  if (user.status === 'ok' && user.exitCode === 0) out.push(...cronLines('crontab -l', user.stdout, 'user'));
  else if (user.status !== 'ok' && user.status !== 'missing') problems.push(user.reason);
  else if (user.status === 'ok' && !/no crontab for/i.test(user.stderr)) problems.push(user.reason || `crontab -l: ${user.stderr.trim()}`);
  outcomes.push(sys);
  if (sys.status === 'ok') out.push(...cronLines('/etc/crontab', sys.stdout, 'system'));
  else if (!/No such file/i.test(sys.stderr)) problems.push(sys.reason);
  outcomes.push(dir);
  if (dir.status === 'ok') {
    const paths = lines(dir.stdout)
      .sort()
      .filter((p) => !/(\.dpkg-|~$|\.placeholder$)/.test(p));
    const reads = await Promise.all(paths.map((p) => r.run('cat-file', [p])));
    outcomes.push(...reads);
    for (const [i, c] of reads.entries()) {
      if (c.status === 'ok') out.push(...cronLines(paths[i], c.stdout, 'system'));
      else problems.push(c.reason);
    }
  } else if (!/No such file/i.test(dir.stderr)) problems.push(dir.reason);
  if (problems.length > 0 && out.length === 0) return unknownResult(`crontabs could not be read: ${problems.join('; ')}`, ...outcomes);
  return known({ lines: out, unreadable: problems }, ...outcomes);
}
