import { DOCKER_PS, container, dockerHost } from '../../collectors/host/testing/docker.js';
import rule from './container-unhealthy.js';
import { NO_HOST, UNREACHABLE, testRule } from './_tester.js';

const web = container(1, 'web');
const worker = container(2, 'worker', { health: undefined, status: 'Up 17 hours' });
const inspectOf = (...cs: ReturnType<typeof container>[]) => `docker inspect ${cs.map((c) => c.id).join(' ')}`;

testRule(rule, {
  good: [
    { name: 'web healthy, worker up without a healthcheck', outputs: dockerHost([web, worker]) },
    { name: 'a finished `compose run` migration container', outputs: dockerHost([web, container(3, 'migrate', { state: 'exited', status: 'Exited (0) 2 hours ago', health: undefined, oneoff: true })]) },
    { name: 'docker runs nothing', outputs: { [DOCKER_PS]: '' } },
  ],
  bad: [
    {
      name: 'web is unhealthy',
      outputs: dockerHost([container(1, 'web', { health: 'unhealthy', status: 'Up 2 hours (unhealthy)' }), worker]),
      expect: [{ messageId: 'unhealthy', command: inspectOf(web, worker), says: /erp-web-1 on deploy@web1 is unhealthy/ }],
    },
    {
      name: 'worker crash-loops and celery beat exited',
      outputs: dockerHost([web, container(2, 'worker', { state: 'restarting', status: 'Restarting (1) 5 seconds ago', health: undefined, restartCount: 41 }), container(4, 'beat', { state: 'exited', status: 'Exited (1) 3 hours ago', health: undefined })]),
      expect: [
        { messageId: 'unhealthy', command: inspectOf(web, worker, container(4, 'beat')), says: /erp-worker-1 .* restarting in a loop/ },
        { messageId: 'unhealthy', command: inspectOf(web, worker, container(4, 'beat')), says: /erp-beat-1 .* has exited/ },
      ],
    },
    {
      name: 'running but restarted 12 times',
      outputs: dockerHost([container(1, 'web', { restartCount: 12 })]),
      expect: [{ messageId: 'unhealthy', command: inspectOf(web), says: /restarted 12 times/ }],
    },
  ],
  unknown: [
    UNREACHABLE,
    { name: 'the docker daemon does not answer', outputs: { [DOCKER_PS]: { exit: 1, stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n' } }, reason: /daemon did not answer/ },
    {
      name: 'the login user may not use docker',
      outputs: { 'id -u': '1000\n', [DOCKER_PS]: { exit: 1, stderr: 'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock\n' } },
      reason: /permission denied.*--sudo/,
    },
  ],
  notApplicable: [NO_HOST, { name: 'docker is not installed', outputs: {} }],
});
