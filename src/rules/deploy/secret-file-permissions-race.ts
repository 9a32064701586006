// A secret written to a file first and chmod-ed afterwards: readable by others in between (seed 002 #13).
import { defineRule } from '../../core/define-rule.js';
import type { ShellCommand, ShellScript } from '../../facts/scripts.js';

/** Modes that close the file to others (640 for a group such as www-data included). */
const PRIVATE_MODE = /^(0?[0-7][0-7]0|u[=+]rw?x?,?(go|g|o)?[=-]?.*|go?-rwx|og?-rwx|o-rwx|o=|a-rwx,u\+rw?)$/;

function chmodTargets(c: ShellCommand): string[] {
  if (c.effectiveName !== 'chmod') return [];
  const args = c.effectiveArgs.filter((a) => !a.startsWith('-'));
  return args.length >= 2 && PRIVATE_MODE.test(args[0]) ? args.slice(1) : [];
}

function writeTarget(c: ShellCommand): string | null {
  const r = c.redirections.find((x) => !x.inherited && (x.op === '>' || x.op === '>>' || x.op === '>|' || x.op === '&>') && x.fd !== 2);
  if (r?.target) return r.target.value;
  if (c.effectiveName === 'tee') return c.effectiveArgs.find((a) => !a.startsWith('-')) ?? null;
  return null;
}

/** A restrictive umask in force before `index` in the same function (or at top level). */
function umaskBefore(script: ShellScript, index: number, fn: string | null): boolean {
  return script.commands.slice(0, index).some((c) => c.effectiveName === 'umask' && (c.inFunction === fn || c.inFunction === null) && /^0?0?77$|^0?0?[0-7]77$|go?=|o=/.test(c.effectiveArgs[0] ?? ''));
}

export default defineRule({
  id: 'deploy/secret-file-permissions-race',
  title: 'Secret file created before its permissions are restricted',
  category: 'security',
  severity: 'medium',
  requires: ['shell'],
  why: 'The file exists with the default umask (often world-readable 0644) until chmod runs; another user or process on the host can read the secret in that window, and a failure between the two leaves it readable.',
  fix: 'Create the file with restrictive permissions from the start: `(umask 077 && printf %s "$secret" > "$file")`, or `install -m 600 /dev/null "$file"` before writing.',
  references: [
    { title: 'CWE-732: Incorrect Permission Assignment for Critical Resource', url: 'https://cwe.mitre.org/data/definitions/732.html' },
    { title: 'OWASP Secrets Management Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html' },
  ],
  verify: 'grep -n "umask 077" {script}',
  messages: { race: '{script} writes {file} and only afterwards restricts it with chmod (line {chmodLine}).' },
  check({ shell }, ctx) {
    let applicable = false;
    for (const script of shell) {
      script.commands.forEach((c, i) => {
        const target = writeTarget(c);
        if (!target) return;
        const later = script.commands.slice(i + 1, i + 6).find((n) => n.inFunction === c.inFunction && chmodTargets(n).includes(target));
        if (!later) return;
        applicable = true;
        if (umaskBefore(script, i, c.inFunction)) return ctx.pass(`${script.path}:${c.loc.line}`);
        ctx.fail('race', {
          at: c.loc,
          also: [later.loc],
          target: `${script.path}:${c.loc.line}`,
          data: { script: script.path, file: target, chmodLine: later.loc.line },
        });
      });
    }
    if (!applicable) ctx.notApplicable('no script writes a file and then restricts it with chmod');
  },
});
