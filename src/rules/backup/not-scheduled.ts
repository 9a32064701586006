// A backup exists but nothing runs it on a schedule (seeds 001 and 002).
import { defineRule } from '../../core/define-rule.js';
import type { Facts } from '../../facts/index.js';
import { backupServices, basename, dumpCommands } from './_dumps.js';

/**
 * Cron lines a provisioning script installs: heredocs written to a cron directory or piped into `crontab`, and
 * `echo "<schedule> <command>" | crontab -` / `>> /etc/crontab` lines.
 */
function installedCronLines(facts: Facts): string[] {
  const out: string[] = [];
  for (const s of facts.shell) {
    for (const h of s.heredocs) {
      const feeds = s.commands.filter((c) => c.loc.line === h.command.line || (c.pipeline !== null && c.pipeline.loc.line <= h.command.line && c.pipeline.loc.endLine >= h.command.line));
      if (feeds.some((c) => c.effectiveName === 'crontab' || /cron/.test(c.text))) out.push(h.body.value);
    }
    for (const c of s.commands) {
      if (c.effectiveName !== 'echo' && c.effectiveName !== 'printf') continue;
      const intoCrontab = c.pipeline !== null && s.commands.some((o) => o.effectiveName === 'crontab' && o.pipeline !== null && o.pipeline.loc.line === c.pipeline!.loc.line);
      const intoCronFile = c.redirections.some((r) => r.target !== null && /cron/.test(r.target.value));
      if (intoCrontab || intoCronFile) out.push(c.effectiveArgs.join(' '));
    }
  }
  return out;
}

export default defineRule({
  id: 'backup/not-scheduled',
  title: 'Backups are not scheduled',
  category: 'backup',
  severity: 'high',
  requires: ['shell', 'cron', 'compose', 'repo', 'ci', 'systemd'],
  why: 'A backup that someone has to remember to run is missing exactly when it is needed; the recovery point becomes "whenever someone last ran it".',
  fix: 'Schedule the backup: a cron line (/etc/cron.d/app-backup: `0 2 * * * app /srv/app/setup-prod.sh backup-db`), a systemd timer, or a backup service in compose — and alert when it fails.',
  references: [
    { title: 'PostgreSQL docs: SQL Dump', url: 'https://www.postgresql.org/docs/current/backup-dump.html' },
    { title: 'systemd.timer manual', url: 'https://www.freedesktop.org/software/systemd/man/latest/systemd.timer.html' },
  ],
  verify: 'crontab -l; ls /etc/cron.d; systemctl list-timers   # a line or timer runs {script}',
  messages: { unscheduled: '{script} can take a database dump, but no crontab, systemd timer, compose service or CI schedule in the repository runs it.' },
  check(facts, ctx) {
    const dumps = dumpCommands(facts);
    if (backupServices(facts).length > 0) return ctx.pass('compose backup service');
    if (dumps.length === 0) return ctx.notApplicable('no backup script in the repository');
    const cronText = [...facts.cron.map((e) => e.command.value), ...installedCronLines(facts)].join('\n');
    // Scheduled CI workflows count as a scheduler for the commands their steps run.
    const scheduledCi = facts.ci
      .filter((w) => w.schedules.length > 0)
      .flatMap((w) => w.jobs.flatMap((j) => j.steps.map((s) => s.run?.value ?? '')))
      .join('\n');
    if (/\bpg_dump(all)?\b/.test(scheduledCi)) return ctx.pass('scheduled CI workflow');
    const timers = facts.repo.files.filter((f) => f.kinds.includes('systemd-timer'));
    // Services a timer starts: their Exec lines run on the timer's schedule.
    const timerUnits = facts.systemd.filter((u) => u.type === 'timer');
    const timedText = facts.systemd
      .filter((u) => u.type === 'service' && timerUnits.some((t) => t.activates === u.name))
      .flatMap((u) => u.settings.filter((x) => x.key.startsWith('Exec')).map((x) => x.value.value))
      .join('\n');
    const seen = new Set<string>();
    for (const d of dumps) {
      if (d.cronFile) {
        ctx.pass(d.cronFile);
        continue;
      }
      const script = d.script?.path ?? d.command.loc.file;
      if (seen.has(script)) continue;
      seen.add(script);
      if (cronText.includes(basename(script)) || scheduledCi.includes(basename(script))) ctx.pass(script);
      // Scripts installed into /etc/cron.daily (and friends) are run by run-parts on that schedule.
      else if (/(^|\/)cron\.(hourly|daily|weekly|monthly)\//.test(script)) ctx.pass(script, 'installed in a cron.daily-style directory');
      else if (timedText.includes(basename(script))) ctx.pass(script, 'run by a systemd timer');
      else if (timers.length > 0)
        ctx.unknown(script, `systemd timers exist (${timers.map((t) => t.path).join(', ')}); whether one runs ${script} through its service unit is not resolved yet`);
      else ctx.fail('unscheduled', { at: d.command.loc, target: script, data: { script } });
    }
  },
});
