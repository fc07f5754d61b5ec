"""Pledge pages: what a signed commitment or recommitment needs to be shared (tags, share image,
suggested post text), and the press summary of a convening."""

from typing import Any

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from alliance.models import Commitment
from careerportal.share_card import card_response
from careerportal.sharing import page_share
from careerportal.translations.presentation import authored_text

from .models import Recommitment

FOOTER = "Transparent Tech Training Alliance"


def commitment_post_text(*, commitment: Commitment, url: str) -> str:
    """What a member may post about a commitment it signed (first person, its own words)."""
    return _(
        "We signed a public pledge with the Transparent Tech Training Alliance: "
        "“%(promise)s”, by %(deadline)s. %(url)s"
    ) % {
        "promise": commitment.get_kind_display(),
        "deadline": date_format(commitment.deadline, "DATE_FORMAT"),
        "url": url,
    }


def recommitment_post_text(*, recommitment: Recommitment, url: str) -> str:
    return _(
        "We renewed our pledge with the Transparent Tech Training Alliance in %(year)s: "
        "“%(statement)s” %(url)s"
    ) % {
        "year": recommitment.convening.year,
        "statement": authored_text(recommitment, "statement").text,
        "url": url,
    }


def commitment_share(*, commitment: Commitment, site: str) -> dict[str, Any]:
    title = _("%(member)s pledges: %(promise)s") % {
        "member": commitment.member.name,
        "promise": commitment.get_kind_display(),
    }
    share = page_share(
        site=site,
        url=reverse("reconvening:pledge", args=[commitment.pk]),
        title=title,
        description=_("Signed by %(name)s on %(date)s.")
        % {
            "name": commitment.signer_name,
            "date": date_format(commitment.signed_on, "DATE_FORMAT"),
        },
        image=reverse("reconvening:pledge-card", args=[commitment.pk]),
        embeddable=False,
    )
    share["post_text"] = commitment_post_text(commitment=commitment, url=share["url"])
    return share


def recommitment_share(*, recommitment: Recommitment, site: str) -> dict[str, Any]:
    title = _("%(member)s renews its pledge (%(year)s)") % {
        "member": recommitment.member.name,
        "year": recommitment.convening.year,
    }
    share = page_share(
        site=site,
        url=reverse("reconvening:recommitment-pledge", args=[recommitment.pk]),
        title=title,
        description=authored_text(recommitment, "statement").text,
        image=reverse("reconvening:recommitment-card", args=[recommitment.pk]),
        embeddable=False,
    )
    share["post_text"] = recommitment_post_text(recommitment=recommitment, url=share["url"])
    return share


def commitment_card(*, commitment: Commitment) -> Any:
    return card_response(
        kicker=_("Public pledge · %(member)s") % {"member": commitment.member.name},
        title=commitment.get_kind_display(),
        facts=[
            (_("Signed"), date_format(commitment.signed_on, "SHORT_DATE_FORMAT")),
            (_("Deadline"), date_format(commitment.deadline, "SHORT_DATE_FORMAT")),
        ],
        footer=FOOTER,
    )


def recommitment_card(*, recommitment: Recommitment) -> Any:
    return card_response(
        kicker=_("Renewed pledge · %(member)s") % {"member": recommitment.member.name},
        title=authored_text(recommitment, "statement").text,
        facts=[
            (_("Convening"), str(recommitment.convening.year)),
            (_("Signed"), date_format(recommitment.signed_on, "SHORT_DATE_FORMAT")),
        ],
        footer=FOOTER,
    )
