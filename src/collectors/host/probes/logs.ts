// Probe: logrotate rules versus the app and nginx log files, and journald's disk usage.
import type { JournalUsage, LogrotateRule, LogrotateState, Probed } from '../../../facts/host.js';
import { parseLogrotate } from '../../../parsers/logrotate.js';
import type { ProbeRunner, RunOutcome } from '../runner.js';
import { known, lines, unknownResult } from './result.js';

/** Log directories whose files belong to the stack (nginx, app servers, workers, Django). */
const STACK_LOG = /^\/var\/log\/(nginx|gunicorn|uwsgi|daphne|uvicorn|celery|django|supervisor|app|web)[^/]*\//i;

/** Logrotate stanzas of one file, via the shared logrotate parser. */
export function logrotateRules(source: string, text: string): LogrotateRule[] {
  return parseLogrotate(source, text).config.stanzas.map((s) => ({ source, patterns: s.files.map((f) => f.value) }));
}

export async function probeLogrotate(r: ProbeRunner, appLogDirs: readonly string[]): Promise<Probed<LogrotateState>> {
  const outcomes: RunOutcome[] = [];
  const rules: LogrotateRule[] = [];
  const [conf, dir, varlog] = await Promise.all([r.run('logrotate-conf'), r.run('logrotate-d'), r.run('log-files', ['/var/log'])]);
  outcomes.push(conf, dir);
  if (conf.status === 'ok') rules.push(...logrotateRules('/etc/logrotate.conf', conf.stdout));
  if (dir.status === 'ok') {
    const paths = lines(dir.stdout)
      .sort()
      .filter((p) => !/(\.dpkg-\w+|~|\.disabled)$/.test(p));
    const reads = await Promise.all(paths.map((p) => r.run('cat-file', [p])));
    outcomes.push(...reads);
    for (const [i, c] of reads.entries()) {
      if (c.status === 'ok') rules.push(...logrotateRules(paths[i], c.stdout));
      else return unknownResult(`the logrotate config ${paths[i]} could not be read: ${c.reason}`, ...outcomes);
    }
  }
  if (conf.status !== 'ok' && dir.status !== 'ok') {
    const missing = /No such file/i.test(conf.stderr) && /No such file/i.test(dir.stderr);
    if (!missing) return unknownResult(`logrotate configs could not be read: ${conf.reason}`, ...outcomes);
  }
  const logFiles: string[] = [];
  outcomes.push(varlog);
  if (varlog.status === 'ok' || varlog.stdout.trim()) logFiles.push(...lines(varlog.stdout).filter((f) => STACK_LOG.test(f)));
  else return unknownResult(`log files under /var/log could not be listed: ${varlog.reason}`, ...outcomes);
  for (const d of appLogDirs) {
    const o = await r.run('log-files', [d]);
    outcomes.push(o);
    if (o.status === 'ok') logFiles.push(...lines(o.stdout));
    else if (!/No such file/i.test(o.stderr)) return unknownResult(`log files under ${d} could not be listed: ${o.reason}`, ...outcomes);
  }
  return known({ rules, logFiles: [...new Set(logFiles)].sort() }, ...outcomes);
}

const UNITS: Record<string, number> = { B: 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4, P: 1024 ** 5 };

/** Parses `journalctl --disk-usage` ("... take up 1.2G in the file system."). */
export function parseJournalUsage(text: string): number | null {
  const m = /take up ([\d.]+)\s*([BKMGTP])/.exec(text);
  return m ? Math.round(Number(m[1]) * UNITS[m[2]]) : null;
}

export async function probeJournald(r: ProbeRunner): Promise<Probed<JournalUsage>> {
  const o = await r.run('journald-usage');
  const bytes = parseJournalUsage(o.stdout + o.stderr);
  if (bytes === null) return unknownResult(`journal disk usage could not be read: ${o.reason || 'unexpected output'}`, o);
  return known({ bytes }, o);
}
