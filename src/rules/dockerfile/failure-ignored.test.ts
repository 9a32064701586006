import rule from './failure-ignored.js';
import { testRule } from '../../../test/rule-tester.js';

testRule(rule, {
  good: [
    {
      name: 'harmless cleanup guards and && true',
      files: {
        Dockerfile: `FROM python:3.12-slim
RUN groupadd --system app || true
RUN rm -rf /root/.cache || true
RUN pip install --no-cache-dir -r requirements.txt && true
RUN grep -q app /etc/passwd || useradd app
RUN apt-get purge -y build-essential || :
RUN echo "|| true is only text here" '; true'
`,
      },
    },
  ],
  bad: [
    {
      name: 'seed 002: collectstatic || true',
      files: { Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN python manage.py collectstatic --noinput || true\n' },
      expect: [{ messageId: 'ignored', file: 'Dockerfile', line: 4 }],
    },
    {
      name: 'swallow on a continuation line, || exit 0, and ; true',
      files: {
        Dockerfile: `FROM python:3.12-slim
RUN pip install --no-cache-dir -r requirements.txt \\
    && python manage.py compilemessages \\
    || exit 0
RUN npm ci && npm run build; true
RUN ["sh", "-c", "pip install -e . || echo 'install failed'"]
`,
      },
      expect: [
        { messageId: 'ignored', file: 'Dockerfile', line: 4 },
        { messageId: 'ignored', file: 'Dockerfile', line: 5 },
        { messageId: 'ignored', file: 'Dockerfile', line: 6 },
      ],
    },
  ],
  unknown: [{ name: 'unparsable Dockerfile', files: { Dockerfile: 'RUN pip install -r requirements.txt || true\n' }, reason: /could not be parsed/ }],
  notApplicable: [{ name: 'no Dockerfile', files: { 'README.md': '# app\n' } }],
});
