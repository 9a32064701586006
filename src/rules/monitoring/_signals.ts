// What the repository shows of monitoring and alerting: monitoring services, heartbeat pings, alert channels.
import type { Located, SourceLoc } from '../../core/types/located.js';
import type { Facts } from '../../facts/index.js';
import type { ShellCommand } from '../../facts/scripts.js';
import { documents } from '../dr/_docs.js';
import { isDevFile } from '../django/_stack.js';

/** Evidence of a monitoring or alerting mechanism. */
export interface Signal {
  what: string;
  at: Located<unknown> | SourceLoc;
}

/** Monitoring and uptime services run next to the app. */
const MONITOR_IMAGE =
  /(uptime-kuma|gatus|(^|\/)prometheus(:|$)|prom\/prometheus|blackbox[-_]exporter|alertmanager|netdata|zabbix|nagios|icinga|checkmk|datadog\/agent|newrelic\/infrastructure|grafana\/(agent|alloy)|statping|healthchecks\/healthchecks|(^|\/)monit(:|$)|uptime-robot|upptime|cachet)/i;
/** Services that alert by themselves (notifications are configured in their UI or account). */
const ALERTING_IMAGE = /(uptime-kuma|gatus|alertmanager|healthchecks\/healthchecks|netdata|zabbix|nagios|icinga|checkmk|datadog\/agent|statping)/i;
/** Hosted heartbeat / uptime services pinged from scripts or cron. */
export const PING_SERVICE =
  /(hc-ping\.com|healthchecks\.io|cronitor\.(io|link)|betteruptime\.com|uptime\.betterstack\.com|heartbeat\.uptimerobot\.com|uptimerobot\.com|nosnch\.in|deadmanssnitch\.com|pushmon\.|statuscake\.com|cronhub\.io|\/api\/push\/[\w-]+|sentry\.io\/api\/\d+\/cron)/i;
/** Alert destinations: chat webhooks, paging services, mail. */
export const ALERT_DESTINATION =
  /(hooks\.slack\.com|slack\.com\/api\/chat\.postMessage|discord(app)?\.com\/api\/webhooks|api\.telegram\.org\/bot|events\.pagerduty\.com|api\.opsgenie\.com|webhook\.office\.com|outlook\.office\.com\/webhook|ntfy\.sh|api\.pushover\.net|gotify|matrix\.org\/_matrix|(\$\{?|\$\{\{\s*(secrets|vars|env)\.)\w*(SLACK|DISCORD|TELEGRAM|TEAMS|PAGERDUTY|OPSGENIE|NTFY|PUSHOVER|MATTERMOST|ALERT|NOTIFY|NOTIFICATION)\w*)/i;
const MAIL_COMMANDS = new Set(['mail', 'mailx', 'sendmail', 'msmtp', 'ssmtp', 'mutt', 'swaks', 's-nail', 'bsd-mailx']);
/** CI actions that notify a channel. */
const NOTIFY_ACTION = /(slack|discord|telegram|teams|send-mail|sendmail|email|notify|pagerduty|opsgenie|ntfy|pushover|mattermost|matrix)/i;
/** External monitoring services named in documentation. */
const MONITORING_NAMES =
  /(uptime\s?robot|better\s?uptime|better\s?stack|pingdom|statuscake|freshping|healthchecks\.io|cronitor|uptime[\s-]kuma|gatus|site24x7|hetrixtools|updown\.io|oh\s?dear|datadog|new\s?relic|grafana|prometheus|zabbix|nagios|icinga|netdata|checkly)/i;
/** Alert routing described in documentation. */
const DOC_ALERTS = /((alert|notif|pag)\w*[^\n]{0,80}\b(slack|pagerduty|opsgenie|e-?mail|telegram|discord|teams|sms|on-?call)\b|\b(slack|pagerduty|opsgenie|telegram|discord)\b[^\n]{0,80}\b(alert|notif)\w*)/i;

function commandText(c: ShellCommand): string {
  return `${c.effectiveName} ${c.effectiveArgs.join(' ')} ${c.text}`;
}

/** Every shell command the repository runs in production: scripts, crontab entries, systemd units. */
function productionCommands(facts: Facts): { c: ShellCommand; where: string }[] {
  return [
    ...facts.shell.filter((s) => !isDevFile(s.path)).flatMap((s) => s.commands.map((c) => ({ c, where: s.path }))),
    ...facts.cron.flatMap((e) => e.commands.map((c) => ({ c, where: e.path }))),
    ...facts.systemd.flatMap((u) => u.commands.map((c) => ({ c, where: u.path }))),
  ];
}

function scheduledNames(facts: Facts): string {
  return [
    ...facts.cron.map((e) => e.command.value),
    ...facts.systemd.flatMap((u) => u.settings.filter((s) => s.key.startsWith('Exec')).map((s) => s.value.value)),
    ...facts.ci.filter((w) => w.schedules.length > 0).flatMap((w) => w.jobs.flatMap((j) => j.steps.map((s) => s.run?.value ?? ''))),
  ].join('\n');
}

/** How the service's availability is watched: monitoring services, heartbeat pings, scheduled probes, documented tools. */
export function monitoringSignals(facts: Facts): Signal[] {
  const out: Signal[] = [];
  for (const p of facts.compose) {
    if (p.purpose.kind === 'development' || p.purpose.kind === 'test') continue;
    for (const s of p.services) if (s.image && MONITOR_IMAGE.test(s.image.value)) out.push({ what: `compose service "${s.name.value}" (${s.image.value})`, at: s.image });
  }
  for (const { c, where } of productionCommands(facts)) {
    if (PING_SERVICE.test(commandText(c))) out.push({ what: `heartbeat ping in ${where}`, at: c.loc });
  }
  const scheduled = scheduledNames(facts);
  for (const s of facts.shell) {
    const name = s.path.slice(s.path.lastIndexOf('/') + 1);
    if (/(monitor|uptime|watchdog|health[-_]?check|check[-_]?(site|health|up))/i.test(name) && scheduled.includes(name)) {
      out.push({ what: `scheduled monitoring script ${s.path}`, at: s.commands[0]?.loc ?? { file: s.path, line: 1, col: 1, endLine: 1, endCol: 1 } });
    }
  }
  for (const w of facts.ci) {
    if (w.schedules.length === 0) continue;
    for (const j of w.jobs) {
      for (const st of j.steps) {
        const text = `${st.run?.value ?? ''}\n${st.uses?.value ?? ''}`;
        if (/\b(curl|wget)\b[^\n]*(-f|--fail|https?:\/\/)|url-health-check|upptime/i.test(text) && !/hooks\.slack\.com|discord/.test(text)) {
          out.push({ what: `scheduled probe in ${w.path} job ${j.name.value}`, at: st.run ?? st.uses ?? j.name });
        }
      }
    }
  }
  for (const t of facts.texts) {
    if (t.role === 'tool-config' && /(prometheus|alertmanager|gatus|monitrc|blackbox|uptime-kuma)/i.test(t.path) && t.lines[0]) out.push({ what: `monitoring config ${t.path}`, at: t.lines[0] });
  }
  for (const f of facts.repo.files) if (/(^|\/)\.upptimerc\.ya?ml$/.test(f.path)) out.push({ what: `Upptime config ${f.path}`, at: { file: f.path, line: 1, col: 1, endLine: 1, endCol: 1 } });
  for (const d of documents(facts)) {
    const line = d.lines.find((l) => MONITORING_NAMES.test(l.value) && /(monitor|uptime|alert|ping|check|status)/i.test(l.value));
    if (line) out.push({ what: `monitoring described in ${d.path}`, at: line });
  }
  return out;
}

/** Where failures are sent: alertmanager receivers, chat webhooks, mail, MAILTO, CI notifications, alerting services. */
export function alertingSignals(facts: Facts): Signal[] {
  const out: Signal[] = [];
  for (const p of facts.compose) {
    if (p.purpose.kind === 'development' || p.purpose.kind === 'test') continue;
    for (const s of p.services) if (s.image && ALERTING_IMAGE.test(s.image.value)) out.push({ what: `compose service "${s.name.value}" (${s.image.value})`, at: s.image });
  }
  for (const { c, where } of productionCommands(facts)) {
    const text = commandText(c);
    if (PING_SERVICE.test(text)) out.push({ what: `heartbeat service pinged from ${where} (alerts when pings stop)`, at: c.loc });
    // Also inside `trap '...' ERR` strings and helper calls, whose argument text is not parsed as commands.
    else if (/\b(curl|wget|http|apprise)\b/.test(text) && ALERT_DESTINATION.test(text)) out.push({ what: `notification from ${where}`, at: c.loc });
    else if (MAIL_COMMANDS.has(c.effectiveName)) out.push({ what: `${c.effectiveName} in ${where}`, at: c.loc });
  }
  for (const e of facts.cron) {
    const mailto = e.env.MAILTO;
    if (mailto && mailto.value.trim() !== '' && mailto.value.trim() !== '""') out.push({ what: `MAILTO in ${e.path}`, at: mailto });
  }
  for (const w of facts.ci) {
    for (const j of w.jobs) {
      for (const st of j.steps) {
        if (st.uses && NOTIFY_ACTION.test(st.uses.value.split('@')[0])) out.push({ what: `CI notification (${st.uses.value}) in ${w.path}`, at: st.uses });
        else if (st.run && ALERT_DESTINATION.test(st.run.value) && /\b(curl|wget)\b/.test(st.run.value)) out.push({ what: `CI notification in ${w.path}`, at: st.run });
      }
    }
  }
  for (const t of facts.texts) {
    if (t.role !== 'tool-config') continue;
    const line = t.lines.find((l) => /^\s*-?\s*(slack_configs|pagerduty_configs|email_configs|webhook_configs|opsgenie_configs|telegram_configs|discord_configs|msteams_configs|pushover_configs|contactPoints|alerting)\s*:/.test(l.value));
    if (line) out.push({ what: `alert receivers in ${t.path}`, at: line });
  }
  for (const d of documents(facts)) {
    const line = d.lines.find((l) => DOC_ALERTS.test(l.value));
    if (line) out.push({ what: `alert routing described in ${d.path}`, at: line });
  }
  return out.filter((s, i) => out.findIndex((o) => o.what === s.what) === i);
}
