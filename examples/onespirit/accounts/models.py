from django.conf import settings
from django.db import models


class Profile(models.Model):
    """Extra information about a staff user of the OneSpirit back office."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name='profile',
    )
    job_title = models.CharField(max_length=100, blank=True)
    phone = models.CharField(max_length=30, blank=True)
    receive_notifications = models.BooleanField(default=True)

    def __str__(self):
        return f'Profile of {self.user}'
