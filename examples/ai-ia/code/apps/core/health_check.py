from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse


def health(request):
    status = {"database": "ok", "cache": "ok"}
    code = 200
    try:
        connection.ensure_connection()
    except Exception:
        status["database"] = "down"
        code = 503
    try:
        cache.set("health", "1", 5)
    except Exception:
        status["cache"] = "down"
        code = 503
    return JsonResponse(status, status=code)
