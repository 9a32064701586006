// Classifies repository files into ops-file kinds by name (and, for a few, by a peek at the content).
import type { OpsFileKind } from '../../facts/repo.js';

const RUNBOOK_WORDS = /(runbook|recovery|disaster|\bdr\b|backup|restore|operations|incident|playbook|on-?call)/i;

/** Kinds decided from the path alone. */
export function classifyByName(path: string): OpsFileKind[] {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const lower = base.toLowerCase();
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')).toLowerCase() : '';
  const kinds: OpsFileKind[] = [];
  if (/^(dockerfile|containerfile)([.-].*)?$/i.test(base) || /\.(dockerfile|containerfile)$/i.test(base)) kinds.push('dockerfile');
  if (lower === '.dockerignore') kinds.push('dockerignore');
  if (lower === '.gitignore') kinds.push('gitignore');
  if (/^(docker-)?compose([.-].*)?\.ya?ml$/.test(lower)) kinds.push('compose');
  if (lower.endsWith('.py')) {
    kinds.push('python');
    if (lower === 'manage.py') kinds.push('django-manage');
    if (lower === 'urls.py') kinds.push('django-urls');
    if (lower === 'wsgi.py') kinds.push('django-wsgi');
    if (lower === 'asgi.py') kinds.push('django-asgi');
    if (/^settings(_\w+)?\.py$/.test(lower) || /(^|\/)settings$/.test(dir)) kinds.push('django-settings');
    if (/^gunicorn([._-].*)?\.py$/.test(lower) || /(^|\/)gunicorn$/.test(dir)) kinds.push('gunicorn-config');
  }
  if (/^requirements.*\.(txt|in)$/.test(lower) || (/(^|\/)requirements$/.test(dir) && /\.(txt|in)$/.test(lower))) kinds.push('requirements');
  if (lower === 'pyproject.toml' || lower === 'pipfile') kinds.push('pyproject');
  if (/\.(sh|bash)$/.test(lower)) kinds.push('shell');
  if (/(^|[._-])crontab([._-]|$)/.test(lower) || lower.endsWith('.cron') || /(^|\/)cron(\.d|tabs?)?$/.test(dir)) kinds.push('crontab');
  if (/\.(service|socket)$/.test(lower)) kinds.push('systemd-unit');
  if (lower.endsWith('.timer')) kinds.push('systemd-timer');
  if (/logrotate/.test(lower) || /(^|\/)logrotate(\.d)?$/.test(dir)) kinds.push('logrotate');
  if (/^gunicorn.*\.(conf|cfg|toml)$/.test(lower)) kinds.push('gunicorn-config');
  if (
    (/(^|\/)\.github\/workflows$/.test(dir) && /\.ya?ml$/.test(lower)) ||
    lower === '.gitlab-ci.yml' ||
    lower === 'bitbucket-pipelines.yml' ||
    (/(^|\/)\.circleci$/.test(dir) && lower === 'config.yml') ||
    lower === 'jenkinsfile'
  )
    kinds.push('ci-workflow');
  if (/\.(md|rst|txt|adoc)$/.test(lower) && !kinds.includes('requirements') && RUNBOOK_WORDS.test(lower.replace(/\.(md|rst|txt|adoc)$/, '')))
    kinds.push('runbook');
  if (
    lower === '.env' ||
    lower.startsWith('.env.') ||
    lower.endsWith('.env') ||
    /^env(\.[\w-]+)*\.(example|sample|template|dist)$/.test(lower) ||
    /\.env\.(example|sample|template|dist)$/.test(lower) ||
    // cookiecutter-django keeps them as .envs/.production/.django (and .django.example)
    /(^|\/)\.envs(\/|$)/.test(dir)
  )
    kinds.push('env');
  return kinds;
}

/** Files whose kind needs a look at the content: nginx configs, extension-less shell scripts. */
/** Dot-files that are configuration, never scripts (spares reading them). */
const CONFIG_DOTFILES = /^\.(gitignore|gitattributes|gitmodules|dockerignore|editorconfig|env|envrc|npmrc|nvmrc|yarnrc|prettierrc|eslintrc|babelrc|flake8|pylintrc|coveragerc|python-version|tool-versions|htaccess|mailmap|browserslistrc|stylelintrc|gcloudignore|slugignore)$/i;

export function needsContentSniff(path: string, kinds: OpsFileKind[]): 'nginx' | 'shebang' | 'compose' | null {
  const lower = path.toLowerCase();
  const base = lower.slice(lower.lastIndexOf('/') + 1);
  if (kinds.length > 0 && !kinds.includes('runbook')) return null;
  if (/\.(conf|nginx|vhost|template)$/.test(base) || /nginx/.test(lower) || /sites-(available|enabled)\//.test(lower)) return 'nginx';
  // Extension-less scripts live anywhere (cookiecutter-django's compose/production/django/start, entrypoint):
  // the first bytes tell.
  if (!base.includes('.')) return 'shebang';
  // A dot-file script (misago's `.run`, called by its appctl): the shebang tells, config dot-files have none.
  if (/^\.[^.]+$/.test(base) && !CONFIG_DOTFILES.test(base)) return 'shebang';
  // Compose files under other names (cookiecutter-django's production.yml / local.yml, stack files).
  if (/\.ya?ml$/.test(base) && kinds.length === 0 && !/(^|\/)\.(github|gitlab|circleci)\//.test(lower)) return 'compose';
  return null;
}

/** A YAML file with a top-level `services:` mapping whose entries have an image or a build. */
export function looksLikeCompose(text: string): boolean {
  return /^services:[ \t]*(#.*)?$/m.test(text) && /^[ \t]{2,}(image|build):/m.test(text) && !/^(apiVersion|kind):/m.test(text);
}

/** nginx configs are recognised by their blocks, whatever they are called. */
export function looksLikeNginx(text: string): boolean {
  return /(^|\n)\s*(server|http|upstream)\s*\{/.test(text) || /(^|\n)\s*location\s+[^\n{]*\{/.test(text);
}

export function looksLikeShell(text: string): boolean {
  return /^#!\s*\S*\b(ba|da|z)?sh\b/.test(text) || /^#!\s*\/usr\/bin\/env\s+(ba|da|z)?sh\b/.test(text);
}

export function envFileRole(path: string): 'env' | 'example' | 'production' | 'development' {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const dir = path.slice(0, Math.max(0, path.lastIndexOf('/'))).toLowerCase();
  if (/prod/.test(base)) return 'production';
  if (/(dev|local|test)/.test(base)) return 'development';
  // compose/development/.env, .envs/.local/.django: the folder names the environment.
  if (/(^|\/)\.?(prod|production)(\/|$)/.test(dir)) return 'production';
  if (/(^|\/)\.?(dev|development|local|test|tests|testing)(\/|$)/.test(dir)) return 'development';
  if (/(example|sample|template|dist)/.test(base)) return 'example';
  return 'env';
}
