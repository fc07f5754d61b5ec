"""The catalog as CTDL JSON-LD: one credential (with its owner and outcome data sets) or one
organization, as a registry-style @graph document.

@id values are the portal's own URLs (these are the portal's records, not the registry's);
references between records carry the CTID so a reader can match them to registry copies.
"""

import uuid
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import cache
from typing import Any

from django.conf import settings
from django.db.models import Field, Prefetch, QuerySet
from django.urls import reverse
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

from ..models import (
    CalendarLength,
    CostItem,
    CostUnit,
    Credential,
    CredentialStatus,
    CredentialType,
    OutcomeReport,
    OutcomeVocabulary,
    Program,
    ProgramSource,
    Provider,
)
from . import terms

Node = dict[str, Any]
# Months after completion the CIRR and WIOA figures are measured at.
POST_RECEIPT_MONTHS = {OutcomeVocabulary.CIRR: 6, OutcomeVocabulary.WIOA: 6}


def portal_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def _url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


# Stands for a record's key while a CTDL URL is reversed once (digits fit slugs and ids alike).
_KEY_MARK = "90817263545"


@cache
def _uri_parts(name: str, key: str, site: str) -> tuple[str, str]:
    """The text before and after the key in a CTDL URL: reverse() once, not per record (a bulk
    export makes hundreds of thousands of them)."""
    before, _mark, after = reverse(name, kwargs={key: _KEY_MARK}).partition(_KEY_MARK)
    return site.rstrip("/") + before, after


def _uri(name: str, key: str, value: object) -> str:
    before, after = _uri_parts(name, key, settings.SITE_URL)
    return f"{before}{value}{after}"


def credential_uri(credential: Credential) -> str:
    return _uri("ctdl-credential", "slug", credential.slug)


def provider_uri(provider: Provider) -> str:
    return _uri("ctdl-provider", "slug", provider.slug)


def program_uri(program: Program) -> str:
    return _uri("ctdl-program", "pk", program.pk)


def program_ctid(program: Program) -> str:
    """A registry program keeps its CTID; a list's program gets one derived from its list key,
    so it stays the same however often the list is reloaded."""
    if program.source == ProgramSource.CTDL:
        return program.external_id
    key = f"{program.source}/{program.source_state}/{program.external_id}"
    return f"ce-{uuid.uuid5(uuid.NAMESPACE_URL, key)}"


def _published_extra(record: Any, prop: str) -> dict[str, Any]:
    """Languages of a language map that the portal has no column for, as they were published."""
    if record is None:
        return {}
    value = record.document.get(prop)
    if not isinstance(value, dict):
        return {}
    portal = set(portal_languages())
    return {
        lang: text
        for lang, text in value.items()
        if lang.lower() not in portal and lang.split("-")[0].lower() not in portal
    }


def langmap(obj: Any, field: str, *, record: Any = None, prop: str = "") -> dict[str, Any]:
    """A translated field as a CTDL language map: en, es and every other language published."""
    values: dict[str, Any] = {
        lang: getattr(obj, build_localized_fieldname(field, lang), None)
        for lang in portal_languages()
    }
    untranslated: Any = getattr(obj, field, None)
    if not any(values.values()) and untranslated:
        values = {settings.LANGUAGE_CODE: untranslated}
    result = {lang: text for lang, text in values.items() if text}
    result.update(_published_extra(record, prop) if prop else {})
    return result


def _plain_langmap(text: str, *, record: Any = None, prop: str = "") -> dict[str, Any]:
    result: dict[str, Any] = {settings.LANGUAGE_CODE: text} if text else {}
    result.update(_published_extra(record, prop) if prop else {})
    return result


def _record(obj: Any) -> Any:
    try:
        return obj.ctdl_record
    except Exception:  # RelatedObjectDoesNotExist: a record made in the portal
        return None


def _money(value: Decimal) -> float | int:
    return int(value) if value == value.to_integral_value() else float(value)


def cost_profile(item: CostItem, *, fallback_url: str) -> Node:
    """One published price as a CostProfile: the highest amount times its count."""
    label = str(item.get_kind_display())
    parts = [f"{label}: ${item.amount_min_usd:,.2f}"]
    if item.amount_max_usd != item.amount_min_usd:
        parts[0] += f" to ${item.amount_max_usd:,.2f}"
    if item.unit != CostUnit.ONCE or item.count != 1:
        parts.append(f"{item.get_unit_display()}, x{item.count}")
    if item.source_date:
        parts.append(f"price as of {item.source_date}")
    description = langmap(item, "note") or {"en": "; ".join(parts)}
    return {
        "@type": "ceterms:CostProfile",
        "ceterms:costDetails": item.source_url or fallback_url,
        "ceterms:currency": "USD",
        "ceterms:description": description,
        "ceterms:directCostType": terms.concept(terms.COST_CONCEPTS[item.kind], label),
        "ceterms:price": _money(item.amount_max_usd * item.count),
    }


def _dataset_ctid(credential: Credential, report: OutcomeReport) -> str:
    """A stable CTID for a report's data set, derived from the credential's and the report's."""
    return f"ce-{uuid.uuid5(uuid.NAMESPACE_URL, f'{credential.ctdl_id}/outcomes/{report.pk}')}"


def outcome_nodes(credential: Credential, report: OutcomeReport) -> tuple[Node, Node]:
    """An outcome report as an AggregateDataProfile and the qdata:DataSetProfile it rests on."""
    dataset_ctid = _dataset_ctid(credential, report)
    dataset_id = f"{credential_uri(credential)}#{dataset_ctid}"
    if report.vocabulary == OutcomeVocabulary.CIRR:
        earnings, rate = report.median_starting_salary_usd, report.employed_in_field_180_days_pct
        rate_label = "Employed in the field within 180 days of graduating (CIRR)"
    elif report.vocabulary == OutcomeVocabulary.WIOA:
        earnings, rate = None, report.employment_rate_q2_pct
        rate_label = "Employed in the second quarter after exit (WIOA)"
    else:
        earnings = None if report.reported_salary_is_average else report.reported_salary_usd
        rate, rate_label = (
            report.reported_employment_pct,
            "Employment rate as the source reports it",
        )
    profile: Node = {
        "@type": "ceterms:AggregateDataProfile",
        "ceterms:name": {"en": report.period},
        "ceterms:currency": "USD",
    }
    if description := langmap(report, "statement"):
        profile["ceterms:description"] = description
    if report.source_url:
        profile["ceterms:source"] = report.source_url
    if earnings is not None:
        profile["ceterms:medianEarnings"] = earnings
    if rate is not None:
        profile["ceterms:jobsObtained"] = [
            {
                "@type": "schema:QuantitativeValue",
                "qdata:percentage": float(rate),
                "schema:description": {"en": rate_label},
            }
        ]
    if months := POST_RECEIPT_MONTHS.get(OutcomeVocabulary(report.vocabulary)):
        profile["ceterms:postReceiptMonths"] = months
    profile["qdata:relevantDataSet"] = [dataset_id]
    attributes: Node = {"@type": "qdata:DataProfile", "ceterms:description": {"en": report.period}}
    if report.enrolled is not None:
        attributes["qdata:subjectsInSet"] = [
            {
                "@type": "schema:QuantitativeValue",
                "schema:value": report.enrolled,
                "schema:description": {"en": "Enrolled"},
            }
        ]
    if rate is not None:
        attributes["qdata:employmentRate"] = [
            {
                "@type": "schema:QuantitativeValue",
                "qdata:percentage": float(rate),
                "schema:description": {"en": rate_label},
            }
        ]
    dataset: Node = {
        "@type": "qdata:DataSetProfile",
        "@id": dataset_id,
        "ceterms:ctid": dataset_ctid,
        "ceterms:name": {"en": report.source_name or str(report.get_vocabulary_display())},
        "ceterms:description": {
            "en": f"{report.get_vocabulary_display()}, {report.period}"
            + (" (synthetic: made up for testing)" if report.is_synthetic else "")
            + (" (reported by the provider)" if report.self_reported else "")
        },
        "qdata:dataSetTimePeriod": [
            {
                "@type": "qdata:DataSetTimeFrame",
                "ceterms:description": {"en": report.period},
                "qdata:dataAttributes": [attributes],
            }
        ],
    }
    if report.source_url:
        dataset["ceterms:source"] = report.source_url
    if report.self_reported:
        dataset["qdata:dataProvider"] = provider_uri(credential.provider)
    return profile, dataset


def credential_class(credential: Credential) -> str:
    """The CTDL class: the published one when it was read from the registry, else the kind's."""
    published = credential.type_as_published
    if published.startswith("ceterms:") and (
        credential.credential_type == CredentialType.OTHER
        or terms.CLASS_TO_TYPE.get(published) == credential.credential_type
    ):
        return published
    return terms.CREDENTIAL_CLASSES.get(credential.credential_type, "ceterms:Credential")


def credential_node(credential: Credential) -> tuple[Node, list[Node]]:
    """The credential's own node, and the data-set nodes its outcome profiles point to."""
    record = _record(credential)
    cls = credential_class(credential)
    page = _url(reverse("credentials:detail", kwargs={"slug": credential.slug}))
    node: Node = {
        "@type": cls,
        "@id": credential_uri(credential),
        "ceterms:ctid": credential.ctdl_id,
        "ceterms:name": _plain_langmap(credential.name, record=record, prop="ceterms:name"),
    }
    description = langmap(credential, "description", record=record, prop="ceterms:description")
    if not description:
        description = langmap(credential, "summary")
    if description:
        node["ceterms:description"] = description
    node["ceterms:subjectWebpage"] = credential.official_url or page
    if cls not in terms.LEARNING_CLASSES and credential.status in terms.STATUS_CONCEPTS:
        node["ceterms:credentialStatusType"] = terms.concept(
            terms.STATUS_CONCEPTS[credential.status], str(CredentialStatus(credential.status).label)
        )
    if credential.languages:
        node["ceterms:inLanguage"] = list(credential.languages)
    if credential.level in terms.LEVEL_CONCEPTS:
        node["ceterms:audienceLevelType"] = [
            terms.concept(terms.LEVEL_CONCEPTS[credential.level], credential.get_level_display())
        ]
    deliveries = [d for d in credential.delivery if d in terms.DELIVERY_CONCEPTS]
    if deliveries:
        node["ceterms:learningDeliveryType"] = [_delivery_concept(d) for d in deliveries]
    durations: list[Node] = []
    if credential.duration_weeks is not None:
        duration: Node = {
            "@type": "ceterms:DurationProfile",
            "ceterms:exactDuration": terms.weeks_iso(credential.duration_weeks),
        }
        if note := langmap(credential, "duration_note"):
            duration["ceterms:description"] = note
        durations.append(duration)
    if credential.total_hours:
        durations.append(
            {
                "@type": "ceterms:DurationProfile",
                "ceterms:description": {"en": "Total hours of study"},
                "ceterms:exactDuration": f"PT{credential.total_hours}H",
            }
        )
    if durations:
        node["ceterms:estimatedDuration"] = durations
    costs = [cost_profile(item, fallback_url=page) for item in credential.cost_items.all()]
    if costs:
        node["ceterms:estimatedCost"] = costs
    occupations = list(credential.occupations.all())
    if occupations:
        node["ceterms:occupationType"] = [
            {
                "@type": "ceterms:CredentialAlignmentObject",
                "ceterms:framework": terms.SOC_FRAMEWORK,
                "ceterms:frameworkName": {"en": terms.SOC_FRAMEWORK_NAME},
                "ceterms:codedNotation": occupation.soc_code,
                "ceterms:targetNodeName": {"en": occupation.title},
            }
            for occupation in occupations
        ]
    datasets: list[Node] = []
    profiles: list[Node] = []
    for report in credential.outcome_reports.all():
        profile, dataset = outcome_nodes(credential, report)
        profiles.append(profile)
        datasets.append(dataset)
    if profiles:
        node["ceterms:aggregateData"] = profiles
    owner = provider_uri(credential.provider)
    node["ceterms:ownedBy"] = [owner]
    node["ceterms:offeredBy"] = [owner]
    return node, datasets


def provider_node(provider: Provider, credentials: Iterable[Credential] = ()) -> Node:
    """An organization: a provider or issuer, with the credentials it owns and offers."""
    record = _record(provider)
    node: Node = {
        "@type": record.ctdl_type
        if record is not None and record.ctdl_type in terms.ORGANIZATION_CLASSES
        else "ceterms:CredentialOrganization",
        "@id": provider_uri(provider),
        "ceterms:ctid": provider.ctdl_id,
        "ceterms:name": _plain_langmap(provider.name, record=record, prop="ceterms:name"),
    }
    published = record.document.get("ceterms:description") if record is not None else None
    node["ceterms:description"] = (
        published
        if isinstance(published, dict)
        else {"en": f"{provider.get_kind_display()}: {provider.name}"}
    )
    node["ceterms:subjectWebpage"] = provider.website or _url(
        reverse("ctdl-provider", kwargs={"slug": provider.slug})
    )
    if provider.kind in terms.ORGANIZATION_CONCEPTS:
        node["ceterms:agentType"] = [
            terms.concept(terms.ORGANIZATION_CONCEPTS[provider.kind], provider.get_kind_display())
        ]
    if provider.street or provider.city or provider.state:
        address: Node = {"@type": "ceterms:Place"}
        for prop, value in (
            ("ceterms:streetAddress", provider.street),
            ("ceterms:addressLocality", provider.city),
            ("ceterms:addressRegion", provider.state),
        ):
            if value:
                address[prop] = {"en": value}
        if provider.zip_code:
            address["ceterms:postalCode"] = provider.zip_code
        node["ceterms:address"] = [address]
    owned = [credential_uri(c) for c in credentials]
    if owned:
        node["ceterms:owns"] = owned
        node["ceterms:offers"] = owned
    return node


def _place(program: Program) -> Node | None:
    fields = {
        "ceterms:streetAddress": program.street,
        "ceterms:addressLocality": program.city,
        "ceterms:addressRegion": program.state,
    }
    place: Node = {"@type": "ceterms:Place"}
    place.update({prop: {"en": value} for prop, value in fields.items() if value})
    if program.zip_code:
        place["ceterms:postalCode"] = program.zip_code
    if program.latitude is not None and program.longitude is not None:
        place["ceterms:latitude"] = program.latitude
        place["ceterms:longitude"] = program.longitude
    return place if len(place) > 1 else None


@cache
def _cost_label(field: str) -> str:
    """A cost column's name as an English label ("Tuition"), from the field's verbose name."""
    model_field = Program._meta.get_field(field)
    assert isinstance(model_field, Field)
    with translation.override("en"):
        return str(model_field.verbose_name).replace(" usd", "").capitalize()


@cache
def _delivery_concept(delivery: str) -> Node:
    """A delivery concept with its English label (the map's "en"), made once per value."""
    with translation.override("en"):
        label = str(terms.Delivery(delivery).label)
    return terms.concept(terms.DELIVERY_CONCEPTS[delivery], label)


def program_node(program: Program) -> Node:
    """A training program as a ceterms:LearningOpportunityProfile, with the source's facts."""
    record = _record(program)
    page = program.source_url or program_uri(program)
    node: Node = {
        "@type": record.ctdl_type
        if record is not None and record.ctdl_type in terms.LEARNING_CLASSES
        else "ceterms:LearningOpportunityProfile",
        "@id": program_uri(program),
        "ceterms:ctid": program_ctid(program),
        "ceterms:name": _plain_langmap(program.name, record=record, prop="ceterms:name"),
        "ceterms:description": _plain_langmap(
            program.description
            or f"{program.name}, offered by {program.provider.name}"
            + (" (synthetic: made up for testing)" if program.is_synthetic else ""),
            record=record,
            prop="ceterms:description",
        ),
        "ceterms:subjectWebpage": page,
        "ceterms:inLanguage": ["en", *(lang for lang in program.languages if lang != "other")],
    }
    if place := _place(program):
        node["ceterms:availableAt"] = [place]
    # Where the program is listed (the public list's page, or the portal's record).
    node["ceterms:availabilityListing"] = [page]
    if program.online is not None:
        delivery = terms.Delivery.ONLINE if program.online else terms.Delivery.IN_PERSON
        node["ceterms:deliveryType"] = [_delivery_concept(delivery)]
    costs = []
    for field, concept in terms.PROGRAM_COST_CONCEPTS.items():
        amount = getattr(program, field)
        if amount is None:
            continue
        label = _cost_label(field)
        costs.append(
            {
                "@type": "ceterms:CostProfile",
                "ceterms:costDetails": page,
                "ceterms:currency": "USD",
                "ceterms:description": {"en": f"{label}, as published on {program.source_date}"},
                "ceterms:directCostType": terms.concept(concept, label),
                "ceterms:price": _money(amount),
            }
        )
    if costs:
        node["ceterms:estimatedCost"] = costs
    durations: list[Node] = []
    if program.clock_hours:
        durations.append(
            {
                "@type": "ceterms:DurationProfile",
                "ceterms:exactDuration": f"PT{program.clock_hours}H",
                "ceterms:description": {"en": "Clock hours"},
            }
        )
    if program.calendar_length in terms.CALENDAR_DURATIONS:
        low, high = terms.CALENDAR_DURATIONS[program.calendar_length]
        duration: Node = {
            "@type": "ceterms:DurationProfile",
            "ceterms:description": {"en": str(CalendarLength(program.calendar_length).label)},
            "ceterms:minimumDuration": low,
        }
        if high:
            duration["ceterms:maximumDuration"] = high
        durations.append(duration)
    if durations:
        node["ceterms:estimatedDuration"] = durations
    if program.cip_code:
        cip: Node = {
            "@type": "ceterms:CredentialAlignmentObject",
            "ceterms:framework": terms.CIP_FRAMEWORK,
            "ceterms:frameworkName": {"en": terms.CIP_FRAMEWORK_NAME},
            "ceterms:codedNotation": program.cip_code,
        }
        if program.cip_title:
            cip["ceterms:targetNodeName"] = {"en": program.cip_title}
        node["ceterms:instructionalProgramType"] = [cip]
    profiles = []
    withheld = set(program.withheld)
    for months, (rate_field, wage_field, _count) in terms.PROGRAM_OUTCOME_MONTHS.items():
        rate = getattr(program, rate_field)
        if rate is None:
            continue
        profile: Node = {
            "@type": "ceterms:AggregateDataProfile",
            "ceterms:name": {"en": program.outcome_period or program.outcome_source},
            "ceterms:postReceiptMonths": months,
            "ceterms:jobsObtained": [
                {
                    "@type": "schema:QuantitativeValue",
                    "qdata:percentage": float(rate),
                    "schema:description": {"en": f"Employed {months} months after exit"},
                }
            ],
        }
        if program.outcome_source_url:
            profile["ceterms:source"] = program.outcome_source_url
        if wage_field in withheld:
            profile["ceterms:description"] = {"en": "Earnings withheld by the publisher"}
        profiles.append(profile)
    if program.median_earnings_usd is not None:
        profile = {
            "@type": "ceterms:AggregateDataProfile",
            "ceterms:name": {"en": program.outcome_period or program.outcome_source},
            "ceterms:currency": "USD",
            "ceterms:medianEarnings": program.median_earnings_usd,
        }
        if program.outcome_source_url:
            profile["ceterms:source"] = program.outcome_source_url
        profiles.append(profile)
    if profiles:
        node["ceterms:aggregateData"] = profiles
    owner = provider_uri(program.provider)
    node["ceterms:ownedBy"] = [owner]
    node["ceterms:offeredBy"] = [owner]
    return node


def programs_for_export() -> QuerySet[Program]:
    return Program.objects.select_related("provider", "ctdl_record", "provider__ctdl_record")


def program_nodes_stream(*, chunk_size: int) -> Iterator[Node]:
    """Every program's node in id order, streamed (the bulk download): the providers are read
    once into memory (a few thousand) instead of being joined to each of 200,000 rows."""
    providers = {p.pk: p for p in Provider.objects.only("pk", "slug", "name")}
    programs = Program.objects.select_related("ctdl_record").order_by("pk")
    for program in programs.iterator(chunk_size=chunk_size):
        program.provider = providers[program.provider_id]
        yield program_node(program)


def program_document(program: Program) -> Node:
    node = program_node(program)
    return document([node, provider_node(program.provider)], graph_id=node["@id"])


def document(nodes: list[Node], *, graph_id: str) -> Node:
    return {"@context": terms.CONTEXT, "@id": graph_id, "@graph": nodes}


def credentials_for_export() -> QuerySet[Credential]:
    """Published credentials with everything the export reads (5 queries for any number)."""
    return (
        Credential.objects.published()
        .select_related("provider", "ctdl_record", "provider__ctdl_record")
        .prefetch_related(
            "cost_items",
            "outcome_reports",
            Prefetch("occupations", to_attr=None),
        )
    )


def credential_document(credential: Credential) -> Node:
    """The credential's graph: the credential, its owner organization, its outcome data sets."""
    node, datasets = credential_node(credential)
    return document([node, provider_node(credential.provider), *datasets], graph_id=node["@id"])


def provider_document(provider: Provider) -> Node:
    credentials = credentials_for_export().filter(provider=provider)
    return document([provider_node(provider, credentials)], graph_id=provider_uri(provider))
