// Test fixtures for the cross-file rules: a Django project with a health check in its Dockerfile or compose file.
import { BASE_SETTINGS, prod, splitSettingsProject } from '../django/_fixture.js';

/** Production Dockerfile whose HEALTHCHECK (line 6) runs the given command. */
export const dockerfileWithHealthcheck = (cmd: string): string => `FROM python:3.12-slim
ENV DJANGO_SETTINGS_MODULE=mysite.settings.prod
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir -r requirements.txt
HEALTHCHECK --interval=30s --timeout=5s CMD ${cmd}
CMD ["gunicorn", "mysite.wsgi:application", "--bind", "0.0.0.0:8000"]
`;

/** urls.py routing the given extra patterns after the admin (the first extra pattern is line 8). */
export const urlsWith = (...patterns: string[]): string => `from django.contrib import admin
from django.urls import include, path, re_path

from . import views

urlpatterns = [
    path("admin/", admin.site.urls),
${patterns.map((p) => `    ${p},`).join('\n')}
]
`;

export const HEALTH_VIEW_DB = `from django.db import connection
from django.http import JsonResponse


def health(request):
    connection.ensure_connection()
    return JsonResponse({"status": "ok"})
`;

export const HEALTH_VIEW_STATIC = `from django.http import HttpResponse


def health(request):
    return HttpResponse("ok")
`;

/** A split-settings project (prod allows shop.example.org and localhost) with the given urls.py and views. */
export function healthProject(urls: string, views: string, extra: Record<string, string> = {}, prodLines: string[] = ['ALLOWED_HOSTS = ["shop.example.org", "localhost"]']): Record<string, string> {
  return splitSettingsProject(BASE_SETTINGS, prod('DEBUG = False', ...prodLines), {
    'mysite/urls.py': urls,
    'mysite/views.py': views,
    ...extra,
  });
}
