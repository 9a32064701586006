import rule from './secret-file-permissions-race.js';
import { testRule } from '../../../test/rule-tester.js';

testRule(rule, {
  good: [
    {
      name: 'umask before writing',
      files: { 'secrets.sh': '#!/bin/bash\ncreate() {\n    umask 077\n    echo -n "$2" > "$1"\n    chmod 600 "$1"\n}\n' },
    },
  ],
  bad: [
    {
      name: 'seed 002 #13: echo then chmod',
      files: {
        'manage-secrets.sh':
          '#!/bin/bash\ncreate_secret_file() {\n    local secret_name=$1\n    local secret_value=$2\n    local file_path="secrets/${secret_name}.txt"\n\n    echo -n "$secret_value" > "$file_path"\n    chmod 600 "$file_path"\n}\n',
      },
      expect: [{ messageId: 'race', file: 'manage-secrets.sh', line: 7 }],
    },
    {
      name: 'a heredoc written to the env file, then made group-readable only (640)',
      files: {
        'setup.sh': '#!/bin/bash\nset -e\nmkdir -p /etc/shop\ncat > /etc/shop/.env <<ENV\nSECRET_KEY=$SECRET_KEY\nDB_PASSWORD=$DB_PASSWORD\nENV\nchmod 640 /etc/shop/.env\nchown root:www-data /etc/shop/.env\n',
      },
      expect: [{ messageId: 'race', file: 'setup.sh', line: 4 }],
    },
  ],
  notApplicable: [{ name: 'no chmod after a write', files: { 'log.sh': '#!/bin/sh\necho started >> /var/log/app.log\n' } }],
});
