// Registry of the hygiene rules: one import line per rule, sorted by id.
import type { AnyRule } from '../../core/types/rule.js';
import dockerignoreMissing from './dockerignore-missing.js';
import envFileCommitted from './env-file-committed.js';
import sharedSecretsAcrossEnvironments from './shared-secrets-across-environments.js';
import tokenCommitted from './token-committed.js';

export const hygieneRules: readonly AnyRule[] = [
  dockerignoreMissing as AnyRule,
  envFileCommitted as AnyRule,
  sharedSecretsAcrossEnvironments as AnyRule,
  tokenCommitted as AnyRule,
];
