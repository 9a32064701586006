"""Settings for `collectstatic` during the image build: no secrets, no database."""
from .base import *  # noqa: F403

SECRET_KEY = "collectstatic-only-not-used-at-runtime"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
