// Tests for compose/docker-socket-mounted.
import { testRule } from '../../../test/rule-tester.js';
import rule from './docker-socket-mounted.js';

testRule(rule, {
  good: [
    {
      name: 'only the socket proxy mounts the socket, read-only',
      files: {
        'docker-compose.prod.yml': `services:
  docker-socket-proxy:
    image: tecnativa/docker-socket-proxy:0.3.0
    environment:
      - CONTAINERS=1
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock:ro
  nginx-proxy:
    image: nginxproxy/nginx-proxy:1.6.4
    environment:
      - DOCKER_HOST=tcp://docker-socket-proxy:2375
`,
      },
    },
    { name: 'nothing mounts the socket', files: { 'docker-compose.yml': 'services:\n  web:\n    image: app:1\n' } },
  ],
  bad: [
    {
      name: 'a reverse proxy reading the socket, a writable mount, and a proxy without :ro',
      files: {
        'docker-compose.yml': `services:
  nginx-proxy:
    image: nginxproxy/nginx-proxy:1.6
    volumes:
      - /var/run/docker.sock:/tmp/docker.sock:ro
  watchtower:
    image: containrrr/watchtower:1.7.1
    volumes:
      - type: bind
        source: /var/run/docker.sock
        target: /var/run/docker.sock
  socket-proxy:
    image: lscr.io/linuxserver/socket-proxy:1.26
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock
`,
      },
      expect: [
        { messageId: 'readingProxy', file: 'docker-compose.yml', line: 5 },
        { messageId: 'mounted', file: 'docker-compose.yml', line: 9 },
        { messageId: 'proxyWritable', file: 'docker-compose.yml', line: 15 },
      ],
    },
    {
      name: 'nginx-proxy built from a local Dockerfile is judged as nginx-proxy',
      files: {
        'docker-compose.yml': `services:
  nginx-proxy:
    build: ./nginx-proxy
    ports: ["80:80", "443:443"]
    volumes:
      - /var/run/docker.sock:/tmp/docker.sock:ro
`,
        'nginx-proxy/Dockerfile': 'FROM nginxproxy/nginx-proxy:1.6\nCOPY custom.conf /etc/nginx/conf.d/custom.conf\n',
      },
      expect: [{ messageId: 'readingProxy', file: 'docker-compose.yml', line: 6 }],
    },
  ],
  notApplicable: [{ name: 'a dev file', files: { 'docker-compose.dev.yml': 'services:\n  w:\n    image: x:1\n    volumes: ["/var/run/docker.sock:/var/run/docker.sock"]\n' } }],
});
