// Severities and categories: the seed-000 vocabulary.

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Numeric rank: higher is worse. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export function isSeverity(s: string): s is Severity {
  return (SEVERITIES as readonly string[]).includes(s);
}

export const CATEGORIES = [
  'backup',
  'security',
  'environment',
  'container',
  'webserver',
  'database',
  'monitoring',
  'logging',
  'deployment',
  'dr',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_TITLES: Record<Category, string> = {
  backup: 'Backups',
  security: 'Security hardening',
  environment: 'Environment & settings',
  container: 'Containers',
  webserver: 'Web server',
  database: 'Database',
  monitoring: 'Monitoring & alerting',
  logging: 'Logging',
  deployment: 'Deployment',
  dr: 'Disaster recovery',
};
