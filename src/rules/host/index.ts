// Registry of the host rules (live server audit): one import line per rule, sorted by id.
import type { AnyRule } from '../../core/types/rule.js';
import backupIntegrity from './backup-integrity.js';
import backupMissing from './backup-missing.js';
import backupStale from './backup-stale.js';
import certificateExpiry from './certificate-expiry.js';
import certificateNoRenewal from './certificate-no-renewal.js';
import containerNoRestartPolicy from './container-no-restart-policy.js';
import containerUnhealthy from './container-unhealthy.js';
import databasePortExposed from './database-port-exposed.js';
import diskUsage from './disk-usage.js';
import fail2banMissing from './fail2ban-missing.js';
import failedUnits from './failed-units.js';
import firewallInactive from './firewall-inactive.js';
import inodeUsage from './inode-usage.js';
import journaldUsage from './journald-usage.js';
import loadAverage from './load-average.js';
import logsNotRotated from './logs-not-rotated.js';
import memoryUsage from './memory-usage.js';
import rebootRequired from './reboot-required.js';
import securityUpdates from './security-updates.js';
import serviceNotRunning from './service-not-running.js';
import sshPasswordAuth from './ssh-password-auth.js';
import sshRootLogin from './ssh-root-login.js';
import swapUsage from './swap-usage.js';
import timeNotSynced from './time-not-synced.js';

export const hostRules: readonly AnyRule[] = [
  backupIntegrity as AnyRule,
  backupMissing as AnyRule,
  backupStale as AnyRule,
  certificateExpiry as AnyRule,
  certificateNoRenewal as AnyRule,
  containerNoRestartPolicy as AnyRule,
  containerUnhealthy as AnyRule,
  databasePortExposed as AnyRule,
  diskUsage as AnyRule,
  fail2banMissing as AnyRule,
  failedUnits as AnyRule,
  firewallInactive as AnyRule,
  inodeUsage as AnyRule,
  journaldUsage as AnyRule,
  loadAverage as AnyRule,
  logsNotRotated as AnyRule,
  memoryUsage as AnyRule,
  rebootRequired as AnyRule,
  securityUpdates as AnyRule,
  serviceNotRunning as AnyRule,
  sshPasswordAuth as AnyRule,
  sshRootLogin as AnyRule,
  swapUsage as AnyRule,
  timeNotSynced as AnyRule,
];
