// `opsaudit probes`: the allowlist — every command the host audit may run, grouped, with what needs root.
import { listCommands, templateText } from '../../collectors/host/allowlist.js';

export function probesCommand(): void {
  const out: string[] = [
    'Commands `opsaudit scan --host` may run on a server (read-only; nothing else is ever run).',
    'Each is a fixed argument vector; <path>, <unit> and <container> are values found by other probes, validated and',
    'passed as single quoted arguments. "root" commands run only as root or with --sudo (`sudo -n`, never a prompt).',
    '',
  ];
  let group = '';
  for (const c of listCommands()) {
    if (c.group !== group) {
      group = c.group;
      out.push(`[${group}]`);
    }
    const sudo = c.sudo === 'root' ? 'root  ' : c.sudo === 'better' ? 'sudo? ' : '      ';
    out.push(`  ${sudo}${templateText(c)}`);
    out.push(`        reads ${c.reads}`);
  }
  out.push('', 'root: skipped (the checks needing it are unknown) unless run as root or with --sudo.', 'sudo?: run through sudo -n when --sudo is given, for more detail (e.g. process names, other users\' files).');
  process.stdout.write(`${out.join('\n')}\n`);
}
