"""The email a provider invitation sends (through the configured EMAIL_BACKEND)."""

from django.core.mail import send_mail
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import ProviderInvitation


def provider_invitation_send(
    *, request: HttpRequest, invitation: ProviderInvitation, token: str
) -> None:
    link = request.build_absolute_uri(reverse("providers:invitation-accept", args=[token]))
    body = render_to_string(
        "alliance/providers/invitation_email.txt", {"invitation": invitation, "link": link}
    )
    send_mail(
        _("Send your training program to the Transparent Tech Training Alliance"),
        body,
        None,
        [invitation.email],
    )
