import rule from './rto.js';
import { testRule } from '../../../test/rule-tester.js';
import { failedRestore, verification } from './_fixture.js';

const restored = (ms: number) => ({
  status: 'ok' as const,
  detail: `restored in ${ms / 1000} s`,
  proof: { kind: 'command' as const, host: 'localhost', command: 'pg_restore --exit-on-error -d opsaudit_verify backups/shop.dump', exit_code: 0, duration_ms: ms, output: '' },
  durationMs: ms,
  firstError: null,
});

testRule(rule, {
  good: [{ name: 'restored in 3 minutes, RTO 4 hours', files: {}, facts: { backups: [verification({ rtoSeconds: 4 * 3600, restore: restored(180_000) })] } }],
  bad: [
    {
      name: 'restore slower than the RTO',
      files: {},
      facts: { backups: [verification({ path: 'backups/shop.dump', format: 'custom', rtoSeconds: 60, restore: restored(95_000) })] },
      expect: [{ messageId: 'slow', file: 'backups/shop.dump' }],
    },
  ],
  unknown: [{ name: 'restore failed: nothing measured', files: {}, facts: { backups: [failedRestore({ rtoSeconds: 60 })] }, reason: /not measured/ }],
  notApplicable: [
    { name: 'no --rto given', files: {}, facts: { backups: [verification()] } },
    { name: 'nothing verified', files: {} },
  ],
});
