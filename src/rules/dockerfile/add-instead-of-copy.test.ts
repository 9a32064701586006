import rule from './add-instead-of-copy.js';
import { testRule } from '../../../test/rule-tester.js';

testRule(rule, {
  good: [
    {
      name: 'COPY for local files, ADD for a URL and a tarball',
      files: {
        Dockerfile: `FROM python:3.12-slim
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini
ADD vendor/wheels.tar.gz /wheels/
COPY --chown=app:app . /app
`,
      },
    },
  ],
  bad: [
    {
      name: 'ADD of the source tree and of a config file',
      files: { Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nADD requirements.txt .\nADD --chown=app:app . /app\n' },
      expect: [
        { messageId: 'localAdd', file: 'Dockerfile', line: 3 },
        { messageId: 'localAdd', file: 'Dockerfile', line: 4 },
      ],
    },
  ],
  unknown: [{ name: 'source from a build argument', files: { Dockerfile: 'FROM python:3.12-slim\nARG SRC\nADD ${SRC} /app/\n' }, reason: /cannot be resolved/ }],
  notApplicable: [{ name: 'no Dockerfile', files: { 'app.py': 'print(1)\n' } }],
});
