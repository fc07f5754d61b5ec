"""schema.org JSON-LD for pages (search engines and link previews read it)."""

import json
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.utils.safestring import SafeString, mark_safe

from ..models import ComparisonIndex, Credential, CredentialType

LINKEDIN_ADD = "https://www.linkedin.com/profile/add"
LINKEDIN_SHARE = "https://www.linkedin.com/sharing/share-offsite/"
# Kinds a person holds and lists on a profile (a certificate of completion, a certification).
PROFILE_KINDS = {
    CredentialType.CERTIFICATION,
    CredentialType.CERTIFICATE,
    CredentialType.PROFESSIONAL_CERTIFICATE,
    CredentialType.BOOTCAMP_CERTIFICATE,
    CredentialType.BADGE,
}


def json_ld(data: dict[str, Any]) -> SafeString:
    """A <script type="application/ld+json"> block; "<" escaped so text cannot end the script."""
    text = json.dumps(data, ensure_ascii=False, default=str).replace("<", "\\u003c")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def credential_schema(
    credential: Credential, row: ComparisonIndex | None, url: str
) -> dict[str, Any]:
    """EducationalOccupationalCredential with its issuer, price, time and the jobs it leads to."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "EducationalOccupationalCredential",
        "@id": url,
        "url": url,
        "name": credential.name,
        "description": credential.summary or credential.description,
        "credentialCategory": credential.get_credential_type_display(),
        "recognizedBy": {
            "@type": "Organization",
            "name": credential.provider.name,
            **({"url": credential.provider.website} if credential.provider.website else {}),
        },
        "identifier": {
            "@type": "PropertyValue",
            "propertyID": "ceterms:ctid",
            "value": credential.ctdl_id,
        },
    }
    if credential.official_url:
        data["sameAs"] = credential.official_url
    if credential.duration_weeks:
        data["timeRequired"] = f"P{credential.duration_weeks.normalize():f}W"
    if row is not None and row.total_cost_max_usd is not None:
        data["offers"] = {
            "@type": "Offer",
            "price": _money(row.total_cost_max_usd),
            "priceCurrency": "USD",
            "description": f"Highest published total price (as of {row.cost_source_date})",
        }
    occupations = list(credential.occupations.all())
    if occupations:
        data["about"] = [
            {"@type": "Occupation", "name": o.title, "occupationalCategory": o.soc_code}
            for o in occupations
        ]
    return data


def occupation_schema(occupation: Any, url: str) -> dict[str, Any]:
    """Occupation with its median wage (BLS OEWS) as estimatedSalary."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Occupation",
        "@id": url,
        "url": url,
        "name": occupation.title,
        "occupationalCategory": occupation.soc_code,
        "description": occupation.description,
    }
    if occupation.median_annual_wage:
        data["estimatedSalary"] = {
            "@type": "MonetaryAmountDistribution",
            "name": f"Median annual wage, BLS OEWS {occupation.wage_vintage}",
            "currency": "USD",
            "duration": "P1Y",
            "median": occupation.median_annual_wage,
        }
    return data


def share_links(*, url: str, title: str) -> list[dict[str, str]]:
    """Plain links to each network's share page: no scripts, no tracking pixels."""
    return [
        {"network": "LinkedIn", "href": f"{LINKEDIN_SHARE}?{urlencode({'url': url})}"},
        {
            "network": "X",
            "href": "https://x.com/intent/post?" + urlencode({"url": url, "text": title}),
        },
        {
            "network": "Facebook",
            "href": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        },
        {"network": "email", "href": "mailto:?" + urlencode({"subject": title, "body": url})},
    ]


def linkedin_add_to_profile(credential: Credential, url: str) -> str | None:
    """LinkedIn's public add-to-profile link, filled with the name, issuer and this page."""
    if credential.credential_type not in PROFILE_KINDS:
        return None
    query = {
        "startTask": "CERTIFICATION_NAME",
        "name": credential.name,
        "organizationName": credential.provider.name,
        "certUrl": credential.official_url or url,
    }
    return f"{LINKEDIN_ADD}?{urlencode(query)}"


def credential_share(
    credential: Credential, row: ComparisonIndex | None, *, site: str
) -> dict[str, Any]:
    """What the credential page needs to be shared: meta tags, JSON-LD, links, card image."""
    from django.urls import reverse

    url = site + reverse("credentials:detail", args=[credential.slug])
    return {
        "url": url,
        "title": credential.name,
        "description": " ".join((credential.summary or credential.description).split())[:200],
        "image": site + reverse("credential-card", args=[credential.slug]),
        "oembed": site + reverse("oembed") + "?" + urlencode({"url": url}),
        "json_ld": json_ld(credential_schema(credential, row, url)),
        "links": share_links(url=url, title=credential.name),
        "linkedin_add": linkedin_add_to_profile(credential, url),
        "embed": reverse("embed-snippets") + "?" + urlencode({"slug": credential.slug}),
    }
