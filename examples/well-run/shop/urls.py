from django.contrib import admin
from django.urls import include, path

from orders.views import health

urlpatterns = [
    path("health/", health, name="health"),
    path("admin/", admin.site.urls),
    path("orders/", include("orders.urls")),
]
