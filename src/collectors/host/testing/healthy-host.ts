// Captured outputs of a well-run Debian 12 server (systemd, gunicorn unit, nginx, PostgreSQL, Redis, ufw,
// fail2ban, nightly pg_dump, certbot), audited as root. Tests override single commands to make it misbehave.
import type { FakeOutput } from './fake-transport.js';

/** The audit time all captured ages are relative to. */
export const NOW = new Date('2026-02-01T12:00:00Z');

const epoch = (iso: string) => (new Date(iso).getTime() / 1000).toFixed(7);

export const BACKUP_LIST = "find /var/backups/erp -maxdepth 2 -type f -printf '%T@\\t%s\\t%p\\n'";

/** A backup listing with the given files (ISO mtime, size in bytes, name). */
export function backupListing(files: [string, number, string][]): string {
  return files.map(([t, size, name]) => `${epoch(t)}\t${size}\t/var/backups/erp/${name}`).join('\n') + '\n';
}

export function healthyHost(): Record<string, FakeOutput> {
  return {
    'id -u': '0\n',
    'cat /etc/os-release':
      'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\n',
    'uname -srm': 'Linux 6.1.0-18-amd64 x86_64\n',
    'cat /proc/uptime': '1234567.89 2345678.12\n',
    'cat /proc/loadavg': '0.42 0.51 0.48 1/312 98765\n',
    nproc: '2\n',
    'df -P -k': [
      'Filesystem     1024-blocks     Used Available Capacity Mounted on',
      'udev               1984232        0   1984232       0% /dev',
      'tmpfs               401316     1100    400216       1% /run',
      '/dev/sda1         39937312 18040524  19830220      48% /',
      'tmpfs              2006564        0   2006564       0% /dev/shm',
      '/dev/sda15          126678    11840    114838      10% /boot/efi',
      '/dev/sdb          51290592 22134412  26518464      46% /var/lib/postgresql',
      '',
    ].join('\n'),
    'df -P -i': [
      'Filesystem      Inodes  IUsed   IFree IUse% Mounted on',
      'udev            496058    412  495646    1% /dev',
      'tmpfs           501641    780  500861    1% /run',
      '/dev/sda1      2559088 312442 2246646   13% /',
      '/dev/sda15           0      0       0     - /boot/efi',
      '/dev/sdb       3276800  10511 3266289    1% /var/lib/postgresql',
      '',
    ].join('\n'),
    'cat /proc/meminfo':
      'MemTotal:        4013128 kB\nMemFree:          412332 kB\nMemAvailable:    1905436 kB\nBuffers:           80212 kB\nCached:          1334120 kB\nSwapCached:            0 kB\nSwapTotal:       1048572 kB\nSwapFree:        1022204 kB\n',
    'systemctl list-units --type=service --all --plain --no-legend --no-pager': [
      'cron.service                  loaded active   running Regular background program processing daemon',
      'erp-gunicorn.service          loaded active   running gunicorn daemon for the ERP',
      'fail2ban.service              loaded active   running Fail2Ban Service',
      'nginx.service                 loaded active   running A high performance web server and a reverse proxy server',
      'postgresql.service            loaded active   exited  PostgreSQL RDBMS',
      'postgresql@15-main.service    loaded active   running PostgreSQL Cluster 15-main',
      'redis-server.service          loaded active   running Advanced key-value store',
      'ssh.service                   loaded active   running OpenBSD Secure Shell server',
      'apache2.service               not-found inactive dead    apache2.service',
      '',
    ].join('\n'),
    'systemctl list-units --state=failed --all --plain --no-legend --no-pager': '',
    'systemctl list-timers --all --plain --no-legend --no-pager': [
      'Sun 2026-02-01 14:22:00 UTC 2h 22min left Sun 2026-02-01 02:22:00 UTC 9h ago certbot.timer   certbot.service',
      'Mon 2026-02-02 00:00:00 UTC 12h left      Sun 2026-02-01 00:00:00 UTC 12h ago logrotate.timer logrotate.service',
      '',
    ].join('\n'),
    'systemctl show --no-pager --property=Id,ActiveState,SubState,WorkingDirectory,ActiveEnterTimestamp erp-gunicorn.service':
      'Id=erp-gunicorn.service\nActiveState=active\nSubState=running\nWorkingDirectory=/srv/erp\nActiveEnterTimestamp=Sat 2026-01-31 18:02:11 UTC\n',
    'ss -H -tlnp': [
      'LISTEN 0      511          0.0.0.0:80         0.0.0.0:*    users:(("nginx",pid=812,fd=6),("nginx",pid=811,fd=6))',
      'LISTEN 0      511          0.0.0.0:443        0.0.0.0:*    users:(("nginx",pid=812,fd=7),("nginx",pid=811,fd=7))',
      'LISTEN 0      128          0.0.0.0:22         0.0.0.0:*    users:(("sshd",pid=640,fd=3))',
      'LISTEN 0      244        127.0.0.1:5432       0.0.0.0:*    users:(("postgres",pid=702,fd=6))',
      'LISTEN 0      511        127.0.0.1:6379       0.0.0.0:*    users:(("redis-server",pid=655,fd=6))',
      'LISTEN 0      2048       127.0.0.1:8000       0.0.0.0:*    users:(("gunicorn",pid=901,fd=5))',
      'LISTEN 0      128             [::]:22            [::]:*    users:(("sshd",pid=640,fd=4))',
      'LISTEN 0      511            [::1]:6379          [::]:*    users:(("redis-server",pid=655,fd=7))',
      '',
    ].join('\n'),
    'ip -o addr show': [
      '1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever',
      '1: lo    inet6 ::1/128 scope host noprefixroute \\       valid_lft forever preferred_lft forever',
      '2: eth0    inet 203.0.113.10/32 metric 100 scope global dynamic eth0\\       valid_lft 85632sec preferred_lft 85632sec',
      '2: eth0    inet6 2001:db8::1/64 scope global \\       valid_lft forever preferred_lft forever',
      '',
    ].join('\n'),
    'ufw status verbose': [
      'Status: active',
      'Logging: on (low)',
      'Default: deny (incoming), allow (outgoing), disabled (routed)',
      'New profiles: skip',
      '',
      'To                         Action      From',
      '--                         ------      ----',
      '22/tcp                     ALLOW IN    Anywhere',
      '80,443/tcp                 ALLOW IN    Anywhere',
      '22/tcp (v6)                ALLOW IN    Anywhere (v6)',
      '80,443/tcp (v6)            ALLOW IN    Anywhere (v6)',
      '',
    ].join('\n'),
    'sshd -T': 'port 22\naddressfamily any\nlistenaddress [::]:22\nlistenaddress 0.0.0.0:22\npermitrootlogin no\npubkeyauthentication yes\npasswordauthentication no\nkbdinteractiveauthentication no\nx11forwarding yes\n',
    'fail2ban-client status': 'Status\n|- Number of jail:\t1\n`- Jail list:\tsshd\n',
    'crontab -l': { exit: 1, stderr: 'no crontab for root\n' },
    'cat /etc/crontab':
      'SHELL=/bin/sh\nPATH=/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin\n\n17 *\t* * *\troot\tcd / && run-parts --report /etc/cron.hourly\n25 6\t* * *\troot\ttest -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.daily; }\n',
    'find /etc/cron.d -maxdepth 1 -type f': '/etc/cron.d/erp-backup\n/etc/cron.d/e2scrub_all\n',
    'cat /etc/cron.d/erp-backup': 'SHELL=/bin/bash\nMAILTO=ops@example.com\n30 2 * * * postgres pg_dump -Fc erp > /var/backups/erp/erp-$(date +\\%F).dump\n',
    'cat /etc/cron.d/e2scrub_all': '30 3 * * 0 root test -e /run/systemd/system || SERVICE_MODE=1 /usr/lib/x86_64-linux-gnu/e2fsprogs/e2scrub_all_cron\n',
    [BACKUP_LIST]: backupListing([
      ['2026-02-01T02:30:41Z', 48_213_992, 'erp-2026-02-01.dump'],
      ['2026-01-31T02:30:39Z', 48_120_114, 'erp-2026-01-31.dump'],
      ['2026-01-30T02:30:40Z', 47_998_510, 'erp-2026-01-30.dump'],
    ]),
    'pg_restore --list /var/backups/erp/erp-2026-02-01.dump':
      ';\n; Archive created at 2026-02-01 02:30:41 UTC\n;     dbname: erp\n;     TOC Entries: 412\n;     Format: CUSTOM\n;\n215; 1259 16386 TABLE public auth_user erp\n',
    'cat /etc/logrotate.conf': 'weekly\nrotate 4\ncreate\ninclude /etc/logrotate.d\n',
    'find /etc/logrotate.d -maxdepth 1 -type f': '/etc/logrotate.d/nginx\n/etc/logrotate.d/erp\n',
    'cat /etc/logrotate.d/nginx': '/var/log/nginx/*.log {\n\tdaily\n\tmissingok\n\trotate 14\n\tcompress\n\tdelaycompress\n\tnotifempty\n\tcreate 0640 www-data adm\n\tsharedscripts\n\tpostrotate\n\t\tinvoke-rc.d nginx rotate >/dev/null 2>&1\n\tendscript\n}\n',
    'cat /etc/logrotate.d/erp': '/var/log/gunicorn/*.log {\n    weekly\n    rotate 8\n    compress\n    missingok\n    copytruncate\n}\n',
    "find /var/log -maxdepth 2 -type f -name '*.log'": '/var/log/nginx/access.log\n/var/log/nginx/error.log\n/var/log/gunicorn/erp.log\n/var/log/dpkg.log\n/var/log/alternatives.log\n',
    'journalctl --disk-usage': 'Archived and active journals take up 384.0M in the file system.\n',
    'find /etc/letsencrypt/live -maxdepth 2 -name cert.pem': '/etc/letsencrypt/live/erp.example.com/cert.pem\n',
    'openssl x509 -noout -subject -enddate -in /etc/letsencrypt/live/erp.example.com/cert.pem': 'subject=CN = erp.example.com\nnotAfter=Apr 15 12:00:00 2026 GMT\n',
    'apt list --upgradable': { stdout: 'Listing...\n', stderr: '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n' },
    "find /var/run -maxdepth 1 -name 'reboot-required*'": '',
    'timedatectl show': 'Timezone=Etc/UTC\nLocalRTC=no\nCanNTP=yes\nNTP=yes\nNTPSynchronized=yes\nTimeUSec=Sun 2026-02-01 12:00:00 UTC\n',
    'tail -n 1 /srv/erp/.git/logs/HEAD': `6f1d3c0a9b8e7d6c5b4a39281706f5e4d3c2b1a0 0a1b2c3d4e5f60718293a4b5c6d7e8f901234567 deploy <deploy@erp.example.com> ${Math.round(new Date('2026-01-31T18:01:55Z').getTime() / 1000)} +0000\tpull --ff-only: Fast-forward\n`,
  };
}
