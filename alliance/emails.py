"""Emails the Alliance sends (through the configured EMAIL_BACKEND)."""

from django.core.mail import send_mail
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import Invitation


def invitation_send(*, request: HttpRequest, invitation: Invitation, token: str) -> None:
    """Email the invitee the signed link that lets them join by setting a password."""
    link = request.build_absolute_uri(reverse("alliance:invitation-accept", args=[token]))
    body = render_to_string(
        "registration/invitation_email.txt",
        {"invitation": invitation, "link": link, "inviter": request.user},
    )
    send_mail(
        _("You are invited to %(member)s on Transparent Tech Training")
        % {"member": invitation.member.name},
        body,
        None,
        [invitation.email],
    )
