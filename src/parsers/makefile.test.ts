import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMakefile } from './makefile.js';

describe('parseMakefile', () => {
  const text = [
    'COMPOSE := docker compose -f docker-compose.prod.yml',
    'HOST ?= deploy@shop.example.org',
    '.PHONY: deploy migrate test',
    '',
    'test:',
    '\tpytest -q',
    '',
    'migrate:',
    '\t@$(COMPOSE) run --rm web python manage.py migrate --noinput',
    '',
    'deploy: test migrate',
    '\t# ship it',
    '\t-ssh $(HOST) "cd /srv/shop && git pull && $$(which docker) compose up -d"',
    '%.o: %.c',
    '\tcc -c $<',
  ].join('\n');
  const targets = parseMakefile('Makefile', text.split('\n'));

  it('reads targets with positions and prerequisites, skipping special and pattern rules', () => {
    assert.deepEqual(
      targets.map((t) => [t.name.value, t.name.loc.line, t.name.loc.col, t.prerequisites]),
      [
        ['test', 5, 1, []],
        ['migrate', 8, 1, []],
        ['deploy', 11, 1, ['test', 'migrate']],
      ],
    );
  });

  it('expands the file\'s variables in recipes and strips make prefixes; comments are not recipe lines', () => {
    const migrate = targets.find((t) => t.name.value === 'migrate')!;
    assert.deepEqual(migrate.recipe.map((l) => [l.value, l.loc.line]), [['docker compose -f docker-compose.prod.yml run --rm web python manage.py migrate --noinput', 9]]);
    const deploy = targets.find((t) => t.name.value === 'deploy')!;
    assert.deepEqual(deploy.recipe.map((l) => l.value), ['ssh deploy@shop.example.org "cd /srv/shop && git pull && $(which docker) compose up -d"']);
  });

  it('reads justfile recipes indented with spaces', () => {
    const just = parseMakefile('justfile', ['tag := "latest"', '', 'deploy env="prod":', '    ./scripts/deploy.sh {{tag}}'], true);
    assert.deepEqual(just.map((t) => [t.name.value, t.recipe.map((l) => l.value)]), [['deploy', ['./scripts/deploy.sh latest']]]);
  });
});
