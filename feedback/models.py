from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class BarrierReport(models.Model):
    """A barrier someone met on the portal, reported through the accessibility statement."""

    description = models.TextField(_("description"), max_length=5000)
    page = models.CharField(_("page"), max_length=500, blank=True)
    email = models.EmailField(_("e-mail for an answer"), blank=True)
    language = models.CharField(_("language"), max_length=5)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    mailed_at = models.DateTimeField(_("mailed to the agency staff"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("barrier report")
        verbose_name_plural = _("barrier reports")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M}: {self.description[:60]}"

    def get_admin_url(self):
        return reverse("admin:feedback_barrierreport_change", args=[self.pk])
