"""
Development settings for the OneSpirit project.

Used by default by manage.py. Never use these settings in production.
"""

from .base import *  # noqa: F401,F403

DEBUG = True

# SECURITY WARNING: development-only key, production reads it from a Docker secret
SECRET_KEY = 'django-insecure-7h#k2m!q9x@v4w$e8r^t6y&u3i*o1p(a5s)d0f-g+j=l'

ALLOWED_HOSTS = ['*']

# Print emails to the console instead of sending them
EMAIL_BACKEND = 'django.core.mail.backends.console.EmailBackend'

# Log to the console only (no /app/logs directory outside the container)
LOGGING['root']['handlers'] = ['console']  # noqa: F405
LOGGING['loggers']['django']['handlers'] = ['console']  # noqa: F405
LOGGING['loggers']['onespirit']['handlers'] = ['console']  # noqa: F405
LOGGING['handlers'].pop('file')  # noqa: F405
