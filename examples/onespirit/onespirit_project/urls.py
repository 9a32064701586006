"""
URL configuration for onespirit_project project.

The `urlpatterns` list routes URLs to views. For more information please see:
    https://docs.djangoproject.com/en/5.1/topics/http/urls/
"""
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path('', RedirectView.as_view(pattern_name='members:member_list', permanent=False)),
    path('admin/', admin.site.urls),
    path('members/', include('members.urls')),
    path('accounts/', include('accounts.urls')),
]
