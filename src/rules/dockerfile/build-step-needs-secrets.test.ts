import rule from './build-step-needs-secrets.js';
import { testRule } from '../../../test/rule-tester.js';

const base = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n';

testRule(rule, {
  good: [
    { name: 'inline SECRET_KEY placeholder', files: { Dockerfile: `${base}RUN SECRET_KEY=build-only python manage.py collectstatic --noinput\n` } },
    {
      name: 'cookiecutter style: build settings module inline, split over lines',
      files: { Dockerfile: `${base}RUN DATABASE_URL="" \\\n  DJANGO_SETTINGS_MODULE="config.settings.test" \\\n  python manage.py collectstatic --noinput\n` },
    },
    { name: '--settings on the command', files: { Dockerfile: `${base}RUN python manage.py collectstatic --noinput --settings=mysite.settings.build\n` } },
    { name: 'build settings module from ENV', files: { Dockerfile: `${base}ENV DJANGO_SETTINGS_MODULE=mysite.settings.build\nRUN python manage.py compress --force\n` } },
    { name: 'exported before in the same RUN', files: { Dockerfile: `${base}RUN export DJANGO_SECRET_KEY=dummy && python manage.py collectstatic --noinput\n` } },
    { name: 'BuildKit secret mount', files: { Dockerfile: `${base}RUN --mount=type=secret,id=django_secret_key python manage.py collectstatic --noinput\n` } },
  ],
  bad: [
    {
      name: 'seed 002: collectstatic || true without settings',
      files: { Dockerfile: `${base}ENV DJANGO_SETTINGS_MODULE=mysite.settings.prod\nRUN python manage.py collectstatic --noinput || true\n` },
      expect: [{ messageId: 'settingsAtBuild', file: 'Dockerfile', line: 6 }],
    },
    {
      name: 'migrate at build time',
      files: { Dockerfile: `${base}RUN python manage.py migrate --noinput && \\\n    python manage.py collectstatic --noinput\n` },
      expect: [
        { messageId: 'databaseAtBuild', file: 'Dockerfile', line: 5 },
        { messageId: 'settingsAtBuild', file: 'Dockerfile', line: 6 },
      ],
    },
  ],
  notApplicable: [{ name: 'collectstatic at deploy time only', files: { Dockerfile: `${base}CMD ["sh", "-c", "python manage.py collectstatic --noinput && gunicorn mysite.wsgi"]\n` } }],
});
