import rule from './ci-deploy-without-tests.js';
import { testRule } from '../../../test/rule-tester.js';

const deployJob = '  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: appleboy/ssh-action@v1\n        with:\n          host: ${{ secrets.HOST }}\n          script: cd /srv/shop && ./deploy.sh\n';
const testJob = '  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pip install -r requirements.txt\n      - run: pytest\n';

testRule(rule, {
  good: [
    { name: 'deploy needs test', files: { '.github/workflows/ci.yml': `on:\n  push:\n    branches: [main]\njobs:\n${testJob}${deployJob.replace('    runs-on', '    needs: test\n    runs-on')}` } },
    {
      name: 'workflow_run after CI',
      files: {
        '.github/workflows/ci.yml': `on: [push, pull_request]\njobs:\n${testJob}`,
        '.github/workflows/deploy.yml': `on:\n  workflow_run:\n    workflows: [CI]\n    types: [completed]\njobs:\n${deployJob}`,
      },
    },
    {
      name: 'GitLab stages',
      files: { '.gitlab-ci.yml': 'stages: [test, deploy]\ntest:\n  stage: test\n  script:\n    - python manage.py test\ndeploy:\n  stage: deploy\n  script:\n    - ssh deploy@shop.example.org "cd /srv/shop && ./deploy.sh"\n' },
    },
  ],
  bad: [
    {
      name: 'deploy on push, no tests anywhere',
      files: { '.github/workflows/deploy.yml': `on:\n  push:\n    branches: [main]\njobs:\n${deployJob}` },
      expect: [{ messageId: 'noTests', file: '.github/workflows/deploy.yml', line: 5 }],
    },
    {
      name: 'tests in a parallel push workflow',
      files: {
        '.github/workflows/tests.yml': `on: push\njobs:\n${testJob}`,
        '.github/workflows/deploy.yml': `on:\n  push:\n    branches: [main]\njobs:\n${deployJob}`,
      },
      expect: [{ messageId: 'notAwaited', file: '.github/workflows/deploy.yml', line: 5 }],
    },
    {
      name: 'test job in the same workflow, deploy does not need it',
      files: { '.github/workflows/ci.yml': `on:\n  push:\n    branches: [main]\njobs:\n${testJob}${deployJob}` },
      expect: [{ messageId: 'notAwaited', file: '.github/workflows/ci.yml', line: 11 }],
    },
  ],
  unknown: [
    {
      name: 'tests on pull requests (branch protection not visible)',
      files: {
        '.github/workflows/tests.yml': `on:\n  pull_request:\njobs:\n${testJob}`,
        '.github/workflows/deploy.yml': `on:\n  push:\n    branches: [main]\njobs:\n${deployJob}`,
      },
      reason: /branch protection/,
    },
  ],
  notApplicable: [
    { name: 'CI without deploy', files: { '.github/workflows/ci.yml': `on: push\njobs:\n${testJob}` } },
    {
      name: 'job "docker-deploy" only builds and pushes an image',
      files: {
        '.github/workflows/docker.yml':
          'on:\n  push:\n    branches: [main]\njobs:\n  docker-deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: docker/login-action@v3\n        with:\n          username: ${{ secrets.DOCKERHUB_USERNAME }}\n          password: ${{ secrets.DOCKERHUB_TOKEN }}\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: acme/shop:latest\n',
      },
    },
    { name: 'docs deploy only', files: { '.github/workflows/docs.yml': 'on: push\njobs:\n  deploy-docs:\n    runs-on: ubuntu-latest\n    steps:\n      - run: mkdocs gh-deploy --force\n' } },
  ],
});
