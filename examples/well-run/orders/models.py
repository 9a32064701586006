from django.db import models


class Order(models.Model):
    reference = models.CharField(max_length=32, unique=True)
    created = models.DateTimeField(auto_now_add=True)
    invoice = models.FileField(upload_to="invoices/", blank=True)

    def __str__(self):
        return self.reference
