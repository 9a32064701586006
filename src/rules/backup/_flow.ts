// What the repository's backup jobs do besides dumping: compress, encrypt, copy off the server, verify, cover media.
import type { Located, SourceLoc } from '../../core/types/located.js';
import type { ComposeService } from '../../facts/compose.js';
import type { Facts } from '../../facts/index.js';
import type { ShellCommand, ShellScript } from '../../facts/scripts.js';
import { backupServices, dumpCommands, type DumpCommand } from './_dumps.js';

/** Script names that say "part of the backup job" even without a pg_dump of their own (upload, media, sync...). */
const BACKUP_SCRIPT_NAME = /(backup|dump|snapshot|archive|off-?site|upload|replicat|restic|borg|rclone|s3-?sync|sync-?to)/i;
/** CI workflows or jobs about backups. */
const BACKUP_CI_NAME = /(backup|dump|snapshot|restore)/i;

/** A CI step's shell text that belongs to a backup workflow. */
export interface CiBackupStep {
  workflow: string;
  job: string;
  text: string;
  /** The `run:` value, or the `uses:` reference for action steps. */
  at: Located<string>;
  uses: string | null;
}

/** Everything the repository runs as part of its backups. */
export interface BackupJob {
  dumps: DumpCommand[];
  /** Scripts holding a dump, or named for backups. */
  scripts: ShellScript[];
  /** Commands of those scripts and of every crontab entry. */
  commands: ShellCommand[];
  /** Steps of scheduled or backup-named CI workflows. */
  ci: CiBackupStep[];
  /** Compose services that take backups (dedicated images, pg_dump commands, "backup" in the name). */
  services: ComposeService[];
}

function base(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Collects the backup job of the repository (possibly empty: check `dumps` and `services`). */
export function backupJob(facts: Facts): BackupJob {
  const dumps = dumpCommands(facts);
  const dumpScripts = new Set(dumps.map((d) => d.script).filter((s): s is ShellScript => s !== null));
  const scripts = facts.shell.filter((s) => dumpScripts.has(s) || BACKUP_SCRIPT_NAME.test(base(s.path)));
  const commands = [...scripts.flatMap((s) => s.commands), ...facts.cron.flatMap((e) => e.commands)];
  const ci: CiBackupStep[] = [];
  for (const w of facts.ci) {
    for (const j of w.jobs) {
      const about = w.schedules.length > 0 || BACKUP_CI_NAME.test(w.path) || BACKUP_CI_NAME.test(j.name.value);
      if (!about) continue;
      for (const s of j.steps) {
        const text = [s.run?.value ?? '', ...Object.values(s.with ?? {}).map((v) => v.value)].join('\n');
        const at = s.run ?? s.uses;
        if (at) ci.push({ workflow: w.path, job: j.name.value, text, at, uses: s.uses?.value ?? null });
      }
    }
  }
  // A scheduled CI workflow only belongs to the backups when it dumps or calls a backup script.
  const backupCi = ci.filter((s) => BACKUP_CI_NAME.test(s.workflow) || BACKUP_CI_NAME.test(s.job) || /\bpg_dump(all)?\b|backup/i.test(s.text));
  const keep = new Set(backupCi.map((s) => `${s.workflow}#${s.job}`));
  return { dumps, scripts, commands, ci: ci.filter((s) => keep.has(`${s.workflow}#${s.job}`)), services: backupServices(facts) };
}

/** True when the repository takes backups in any visible way. */
export function hasBackups(job: BackupJob): boolean {
  return job.dumps.length > 0 || job.services.length > 0 || job.ci.some((s) => /\bpg_dump(all)?\b/.test(s.text));
}

// ---------------------------------------------------------------------------------------------------------------
// Copying off the server.

/** `host:path`, `user@host:path`, `rsync://`, `host::module` — a remote rsync/scp operand (variables allowed). */
const REMOTE_OPERAND = /^(([\w.${}-]+@)?[\w.${}-]{2,}:(?!\/\/)|rsync:\/\/|sftp:\/\/|[\w.${}-]+::)/;
/** restic / borg repositories that are not local paths. */
const REMOTE_REPO = /^(s3:|b2:|gs:|azure:|swift:|sftp:|rest:|rclone:|ssh:\/\/|[\w.${}-]+@[\w.${}-]+:)/;
/** Backup images whose settings name a remote destination. */
const REMOTE_ENV = /(S3|BUCKET|AWS_|GCS|GOOGLE|AZURE|B2_|RCLONE|SFTP|SSH_(HOST|REMOTE)|WEBDAV|DROPBOX|REMOTE|MINIO|SWIFT|BACKUP_LOCATION)/i;

function argAfter(c: ShellCommand, ...flags: string[]): string | null {
  const a = c.effectiveArgs;
  for (let i = 0; i < a.length; i++) {
    for (const f of flags) {
      if (a[i] === f) return a[i + 1] ?? null;
      if (f.startsWith('--') && a[i].startsWith(`${f}=`)) return a[i].slice(f.length + 1);
    }
  }
  return null;
}

/** How a command copies data off the server ("rclone", "aws s3", "rsync to a host"...), or null. */
export function offsiteKind(c: ShellCommand, scriptAssigns: ReadonlyMap<string, string> = new Map()): string | null {
  const n = c.effectiveName;
  const a = c.effectiveArgs;
  const sub = a.find((x) => !x.startsWith('-')) ?? '';
  const has = (re: RegExp) => a.some((x) => re.test(x));
  if (n === 'rclone' && has(/^(copy|copyto|sync|move|moveto|rcat)$/)) return 'rclone';
  if (n === 'aws' && a.includes('s3') && a.some((x) => /^(cp|sync|mv)$/.test(x))) return 'aws s3';
  if (n === 'aws' && a.includes('s3api') && a.includes('put-object')) return 'aws s3api';
  if (n === 's3cmd' && /^(put|sync|cp)$/.test(sub)) return 's3cmd';
  if (n === 'gsutil' && a.some((x) => /^(cp|rsync|mv)$/.test(x))) return 'gsutil';
  if (n === 'gcloud' && a.includes('storage') && a.some((x) => /^(cp|rsync)$/.test(x))) return 'gcloud storage';
  if (n === 'az' && a.includes('storage')) return 'az storage';
  if (n === 'azcopy') return 'azcopy';
  if ((n === 'b2' && /^(upload-file|upload_file|sync|file)$/.test(sub)) || n === 'b2-upload') return 'b2';
  if (n === 'mc' && /^(cp|mirror|put)$/.test(sub)) return 'MinIO client';
  if (n === 'duplicity' || n === 'rdiff-backup' || n === 'lftp' || n === 'sftp') return n;
  if (n === 'restic' && has(/^(backup|copy)$/)) {
    const repo = argAfter(c, '-r', '--repo') ?? scriptAssigns.get('RESTIC_REPOSITORY') ?? c.env.find((e) => e.name === 'RESTIC_REPOSITORY')?.value?.value ?? null;
    return repo === null || REMOTE_REPO.test(repo) || repo.startsWith('$') ? 'restic' : null;
  }
  if (n === 'borg' && a.includes('create')) {
    const repo = a.find((x) => x.includes('::')) ?? scriptAssigns.get('BORG_REPO') ?? null;
    return repo === null || REMOTE_REPO.test(repo) || repo.startsWith('$') ? 'borg' : null;
  }
  if (n === 'borgmatic') return 'borgmatic';
  if ((n === 'rsync' || n === 'scp') && a.filter((x) => !x.startsWith('-')).some((x) => REMOTE_OPERAND.test(x) && !/^[A-Za-z]:[\\/]/.test(x))) return `${n} to another host`;
  if (n === 'ssh' && c.pipeline !== null && c.pipeline.index > 0) return 'ssh';
  if (n === 'curl' && a.some((x) => x === '-T' || x === '--upload-file' || /^-T./.test(x) || (x.startsWith('file=@') || /^@/.test(x)))) return 'curl upload';
  if ((n === 'wal-g' && a.includes('backup-push')) || n === 'pgbackrest') return n;
  // Cloud CLIs run from their images (`docker run amazon/aws-cli s3 cp ...`).
  const image = c.wrappers.find((w) => w.kind === 'docker-run')?.target ?? '';
  if (/(aws-cli|awscli|rclone|restic|google-cloud-cli|cloud-sdk|azure-cli|minio\/mc)/i.test(image)) return `${image.split(':')[0]} container`;
  // An upload helper of the project (`python scripts/upload_backup_to_s3.py`).
  if (/^(python3?|node|bash|sh|ruby)$/.test(n) && a.some((x) => /(upload|s3|gcs|bucket|off-?site|remote[-_]?backup|b2|dropbox)[\w.-]*\.(py|js|sh|rb)$/i.test(x))) return 'upload script';
  return null;
}

/** Variables assigned with a static value in a script (RESTIC_REPOSITORY, BORG_REPO...). */
export function staticAssigns(script: ShellScript | null): Map<string, string> {
  const m = new Map<string, string>();
  for (const a of script?.assignments ?? []) if (a.value) m.set(a.name, a.value.value);
  return m;
}

const OFFSITE_TEXT =
  /\b(rclone\s+(copy|copyto|sync|move|rcat)|aws\s+s3\s+(cp|sync|mv)|s3cmd\s+(put|sync)|gsutil\s+(-m\s+)?(cp|rsync)|gcloud\s+storage\s+(cp|rsync)|az\s+storage|azcopy|b2\s+(upload|sync)|restic\s+(-\S+\s+)*backup|borg\s+create|mc\s+(cp|mirror)|duplicity|scp\s+\S)/;

/** Where a CI backup step copies data off the runner (uploads, artifacts), or null. */
export function ciOffsiteKind(s: CiBackupStep): string | null {
  if (s.uses && /^actions\/upload-artifact@/.test(s.uses)) return 'CI artifact upload';
  if (s.uses && /(s3-sync|aws-actions|google-github-actions\/upload-cloud-storage|rclone|azure\/)/i.test(s.uses)) return s.uses.split('@')[0];
  const m = OFFSITE_TEXT.exec(s.text);
  return m ? m[1].split(/\s+/)[0] : null;
}

/** A compose backup service that writes to remote storage (by its image or its settings), with what shows it. */
export function serviceOffsite(s: ComposeService): string | null {
  if (s.image && /(s3|gcs|azure|b2|rclone|restic|borg)/i.test(s.image.value)) return `image ${s.image.value}`;
  const key = s.environment.find((e) => REMOTE_ENV.test(e.key.value) && e.value !== null && e.value.value !== '' && !/^(local|filesystem|file|fs|none|false|0)$/i.test(e.value.value));
  return key ? `setting ${key.key.value}` : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Encryption and compression.

/** How a command encrypts backup data ("gpg", "age", "restic"...), or null. */
export function encryptionKind(c: ShellCommand): string | null {
  const n = c.effectiveName;
  const a = c.effectiveArgs;
  if ((n === 'gpg' || n === 'gpg2') && a.some((x) => /^(-e|-c|--encrypt|--symmetric|-[a-zA-Z]*[ec][a-zA-Z]*)$/.test(x))) return 'gpg';
  if (n === 'gpgtar' && a.some((x) => /^(-e|-c|--encrypt|--symmetric)$/.test(x))) return 'gpgtar';
  if (n === 'age' || n === 'rage' || n === 'ccrypt' || n === 'mcrypt') return n;
  if (n === 'openssl' && /^(enc|smime|cms|aes-\d+-\w+)$/.test(a[0] ?? '') && !a.includes('-d')) return 'openssl';
  if (n === 'restic') return 'restic (always encrypted)';
  if (n === 'borg' && !a.some((x) => /^(--encryption=none|none)$/.test(x))) return 'borg';
  if (n === 'borgmatic') return 'borgmatic';
  if (n === 'duplicity' && !a.includes('--no-encryption')) return 'duplicity (gpg)';
  if (n === 'aws' && a.some((x) => /^--sse(-c|-kms-key-id)?(=|$)/.test(x))) return 'aws s3 --sse';
  if ((n === '7z' || n === 'zip') && a.some((x) => /^-p/.test(x) || x === '--encrypt' || x === '-e')) return n;
  if (n === 'rclone' && a.some((x) => /crypt[^:]*:/i.test(x))) return 'rclone crypt remote';
  if ((n === 'python' || n === 'python3') && a.includes('dbbackup') && a.some((x) => x === '--encrypt' || x === '-e')) return 'dbbackup --encrypt';
  return null;
}

const ENCRYPT_TEXT = /\b(gpg2?\s[^\n]*(-e\b|-c\b|--encrypt|--symmetric)|age\s+(-r|-R|-p|--recipient|--passphrase)|openssl\s+(enc|smime|cms)\b|restic\b|borg\s+create)/;

export function ciEncryptionKind(s: CiBackupStep): string | null {
  const m = ENCRYPT_TEXT.exec(s.text);
  return m ? m[1].split(/\s+/)[0] : null;
}

/** Backup images or settings that encrypt (GPG keys, passphrases, age recipients). */
export function serviceEncryption(s: ComposeService): string | null {
  const key = s.environment.find((e) => /(ENCRYPT|GPG|PASSPHRASE|AGE_|PUBLIC_KEY|CRYPT)/i.test(e.key.value) && e.value !== null && !/^(false|0|no|none)?$/i.test(e.value.value));
  if (key) return `setting ${key.key.value}`;
  if (s.image && /(restic|borg|duplicati|offen\/docker-volume-backup)/i.test(s.image.value) && s.environment.some((e) => /(PASSWORD|PASSPHRASE|GPG|AGE)/i.test(e.key.value))) return `image ${s.image.value}`;
  return null;
}

const COMPRESSORS = new Set(['gzip', 'pigz', 'zstd', 'pzstd', 'bzip2', 'pbzip2', 'lbzip2', 'xz', 'pxz', 'lz4', 'lzop', 'brotli', '7z', '7za', 'zip', 'lzma']);
const COMPRESSED_FILE = /\.(gz|tgz|zst|zstd|bz2|xz|lz4|lzo|br|7z|zip|lzma)["']?$/;

/** The compressing step of a command ("gzip", "tar -z", "restic"...), or null; decompression is not compression. */
export function compressionKind(c: ShellCommand): string | null {
  const n = c.effectiveName;
  const a = c.effectiveArgs;
  if (COMPRESSORS.has(n) && !a.some((x) => /^(-d|--decompress|--uncompress|-t|--test|-l|--list|-c?d[a-z]*)$/.test(x))) return n;
  if (n === 'tar' && a.some((x) => /^(-?[a-zA-Z]*[zjJ][a-zA-Z]*|--gzip|--bzip2|--xz|--zstd|--auto-compress|-a|--use-compress-program.*|-I)$/.test(x)) && a.some((x) => /^-?[a-zA-Z]*c/.test(x) || x === '--create')) return 'tar';
  if (n === 'restic' || n === 'borg' || n === 'borgmatic' || n === 'duplicity') return n;
  return null;
}

/** Whether pg_dump / pg_basebackup compresses by itself: custom / directory format, or -Z / --compress above 0. */
export function dumpSelfCompresses(c: ShellCommand): boolean {
  const a = c.effectiveArgs;
  const z = argAfter(c, '-Z', '--compress') ?? a.find((x) => /^-Z\d/.test(x))?.slice(2) ?? null;
  if (z !== null) return !/^(0|none)$/.test(z.trim());
  if (c.effectiveName === 'pg_basebackup') return a.some((x) => x === '-z' || x === '--gzip');
  if (c.effectiveName !== 'pg_dump') return false;
  const format = argAfter(c, '-F', '--format') ?? a.find((x) => /^-F./.test(x))?.slice(2) ?? 'p';
  return /^(c|custom|d|directory)$/i.test(format);
}

/** The file a command writes with `>` (or pg_dump's -f / --file), or null. */
export function outputFile(c: ShellCommand): string | null {
  const r = c.redirections.find((x) => (x.op === '>' || x.op === '>>' || x.op === '>|') && x.fd !== 2 && x.target);
  if (r?.target) return r.target.value;
  return argAfter(c, '-f', '--file');
}

export function writesCompressedFile(c: ShellCommand): boolean {
  const out = outputFile(c);
  return out !== null && COMPRESSED_FILE.test(out);
}

// ---------------------------------------------------------------------------------------------------------------
// Scopes: commands that belong together (the same function, or the top level of a script).

/** Commands of the script in the same function as `c` (or at top level), in source order. */
export function sameScope(script: ShellScript | null, c: ShellCommand): ShellCommand[] {
  if (!script) return [c];
  return script.commands.filter((o) => o.inFunction === c.inFunction);
}

/** Commands of the script in the same function as `c` plus the bodies of the script's functions that scope calls, transitively. */
export function scopeWithCalls(script: ShellScript | null, c: ShellCommand): ShellCommand[] {
  const own = sameScope(script, c);
  if (!script) return own;
  const names = new Set(script.functions.map((f) => f.value));
  const seen = new Set<string>(c.inFunction ? [c.inFunction] : []);
  const out = [...own];
  let frontier = own;
  while (frontier.length > 0) {
    const called = [...new Set(frontier.filter((o) => names.has(o.effectiveName) && !seen.has(o.effectiveName)).map((o) => o.effectiveName))];
    for (const n of called) seen.add(n);
    frontier = script.commands.filter((o) => o.inFunction !== null && called.includes(o.inFunction));
    out.push(...frontier);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Off-site copies, wherever they are made.

/** One way the backup job copies data off the server. */
export interface OffsiteCopy {
  kind: string;
  at: Located<unknown> | SourceLoc;
  command: ShellCommand | null;
  service: ComposeService | null;
  ci: CiBackupStep | null;
}

const REMOTE_STORAGE_BACKEND = /(s3|boto|gcloud|google|azure|dropbox|ftp|sftp|b2|spaces|minio)/i;

/** django-dbbackup writing to a remote storage (DBBACKUP_STORAGE or STORAGES["dbbackup"]), with where it is set. */
function dbbackupRemote(facts: Facts): { kind: string; at: SourceLoc } | null {
  for (const d of facts.django) {
    const direct = d.settings.DBBACKUP_STORAGE?.value;
    if (direct?.kind === 'literal' && typeof direct.value === 'string' && REMOTE_STORAGE_BACKEND.test(direct.value)) return { kind: `django-dbbackup to ${direct.value}`, at: direct.loc };
    const viaStorages = d.settings.STORAGES?.keys?.['dbbackup.BACKEND'];
    if (viaStorages?.kind === 'literal' && typeof viaStorages.value === 'string' && REMOTE_STORAGE_BACKEND.test(viaStorages.value)) return { kind: `django-dbbackup to ${viaStorages.value}`, at: viaStorages.loc };
  }
  return null;
}

/** Every off-site copy the backup job makes: commands, CI steps, backup services, django-dbbackup storage. */
export function offsiteCopies(facts: Facts, job: BackupJob): OffsiteCopy[] {
  const out: OffsiteCopy[] = [];
  for (const script of job.scripts) {
    const assigns = staticAssigns(script);
    for (const c of script.commands) {
      const kind = offsiteKind(c, assigns);
      if (kind) out.push({ kind, at: c.loc, command: c, service: null, ci: null });
    }
  }
  for (const e of facts.cron) {
    for (const c of e.commands) {
      const kind = offsiteKind(c);
      if (kind) out.push({ kind, at: c.loc, command: c, service: null, ci: null });
    }
  }
  for (const s of job.ci) {
    const kind = ciOffsiteKind(s);
    if (kind) out.push({ kind, at: s.at, command: null, service: null, ci: s });
  }
  for (const s of job.services) {
    const kind = serviceOffsite(s);
    if (kind) out.push({ kind, at: s.image ?? s.name, command: null, service: s, ci: null });
  }
  const dbb = dbbackupRemote(facts);
  if (dbb && job.commands.some((c) => c.effectiveArgs.includes('dbbackup'))) out.push({ kind: dbb.kind, at: dbb.at, command: null, service: null, ci: null });
  return out;
}

/** A variable's assignment to itself with an empty default (`S3_BUCKET="${S3_BUCKET:-}"`): optional, off by default. */
function emptyDefault(name: string, value: string): boolean {
  return new RegExp(`^\\$\\{${name}(:?-|:?=)(""|'')?\\}$`).test(value);
}

/** Whether any file of the repository gives `name` a value (scripts, env files, compose, systemd, cron, Makefiles, CI). */
function setSomewhere(facts: Facts, name: string): boolean {
  const nonEmpty = (v: string | null | undefined) => v !== null && v !== undefined && v !== '' && !emptyDefault(name, v);
  if (facts.shell.some((s) => s.assignments.some((a) => a.name === name && nonEmpty(a.value?.value)))) return true;
  if (facts.repo.envFiles.some((f) => f.entries.some((e) => e.key.value === name && e.value.value !== ''))) return true;
  if (facts.compose.some((p) => p.services.some((sv) => sv.environment.some((e) => e.key.value === name && nonEmpty(e.value?.value))))) return true;
  if (facts.django.some((d) => name in d.productionEnv)) return true;
  const assigns = new RegExp(`(^|[\\s"'])${name}=\\S`);
  if (facts.systemd.some((u) => u.settings.some((x) => assigns.test(x.value.value)))) return true;
  if (facts.cron.some((e) => name in e.env || e.commands.some((c) => c.env.some((a) => a.name === name && nonEmpty(a.value?.value))))) return true;
  if (facts.texts.some((t) => t.role === 'makefile' && t.lines.some((l) => assigns.test(l.value)))) return true;
  // CI `env:` blocks are not in the facts: a workflow naming the variable may set it.
  return facts.ci.some((w) => w.jobs.some((j) => j.steps.some((st) => [st.run?.value ?? '', ...Object.values(st.with ?? {}).map((v) => v.value)].some((t) => t.includes(name)))));
}

/** The part of a copy operand that says where it goes: `s3://$BUCKET/db/` -> `$BUCKET`, `$REMOTE:backups` -> `$REMOTE:backups`. */
function destinationHead(arg: string): string {
  return arg.replace(/^[a-z][\w+.-]*:\/\//i, '').split('/')[0];
}

/**
 * For an off-site copy command whose destination comes from a variable that the script defaults to empty
 * (`S3_BUCKET="${S3_BUCKET:-}"`) and that no file of the repository sets: the variable and that assignment. Such a
 * copy is skipped (or fails) unless the server's environment sets it, which the repository does not show.
 */
export function optionalDestination(facts: Facts, copy: OffsiteCopy): { variable: string; at: SourceLoc } | null {
  const c = copy.command;
  if (!c) return null;
  const script = facts.shell.find((s) => s.commands.includes(c));
  if (!script) return null;
  const positional = c.effectiveArgs.filter((a) => !a.startsWith('-'));
  const operands = c.effectiveArgs.filter((a, i) => /^[a-z][\w+.-]*:\/\//i.test(a) || /^[^/\s]*:/.test(a) || a === positional[positional.length - 1] || ['-r', '--repo'].includes(c.effectiveArgs[i - 1] ?? ''));
  for (const op of operands) {
    for (const m of destinationHead(op).matchAll(/\$\{?([A-Za-z_]\w*)/g)) {
      const name = m[1];
      const own = script.assignments.find((a) => a.name === name && a.value !== null && emptyDefault(name, a.value.value));
      if (own && !setSomewhere(facts, name)) return { variable: name, at: own.loc };
    }
  }
  return null;
}

/** Where the backup job is, for findings about the job as a whole: its first dump, else its first service. */
export function jobAnchor(job: BackupJob): { at: Located<unknown> | SourceLoc; where: string } | null {
  const d = job.dumps[0];
  if (d) return { at: d.command.loc, where: d.script?.path ?? d.cronFile ?? d.command.loc.file };
  const s = job.services[0];
  if (s) return { at: s.image ?? s.name, where: `compose service "${s.name.value}" (${s.file})` };
  const c = job.ci.find((x) => /\bpg_dump(all)?\b/.test(x.text));
  if (c) return { at: c.at, where: `${c.workflow} job ${c.job}` };
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Shell options in effect.

/**
 * Whether a shell option (errexit, pipefail) is on when `c` runs: the last change before it at top level or in its
 * own function; for a command inside a function, a top-level `set` anywhere counts (functions run after the script's
 * preamble). Null when nothing sets it.
 */
export function optionInEffect(script: ShellScript, c: ShellCommand, name: string): { enabled: boolean; at: Located<string> } | null {
  const relevant = script.options.filter((o) => o.name === name && (o.topLevel || (c.inFunction !== null && o.inFunction === c.inFunction)));
  const before = relevant.filter((o) => o.at.loc.line < c.loc.line && (o.topLevel || o.inFunction === c.inFunction));
  const own = before.filter((o) => c.inFunction !== null && o.inFunction === c.inFunction);
  const pick = own[own.length - 1] ?? before[before.length - 1] ?? (c.inFunction !== null ? relevant.filter((o) => o.topLevel)[0] : undefined);
  return pick ? { enabled: pick.enabled, at: pick.at } : null;
}

/** Commands that delete older backups (a failed run followed by pruning leaves fewer good copies). */
export function deletesFiles(c: ShellCommand): boolean {
  const n = c.effectiveName;
  const a = c.effectiveArgs;
  if (n === 'rm') return true;
  if (n === 'find') return a.includes('-delete') || a.includes('rm');
  if (n === 'restic') return a.includes('forget') || a.includes('prune');
  if (n === 'borg') return a.includes('prune');
  if (n === 'aws') return a.includes('rm');
  if (n === 'rclone') return a.includes('delete') || a.includes('purge');
  return false;
}
