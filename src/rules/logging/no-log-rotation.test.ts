import rule from './no-log-rotation.js';
import { testRule } from '../../../test/rule-tester.js';
import { singleSettingsProject } from '../django/_fixture.js';

const dockerfile = (cmd: string) => `FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nUSER app\nCMD ${cmd}\n`;
const fileLogs = '["gunicorn", "--bind", "0.0.0.0:8000", "--access-logfile", "/app/logs/gunicorn-access.log", "--error-logfile", "/app/logs/gunicorn-error.log", "shop.wsgi:application"]';

testRule(rule, {
  good: [
    {
      name: 'Django RotatingFileHandler',
      files: singleSettingsProject(
        "DEBUG = False\nSECRET_KEY = 'x'\nLOGGING = {\n    'version': 1,\n    'handlers': {\n        'file': {'class': 'logging.handlers.RotatingFileHandler', 'filename': '/var/log/mysite/django.log', 'maxBytes': 10485760, 'backupCount': 5},\n    },\n    'root': {'handlers': ['file'], 'level': 'INFO'},\n}\n",
      ),
    },
    { name: 'gunicorn logs to stdout', files: { Dockerfile: dockerfile('["gunicorn", "--bind", "0.0.0.0:8000", "--access-logfile", "-", "--error-logfile", "-", "shop.wsgi:application"]') } },
    {
      name: 'logrotate config for the log directory',
      files: { Dockerfile: dockerfile(fileLogs), 'deploy/logrotate/shop': '/srv/shop/logs/*.log {\n    daily\n    rotate 14\n    compress\n    missingok\n    copytruncate\n}\n' },
    },
    {
      name: 'setup script installs a logrotate rule',
      files: {
        'deploy/gunicorn.service': '[Unit]\nDescription=shop\n\n[Service]\nExecStart=/srv/shop/.venv/bin/gunicorn --access-logfile /var/log/shop/access.log shop.wsgi\n',
        'deploy/setup.sh': "#!/bin/bash\nset -euo pipefail\ncat > /etc/logrotate.d/shop <<'EOF'\n/var/log/shop/*.log {\n  weekly\n  rotate 8\n  compress\n}\nEOF\n",
      },
    },
    { name: 'nginx in the distribution log directory', files: { 'nginx/shop.conf': 'server {\n    listen 80;\n    access_log /var/log/nginx/shop.access.log;\n    location / { proxy_pass http://127.0.0.1:8000; }\n}\n' } },
  ],
  bad: [
    {
      name: 'seed 002 #10: gunicorn log files, no rotation',
      files: { 'Dockerfile.prod': dockerfile(fileLogs) },
      expect: [{ messageId: 'unrotated', file: 'Dockerfile.prod', line: 6 }],
    },
    {
      name: 'gunicorn.conf.py accesslog on the host',
      files: { 'gunicorn.conf.py': 'bind = "127.0.0.1:8000"\nworkers = 3\naccesslog = "/var/log/gunicorn/access.log"\nerrorlog = "-"\n' },
      expect: [{ messageId: 'unrotated', file: 'gunicorn.conf.py', line: 3 }],
    },
    {
      name: 'nginx logs into the app directory',
      files: { 'deploy/nginx/shop.conf': 'server {\n    listen 80;\n    access_log /srv/shop/logs/nginx-access.log;\n    location / { proxy_pass http://127.0.0.1:8000; }\n}\n' },
      expect: [{ messageId: 'unrotated', file: 'deploy/nginx/shop.conf', line: 3 }],
    },
    {
      name: 'Django FileHandler, no logrotate',
      files: singleSettingsProject(
        "DEBUG = False\nSECRET_KEY = 'x'\nLOGGING = {\n    'version': 1,\n    'handlers': {\n        'file': {'class': 'logging.FileHandler', 'filename': '/var/log/mysite/django.log'},\n    },\n    'root': {'handlers': ['file'], 'level': 'INFO'},\n}\n",
      ),
      expect: [{ messageId: 'unrotated', file: 'mysite/settings.py', line: 6 }],
    },
  ],
});
