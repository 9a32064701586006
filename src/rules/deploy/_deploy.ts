// The repository's deploy flows: deploy scripts (functions inlined), CI deploy jobs and Makefile deploy targets,
// each as an ordered list of steps, plus what the container start-up does (migrations, collectstatic).
import type { Located, SourceLoc } from '../../core/types/located.js';
import type { Facts } from '../../facts/index.js';
import type { CiJob, CiStep, CiWorkflow } from '../../facts/ci.js';
import type { ShellCommand, ShellScript } from '../../facts/scripts.js';
import type { MakeTarget, TextFile } from '../../facts/texts.js';
import { isDevFile } from '../django/_stack.js';
import { effectiveCommand } from '../compose/_shared.js';

/** One thing a deploy flow does, in order. */
export interface DeployStep {
  /** The command or line as text (for scripts: the command's words after wrappers, then its source text). */
  text: string;
  /** The command or line as written (first line), for messages. */
  shown: string;
  at: Located<unknown> | SourceLoc;
  /** A CI step's `name:` (health checks are often only recognisable by it). */
  name?: string;
  /** The script functions the step was inlined from, outermost first (`["main", "rollback"]`). */
  via?: string[];
}

export interface DeployUnit {
  kind: 'script' | 'ci' | 'make';
  /** "scripts/deploy.sh", "setup-prod.sh (function init)", ".github/workflows/deploy.yml job deploy", "Makefile target deploy". */
  label: string;
  file: string;
  /** Where to point when something is missing from the whole flow. */
  at: Located<unknown> | SourceLoc;
  steps: DeployStep[];
  /** Shell scripts whose steps were inlined (a CI job running ./deploy.sh). */
  scripts: string[];
  /** For a CI job or make target running repository scripts: where each script starts doing the deploy. */
  scriptAnchors?: (Located<unknown> | SourceLoc)[];
}

/** Gets new code or images onto the server. */
export const UPDATE =
  /\b(git\s+(pull|fetch|checkout|reset|clone)|docker[-\s]compose\b[^\n]*\s(pull|build)\b|docker\s+(pull|build|load)\b|\bup\b[^\n]*--build|pip3?\s+install|uv\s+sync|poetry\s+install|pipenv\s+(install|sync)|rsync\s|scp\s|docker\s+stack\s+deploy|docker\s+service\s+update|kubectl\s+(apply|set\s+image)|helm\s+(upgrade|install)|ansible-playbook)/;
/** (Re)starts the application. */
export const START =
  /(\bdocker[-\s]compose\b[^\n]*\s(up|restart|start)\b|\bdocker\s+(run|restart|start)\b|\bdocker\s+stack\s+deploy|\bdocker\s+service\s+update|\bsystemctl\s+(restart|reload|start|try-restart|reload-or-restart)\b|\bservice\s+\S+\s+(restart|reload|start)\b|\bsupervisorctl\s+(restart|reload|update|start)\b|\bkill\s+-(s\s+)?(HUP|USR2)\b|\bpkill\s+-(HUP|USR2)\b|\btouch\s+\S*(wsgi|reload)\S*|\bkubectl\s+(apply|rollout\s+restart|set\s+image)|\bhelm\s+(upgrade|install)|\bpm2\s+(restart|reload))/;
export const MIGRATE = /\b(manage\.py|django-admin|django)\s+migrate\b|\bmake\s+migrate\b|\bmigrate\.sh\b/;
export const COLLECTSTATIC = /\bcollectstatic\b/;
/** Deploy-named scripts, functions and make targets. */
const DEPLOY_NAME = /(^|[-_.\/])(deploy|deployment|redeploy|rollout|update[-_]prod|prod[-_]update)([-_.]|$)/i;
const DEPLOY_FN = /^(deploy|do_deploy|deploy_\w+|\w+_deploy|redeploy|rollout)$/i;
/** Output only: never evidence of what a deploy does. */
const NOISE = new Set(['echo', 'printf', 'log', 'info', 'warn', 'warning', 'error', 'success', 'say', 'msg', 'print', 'log_info', 'log_warn', 'log_error', 'log_success', 'status', 'banner', 'header', 'step', 'read', 'sleep', 'true', ':']);

const MAX_STEPS = 1000;

function base(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function stepOf(c: ShellCommand): DeployStep {
  return { text: `${c.effectiveName} ${c.effectiveArgs.join(' ')}\n${c.text}`, shown: c.text.split('\n')[0].replace(/\s*\\$/, '').trim(), at: c.loc };
}

/** Scripts named in a command or line (`./scripts/deploy.sh`, `bash deploy.sh`, `ssh host ./deploy.sh`). */
function referencedScripts(text: string, scripts: readonly ShellScript[], self: string | null): ShellScript[] {
  return scripts.filter((s) => s.path !== self && text.includes(base(s.path)) && nameRe(s.path).test(text));
}

const nameRes = new Map<string, RegExp>();

/** A script's file name as a word of a command line (`./deploy.sh`, `bash scripts/deploy.sh`). */
function nameRe(path: string): RegExp {
  let re = nameRes.get(path);
  if (!re) {
    re = new RegExp(`(^|[\\s/"'=;&|(])${base(path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[\\s"';&|)])`);
    nameRes.set(path, re);
  }
  return re;
}

/**
 * The steps a scope of a script runs, in order, with calls to the script's own functions and to other repository
 * scripts inlined (a few levels deep, each function once per path).
 */
function inline(script: ShellScript, fn: string | null, scripts: readonly ShellScript[], seen: Set<string>, depth: number, used: Set<string>, via: string[] = []): DeployStep[] {
  const names = new Set(script.functions.map((f) => f.value));
  const out: DeployStep[] = [];
  for (const c of script.commands) {
    if (c.inFunction !== fn) continue;
    if (NOISE.has(c.effectiveName)) continue;
    // Deeply shared helpers would be inlined again on every path; a deploy flow is never this long.
    if (out.length > MAX_STEPS) break;
    const key = `${script.path}#${c.effectiveName}`;
    if (names.has(c.effectiveName) && depth < 6 && !seen.has(key)) {
      out.push(...inline(script, c.effectiveName, scripts, new Set([...seen, key]), depth + 1, used, [...via, c.effectiveName]));
      continue;
    }
    out.push(via.length > 0 ? { ...stepOf(c), via } : stepOf(c));
    if (depth < 3) {
      for (const other of referencedScripts(`${c.effectiveName} ${c.effectiveArgs.join(' ')}`, scripts, script.path)) {
        if (seen.has(other.path)) continue;
        used.add(other.path);
        out.push(...inline(other, null, scripts, new Set([...seen, other.path]), depth + 1, used));
      }
    }
  }
  return out;
}

/** Functions a scope calls, transitively. */
function calledFunctions(script: ShellScript, fn: string | null): Set<string> {
  const names = new Set(script.functions.map((f) => f.value));
  const out = new Set<string>();
  const visit = (scope: string | null) => {
    for (const c of script.commands) {
      if (c.inFunction !== scope || !names.has(c.effectiveName) || out.has(c.effectiveName)) continue;
      out.add(c.effectiveName);
      visit(c.effectiveName);
    }
  };
  visit(fn);
  return out;
}

const has = (steps: DeployStep[], re: RegExp) => steps.some((s) => re.test(s.text));

/** A script that only drives a development or test stack. */
function devScript(s: ShellScript): boolean {
  if (isDevFile(s.path) || /(^|\/)(tests?|examples?|\.devcontainer|docs?)\//i.test(s.path)) return true;
  const composeFiles = s.commands.flatMap((c) => (c.effectiveName === 'docker' || c.effectiveName === 'docker-compose' ? c.effectiveArgs.filter((_, i, a) => a[i - 1] === '-f' || a[i - 1] === '--file') : []));
  if (composeFiles.length > 0 && composeFiles.every((f) => isDevFile(f))) return true;
  return s.commands.some((c) => /\brunserver\b/.test(c.effectiveArgs.join(' ')));
}

interface Candidate {
  unit: DeployUnit;
  named: boolean;
  script: ShellScript;
  fn: string | null;
}

function scriptCandidates(facts: Facts): Candidate[] {
  const scripts = facts.shell;
  const out: Candidate[] = [];
  for (const script of scripts) {
    if (devScript(script)) continue;
    const scopes: (string | null)[] = [null, ...script.functions.map((f) => f.value)];
    for (const fn of scopes) {
      const used = new Set<string>();
      const steps = inline(script, fn, scripts, new Set(fn ? [`${script.path}#${fn}`] : [script.path]), 0, used);
      if (steps.length === 0) continue;
      const named = fn === null ? DEPLOY_NAME.test(base(script.path)) : DEPLOY_FN.test(fn);
      // Both halves of a deploy (new code in, processes restarted), or a push to another host from a deploy-named
      // scope: a script that only installs dependencies or only restarts is something else.
      const content = has(steps, UPDATE) && has(steps, START);
      if (!content && !(named && has(steps, DEPLOY_TEXT))) continue;
      const fnAt = fn ? script.functions.find((f) => f.value === fn) : null;
      const firstAction = steps.find((s) => UPDATE.test(s.text) || START.test(s.text));
      out.push({
        named,
        script,
        fn,
        unit: {
          kind: 'script',
          label: fn ? `${script.path} (function ${fn})` : script.path,
          file: script.path,
          at: fnAt ?? firstAction?.at ?? steps[0].at,
          steps,
          scripts: [script.path, ...used],
        },
      });
    }
  }
  // Innermost flows: a scope that calls another candidate function is the dispatcher, not the deploy.
  return out.filter((c) => {
    const calls = calledFunctions(c.script, c.fn);
    return !out.some((o) => o !== c && o.script === c.script && o.fn !== null && calls.has(o.fn) && (o.named || !c.named));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// CI.

const DEPLOY_ACTION =
  /^(appleboy\/(ssh|scp)-action|easingthemes\/ssh-deploy|burnett01\/rsync-deployments|akhileshns\/heroku-deploy|superfly\/flyctl-actions|google-github-actions\/deploy-(cloudrun|appengine)|azure\/(webapps-deploy|k8s-deploy)|aws-actions\/amazon-ecs-deploy-task-definition|digitalocean\/app_action|cross-the-world\/ssh-scp-ssh-pipelines|garygrossgarten\/github-action-ssh|d3rhase\/ssh-command-action|fifsky\/ssh-action|caprover\/deploy-from-github|dokku\/github-action)@?/i;
export const DEPLOY_TEXT =
  /(\bssh\s+(-[a-zA-Z]+(\s+[^\s-]\S*)?\s+)*[\w.${}-]+@[\w.${}-]+|\bssh\s+(-[a-zA-Z]+(\s+[^\s-]\S*)?\s+)*\$\{?\w+\}?\s+["']|\bscp\s|\brsync\s[^\n]*[\w.${}-]+:|\bkubectl\s+(apply|set\s+image|rollout)|\bhelm\s+(upgrade|install)|\bfly(ctl)?\s+deploy|\bheroku\s+(container:release|deploy)|\bgit\s+push\s+(heroku|dokku)|\beb\s+deploy|\bgcloud\s+(app|run)\s+deploy|\bansible-playbook|\bcaprover\s+deploy|\bkamal\s+deploy|\bdocker\s+stack\s+deploy|DOCKER_HOST=ssh|\bdocker\s+(--context|-c)\s+\S+\s+compose|\brailway\s+up|api\.render\.com\/deploy|deploy[-_]?hook)/;
const NOT_APP_DEPLOY = /(gh-pages|actions\/deploy-pages|github-pages|mkdocs\s+gh-deploy|pypi|twine\s+upload|storybook|readthedocs|chromatic)/i;
export const TEST_TEXT =
  /\b(pytest|py\.test|manage\.py\s+test|django-admin\s+test|python3?\s+-m\s+(pytest|unittest)|tox\b|nox\b|coverage\s+run|make\s+(test|tests|check|ci)\b|just\s+test|(npm|yarn|pnpm)\s+(run\s+)?test|runtests\.py|test\.sh)/;

/** A CI step's shell text and `with:` inputs, shell comment lines dropped (commented-out commands run nothing). */
function stepText(s: CiStep): string {
  return [s.run?.value ?? '', ...Object.values(s.with ?? {}).map((v) => v.value)]
    .join('\n')
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n');
}

/**
 * Commands that put a release on a server, beyond DEPLOY_TEXT: remote shells and copies (as commands: `~/.ssh` and
 * `ssh-keyscan` are set-up), orchestrators, restarts on a self-hosted runner, cloud deploy commands.
 */
const SHIP_TEXT =
  /((?<![\w.\/-])(ssh|scp|sftp|lftp|rsync|kubectl|helm|kustomize|ansible|ansible-playbook|kamal|dokku|caprover|flyctl|railway|vercel|netlify|serverless|zappa|doctl)(?![\w.\/-])|\bpulumi\s+up|\bterraform\s+apply|\b(sam|cdk|eb|copilot\s+svc)\s+deploy|\bgit\s+(pull|reset\s+--hard)|\bdocker[-\s]compose\b[^\n]*\s(up|pull|restart)\b|\bdocker\s+(stack|service)\s|\bsystemctl\s+(restart|reload|start)|\bsupervisorctl\s|\baws\s+(ecs\s+(update-service|deploy)|deploy\s|lambda\s+update|elasticbeanstalk|ssm\s+send-command|apprunner)|\baz\s+(webapp|containerapp|functionapp)\b|\bgcloud\s+(compute\s+ssh|(run|app|functions)\s+deploy))/i;
/** A deploy script or task run by name (`./scripts/deploy.sh`, `make deploy`, `fab deploy`), in command position. */
const SHIP_COMMAND = /(^|[;&|]\s*|\b(sudo|bash|sh|python3?|make|just|npm\s+run|yarn|pnpm|fab|invoke|cap|task)\s+)(\S*\/)?[\w.-]*deploy[\w.-]*(\s|$)/i;
/** A request that triggers a deploy (Portainer/Coolify/Render webhooks...), not a chat notification. */
const SHIP_WEBHOOK = /\b(curl|wget|http)\b[^\n]*(hook|deploy|portainer|watchtower|coolify|dokploy|render\.com)/i;
const NOTIFY = /(slack|discord|telegram|teams|mattermost|chat\.googleapis|notify|notification)/i;
/** Actions that ship (by name), unless they only set up, log in, build or cache. */
const SHIP_ACTION = /(deploy|ssh|rsync|scp|sftp|ftp|webhook|portainer|kubectl|k8s|kube|helm|ansible|heroku|dokku|caprover|coolify)/i;
const PUBLISH_ACTION = /(setup|login|auth|configure|credentials|build|metadata|cache|checkout|artifact|buildx|qemu)/i;

/**
 * Whether a step ships something to a server. Checkout, set-up, registry login, cache and image build-and-push steps
 * do not: a job made only of those publishes an image for something else to deploy.
 */
function shipsSomething(s: CiStep, shell: readonly ShellScript[]): boolean {
  if (s.uses && (DEPLOY_ACTION.test(s.uses.value) || (SHIP_ACTION.test(s.uses.value) && !PUBLISH_ACTION.test(s.uses.value)))) return true;
  const text = stepText(s);
  if (DEPLOY_TEXT.test(text) || SHIP_TEXT.test(text)) return true;
  for (const line of text.split('\n')) {
    const l = line.trim();
    if (l === '' || /^(echo|printf)\b/.test(l)) continue;
    if (SHIP_COMMAND.test(l) || (SHIP_WEBHOOK.test(l) && !NOTIFY.test(l))) return true;
    // A repository script that deploys (`./scripts/release.sh` running rsync, or git pull + restart).
    for (const other of referencedScripts(l, shell, null)) {
      const steps = inline(other, null, shell, new Set([other.path]), 1, new Set());
      if (has(steps, DEPLOY_TEXT) || (has(steps, UPDATE) && has(steps, START))) return true;
    }
  }
  return false;
}

/**
 * Whether a CI job deploys the application (not documentation, not a package). A job named "deploy" counts only
 * when one of its steps ships something (`shell`: the repository's scripts, to look into those the job runs).
 */
export function isDeployJob(w: CiWorkflow, j: CiJob, shell: readonly ShellScript[] = []): boolean {
  const all = j.steps.map((s) => `${s.uses?.value ?? ''}\n${stepText(s)}`).join('\n');
  if (NOT_APP_DEPLOY.test(all) || /(docs|pages|pypi|package|storybook)/i.test(j.name.value)) return false;
  // Scheduled maintenance over SSH (backups, cleanups) is not a deploy unless it says so.
  if (w.triggers.length > 0 && w.triggers.every((t) => t === 'schedule' || t === 'workflow_dispatch') && w.schedules.length > 0 && !/deploy|release/i.test(`${j.name.value} ${w.path}`)) return false;
  if (j.steps.some((s) => (s.uses && DEPLOY_ACTION.test(s.uses.value)) || DEPLOY_TEXT.test(stepText(s)))) return true;
  return /deploy/i.test(j.name.value) && !/\b(build|test|lint)\b/i.test(j.name.value) && j.steps.some((s) => shipsSomething(s, shell));
}

/** CI jobs that publish an application image (build-push action, `docker push`): something else deploys it. */
export function publishJobs(facts: Facts): string[] {
  const out: string[] = [];
  for (const w of facts.ci) {
    for (const j of w.jobs) {
      if (j.steps.some((s) => (s.uses && /^docker\/(build-push|bake)-action@/.test(s.uses.value) && s.with?.push?.value !== 'false') || /\bdocker\s+(push\s|(buildx\s+)?build\b[^\n]*\s--push\b)/.test(stepText(s)))) {
        out.push(`${w.path} job ${j.name.value}`);
      }
    }
  }
  return out;
}

/** Whether a CI job runs the test suite. */
export function runsTests(j: CiJob): boolean {
  if (j.steps.length === 0 && j.uses && /(test|ci|check)/i.test(j.uses.value)) return true;
  if (j.steps.length === 0 && /(^|[-_])(tests?|ci|checks?)([-_]|$)/i.test(j.name.value)) return true;
  return j.steps.some((s) => TEST_TEXT.test(stepText(s)) || (s.name !== null && /\b(run\s+)?(unit\s+)?tests?\b/i.test(s.name) && !/\b(deploy|smoke|health)\b/i.test(s.name)) || (s.uses !== null && /(run-?tests|pytest|tox)/i.test(s.uses.value)));
}

function ciUnits(facts: Facts): DeployUnit[] {
  const out: DeployUnit[] = [];
  for (const w of facts.ci) {
    if (isDevFile(w.path)) continue;
    for (const j of w.jobs) {
      if (!isDeployJob(w, j, facts.shell)) continue;
      const steps: DeployStep[] = [];
      const scripts: string[] = [];
      const anchors: (Located<unknown> | SourceLoc)[] = [];
      for (const s of j.steps) {
        const at = s.run ?? s.uses ?? j.name;
        const texts = [s.run, ...Object.values(s.with ?? {})].filter((x): x is Located<string> => x !== null && x !== undefined);
        if (texts.length === 0) steps.push({ text: s.uses?.value ?? '', shown: s.uses?.value ?? s.name ?? '', at, name: s.name ?? undefined });
        for (const t of texts) {
          for (const line of t.value.split('\n')) {
            if (line.trim() === '' || /^\s*(#|echo\b|printf\b)/.test(line)) continue;
            steps.push({ text: line, shown: line.trim(), at: t, name: s.name ?? undefined });
            for (const other of referencedScripts(line, facts.shell, null)) {
              if (scripts.includes(other.path)) continue;
              scripts.push(other.path);
              const inlined = inline(other, null, facts.shell, new Set([other.path]), 1, new Set(scripts));
              const first = inlined.find((x) => UPDATE.test(x.text) || START.test(x.text)) ?? inlined[0];
              if (first) anchors.push(first.at);
              steps.push(...inlined);
            }
          }
        }
      }
      out.push({ kind: 'ci', label: `${w.path} job ${j.name.value}`, file: w.path, at: j.name, steps, scripts, scriptAnchors: anchors });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Makefiles.

const MAKE_DEPLOY = /^(deploy|deploy[-_]\w+|\w+[-_]deploy|release|rollout|ship|redeploy|prod|production|update[-_]prod)$/i;

function makeSteps(file: TextFile, t: MakeTarget, facts: Facts, seen: Set<string>): DeployStep[] {
  const steps: DeployStep[] = [];
  for (const p of t.prerequisites) {
    const dep = file.targets.find((x) => x.name.value === p);
    if (dep && !seen.has(p)) steps.push(...makeSteps(file, dep, facts, new Set([...seen, p])));
  }
  for (const line of t.recipe) {
    if (/^\s*(echo|printf|@echo)\b/.test(line.value)) continue;
    const sub = /\$?\(?MAKE\)?\s+(?:-\S+\s+)*([\w-]+)|\bmake\s+(?:-\S+\s+)*([\w-]+)/.exec(line.value);
    const dep = sub ? file.targets.find((x) => x.name.value === (sub[1] ?? sub[2])) : undefined;
    if (dep && !seen.has(dep.name.value)) {
      steps.push(...makeSteps(file, dep, facts, new Set([...seen, dep.name.value])));
      continue;
    }
    steps.push({ text: line.value, shown: line.value.trim(), at: line });
    for (const other of referencedScripts(line.value, facts.shell, null)) steps.push(...inline(other, null, facts.shell, new Set([other.path]), 1, new Set()));
  }
  return steps;
}

function makeUnits(facts: Facts): DeployUnit[] {
  const out: DeployUnit[] = [];
  for (const file of facts.texts) {
    if (file.role !== 'makefile' || isDevFile(file.path)) continue;
    for (const t of file.targets) {
      if (!MAKE_DEPLOY.test(t.name.value)) continue;
      const steps = makeSteps(file, t, facts, new Set([t.name.value]));
      if (!has(steps, UPDATE) && !has(steps, START) && !has(steps, DEPLOY_TEXT)) continue;
      const scripts = facts.shell.filter((s) => t.recipe.some((l) => referencedScripts(l.value, [s], null).length > 0)).map((s) => s.path);
      out.push({ kind: 'make', label: `${file.path} target ${t.name.value}`, file: file.path, at: t.name, steps, scripts });
    }
  }
  return out;
}

/**
 * Every deploy flow of the repository. Deploy-named scripts and functions win over scripts that merely update and
 * restart something (setup helpers); scripts run by a CI job or a make target are judged as part of that flow.
 */
export function deployUnits(facts: Facts): DeployUnit[] {
  const cached = memo.get(facts);
  if (cached) return cached;
  const units = computeUnits(facts);
  memo.set(facts, units);
  return units;
}

/** Several rules ask for the same flows of the same facts. */
const memo = new WeakMap<Facts, DeployUnit[]>();

function computeUnits(facts: Facts): DeployUnit[] {
  const ci = ciUnits(facts);
  const make = makeUnits(facts);
  const covered = new Set([...ci, ...make].flatMap((u) => u.scripts));
  const candidates = scriptCandidates(facts);
  const named = candidates.filter((c) => c.named);
  const chosen = (named.length > 0 ? named : candidates).filter((c) => !covered.has(c.script.path));
  return [...chosen.map((c) => c.unit), ...ci, ...make];
}

// ---------------------------------------------------------------------------------------------------------------
// What the containers or services do when they start (migrations and collectstatic often live there).

/** Scripts that run when a container or service starts. */
const START_SCRIPT = /(entrypoint|docker-?cmd|start|run|boot|startup|launch|init|release|prestart|pre-start|serve|server)([\w.-]*\.sh|[\w-]*)$/i;

/** Where the start-up (or image build) of the app runs `re`, as evidence text; null when nowhere. */
export function startupRuns(facts: Facts, re: RegExp, includeBuild: boolean): string | null {
  const texts: string[] = [];
  for (const p of facts.compose) {
    if (isDevFile(p.file) || p.purpose.kind === 'development' || p.purpose.kind === 'test') continue;
    for (const s of p.services) {
      const cmd = effectiveCommand(s, facts) ?? '';
      if (re.test(cmd)) return `compose service "${s.name.value}" (${s.file})`;
      texts.push(cmd);
    }
  }
  for (const d of facts.dockerfiles) {
    if (isDevFile(d.path)) continue;
    for (const st of d.stages) {
      for (const i of st.instructions) {
        const isStart = i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT';
        if (!isStart && !(includeBuild && i.keyword === 'RUN')) {
          if (i.keyword === 'COPY' || i.keyword === 'ADD') texts.push(i.args);
          continue;
        }
        const text = i.execForm ? i.execForm.join(' ') : i.expanded;
        if (re.test(text)) return `${d.path} ${i.keyword} (line ${i.loc.line})`;
        texts.push(text);
      }
    }
  }
  for (const u of facts.systemd) {
    for (const c of u.commands) if (re.test(`${c.effectiveName} ${c.effectiveArgs.join(' ')}`)) return `systemd unit ${u.path}`;
  }
  for (const t of facts.texts) {
    if (/(^|\/)procfile$/i.test(t.path)) for (const l of t.lines) if (/^\s*(release|web)\s*:/.test(l.value) && re.test(l.value)) return `${t.path} (${l.value.split(':')[0].trim()})`;
  }
  const joined = texts.join('\n');
  for (const s of facts.shell) {
    if (isDevFile(s.path)) continue;
    const named = START_SCRIPT.test(base(s.path)) || joined.includes(base(s.path));
    if (!named) continue;
    if (s.commands.some((c) => re.test(`${c.effectiveName} ${c.effectiveArgs.join(' ')}`))) return `start-up script ${s.path}`;
  }
  return null;
}

/** Functions that undo a deploy: their restarts are the failure path, not the deploy's last step. */
export const ROLLBACK_FN = /(rollback|roll_back|revert|undo|restore|abort|on_error|cleanup|fail)/i;

/** Web servers and proxies in front of the app: reloading them picks up a config, it does not start the release. */
const PROXY_WORD = /(^|[\/_.@:=-])(nginx|apache2?|httpd|caddy|haproxy|traefik|openresty|lighttpd|envoy)([\/_.@:=*-]|$)/i;
/** Units, services and processes that look like the web application itself. */
const WEB_WORD = /(^|[\/_.@:=-])(gunicorn|uwsgi|daphne|uvicorn|hypercorn|granian|asgi|wsgi|web|app|api|django|backend|server|site|all)([\/_.@:=*-]|$)/i;

/** The names a start command gives (`systemctl restart gunicorn nginx` -> gunicorn, nginx); [] when it names none. */
function startTargets(segment: string, m: RegExpExecArray): string[] {
  const svc = /\bservice\s+(\S+)\s+(restart|reload|start)\b/.exec(m[0]);
  if (svc) return [svc[1]];
  if (/\btouch\s/.test(m[0])) return [m[0]];
  return segment
    .slice(m.index + m[0].length)
    .split(/\s+/)
    .map((w) => w.replace(/^["'(]+|["')]+$/g, ''))
    .filter((w) => w !== '' && !w.startsWith('-') && w !== '\\');
}

/**
 * What a start step (re)starts: `proxy` when all it names are web servers or proxies (`systemctl reload nginx`),
 * `web` when it names the web app (gunicorn, web, the project...) or nothing in particular (`docker compose up -d`),
 * `other` for named services that are not recognisably the web app (a bot, celery).
 */
function startKind(s: DeployStep, project: RegExp | null): 'proxy' | 'web' | 'other' {
  const kinds = new Set<'proxy' | 'web' | 'other'>();
  for (const segment of s.text.split(/\n|&&|\|\||[;|&]/)) {
    const m = START.exec(segment);
    if (!m) continue;
    const names = startTargets(segment, m);
    if (names.length === 0) kinds.add('web');
    else if (names.every((w) => PROXY_WORD.test(w))) kinds.add('proxy');
    else kinds.add(names.some((w) => WEB_WORD.test(w) || (project !== null && project.test(w))) ? 'web' : 'other');
  }
  return kinds.has('web') || kinds.size === 0 ? 'web' : kinds.has('other') ? 'other' : 'proxy';
}

/**
 * The step that (re)starts the application last (outside rollback/error handlers), and the steps after it. A web
 * server or proxy reload is not an app restart; the last restart of the web app is preferred over later restarts of
 * other services (so the check that follows the app restart counts).
 */
export function afterLastStart(unit: DeployUnit, projectNames: readonly string[] = []): { start: DeployStep | null; after: DeployStep[] } {
  const project = projectNames.length > 0 ? new RegExp(`(^|[\\/_.@:=-])(${projectNames.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})([\\/_.@:=*-]|$)`, 'i') : null;
  let web = -1;
  let other = -1;
  unit.steps.forEach((s, i) => {
    if ((s.via ?? []).some((f) => ROLLBACK_FN.test(f))) return;
    if (START.test(s.text)) {
      const kind = startKind(s, project);
      if (kind === 'web') web = i;
      else if (kind === 'other') other = i;
    } else if (unit.kind === 'ci' && DEPLOY_TEXT.test(s.text)) web = i;
  });
  const idx = web >= 0 ? web : other;
  return idx < 0 ? { start: null, after: [] } : { start: unit.steps[idx], after: unit.steps.slice(idx + 1) };
}

/** Names the Django projects go by (the settings package, "shop" for shop.settings.prod), to recognise their units. */
export function projectNames(facts: Facts): string[] {
  const names = new Set<string>();
  for (const d of facts.django) {
    for (const m of [d.production?.module, ...d.settingsModules.map((x) => x.module)]) {
      const head = m?.split('.')[0];
      if (head && head !== 'settings' && head !== 'config' && head.length > 2) names.add(head);
    }
  }
  return [...names];
}
