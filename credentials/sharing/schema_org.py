"""schema.org JSON-LD for pages (search engines and link previews read it)."""

from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy

from careerportal.sharing import page_share

from ..ctdl import terms
from ..ctdl.export import program_ctid, program_uri
from ..downloads import FORMATS, LICENCE
from ..models import ComparisonIndex, Credential, CredentialType, Program

LINKEDIN_ADD = "https://www.linkedin.com/profile/add"
# Kinds a person holds and lists on a profile (a certificate of completion, a certification).
PROFILE_KINDS = {
    CredentialType.CERTIFICATION,
    CredentialType.CERTIFICATE,
    CredentialType.PROFESSIONAL_CERTIFICATE,
    CredentialType.BOOTCAMP_CERTIFICATE,
    CredentialType.BADGE,
}


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
    path = reverse("credentials:detail", args=[credential.slug])
    share = page_share(
        site=site,
        url=path,
        title=credential.name,
        description=credential.summary or credential.description,
        image=reverse("credential-card", args=[credential.slug]),
        schema=credential_schema(credential, row, site + path),
    )
    share["linkedin_add"] = linkedin_add_to_profile(credential, share["url"])
    share["embed"] = reverse("embed-snippets") + "?" + urlencode({"slug": credential.slug})
    return share


def compare_share(*, names: list[str], ids: str, site: str) -> dict[str, Any]:
    """What the compare page needs to be shared: the summary card of the credentials compared."""
    query = "?" + urlencode({"ids": ids})
    return page_share(
        site=site,
        url=reverse("credentials:compare") + query,
        title=" · ".join(names),
        description=COMPARE_DESCRIPTION % {"count": len(names)},
        image=reverse("compare-card") + query,
    )


COMPARE_DESCRIPTION = gettext_lazy(
    "%(count)d tech credentials side by side: published price, time, outcomes, wages and "
    "employer trust, each with its source and date."
)


def program_schema(program: Program, *, site: str) -> dict[str, Any]:
    """EducationalOccupationalProgram: provider, price, time, what it awards, where."""
    url = site + reverse("programs:detail", args=[program.pk])
    provider: dict[str, Any] = {"@type": "EducationalOrganization", "name": program.provider.name}
    if program.provider.website:
        provider["url"] = program.provider.website
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "EducationalOccupationalProgram",
        "@id": url,
        "url": url,
        "name": program.name,
        "description": program.description
        or f"{program.name}, offered by {program.provider.name}"
        + (" (synthetic: made up for testing)" if program.is_synthetic else ""),
        "provider": provider,
        "identifier": {
            "@type": "PropertyValue",
            "propertyID": "ceterms:ctid",
            "value": program_ctid(program),
        },
        "sameAs": program.source_url or program_uri(program),
    }
    if program.cip_code:
        data["occupationalCategory"] = {
            "@type": "CategoryCode",
            "codeValue": program.cip_code,
            "inCodeSet": terms.CIP_FRAMEWORK,
            **({"name": program.cip_title} if program.cip_title else {}),
        }
    if program.total_cost_usd is not None:
        data["offers"] = {
            "@type": "Offer",
            "category": "Total cost",
            "price": _money(program.total_cost_usd),
            "priceCurrency": "USD",
            "description": f"Total cost as published on {program.source_date}",
        }
    if time := program_time_to_complete(program):
        data["timeToComplete"] = time
    awarded = [
        {
            "@type": "EducationalOccupationalCredential",
            "name": credential.name,
            "url": site + reverse("credentials:detail", args=[credential.slug]),
        }
        for credential in program.credentials.all()
    ]
    if program.credential_earned:
        awarded.append(
            {
                "@type": "EducationalOccupationalCredential",
                "name": program.credential_earned,
                **(
                    {"credentialCategory": program.credential_kind}
                    if program.credential_kind
                    else {}
                ),
            }
        )
    if awarded:
        data["occupationalCredentialAwarded"] = awarded
    if program.online is not None:
        data["educationalProgramMode"] = "online" if program.online else "in person"
    if program.city or program.zip_code:
        data["location"] = {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressCountry": "US",
                **{
                    key: value
                    for key, value in (
                        ("streetAddress", program.street),
                        ("addressLocality", program.city),
                        ("addressRegion", program.state),
                        ("postalCode", program.zip_code),
                    )
                    if value
                },
            },
        }
    if program.prerequisites:
        data["programPrerequisites"] = program.prerequisites
    return data


def program_time_to_complete(program: Program) -> str | None:
    """ISO 8601 time to complete: clock hours, else the longest of the list's calendar range."""
    if program.clock_hours:
        return f"PT{program.clock_hours}H"
    low, high = terms.CALENDAR_DURATIONS.get(program.calendar_length or 0, ("", ""))
    return high or low or None


PUBLISHER = {"@type": "Organization", "name": "Transparent Tech Training"}
CC0 = "https://creativecommons.org/publicdomain/zero/1.0/"


def downloads_schema(manifest: dict[str, Any] | None, *, site: str) -> dict[str, Any]:
    """A DataCatalog of Datasets (one a table), each file a DataDownload with its SHA-256."""
    files = manifest["files"] if manifest else []
    datasets: dict[str, dict[str, Any]] = {}
    for entry in files:
        dataset = datasets.setdefault(
            entry["dataset"],
            {
                "@type": "Dataset",
                "name": entry["title"],
                "description": f"{entry['title']} of the Transparent Tech Training portal, "
                f"one row a record. {LICENCE}",
                "license": CC0,
                "isAccessibleForFree": True,
                "creator": PUBLISHER,
                "dateModified": entry["built_at"],
                "variableMeasured": [
                    {"@type": "PropertyValue", "name": name, "description": meaning}
                    for name, meaning in entry["dictionary"].items()
                ],
                "distribution": [],
            },
        )
        dataset["distribution"].append(
            {
                "@type": "DataDownload",
                "encodingFormat": FORMATS[entry["format"]],
                "contentUrl": site + reverse("download-file", args=[entry["file"]]),
                "contentSize": f"{entry['bytes']} B",
                "sha256": entry["sha256"],
                "uploadDate": entry["built_at"],
            }
        )
    return {
        "@context": "https://schema.org",
        "@type": "DataCatalog",
        "name": "Transparent Tech Training open data",
        "url": site + reverse("downloads"),
        "license": CC0,
        "publisher": PUBLISHER,
        "dataset": list(datasets.values()),
    }
