// Probe parsers on captured command outputs (Debian 12 / Ubuntu 24.04 formats), and the runner's classification.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectHost } from '../collect.js';
import { ProbeRunner, harvestSecrets, trimOutput } from '../runner.js';
import { parseHostSpec } from '../target.js';
import { FakeTransport } from '../testing/fake-transport.js';
import { NOW, healthyHost } from '../testing/healthy-host.js';
import { DOCKER_PS, container, dockerHost } from '../testing/docker.js';
import { backupDirFromCommand, cronLines } from './cron.js';
import { applyInspect, parseDockerPs } from './docker.js';
import { parseIptables, parseNft, parseUfw } from './firewall.js';
import { parseJournalUsage } from './logs.js';
import { isLoopback, parseIpAddr, parseSs, splitAddress } from './network.js';
import { parseDf, parseMeminfo, realMounts } from './resources.js';
import { classifyService, servicesFromProcesses, servicesFromUnits } from './services.js';
import { orderSshdFiles, parseSshdT, resolveSshdFiles } from './ssh.js';
import { parseLoadavg, parseOsRelease } from './system.js';
import { parseAptUpgradable, parseTimedatectl } from './updates.js';
import { parseReflogLine } from './deploy.js';
import { parseX509 } from './certificates.js';
import { integrityTool, parseBackupListing } from './backups.js';

describe('probe parsers', () => {
  it('system', () => {
    assert.equal(parseOsRelease('PRETTY_NAME="Ubuntu 24.04.1 LTS"\nID=ubuntu\n').PRETTY_NAME, 'Ubuntu 24.04.1 LTS');
    assert.deepEqual(parseLoadavg('0.52 0.58 0.59 1/467 12345\n'), { one: 0.52, five: 0.58, fifteen: 0.59 });
  });

  it('df: mount points with spaces, pseudo filesystems dropped', () => {
    const rows = parseDf('Filesystem 1024-blocks Used Available Capacity Mounted on\n/dev/sdc1 1000 950 50 95% /mnt/backup disk\ntmpfs 100 1 99 1% /run\noverlay 1000 10 990 1% /var/lib/docker/overlay2/abc/merged\n');
    assert.deepEqual(realMounts(rows).map((r) => [r.mount, r.percent]), [['/mnt/backup disk', 95]]);
  });

  it('meminfo', () => {
    assert.deepEqual(parseMeminfo('MemTotal: 1000 kB\nMemAvailable: 250 kB\nSwapTotal: 0 kB\nSwapFree: 0 kB\n'), { totalKb: 1000, availableKb: 250, usedPercent: 75, swapTotalKb: 0, swapFreeKb: 0 });
    assert.equal(parseMeminfo('garbage'), null);
  });

  it('services from systemd units and from processes', () => {
    const units = servicesFromUnits('● erp-gunicorn.service loaded failed failed Gunicorn\npostgresql.service loaded active exited PostgreSQL RDBMS\nfoo.service loaded active running Foo\n');
    assert.deepEqual(units.map((u) => [u.name, u.key, u.running]), [['erp-gunicorn.service', 'gunicorn', false], ['postgresql.service', 'postgresql', true]]);
    const procs = servicesFromProcesses('  1 root 10 uwsgi /usr/bin/uwsgi --ini app.ini\n  2 root 10 celery /venv/bin/python /venv/bin/celery -A proj worker\n  3 root 10 redis-server /usr/bin/redis-server *:6379\n  9 root 1 sh [sh] <defunct>\n');
    assert.deepEqual(procs.map((p) => p.key).sort(), ['celery', 'redis', 'uwsgi']);
    assert.equal(classifyService('apache2.service'), null);
  });

  it('ss and ip', () => {
    const s = parseSs('LISTEN 0 4096 127.0.0.53%lo:53 0.0.0.0:* users:(("systemd-resolve",pid=1,fd=1))\nLISTEN 0 511 *:80 *:*\nLISTEN 0 511 [::ffff:127.0.0.1]:6379 [::]:*\n');
    assert.deepEqual(s.map((x) => [x.address, x.port, x.loopback]), [['127.0.0.53', 53, true], ['*', 80, false], ['::ffff:127.0.0.1', 6379, true]]);
    assert.deepEqual(splitAddress('[fe80::1%eth0]:123'), { address: 'fe80::1', port: 123 });
    assert.equal(isLoopback('::1'), true);
    assert.deepEqual(parseIpAddr('3: ens3@if4    inet 10.0.0.5/24 brd 10.0.0.255 scope global ens3\\\n').map((a) => [a.interface, a.address]), [['ens3', '10.0.0.5']]);
  });

  it('firewalls', () => {
    assert.deepEqual(parseUfw('Status: active\nDefault: deny (incoming), allow (outgoing)\n\nTo Action From\n22/tcp ALLOW IN Anywhere\n8000:8010/tcp ALLOW IN Anywhere\n5432 ALLOW IN 10.0.0.0/8\n53/udp ALLOW IN Anywhere\n')?.allowedPorts?.length, 12);
    assert.equal(parseUfw('ERROR: You need to be root to run this script'), null);
    const nft = parseNft('table inet filter {\n chain input {\n  type filter hook input priority 0; policy drop;\n  tcp dport { 22, 443 } accept\n  ip saddr 10.0.0.0/8 tcp dport 5432 accept\n }\n}\n');
    assert.deepEqual(nft?.allowedPorts, [22, 443]);
    assert.equal(parseNft('table ip nat {\n chain postrouting { type nat hook postrouting priority 100; }\n}\n'), null);
    assert.equal(parseIptables('-P INPUT ACCEPT\n-P FORWARD DROP\n-N DOCKER\n'), null);
    assert.deepEqual(parseIptables('-P INPUT ACCEPT\n-A INPUT -p tcp -m tcp --dport 443 -j ACCEPT\n-A INPUT -j DROP\n')?.allowedPorts, [443]);
  });

  it('sshd: -T, files with Include order and Match blocks', () => {
    assert.equal(parseSshdT('permitrootlogin without-password\npasswordauthentication no\nport 2222\n').ports[0], 2222);
    const files = orderSshdFiles('Port 22\nInclude /etc/ssh/sshd_config.d/*.conf\nPasswordAuthentication yes\n', [{ path: '/etc/ssh/sshd_config.d/10-no-pw.conf', text: 'PasswordAuthentication no\n' }]);
    const s = resolveSshdFiles(files);
    assert.equal(s.passwordAuthentication, 'no');
    assert.equal(s.lines.passwordAuthentication, '/etc/ssh/sshd_config.d/10-no-pw.conf:1: PasswordAuthentication no');
    assert.equal(s.lines.port, '/etc/ssh/sshd_config:1: Port 22');
  });

  it('cron lines and the backup directory they write to', () => {
    const lines = cronLines('/etc/cron.d/x', '0 2 * * * postgres pg_dump app | gzip > /srv/backups/pg/app-$(date +\\%F).sql.gz\n15 3 * * * root certbot renew -q\n', 'system');
    assert.deepEqual(lines.map((l) => [l.backup, l.certRenewal]), [[true, false], [false, true]]);
    assert.equal(backupDirFromCommand(lines[0].command), '/srv/backups/pg');
    assert.equal(backupDirFromCommand('pg_dump -Fc -f /var/backups/db/app.dump app'), '/var/backups/db');
    assert.equal(backupDirFromCommand('/home/deploy/backup.sh'), null);
    assert.equal(backupDirFromCommand('restic backup /srv/backup/ --quiet'), '/srv/backup');
  });

  it('backups, certificates, updates, time, deploy, journal', () => {
    const files = parseBackupListing('1769913041.0000000000\t100\t/b/a.dump\n1769999999.5\t0\t/b/b.dump\n1769913041\t5\t/b/a.dump.sha256\n1769913041\t5\t/b/.lock\n');
    assert.deepEqual(files.map((f) => f.path), ['/b/b.dump', '/b/a.dump']);
    assert.equal(integrityTool('/b/x.sql.gz'), 'gzip-test');
    assert.equal(integrityTool('/b/x.sql'), null);
    assert.deepEqual(parseX509('subject=CN = a.example\nnotAfter=Apr  5 09:03:00 2026 GMT\n'), { subject: 'CN = a.example', notAfter: '2026-04-05T09:03:00.000Z' });
    const apt = parseAptUpgradable('Listing...\nlibssl3/noble-updates,noble-security 3.0.13-0ubuntu3.4 amd64 [upgradable from: 3.0.13-0ubuntu3.1]\nvim/noble-updates 2:9.1.0016-1ubuntu7.5 amd64 [upgradable from: 2:9.1.0016-1ubuntu7.2]\n');
    assert.deepEqual([apt.pending, apt.security], [2, ['libssl3']]);
    assert.equal(parseTimedatectl('NTP=yes\nNTPSynchronized=no\n')?.synchronized, false);
    assert.equal(parseReflogLine('a'.repeat(40) + ' ' + 'b'.repeat(40) + ' Dep Loy <d@x> 1769882515 +0100\tpull: Fast-forward\n')?.time, '2026-01-31T18:01:55.000Z');
    assert.equal(parseJournalUsage('Archived and active journals take up 1.5G in the file system.'), Math.round(1.5 * 1024 ** 3));
  });

  it('docker ps and inspect (documented formats)', () => {
    const web = container(1, 'web', { health: 'unhealthy', status: 'Up 3 minutes (unhealthy)', restartCount: 7, restartPolicy: 'no' });
    const out = dockerHost([web]);
    const ps = parseDockerPs(out[DOCKER_PS]);
    assert.deepEqual([ps[0].name, ps[0].state, ps[0].health, ps[0].composeService], ['erp-web-1', 'running', 'unhealthy', 'web']);
    const merged = applyInspect(ps, out[`docker inspect ${web.id}`]);
    assert.deepEqual([merged[0].restartCount, merged[0].restartPolicy, merged[0].composeWorkingDir], [7, 'no', '/srv/erp']);
  });
});

describe('runner', () => {
  it('trims long outputs and says how much was cut', () => {
    const text = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n');
    assert.match(trimOutput(text), /line 59\n… \(40 more lines\)$/);
  });

  it('harvests secrets from command lines and env', () => {
    const s = new Set<string>();
    harvestSecrets('redis-server *:6379 --requirepass s3cr3t-redis-pass\nPOSTGRES_PASSWORD=hunter2hunter2\nDB_PASSWORD=$FROM_ENV\n', s);
    assert.deepEqual([...s].sort(), ['hunter2hunter2', 's3cr3t-redis-pass']);
  });

  it('never shows docker inspect Env values, and masks secrets in every proof', async () => {
    const web = container(1, 'web', { env: ['POSTGRES_PASSWORD=correct-horse-battery', 'DATABASE_URL=postgres://app:correct-horse-battery@db/app'] });
    const transport = new FakeTransport({ ...healthyHost(), ...dockerHost([web]), 'ps -eo pid=,user=,etimes=,comm=,args=': '1 root 5 redis-server redis-server *:6379 --requirepass hunter2-redis-x\n' });
    const { facts } = await collectHost(parseHostSpec('deploy@web1'), { transport, now: NOW });
    const all = JSON.stringify(facts);
    assert.ok(!all.includes('correct-horse-battery'), 'a container env secret reached the facts');
    const inspect = facts.commands.find((c) => c.command.startsWith('docker inspect'));
    assert.match(inspect?.output ?? '', /erp-web-1\tstate=running\thealth=healthy/);
  });

  it('classifies missing commands, refusals, timeouts and sudo', async () => {
    const t = new FakeTransport({
      nproc: { exit: 127, stderr: 'bash: line 1: nproc: command not found' },
      'sudo -n -- ufw status verbose': { exit: 1, stderr: 'sudo: a password is required\n' },
      'cat /proc/uptime': { timeout: true },
    });
    const r = new ProbeRunner(t, { timeoutMs: 1000, root: false, sudo: true, secrets: new Set() });
    assert.equal((await r.run('nproc')).status, 'missing');
    const ufw = await r.run('ufw');
    assert.equal(ufw.status, 'denied');
    assert.equal(ufw.proof?.command, 'sudo -n -- ufw status verbose');
    assert.equal((await r.run('uptime')).status, 'timeout');
    const noSudo = new ProbeRunner(t, { timeoutMs: 1000, root: false, sudo: false, secrets: new Set() });
    const skipped = await noSudo.run('nft');
    assert.equal(skipped.status, 'skipped');
    assert.equal(skipped.proof, null);
    assert.match(skipped.reason, /needs root.*--sudo/);
    assert.ok(!t.executed.includes('nft list ruleset'), 'a root-only command ran without root');
  });
});
