import rule from './env-file-committed.js';
import { testRule } from '../../../test/rule-tester.js';

testRule(rule, {
  good: [
    { name: 'placeholders only', files: { '.env': 'SECRET_KEY=change-me\nDB_PASSWORD=\nDEBUG=False\n' } },
    { name: 'development env with a dev password', files: { '.envs/.local/.postgres.dev.env': 'POSTGRES_PASSWORD=debug-pass-123\n' } },
    { name: 'a .env in a development folder', files: { 'compose/development/.env': 'POSTGRES_PASSWORD=matman-dev-pw\n' } },
    {
      // Expert review: the deploy script fills these by expanding the shell variables of the same name.
      name: 'a production env of bare $NAME references',
      files: { 'env/production.env': 'POSTGRES_USER=app\nPOSTGRES_PASS=$POSTGRES_PASS\nDJANGO_SECRET_KEY=$DJANGO_SECRET_KEY\n' },
    },
  ],
  bad: [
    {
      name: 'a .env with a real database password',
      files: { '.env': 'DEBUG=False\nDB_PASSWORD=Zq8#kLp2vX9w\n' },
      expect: [{ messageId: 'committed', file: '.env', line: 2 }],
    },
    {
      name: 'a password that merely contains a $ is still a secret',
      files: { 'env/production.env': 'POSTGRES_PASS=Zq8$kLp2vX9w\n' },
      expect: [{ messageId: 'committed', file: 'env/production.env', line: 1 }],
    },
  ],
  notApplicable: [{ name: 'only an example file', files: { '.env.example': 'DB_PASSWORD=Zq8#kLp2vX9w\n' } }],
});
