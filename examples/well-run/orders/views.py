from django.db import connection
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render

from .models import Order


def health(request):
    """Liveness and readiness: answers 200 only when the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return JsonResponse({"status": "unhealthy", "database": "down"}, status=503)
    return JsonResponse({"status": "healthy", "database": "up"})


def order_list(request):
    return render(request, "orders/list.html", {"orders": Order.objects.order_by("-created")[:50]})


def order_detail(request, pk):
    return render(request, "orders/detail.html", {"order": get_object_or_404(Order, pk=pk)})
