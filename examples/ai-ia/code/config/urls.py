from django.contrib import admin
from django.urls import include, path

from apps.core.health_check import health

urlpatterns = [
    path("health/", health),
    path("admin/", admin.site.urls),
    path("api/chat/", include("apps.chat.urls")),
]
