// systemd unit collector: parses .service/.socket/.timer files of the repository once, reports invalid lines.
import type { FactKind } from '../../facts/index.js';
import type { SystemdUnit } from '../../facts/scripts.js';
import { parseSystemdUnit } from '../../parsers/systemd.js';
import type { RepoCollectContext } from './context.js';

/** The fact kind these units are filed under (`Facts.systemd`, wired in src/facts/index.ts). */
const KIND: FactKind = 'systemd';

/** Parses every systemd unit (kinds `systemd-unit` and `systemd-timer`), in path order. */
export function collectSystemdUnits(ctx: RepoCollectContext): SystemdUnit[] {
  const out: SystemdUnit[] = [];
  for (const f of ctx.files) {
    if (!f.kinds.includes('systemd-unit') && !f.kinds.includes('systemd-timer')) continue;
    const src = ctx.read(f.path, KIND);
    if (!src) continue;
    const { unit, problems } = parseSystemdUnit(f.path, src.text);
    // systemd skips such lines with a warning and loads the rest of the unit, and so does the audit.
    const first = problems[0];
    if (first) ctx.parseWarning({ path: f.path, line: first.line, col: first.col, message: `${first.message} (systemd ignores this line)`, as: 'systemd unit' });
    out.push(unit);
  }
  return out;
}
