#!/usr/bin/env node
// Entry point: argv -> command, and the one place that maps errors to exit codes (0 ok, 1 findings, 2 usage,
// 3 a --host could not be audited at all).
import { Command, CommanderError, Option } from 'commander';
import { ExitError, UsageError } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import { scanCommand } from './commands/scan.js';
import { addEndpointOptions } from './endpoint-options.js';
import { addHostOptions } from './host-options.js';
import { probesCommand } from './commands/probes.js';
import { explainCommand, rulesCommand } from './commands/rules.js';
import { ENGINES, verifyBackupCommand } from './commands/verify-backup.js';

function program(): Command {
  const cli = new Command('opsaudit')
    .description('Audits a self-hosted Django production setup and reports findings with evidence.')
    .version(VERSION)
    .option('--verbose', 'show stack traces for internal errors')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');

  const scan = cli
    .command('scan')
    .description('audit a repository (default: the current directory), live URLs (--url) and/or servers (--host)')
    .argument('[path]', 'repository to audit (default: the current directory, unless only --url is given)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['terminal', 'json', 'markdown', 'html', 'sarif']).default('terminal'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when an unsuppressed finding at or above this severity exists').choices(['critical', 'high', 'medium', 'low', 'info']),
    )
    .option('--baseline <file>', 'a JSON report of an earlier scan: mark findings new or unchanged and list the fixed ones')
    .addOption(
      new Option('--fail-on-new <severity>', 'with --baseline: exit 1 when a new unsuppressed finding at or above this severity exists').choices([
        'critical',
        'high',
        'medium',
        'low',
        'info',
      ]),
    )
    .option('--rule-docs-url <url>', 'absolute URL of the published docs/rules/ directory (SARIF helpUri)')
    .option('--verify-backups', 'restore the newest backup the repository points at (dump scripts, backup mounts, backups/) and of each --host into a throwaway PostgreSQL here')
    .addOption(new Option('--backup-engine <engine>', 'with --verify-backups: where to restore (as verify-backup --engine)').choices([...ENGINES]))
    .option('--scratch-dsn <url>', 'with --verify-backups: postgres://… of a server where a temporary database may be created and dropped (also OPSAUDIT_SCRATCH_DSN)')
    .option('--pg-bin <dirs>', 'with --verify-backups: search PostgreSQL programs only in these directories (colon-separated)')
    .option('-q, --quiet', 'no progress line and nothing on stderr but errors')
    .option('--no-color', 'disable colours (also NO_COLOR=1)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  opsaudit scan',
        '  opsaudit scan examples/onespirit --format json --output report.json',
        '  opsaudit scan . --format markdown --fail-on high',
        '  opsaudit scan . --format html --output audit.html',
        '  opsaudit scan . --format sarif --output opsaudit.sarif',
        '  opsaudit scan . --baseline main.json --fail-on-new high',
        '  opsaudit scan --url https://app.example.com --cert-days-high 21',
        '  opsaudit scan . --url https://app.example.com --url https://api.example.com',
        '  opsaudit scan . --host deploy@web1.example.com --sudo',
        '  opsaudit scan --inventory hosts.ini --limit web --format json -o fleet.json',
        '  opsaudit scan --host local',
        '  opsaudit scan . --host deploy@db1.example.com --verify-backups   # the newest backup is copied here and restored here',
        '',
        'Suppressions: .opsaudit.yml at the repository root (schema/opsaudit.schema.json), or a comment',
        '  # opsaudit: ignore[rule-id] reason   on the finding\'s line or the line above it.',
        '',
        '--host runs only the read-only commands listed by `opsaudit probes`. Exit code 3: a host could not be audited.',
      ].join('\n'),
    )
    .action((path: string | undefined, opts) => scanCommand(path, opts));
  addEndpointOptions(scan);
  addHostOptions(scan);

  cli
    .command('verify-backup')
    .description('restore backups into a throwaway PostgreSQL and prove they work (never touches the source database)')
    .argument('<paths...>', 'dump files, directory dumps, or folders of backups (the newest is verified)')
    .option('--all', 'verify every backup in a folder, not only the newest')
    .addOption(new Option('--engine <engine>', 'where to restore: a throwaway cluster, a scratch database on --scratch-dsn, or embedded PGlite').choices([...ENGINES]).default('auto'))
    .option('--scratch-dsn <url>', 'postgres://user:password@host:port/db of a server where a temporary database may be created and dropped (also OPSAUDIT_SCRATCH_DSN)')
    .option('--expect-tables <tables>', 'comma-separated tables that must be restored, e.g. auth_user,orders')
    .option('--min-rows <table=N>', 'a table must have at least N rows (repeatable, or comma-separated)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--rpo <duration>', 'maximum age of the newest backup (90m, 24h, 7d)', '24h')
    .option('--rto <duration>', 'maximum restore time (90s, 15m, 4h); the measured time is reported either way')
    .option('--pg-bin <dirs>', 'search PostgreSQL programs only in these directories (colon-separated; also OPSAUDIT_PG_PATH)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['terminal', 'json', 'markdown', 'html', 'sarif']).default('terminal'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding at or above this severity exists').choices(['critical', 'high', 'medium', 'low', 'info']).default('high'))
    .option('-q, --quiet', 'no progress line and nothing on stderr but errors')
    .option('--no-color', 'disable colours (also NO_COLOR=1)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  opsaudit verify-backup /var/backups/postgres            # the newest backup in the folder',
        '  opsaudit verify-backup db.dump --expect-tables auth_user,orders --min-rows orders=1000',
        '  opsaudit verify-backup /var/backups/postgres --all --rpo 24h --rto 30m --format json -o restore.json',
        '  OPSAUDIT_SCRATCH_DSN=postgres://verify:secret@db-test:5432/postgres opsaudit verify-backup db.sql.gz --engine dsn',
        '',
        'The backup is only read. It is restored into a throwaway PostgreSQL cluster (initdb on a free loopback port in a',
        'temp directory, run as an unprivileged user when opsaudit runs as root), a uniquely named scratch database on',
        '--scratch-dsn, or in-process PGlite for plain SQL when no PostgreSQL is installed; all are removed afterwards.',
      ].join('\n'),
    )
    .action((paths: string[], opts) => verifyBackupCommand(paths, opts));

  cli
    .command('probes')
    .description('list every command `scan --host` may run on a server (the read-only allowlist)')
    .addHelpText('after', '\nExample:\n  opsaudit probes')
    .action(() => probesCommand());

  cli
    .command('rules')
    .description('list every rule with its severity and category')
    .addHelpText('after', '\nExample:\n  opsaudit rules')
    .action(() => rulesCommand());

  cli
    .command('explain')
    .description('show why a rule matters, how to fix it and how to verify')
    .argument('<rule>', 'rule id, e.g. django/debug-enabled')
    .addHelpText('after', '\nExample:\n  opsaudit explain compose/redis-without-password')
    .action((rule: string) => explainCommand(rule));
  return cli;
}

async function main(argv: string[]): Promise<number> {
  try {
    // parseAsync: verify-backup's action is asynchronous (child processes, PGlite); the others run as before.
    await program().parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof UsageError) {
      process.stderr.write(`opsaudit: ${err.message}\n`);
      return 2;
    }
    if (err instanceof ExitError) {
      if (err.message) process.stderr.write(`opsaudit: ${err.message}\n`);
      return err.code;
    }
    const e = err as Error;
    process.stderr.write(
      `opsaudit: internal error (this is a bug): ${e.message}\n${process.argv.includes('--verbose') ? `${e.stack}\n` : 'Run again with --verbose for the stack trace, and please report it.\n'}`,
    );
    return 2;
  }
}

// `opsaudit scan | head`: the reader went away, which is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

main(process.argv).then((code) => {
  process.exitCode = code;
});
