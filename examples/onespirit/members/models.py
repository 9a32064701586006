from django.db import models


class Member(models.Model):
    """A member of the OneSpirit community."""

    class MembershipType(models.TextChoices):
        STANDARD = 'standard', 'Standard'
        CONCESSION = 'concession', 'Concession'
        LIFE = 'life', 'Life'

    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    email = models.EmailField(unique=True)
    phone = models.CharField(max_length=30, blank=True)
    membership_type = models.CharField(
        max_length=20,
        choices=MembershipType.choices,
        default=MembershipType.STANDARD,
    )
    joined_on = models.DateField()
    is_active = models.BooleanField(default=True)
    photo = models.FileField(upload_to='members/photos/', blank=True)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ['last_name', 'first_name']

    def __str__(self):
        return f'{self.first_name} {self.last_name}'

    @property
    def full_name(self):
        return str(self)
