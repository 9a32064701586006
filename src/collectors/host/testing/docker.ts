// Captured `docker ps --format '{{json .}}'` and `docker inspect` outputs (Docker Engine 27, documented formats)
// of a compose project: no Docker engine runs on the test machines, so the container probe is tested on these.

export const DOCKER_PS = "docker ps --all --no-trunc --format '{{json .}}'";

export interface FakeContainer {
  id: string;
  service: string;
  image: string;
  state: string;
  status: string;
  health?: string;
  restartCount?: number;
  restartPolicy?: string;
  created?: string;
  oneoff?: boolean;
  env?: string[];
}

const ID = (n: number) => `${n}f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d`.slice(0, 64);

export function container(n: number, service: string, over: Partial<FakeContainer> = {}): FakeContainer {
  return { id: ID(n), service, image: `ghcr.io/acme/erp-${service}:1.4.2`, state: 'running', status: 'Up 17 hours (healthy)', health: 'healthy', restartCount: 0, restartPolicy: 'unless-stopped', created: '2026-01-31T18:02:40.123456789Z', ...over };
}

function labels(c: FakeContainer): Record<string, string> {
  return {
    'com.docker.compose.config-hash': 'a3c5e0d1',
    'com.docker.compose.container-number': '1',
    'com.docker.compose.oneoff': c.oneoff ? 'True' : 'False',
    'com.docker.compose.project': 'erp',
    'com.docker.compose.project.config_files': '/srv/erp/docker-compose.prod.yml',
    'com.docker.compose.project.working_dir': '/srv/erp',
    'com.docker.compose.service': c.service,
    'com.docker.compose.version': '2.29.7',
  };
}

/** One JSON object per line, as `docker ps --format '{{json .}}'` prints. */
export function dockerPs(cs: FakeContainer[]): string {
  return (
    cs
      .map((c) =>
        JSON.stringify({
          Command: '"/entrypoint.sh gunicorn config.wsgi"',
          CreatedAt: `${c.created?.slice(0, 10)} 18:02:40 +0000 UTC`,
          ID: c.id,
          Image: c.image,
          Labels: Object.entries(labels(c))
            .map(([k, v]) => `${k}=${v}`)
            .join(','),
          LocalVolumes: '0',
          Mounts: '',
          Names: `erp-${c.service}-1`,
          Networks: 'erp_default',
          Ports: '',
          RunningFor: '17 hours ago',
          Size: '0B',
          State: c.state,
          Status: c.status,
        }),
      )
      .join('\n') + '\n'
  );
}

/** `docker inspect <ids>`: a JSON array of container objects (only the documented fields opsaudit reads, plus Env). */
export function dockerInspect(cs: FakeContainer[]): string {
  return JSON.stringify(
    cs.map((c) => ({
      Id: c.id,
      Created: c.created,
      Name: `/erp-${c.service}-1`,
      RestartCount: c.restartCount ?? 0,
      State: {
        Status: c.state,
        Running: c.state === 'running',
        Restarting: c.state === 'restarting',
        ExitCode: c.state === 'exited' ? 1 : 0,
        ...(c.health ? { Health: { Status: c.health, FailingStreak: c.health === 'unhealthy' ? 5 : 0, Log: [] } } : {}),
      },
      HostConfig: { RestartPolicy: { Name: c.restartPolicy ?? '', MaximumRetryCount: 0 } },
      Config: { Image: c.image, Env: c.env ?? ['PATH=/usr/local/bin:/usr/bin:/bin', 'DJANGO_SETTINGS_MODULE=config.settings.production'], Labels: labels(c) },
    })),
    null,
    4,
  );
}

/** The fake outputs of a docker host running these containers. */
export function dockerHost(cs: FakeContainer[]): Record<string, string> {
  return { [DOCKER_PS]: dockerPs(cs), ...(cs.length > 0 ? { [`docker inspect ${cs.map((c) => c.id).join(' ')}`]: dockerInspect(cs) } : {}) };
}
