// Registry of the monitoring rules: one import line per rule, sorted by id.
import type { AnyRule } from '../../core/types/rule.js';
import noAlertingChannel from './no-alerting-channel.js';
import noCertificateRenewal from './no-certificate-renewal.js';
import noUptimeMonitoring from './no-uptime-monitoring.js';

export const monitoringRules: readonly AnyRule[] = [noAlertingChannel as AnyRule, noCertificateRenewal as AnyRule, noUptimeMonitoring as AnyRule];
