from django.contrib import admin

from .models import Member


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
    list_display = ('last_name', 'first_name', 'email', 'membership_type', 'joined_on', 'is_active')
    list_filter = ('membership_type', 'is_active')
    search_fields = ('first_name', 'last_name', 'email')
    date_hierarchy = 'joined_on'
