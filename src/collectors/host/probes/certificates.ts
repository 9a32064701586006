// Probe: certificates on disk (certbot's live/*/cert.pem): subject, expiry, and how they are renewed.
import type { CertificateFile, CertificateState, HostCrontabs, Probed, TimerInfo } from '../../../facts/host.js';
import type { ProbeRunner, RunOutcome } from '../runner.js';
import { known, lines, unknownResult } from './result.js';

/** Parses `openssl x509 -noout -subject -enddate`. */
export function parseX509(text: string): { subject: string; notAfter: string } | null {
  const subject = /^subject=\s*(.*)$/m.exec(text)?.[1]?.trim() ?? '';
  const end = /^notAfter=(.*)$/m.exec(text)?.[1]?.trim();
  if (!end) return null;
  const d = new Date(end.replace(/\s+GMT$/, ' UTC'));
  return Number.isNaN(d.getTime()) ? null : { subject, notAfter: d.toISOString() };
}

/** The renewal mechanism: certbot's systemd timer (deb or snap) or a cron line running certbot / acme.sh. */
export function findRenewal(timers: Probed<TimerInfo[] | null>, cron: Probed<HostCrontabs>): string | null {
  if (timers.ok && timers.value) {
    const t = timers.value.find((x) => /certbot|letsencrypt|acme/i.test(x.unit));
    if (t) return `systemd timer ${t.unit}`;
  }
  if (cron.ok) {
    const c = cron.value.lines.find((x) => x.certRenewal);
    if (c) return `cron (${c.source}): ${c.line}`;
  }
  return null;
}

export async function probeCertificates(
  r: ProbeRunner,
  liveDir: string,
  timers: Probed<TimerInfo[] | null>,
  cron: Probed<HostCrontabs>,
): Promise<Probed<CertificateState>> {
  const outcomes: RunOutcome[] = [];
  const list = await r.run('cert-files', [liveDir]);
  outcomes.push(list);
  if (list.status !== 'ok') {
    if (list.status === 'failed' && /No such file/i.test(list.stderr)) return known({ certificates: [], renewal: findRenewal(timers, cron) }, ...outcomes);
    return unknownResult(`certificates under ${liveDir} could not be listed: ${list.reason}`, ...outcomes);
  }
  const certificates: CertificateFile[] = [];
  for (const path of lines(list.stdout).sort()) {
    const o = await r.run('cert-read', [path]);
    outcomes.push(o);
    const parsed = o.status === 'ok' ? parseX509(o.stdout) : null;
    if (!parsed || !o.proof) return unknownResult(`the certificate ${path} could not be read: ${o.reason || 'no notAfter in the output'}`, ...outcomes);
    certificates.push({ path, ...parsed, proof: o.proof });
  }
  const renewalSources = [...timers.proof, ...cron.proof];
  const value = { certificates, renewal: findRenewal(timers, cron) };
  return { ok: true, value, proof: [...outcomes.flatMap((o) => (o.proof ? [o.proof] : [])), ...renewalSources] };
}
