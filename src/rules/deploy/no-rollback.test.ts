import rule from './no-rollback.js';
import { testRule } from '../../../test/rule-tester.js';

/** Real-world: images published on every GitHub release, tagged with the release tag; the server pulls them. */
const releaseWorkflow = `name: Publish
on:
  release:
    types: [published]
jobs:
  push:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
          username: \${{ github.actor }}
          password: \${{ secrets.GITHUB_TOKEN }}
      - uses: docker/build-push-action@v6
        with:
          context: .
          push: true
          tags: ghcr.io/acme/shop:\${{ github.event.release.tag_name }}
`;
const pullDeploy = '#!/bin/bash\nset -euo pipefail\ncd /srv/shop\ndocker compose -f docker-compose.prod.yml pull web\ndocker compose -f docker-compose.prod.yml up -d web\n';

const deploy = '#!/bin/bash\nset -euo pipefail\ncd /srv/shop\ngit pull --ff-only\ndocker compose -f docker-compose.prod.yml up -d --build\n';

testRule(rule, {
  good: [
    { name: 'rollback script', files: { 'scripts/deploy.sh': deploy, 'scripts/rollback.sh': '#!/bin/bash\nset -euo pipefail\ngit checkout "$PREVIOUS_SHA"\ndocker compose up -d --build\n' } },
    {
      name: 'versioned app image',
      files: {
        'scripts/deploy.sh': '#!/bin/bash\nset -euo pipefail\nexport IMAGE_TAG="$1"\ndocker compose -f docker-compose.prod.yml pull\ndocker compose -f docker-compose.prod.yml up -d\n',
        'docker-compose.prod.yml': 'services:\n  web:\n    image: ghcr.io/acme/shop:${IMAGE_TAG}\n    command: gunicorn shop.wsgi:application\n',
      },
    },
    { name: 'CI pushes images tagged with the release tag', files: { 'scripts/deploy.sh': pullDeploy, '.github/workflows/publish.yml': releaseWorkflow } },
    {
      name: 'docker/metadata-action with sha and semver tags',
      files: {
        'scripts/deploy.sh': pullDeploy,
        '.github/workflows/docker.yml':
          'on:\n  push:\n    branches: [main]\n    tags: ["v*"]\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - id: meta\n        uses: docker/metadata-action@v5\n        with:\n          images: ghcr.io/acme/shop\n          tags: |\n            type=sha\n            type=semver,pattern={{version}}\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: ${{ steps.meta.outputs.tags }}\n',
      },
    },
    {
      name: 'GitLab build job pushes commit-SHA tags',
      files: {
        'scripts/deploy.sh': pullDeploy,
        '.gitlab-ci.yml':
          'stages: [build]\nbuild:\n  stage: build\n  image: docker:27\n  script:\n    - docker login -u "$CI_REGISTRY_USER" -p "$CI_REGISTRY_PASSWORD" "$CI_REGISTRY"\n    - docker build --build-arg VERSION="$APP_VERSION" -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA" .\n    - docker push "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA"\n',
      },
    },
    { name: 'documented procedure', files: { 'scripts/deploy.sh': deploy, 'docs/deploy.md': '# Deploying\n\n## Rollback\n\nRun `git checkout <previous tag>` on the server and `docker compose up -d --build`.\n' } },
  ],
  bad: [
    {
      name: 'seed 001: deploy without rollback',
      files: { 'scripts/deploy.sh': deploy, 'docker-compose.prod.yml': 'services:\n  db:\n    image: postgres:${POSTGRES_VERSION}\n  web:\n    build: .\n    command: gunicorn shop.wsgi:application\n' },
      expect: [{ messageId: 'none', file: 'scripts/deploy.sh', line: 4 }],
    },
    {
      name: 'seed 001: versioned image variable that the deploy never sets',
      files: {
        'scripts/deploy.sh': '#!/bin/bash\nset -euo pipefail\ngit pull origin main\ndocker compose build web\ndocker compose up -d web\n',
        'docker-compose.yml': 'services:\n  web:\n    image: ghcr.io/acme/shop:${IMAGE_TAG:-latest}\n    build: .\n    command: gunicorn shop.wsgi:application\n',
      },
      expect: [{ messageId: 'none', file: 'scripts/deploy.sh', line: 3 }],
    },
    {
      name: 'CI pushes only the branch name and latest (overwritten on every push)',
      files: {
        'scripts/deploy.sh': pullDeploy,
        '.github/workflows/docker.yml':
          'on:\n  push:\n    branches: [main]\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: |\n            ghcr.io/acme/shop:latest\n            ghcr.io/acme/shop:${{ github.ref_name }}\n',
      },
      expect: [{ messageId: 'none', file: 'scripts/deploy.sh', line: 4 }],
    },
    {
      name: 'a VERSION build argument is not a versioned tag',
      files: {
        'scripts/deploy.sh': pullDeploy,
        '.github/workflows/docker.yml':
          'on:\n  push:\n    branches: [main]\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: |\n          docker build --build-arg VERSION=$GITHUB_SHA -t ghcr.io/acme/shop:latest .\n          docker push ghcr.io/acme/shop:latest\n',
      },
      expect: [{ messageId: 'none', file: 'scripts/deploy.sh', line: 4 }],
    },
  ],
  notApplicable: [{ name: 'no deploy flow', files: { 'README.md': '# shop\n' } }],
});
