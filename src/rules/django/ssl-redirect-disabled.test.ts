import { testRule } from '../../../test/rule-tester.js';
import rule from './ssl-redirect-disabled.js';
import { BASE_SETTINGS, baseWithout, composeNginxProxy, composeWeb, NGINX_TLS_SITE, prod, splitSettingsProject } from './_fixture.js';

/** Only a TLS server proxies to the app (a Cloudflare origin certificate; no port-80 server, no redirect anywhere). */
const NGINX_ORIGIN_TLS = `upstream django {
    server web:8000;
}

server {
    listen 443 ssl;
    listen [::]:443 ssl;
    server_name shop.example.org;

    ssl_certificate /etc/ssl/cloudflare/origin.pem;
    ssl_certificate_key /etc/ssl/cloudflare/origin.key;

    location /static/ {
        alias /app/staticfiles/;
    }

    location / {
        proxy_pass http://django;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-Proto $scheme;
    }
}
`;

/** The same site served on plain port 80 as well, without a redirect. */
const NGINX_PLAIN_TOO = `${NGINX_ORIGIN_TLS}
server {
    listen 80;
    server_name shop.example.org;

    location / {
        proxy_pass http://django;
        proxy_set_header Host $host;
    }
}
`;

const NGINX_SERVICE = ['  nginx:', '    image: nginx:1.27-alpine', '    ports:', '      - "443:443"', '    volumes:', '      - ./nginx/default.conf:/etc/nginx/conf.d/default.conf:ro', ''].join('\n');

/** nginx on 443 only in front of "web"; `webPorts` adds a ports section to the Django service. */
const nginxOnly = (nginx: string, webPorts: string[] = []) =>
  splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), {
    'nginx/default.conf': nginx,
    'docker-compose.prod.yml': composeWeb('mysite.settings.prod', [], [...(webPorts.length ? ['    ports:', ...webPorts.map((p) => `      - "${p}"`)] : []), NGINX_SERVICE].join('\n')),
  });

/** Traefik in front of "web", routed by labels on the Django service; no redirect middleware or entry point redirection. */
const traefik = (routerLabels: string[]) =>
  splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), {
    'docker-compose.prod.yml': [
      'services:',
      '  web:',
      '    build: .',
      '    command: gunicorn mysite.wsgi:application --bind 0.0.0.0:8000',
      '    environment:',
      '      - DJANGO_SETTINGS_MODULE=mysite.settings.prod',
      '    labels:',
      '      - traefik.enable=true',
      ...routerLabels.map((l) => `      - ${l}`),
      '      - traefik.http.services.shop.loadbalancer.server.port=8000',
      '  traefik:',
      '    image: traefik:v3.1',
      '    command:',
      '      - --providers.docker.exposedbydefault=false',
      '      - --entrypoints.web.address=:80',
      '      - --entrypoints.websecure.address=:443',
      '      - --certificatesresolvers.letsencrypt.acme.tlschallenge=true',
      '    ports:',
      '      - "80:80"',
      '      - "443:443"',
      '    volumes:',
      '      - /var/run/docker.sock:/var/run/docker.sock:ro',
      '',
    ].join('\n'),
  });

const TLS_ROUTER = ['traefik.http.routers.shop.rule=Host(`shop.example.org`)', 'traefik.http.routers.shop.entrypoints=websecure', 'traefik.http.routers.shop.tls.certresolver=letsencrypt'];

const ENV_REDIRECT = 'SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SSL_REDIRECT", "True") == "True"';

testRule(rule, {
  good: [
    {
      name: 'set when an env flag is on, and production turns the flag on',
      files: splitSettingsProject(BASE_SETTINGS, prod('import os', 'if os.environ.get("ENABLE_HTTPS", "") == "true":', '    SECURE_SSL_REDIRECT = True'), {
        'docker-compose.prod.yml': composeWeb('mysite.settings.prod', ['ENABLE_HTTPS=true']),
      }),
    },
    { name: 'SECURE_SSL_REDIRECT = True', files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_SSL_REDIRECT = True')) },
    {
      name: 'nginx redirects port 80 to https',
      files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'deploy/nginx/shop.conf': NGINX_TLS_SITE }),
    },
    {
      name: 'nginx-proxy redirects by default',
      files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False'), { 'docker-compose.prod.yml': composeNginxProxy('mysite.settings.prod') }),
    },
    {
      name: 'env-driven, production gives True',
      files: splitSettingsProject(BASE_SETTINGS, prod('import os', ENV_REDIRECT), {
        'docker-compose.prod.yml': composeWeb('mysite.settings.prod', ['DJANGO_SSL_REDIRECT=True']),
      }),
    },
    // Cleartext requests never reach Django: nothing to redirect (real repositories with a Cloudflare origin certificate).
    { name: 'the only nginx server proxying to the app listens with ssl (no plain-HTTP server)', files: nginxOnly(NGINX_ORIGIN_TLS) },
    { name: 'the Django service publishes its port on loopback only, nginx listens only with ssl', files: nginxOnly(NGINX_ORIGIN_TLS, ['127.0.0.1:8000:8000']) },
    { name: 'Traefik labels route the app only through websecure with a certresolver', files: traefik(TLS_ROUTER) },
  ],
  bad: [
    {
      name: 'a plain listen 80 server proxies to the app without redirect',
      files: nginxOnly(NGINX_ORIGIN_TLS.replace('    listen 443 ssl;\n    listen [::]:443 ssl;\n', '    listen 80;\n')),
      expect: [{ messageId: 'notSet', file: 'mysite/settings/prod.py' }],
    },
    {
      name: 'a TLS server and a plain port-80 server both proxy to the app',
      files: nginxOnly(NGINX_PLAIN_TOO),
      expect: [{ messageId: 'notSet', file: 'mysite/settings/prod.py' }],
    },
    {
      name: 'nginx listens only with ssl, but the Django service publishes its port to every interface',
      files: nginxOnly(NGINX_ORIGIN_TLS, ['8000:8000']),
      expect: [{ messageId: 'notSet', file: 'mysite/settings/prod.py' }],
    },
    {
      name: 'Traefik: a second router serves the app on the plain web entry point',
      files: traefik([...TLS_ROUTER, 'traefik.http.routers.shop-http.rule=Host(`shop.example.org`)', 'traefik.http.routers.shop-http.entrypoints=web']),
      expect: [{ messageId: 'notSet', file: 'mysite/settings/prod.py' }],
    },
    {
      name: 'explicitly False',
      files: splitSettingsProject(BASE_SETTINGS, prod('SECURE_SSL_REDIRECT = False')),
      expect: [{ messageId: 'disabled', file: 'mysite/settings/prod.py', line: 3 }],
    },
    {
      name: 'not set anywhere',
      files: splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False')),
      expect: [{ messageId: 'notSet', file: 'mysite/settings/prod.py' }],
    },
    {
      name: 'not set, and MIDDLEWARE only grows under an env-driven condition (debug toolbar)',
      files: splitSettingsProject(
        BASE_SETTINGS,
        prod('import os', 'DEBUG = os.environ.get("DEBUG") == "1"', 'if DEBUG:', '    MIDDLEWARE.insert(0, "debug_toolbar.middleware.DebugToolbarMiddleware")', '    INSTALLED_APPS += ["debug_toolbar"]'),
      ),
      expect: [{ messageId: 'notSet', file: 'mysite/settings/prod.py' }],
    },
    {
      name: 'env-driven, production compose turns it off',
      files: splitSettingsProject(BASE_SETTINGS, prod('import os', ENV_REDIRECT), {
        'docker-compose.prod.yml': composeWeb('mysite.settings.prod', ['DJANGO_SSL_REDIRECT=False']),
      }),
      expect: [{ messageId: 'disabled', file: 'mysite/settings/prod.py', line: 4 }],
    },
  ],
  unknown: [
    {
      name: 'nginx listens only with ssl, but an HAProxy service whose configuration is not read also publishes ports',
      files: (() => {
        const files = nginxOnly(NGINX_ORIGIN_TLS);
        files['docker-compose.prod.yml'] += ['  haproxy:', '    image: haproxy:2.9', '    ports:', '      - "80:80"', ''].join('\n');
        return files;
      })(),
      reason: /haproxy publishes ports and its proxy configuration is not read/,
    },
    {
      name: 'not set in the files read, but a star import from outside the repository may set it',
      files: splitSettingsProject(BASE_SETTINGS, prod('from company_defaults.django_settings import *  # noqa', 'DEBUG = False')),
      reason: /`from company_defaults\.django_settings import \*` \(not in the repository\) may set it/,
    },
    {
      name: 'set only when an env flag is on, and no production value for the flag (never a pass)',
      files: splitSettingsProject(BASE_SETTINGS, prod('import os', 'if os.environ.get("ENABLE_HTTPS", "") == "true":', '    SECURE_SSL_REDIRECT = True')),
      reason: /depends on env var ENABLE_HTTPS/,
    },
    {
      name: 'env var with no production value',
      files: splitSettingsProject(BASE_SETTINGS, prod('import os', ENV_REDIRECT)),
      reason: /depends on env var DJANGO_SSL_REDIRECT; no production value found/,
    },
  ],
  notApplicable: [
    { name: 'SecurityMiddleware missing (its own rule reports)', files: splitSettingsProject(baseWithout('django.middleware.security.SecurityMiddleware'), prod('DEBUG = False')) },
    { name: 'no Django project', files: { 'nginx.conf': NGINX_TLS_SITE } },
  ],
});
