#!/usr/bin/env node
// Entry point: argv -> command, and the one place that maps errors to exit codes (0 ok, 1 findings, 2 usage).
import { Command, CommanderError, Option } from 'commander';
import { ExitError, UsageError } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import { scanCommand } from './commands/scan.js';
import { explainCommand, rulesCommand } from './commands/rules.js';

function program(): Command {
  const cli = new Command('opsaudit')
    .description('Audits a self-hosted Django production setup and reports findings with evidence.')
    .version(VERSION)
    .option('--verbose', 'show stack traces for internal errors')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');

  cli
    .command('scan')
    .description('audit a repository (default: the current directory)')
    .argument('[path]', 'repository to audit', '.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['terminal', 'json', 'markdown']).default('terminal'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding at or above this severity exists').choices(['critical', 'high', 'medium', 'low', 'info']))
    .option('-q, --quiet', 'no progress line and no summary on stderr')
    .option('--no-color', 'disable colours (also NO_COLOR=1)')
    .addHelpText(
      'after',
      '\nExamples:\n  opsaudit scan\n  opsaudit scan examples/onespirit --format json --output report.json\n  opsaudit scan . --format markdown --fail-on high',
    )
    .action((path: string, opts) => scanCommand(path, opts));

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

function main(argv: string[]): number {
  try {
    program().parse(argv);
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

process.exitCode = main(process.argv);
