// Lab data on disk: a real pg_dump backup, an older one, a short-lived certificate, an app log, a deploy checkout.
import { execFileSync } from 'node:child_process';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pgBin, type Services } from './lab.js';

export interface LabData {
  backupDir: string;
  certDir: string;
  appLogDir: string;
  deployDir: string;
  /** The newest backup file. */
  newestBackup: string;
}

/** Writes the lab data under `root`; the backup is a real custom-format dump of the lab PostgreSQL. */
export function writeLabData(root: string, services: Services, now = new Date()): LabData {
  const backupDir = join(root, 'backups');
  // Only root may read the backups, as on a real server: the unprivileged audit must say so, not guess.
  mkdirSync(backupDir, { mode: 0o700 });
  const older = join(backupDir, 'erp-previous.dump');
  const newest = join(backupDir, 'erp-latest.dump');
  const dump = (file: string) =>
    execFileSync(pgBin('pg_dump'), ['-Fc', '-h', services.pgSocketDir, '-p', String(services.pgPort), '-U', 'postgres', '-f', file, 'postgres'], { stdio: 'ignore' });
  dump(older);
  dump(newest);
  const day = 86_400_000;
  utimesSync(older, new Date(now.getTime() - day), new Date(now.getTime() - day));
  // Not a backup: notes next to the dumps are ignored by the listing.
  writeFileSync(join(backupDir, 'README.txt'), 'nightly pg_dump -Fc of the erp database\n');

  const certDir = join(root, 'letsencrypt', 'live');
  const domain = join(certDir, 'lab.example.test');
  mkdirSync(domain, { recursive: true });
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '10', '-subj', '/CN=lab.example.test', '-keyout', join(domain, 'privkey.pem'), '-out', join(domain, 'cert.pem')], { stdio: 'ignore' });

  const appLogDir = join(root, 'applog');
  mkdirSync(appLogDir);
  writeFileSync(join(appLogDir, 'gunicorn-error.log'), '[2026-01-31 10:00:00 +0000] [12] [INFO] Booting worker with pid: 12\n');

  const deployDir = join(root, 'deploy');
  mkdirSync(deployDir);
  const git = (...args: string[]) => execFileSync('git', ['-C', deployDir, '-c', 'user.name=Lab Deploy', '-c', 'user.email=deploy@lab.test', ...args], { stdio: 'ignore' });
  git('init', '-q');
  writeFileSync(join(deployDir, 'manage.py'), '#!/usr/bin/env python\n');
  git('add', '.');
  git('commit', '-q', '-m', 'release 1.0');
  return { backupDir, certDir, appLogDir, deployDir, newestBackup: newest };
}
