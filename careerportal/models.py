"""Partner API keys: staff make them, the key is shown once and stored hashed, revocable,
with its use counted."""

import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

KEY_PREFIX_LENGTH = 8


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class PartnerKeyQuerySet(models.QuerySet["PartnerKey"]):
    def active(self) -> "PartnerKeyQuerySet":
        return self.filter(revoked_at__isnull=True)


class PartnerKey(models.Model):
    name = models.CharField(_("partner"), max_length=200)
    contact_email = models.EmailField(_("contact email"), blank=True)
    # The first characters, shown to staff so a key can be told apart; the rest is never kept.
    prefix = models.CharField(max_length=KEY_PREFIX_LENGTH, unique=True, editable=False)
    hashed_key = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    request_count = models.PositiveBigIntegerField(_("requests"), default=0, editable=False)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)

    objects = PartnerKeyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner API key")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, *, name: str, created_by: Any = None, **fields: Any) -> tuple["PartnerKey", str]:
        """Make a key; return it with the secret, which is shown this once and never stored."""
        secret = secrets.token_urlsafe(32)
        key = cls.objects.create(
            name=name,
            prefix=secret[:KEY_PREFIX_LENGTH],
            hashed_key=key_hash(secret),
            created_by=created_by,
            **fields,
        )
        return key, secret

    def count_use(self) -> None:
        PartnerKey.objects.filter(pk=self.pk).update(
            request_count=F("request_count") + 1, last_used_at=timezone.now()
        )
