import { container, dockerHost } from '../../collectors/host/testing/docker.js';
import rule from './container-no-restart-policy.js';
import { NO_HOST, UNREACHABLE, testRule } from './_tester.js';

const web = container(1, 'web');
const redis = container(2, 'redis', { restartPolicy: 'always', image: 'redis:7.2-alpine' });

testRule(rule, {
  good: [
    { name: 'unless-stopped and always', outputs: dockerHost([web, redis]) },
    { name: 'a one-off container without policy is fine', outputs: dockerHost([web, container(3, 'manage', { restartPolicy: 'no', oneoff: true })]) },
  ],
  bad: [
    {
      name: 'web runs with restart policy "no"',
      outputs: dockerHost([container(1, 'web', { restartPolicy: 'no' }), redis]),
      expect: [{ messageId: 'noPolicy', command: `docker inspect ${web.id} ${redis.id}`, says: /erp-web-1 on deploy@web1 runs with restart policy "no"/ }],
    },
    {
      name: 'an empty policy name is "no"',
      outputs: dockerHost([container(1, 'web', { restartPolicy: '' })]),
      expect: [{ messageId: 'noPolicy', command: `docker inspect ${web.id}` }],
    },
  ],
  unknown: [
    UNREACHABLE,
    { name: 'docker inspect fails', outputs: { ...dockerHost([web]), [`docker inspect ${web.id}`]: { exit: 1, stderr: 'Error response from daemon: i/o timeout\n' } }, reason: /restart policy is not known/ },
  ],
  notApplicable: [NO_HOST, { name: 'docker is not installed', outputs: {} }],
});
