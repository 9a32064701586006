import { testRule } from '../../../test/rule-tester.js';
import rule from './app-unit-runs-as-root.js';

const unit = (service: string) => `[Unit]
Description=gunicorn daemon for shop
After=network.target

[Service]
${service}
WorkingDirectory=/srv/shop
ExecStart=/srv/shop/venv/bin/gunicorn --workers 3 --bind unix:/run/gunicorn.sock shop.wsgi:application
Restart=on-failure

[Install]
WantedBy=multi-user.target
`;

testRule(rule, {
  good: [
    { name: 'User=www-data', files: { 'deploy/gunicorn.service': unit('User=www-data\nGroup=www-data') } },
    { name: 'DynamicUser=yes', files: { 'deploy/gunicorn.service': unit('DynamicUser=yes\nStateDirectory=shop') } },
  ],
  bad: [
    {
      name: 'no User= (runs as root)',
      files: { 'deploy/gunicorn.service': unit('Group=www-data') },
      expect: [{ messageId: 'noUser', file: 'deploy/gunicorn.service', line: 8 }],
    },
    {
      name: 'User=root',
      files: { 'deploy/gunicorn.service': unit('User=root\nGroup=www-data') },
      expect: [{ messageId: 'rootUser', file: 'deploy/gunicorn.service', line: 6 }],
    },
  ],
  notApplicable: [
    { name: 'a backup service (not the app server)', files: { 'deploy/backup.service': '[Service]\nType=oneshot\nExecStart=/usr/local/bin/backup.sh\n' } },
    { name: 'no units', files: { 'README.md': '# shop\n' } },
  ],
});
