// A backup exists but nothing runs it on a schedule (seeds 001 and 002).
import { defineRule } from '../../core/define-rule.js';
import type { Facts } from '../../facts/index.js';
import type { SourceLoc } from '../../core/types/located.js';
import { deployUnits } from '../deploy/_deploy.js';
import { backupServices, basename, dumpCommands, type DumpCommand } from './_dumps.js';

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

/** Whether a dump runs as a step of a deploy flow (a deploy script, or a script a CI deploy job or deploy target runs). */
function inDeployFlow(facts: Facts, d: DumpCommand): string | null {
  const same = (a: SourceLoc) => a.file === d.command.loc.file && a.line === d.command.loc.line && a.col === d.command.loc.col;
  const u = deployUnits(facts).find((x) => x.steps.some((st) => same('loc' in st.at ? st.at.loc : st.at)));
  return u ? u.label : null;
}

export default defineRule({
  id: 'backup/not-scheduled',
  title: 'Backups are not scheduled',
  category: 'backup',
  severity: 'high',
  requires: ['shell', 'cron', 'compose', 'repo', 'ci', 'systemd', 'texts'],
  why: 'A backup that someone has to remember to run is missing exactly when it is needed; the recovery point becomes "whenever someone last ran it".',
  fix: 'Schedule the backup: a cron line (/etc/cron.d/app-backup: `0 2 * * * app /srv/app/setup-prod.sh backup-db`), a systemd timer, or a backup service in compose — and alert when it fails.',
  references: [
    { title: 'PostgreSQL docs: SQL Dump', url: 'https://www.postgresql.org/docs/current/backup-dump.html' },
    { title: 'systemd.timer manual', url: 'https://www.freedesktop.org/software/systemd/man/latest/systemd.timer.html' },
  ],
  verify: 'crontab -l; ls /etc/cron.d; systemctl list-timers   # a line or timer runs {script}',
  messages: {
    unscheduled: '{script} can take a database dump, but no crontab, systemd timer, compose service or CI schedule in the repository runs it.',
    deployOnly: 'The only database dump ({script}) is taken while deploying ({unit}); nothing takes a regular backup on a schedule, so the recovery point is the last deploy.',
  },
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
    let scheduled: string | null = null;
    let regular = 0;
    const preDeploy: { d: DumpCommand; script: string; unit: string }[] = [];
    for (const d of dumps) {
      if (d.cronFile) {
        ctx.pass(d.cronFile);
        scheduled ??= d.cronFile;
        continue;
      }
      const script = d.script?.path ?? d.command.loc.file;
      // Scripts installed into /etc/cron.daily (and friends) are run by run-parts on that schedule.
      const how =
        cronText.includes(basename(script)) || scheduledCi.includes(basename(script))
          ? ''
          : /(^|\/)cron\.(hourly|daily|weekly|monthly)\//.test(script)
            ? 'installed in a cron.daily-style directory'
            : timedText.includes(basename(script))
              ? 'run by a systemd timer'
              : null;
      if (how !== null) {
        scheduled ??= script;
        if (!seen.has(script)) ctx.pass(script, how || undefined);
        seen.add(script);
        continue;
      }
      // A dump taken by the deploy itself is the pre-deploy backup, not the regular one: it needs no schedule.
      const unit = inDeployFlow(facts, d);
      if (unit) {
        preDeploy.push({ d, script, unit });
        continue;
      }
      if (seen.has(script)) continue;
      seen.add(script);
      regular++;
      if (timers.length > 0)
        ctx.unknown(script, `systemd timers exist (${timers.map((t) => t.path).join(', ')}); whether one runs ${script} through its service unit is not resolved yet`);
      else ctx.fail('unscheduled', { at: d.command.loc, target: script, data: { script } });
    }
    for (const { d, script, unit } of preDeploy) {
      if (seen.has(script)) continue;
      seen.add(script);
      if (scheduled) ctx.pass(script, `pre-deploy backup taken by ${unit}; the regular backup (${scheduled}) is scheduled`);
      // The other dumps carry the verdict on the regular backup.
      else if (regular > 0) continue;
      else if (timers.length > 0) ctx.unknown(script, `the only dump is taken while deploying (${unit}); systemd timers exist (${timers.map((t) => t.path).join(', ')}) and whether one runs a backup is not resolved yet`);
      else ctx.fail('deployOnly', { at: d.command.loc, target: script, data: { script, unit } });
    }
  },
});
