import rule from './token-committed.js';
import { testRule } from '../../../test/rule-tester.js';

testRule(rule, {
  good: [
    { name: 'a public certificate and an example env', files: { 'certs/site.crt': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', '.env.example': 'AWS_ACCESS_KEY_ID=your-key-id\n' } },
  ],
  bad: [
    {
      name: 'a private key and an AWS key id',
      files: {
        'deploy/id_rsa.pem': '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n',
        'scripts/upload.sh': '#!/bin/sh\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\naws s3 cp x s3://b/\n',
      },
      expect: [
        { messageId: 'committed', file: 'deploy/id_rsa.pem', line: 1 },
        { messageId: 'committed', file: 'scripts/upload.sh', line: 2 },
      ],
    },
  ],
});
