import { testRule } from '../../../test/rule-tester.js';
import rule from './logging-not-configured.js';
import { BASE_SETTINGS, prod, splitSettingsProject } from './_fixture.js';

const LOGGING = (handler: string) => [
  'LOGGING = {',
  '    "version": 1,',
  '    "disable_existing_loggers": False,',
  `    "handlers": {"file": {"class": "${handler}", "filename": os.environ.get("LOG_FILE", "/var/log/shop/django.log")}},`,
  '    "root": {"handlers": ["file"], "level": "INFO"},',
  '}',
];

testRule(rule, {
  good: [
    { name: 'rotating file handler, path from env', files: splitSettingsProject(BASE_SETTINGS, prod('import os', ...LOGGING('logging.handlers.RotatingFileHandler'))) },
    { name: 'logrotate-friendly WatchedFileHandler', files: splitSettingsProject(BASE_SETTINGS, prod('import os', ...LOGGING('logging.handlers.WatchedFileHandler'))) },
    {
      name: 'plain FileHandler with a logrotate rule in the repository',
      files: splitSettingsProject(BASE_SETTINGS, prod('import os', ...LOGGING('logging.FileHandler')), {
        'deploy/logrotate/shop': '/var/log/shop/*.log {\n    daily\n    rotate 14\n    copytruncate\n}\n',
      }),
    },
  ],
  bad: [
    { name: 'no LOGGING', files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False')), expect: [{ messageId: 'notConfigured', file: 'mysite/settings/prod.py' }] },
    { name: 'empty LOGGING', files: splitSettingsProject(BASE_SETTINGS, prod('LOGGING = {}')), expect: [{ messageId: 'empty', file: 'mysite/settings/prod.py', line: 3 }] },
  ],
  unknown: [
    {
      name: 'logging configured elsewhere (LOGGING_CONFIG = None)',
      files: splitSettingsProject(BASE_SETTINGS, prod('LOGGING_CONFIG = None')),
      reason: /configured outside the LOGGING setting/,
    },
  ],
});
