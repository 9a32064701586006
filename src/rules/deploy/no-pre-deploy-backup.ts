// A deploy (with its migrations) runs without taking a database backup first (seed 001: "database backup before deployment").
import { defineRule } from '../../core/define-rule.js';
import { deployUnits } from './_deploy.js';

const BACKUP = /\b(pg_dump(all)?|pg_basebackup|dbbackup|backup|snapshot)\b/i;

export default defineRule({
  id: 'deploy/no-pre-deploy-backup',
  title: 'No backup before deploying',
  category: 'deployment',
  severity: 'low',
  requires: ['shell', 'ci', 'texts'],
  why: 'Migrations are not reversible in general (dropped columns, data migrations). When a deploy goes wrong, the only clean way back is a backup taken just before it; the nightly backup loses every change made since.',
  fix: 'Take a dump at the start of the deploy and stop if it fails: `pg_dump -Fc app -f "/var/backups/pre-deploy-$(date +%F-%H%M).dump"` (or call the backup script) before running migrations.',
  references: [
    { title: 'PostgreSQL docs: SQL Dump', url: 'https://www.postgresql.org/docs/current/backup-dump.html' },
    { title: 'Django docs: Migrations — reversing migrations', url: 'https://docs.djangoproject.com/en/stable/topics/migrations/#reversing-migrations' },
  ],
  verify: 'ls -lt /var/backups | head -3   # right after a deploy: expect a pre-deploy dump',
  messages: {
    noBackup: '{unit} deploys without taking a database backup first.',
  },
  check(facts, ctx) {
    const units = deployUnits(facts);
    if (units.length === 0) return ctx.notApplicable('no deploy script, CI deploy job or deploy target (see deploy/no-deploy-automation)');
    for (const u of units) {
      if (u.steps.some((s) => BACKUP.test(s.text))) ctx.pass(u.label);
      else ctx.fail('noBackup', { at: u.at, target: u.label, data: { unit: u.label } });
    }
  },
});
