"""Alliance members as CTDL organizations (/alliance/members/<slug>.jsonld): who they are and
which published credentials they recognize when hiring (ceterms:recognizes)."""

import uuid

from django.conf import settings
from django.urls import reverse

from credentials.ctdl import export, terms
from credentials.models import Credential

from . import selectors
from .models import Member, MemberKind

# Organization types (CTDL concept scheme) for each kind of member; a nonprofit is read as the
# providers' nonprofits are (credentials/ctdl/terms.py), an investor as a business.
MEMBER_ORGANIZATION_CONCEPTS: dict[str, str] = {
    MemberKind.EMPLOYER: "orgType:Business",
    MemberKind.ACADEMIA: "orgType:Postsecondary",
    MemberKind.GOVERNMENT: "orgType:Government",
    MemberKind.NONPROFIT: "orgType:NonTraditional",
    MemberKind.INVESTOR: "orgType:Business",
}
# A member's CTID is derived from its slug (unique, never reused), so every build gives the same.
CTID_NAMESPACE = uuid.UUID("7d0f8a52-4c1e-4f0e-9a77-3b7c2b51a0e1")


def member_ctid(member: Member) -> str:
    return f"ce-{uuid.uuid5(CTID_NAMESPACE, f'alliance-member/{member.slug}')}"


def member_uri(member: Member) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("member-ctdl", kwargs={"slug": member.slug})


def member_node(member: Member) -> export.Node:
    """A member as a ceterms:CredentialOrganization, with the credentials it recognizes."""
    page = settings.SITE_URL.rstrip("/") + reverse("alliance:member", args=[member.slug])
    description = member.description or f"{member.get_kind_display()}: {member.name}"
    if member.is_synthetic:
        description += " (synthetic: made up for testing)"
    node: export.Node = {
        "@type": "ceterms:CredentialOrganization",
        "@id": member_uri(member),
        "ceterms:ctid": member_ctid(member),
        "ceterms:name": {"en": member.name},
        "ceterms:description": {"en": description},
        "ceterms:subjectWebpage": member.website or page,
        "ceterms:agentType": [
            terms.concept(MEMBER_ORGANIZATION_CONCEPTS[member.kind], str(member.get_kind_display()))
        ],
    }
    if member.naics_code:
        node["ceterms:naics"] = [member.naics_code]
    if member.state:
        node["ceterms:address"] = [
            {"@type": "ceterms:Place", "ceterms:addressRegion": {"en": member.state}}
        ]
    recognized = sorted(
        {
            export.credential_uri(r.credential)
            for r in selectors.recognitions_for_member(member=member).filter(
                credential__in=Credential.objects.published()
            )
        }
    )
    if recognized:
        node["ceterms:recognizes"] = recognized
    return node


def member_document(member: Member) -> export.Node:
    node = member_node(member)
    return export.document([node], graph_id=node["@id"])
