import rule from './roles-required.js';
import { testRule } from '../../../test/rule-tester.js';
import { verification } from './_fixture.js';

const DUMP = `--
-- PostgreSQL database dump
--

CREATE TABLE public.shop_product (
    id integer NOT NULL,
    sku character varying(32) NOT NULL
);


ALTER TABLE public.shop_product OWNER TO app;

GRANT SELECT ON TABLE public.shop_product TO readonly;
`;

testRule(rule, {
  good: [{ name: 'objects owned by postgres only', files: {}, facts: { backups: [verification()] } }],
  bad: [
    {
      name: 'tables owned by the application role, granted to a reporting role',
      files: { 'backups/shop.sql': DUMP },
      facts: {
        backups: [
          verification({
            path: 'backups/shop.sql',
            roles: [
              { name: 'app', proof: { kind: 'file', path: 'backups/shop.sql', line: 11, text: 'ALTER TABLE public.shop_product OWNER TO app;' } },
              { name: 'readonly', proof: { kind: 'file', path: 'backups/shop.sql', line: 13, text: 'GRANT SELECT ON TABLE public.shop_product TO readonly;' } },
            ],
            missingRoles: ['app', 'readonly'],
          }),
        ],
      },
      expect: [{ messageId: 'roles', file: 'backups/shop.sql', line: 11 }],
    },
  ],
  unknown: [
    {
      name: 'archive whose SQL could not be read',
      files: {},
      facts: { backups: [verification({ format: 'custom', integrity: null, toc: { status: 'failed', detail: 'unreadable', proof: null } })] },
      reason: /could not be read/,
    },
  ],
  notApplicable: [{ name: 'nothing verified', files: {} }],
});
