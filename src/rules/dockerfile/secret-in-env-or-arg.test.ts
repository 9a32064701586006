import rule from './secret-in-env-or-arg.js';
import { testRule } from '../../../test/rule-tester.js';

testRule(rule, {
  good: [
    {
      name: 'file paths, placeholders, ARG without default, build-step placeholders',
      files: {
        Dockerfile: `FROM python:3.12-slim
ARG SENTRY_AUTH_TOKEN
ENV DJANGO_SECRET_KEY_FILE=/run/secrets/django_secret_key \\
    DB_PASSWORD_FILE=/run/secrets/db_password \\
    PASSWORD_RESET_TIMEOUT=3600
ENV DATABASE_URL=postgres://app@db:5432/app
RUN SECRET_KEY=build-only python manage.py collectstatic --noinput
`,
      },
    },
  ],
  bad: [
    {
      name: 'secret key baked into the final image',
      files: { Dockerfile: 'FROM python:3.12-slim\nENV DEBUG=0 \\\n    SECRET_KEY=9f2k1m0x7w3q8z5r4t6y1u2i3o4p5a6s\nCMD ["gunicorn", "app.wsgi"]\n' },
      expect: [{ messageId: 'envLiteral', file: 'Dockerfile', line: 3 }],
    },
    {
      name: 'legacy ENV form with a key containing $ and #',
      files: { Dockerfile: 'FROM python:3.12-slim\nENV SECRET_KEY #s2%hf!exrt3q9z=oc$xytk429g#jdug#xoc!8t%c$2&i2kd#9\nRUN python manage.py collectstatic --noinput\n' },
      expect: [{ messageId: 'envLiteral', file: 'Dockerfile', line: 2 }],
    },
    {
      name: 'ARG default token, URL with password, and ENV copied from ARG',
      files: {
        Dockerfile: `FROM python:3.12-slim
ARG PIP_INDEX_TOKEN=glpat-abcdefghij1234567890
ARG API_KEY
ENV API_KEY=$API_KEY
ENV DATABASE_URL=postgres://app:s3cretpassw0rd@db:5432/app
`,
      },
      expect: [
        { messageId: 'argDefault', file: 'Dockerfile', line: 2 },
        { messageId: 'envFromArg', file: 'Dockerfile', line: 4 },
        { messageId: 'urlPassword', file: 'Dockerfile', line: 5 },
      ],
    },
  ],
  notApplicable: [{ name: 'development Dockerfile with a dev key', files: { 'docker/dev/Dockerfile': 'FROM python:3.12\nENV SECRET_KEY=django-insecure-devkey123456\n' } }],
});
