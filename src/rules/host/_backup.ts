// What the backup rules share: the backup jobs found in crontabs and systemd timers.
import type { HostCronLine, HostFacts, TimerInfo } from '../../facts/index.js';

export const BACKUP_TIMER = /backup|pg_?dump|borg|restic|barman|pgbackrest|wal-g|duplicity/i;

/** Backup jobs (cron lines and timers) on a host; null when neither source could be read. */
export function backupJobs(h: HostFacts): { cron: HostCronLine[]; timers: TimerInfo[] } | null {
  if (!h.cron.ok && !h.timers.ok) return null;
  return {
    cron: h.cron.ok ? h.cron.value.lines.filter((c) => c.backup) : [],
    timers: h.timers.ok && h.timers.value ? h.timers.value.filter((t) => BACKUP_TIMER.test(t.unit) || BACKUP_TIMER.test(t.activates)) : [],
  };
}
