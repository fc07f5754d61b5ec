"""Credential Registry records in: a single resource, an @graph document, a registry envelope
(its payload decoded), a registry search answer, or a folder of them; upserted by CTID.

A record is data, never code: JSON is parsed with json.loads, a signed envelope's payload is
base64-decoded JSON, and nothing a record names (its @context, its links) is fetched. What the
portal does not model is kept whole in CtdlRecord and its property names are listed.
"""

import base64
import binascii
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from urllib.request import Request, urlopen

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from modeltranslation.utils import build_localized_fieldname as localized

from pathways.models import Occupation

from ..models import (
    Category,
    CostItem,
    CostKind,
    Credential,
    CredentialStatus,
    CredentialType,
    CtdlRecord,
    OutcomeReport,
    OutcomeVocabulary,
    Program,
    ProgramSource,
    Provider,
)
from ..services import comparison_index_refresh
from . import export, terms

Node = dict[str, Any]
MAX_BYTES = 20 * 1024 * 1024

# The properties each kind of record maps onto the portal's fields; everything else is kept raw.
COMMON = {
    "@context",
    "@id",
    "@type",
    "ceterms:ctid",
    "ceterms:name",
    "ceterms:description",
    "ceterms:subjectWebpage",
    "ceterms:ownedBy",
    "ceterms:offeredBy",
}
MODELLED: dict[str, set[str]] = {
    "credential": COMMON
    | {
        "ceterms:inLanguage",
        "ceterms:estimatedDuration",
        "ceterms:estimatedCost",
        "ceterms:occupationType",
        "ceterms:credentialStatusType",
        "ceterms:learningDeliveryType",
        "ceterms:audienceLevelType",
        "ceterms:aggregateData",
    },
    "program": COMMON
    | {
        "ceterms:inLanguage",
        "ceterms:estimatedDuration",
        "ceterms:estimatedCost",
        "ceterms:instructionalProgramType",
        "ceterms:deliveryType",
        "ceterms:learningDeliveryType",
        "ceterms:availableAt",
        "ceterms:aggregateData",
    },
    "organization": COMMON
    | {"ceterms:agentType", "ceterms:address", "ceterms:owns", "ceterms:offers"},
}


class CtdlError(ValueError):
    """The input is not CTDL JSON-LD (or cannot be read); the message says why."""


@dataclass
class LoadResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept_raw: list[str] = field(default_factory=list)
    # CTID -> the published properties the portal does not model (kept in CtdlRecord.document).
    unmodelled: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    credential_ids: list[int] = field(default_factory=list)
    # Files of a folder that are not CTDL (publishing-API inputs, notes): (file, why), not loaded.
    refused: list[tuple[str, str]] = field(default_factory=list)


# Reading


def _read_json(raw: bytes, origin: str) -> Any:
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CtdlError(f"{origin}: not valid JSON ({error}).") from error


def read_source(source: str, *, headers: dict[str, str] | None = None) -> Iterator[tuple[str, Any]]:
    """(origin, parsed JSON) for a file, every .json/.jsonld file in a folder, or a URL."""
    if source.startswith(("http://", "https://")):
        request = Request(  # noqa: S310 (http(s) only, checked above)
            source, headers={"Accept": "application/ld+json, application/json", **(headers or {})}
        )
        with urlopen(request, timeout=60) as response:  # noqa: S310
            raw = response.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise CtdlError(f"{source}: larger than {MAX_BYTES // 1024 // 1024} MB.")
        yield source, _read_json(raw, source)
        return
    path = Path(source)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix in {".json", ".jsonld"})
        if not files:
            raise CtdlError(f"{source}: no .json or .jsonld files in this folder.")
        for file in files:
            try:
                yield str(file), _read_json(file.read_bytes(), str(file))
            except CtdlError as error:
                yield str(file), {"__unreadable__": str(error)}
        return
    if not path.is_file():
        raise CtdlError(f"{source}: no such file, folder or http(s) URL.")
    yield str(path), _read_json(path.read_bytes(), str(path))


def envelope_payload(envelope: Node) -> Any:
    """The resource inside a registry envelope: `decoded_resource`, else the signed `resource`
    (a JWT: header.payload.signature) with its payload base64url-decoded. Never executed."""
    if isinstance(envelope.get("decoded_resource"), dict):
        return envelope["decoded_resource"]
    token = envelope.get("resource")
    if not isinstance(token, str):
        raise CtdlError("registry envelope without a resource")
    parts = token.split(".")
    payload = parts[1] if len(parts) == 3 else parts[0]
    try:
        raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    except (binascii.Error, ValueError) as error:
        raise CtdlError("registry envelope whose resource is not base64 JSON") from error
    return _read_json(raw, "envelope resource")


def resources_in(document: Any, origin: str) -> list[Node]:
    """Every CTDL node in a document: a resource, a @graph, an envelope, a list, a search answer."""
    if isinstance(document, list):
        return [node for item in document for node in resources_in(item, origin)]
    if not isinstance(document, dict):
        raise CtdlError(f"{origin}: not CTDL JSON-LD (expected an object).")
    if "__unreadable__" in document:
        raise CtdlError(str(document["__unreadable__"]))
    if "envelope_type" in document or "envelope_ceterms_ctid" in document:
        return resources_in(envelope_payload(document), origin)
    if isinstance(document.get("data"), list) and "@type" not in document:
        return resources_in(document["data"], origin)  # a registry search answer
    if "@graph" in document:
        return resources_in(document["@graph"], origin)
    node_type = document.get("@type")
    if isinstance(node_type, str) and node_type.split(":")[0] in {
        "ceterms",
        "qdata",
        "ceasn",
        "asn",
    }:
        return [document]
    raise CtdlError(
        f"{origin}: not CTDL JSON-LD: no @graph and no ceterms:/qdata: @type "
        f"(keys: {', '.join(list(document)[:8])})."
    )


# Values


def lang_value(value: Any, lang: str) -> str:
    """The text of a language map in one language ("en" matches "en-US"); "" when absent."""
    if isinstance(value, str):
        return value if lang == settings.LANGUAGE_CODE else ""
    if not isinstance(value, dict):
        return ""
    same = [k for k in value if k.lower() == lang or k.split("-")[0].lower() == lang]
    for key in (lang, *same):  # "zh-Hans" is zh-hans's; "en-US" is en's
        text = value.get(key)
        if isinstance(text, list):
            text = "; ".join(str(t) for t in text)
        if text:
            return str(text)
    return ""


def first_text(value: Any) -> str:
    """The portal's language, else the first language published (a name is never lost)."""
    text = lang_value(value, settings.LANGUAGE_CODE)
    if text or not isinstance(value, dict):
        return text
    for other in value.values():
        if other:
            return "; ".join(other) if isinstance(other, list) else str(other)
    return ""


def _translated(value: Any) -> dict[str, str]:
    return {lang: lang_value(value, lang) for lang in export.portal_languages()}


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _targets(value: Any) -> list[str]:
    return [
        str(item.get("ceterms:targetNode"))
        for item in _as_list(value)
        if isinstance(item, dict) and item.get("ceterms:targetNode")
    ]


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value)) if value is not None else None
    except InvalidOperation:
        return None


# Writing


@dataclass
class Graph:
    """The nodes of one load, by @id, so references inside a document resolve."""

    by_id: dict[str, Node]

    def ctid_of(self, reference: Any) -> str | None:
        if isinstance(reference, dict) and "ceterms:ctid" in reference:
            return str(reference["ceterms:ctid"]).lower()
        ref = reference.get("@id") if isinstance(reference, dict) else reference
        node = self.by_id.get(str(ref)) if ref else None
        if node is not None and node.get("ceterms:ctid"):
            return str(node["ceterms:ctid"]).lower()
        return terms.ctid_in(reference)


def _kind(node_type: str) -> str | None:
    if node_type in terms.CREDENTIAL_SUBCLASSES:
        return "credential"
    if node_type in terms.LEARNING_CLASSES:
        return "program"
    if node_type in terms.ORGANIZATION_CLASSES:
        return "organization"
    return None


def _record_keep(node: Node, ctid: str, source: str, kind: str | None, **links: Any) -> CtdlRecord:
    unmodelled = sorted(set(node) - MODELLED[kind]) if kind else sorted(node)
    record, _created = CtdlRecord.objects.update_or_create(
        ctdl_id=ctid,
        defaults={
            "ctdl_type": str(node.get("@type")),
            "document": node,
            "unmodelled": unmodelled,
            "source": source[:1000],
            **links,
        },
    )
    return record


def _unique_slug(model: type[Any], name: str, ctid: str, current: Any) -> str:
    base = slugify(name)[:100] or ctid
    if not model.objects.filter(slug=base).exclude(pk=getattr(current, "pk", None)).exists():
        return base
    return f"{base[:90]}-{ctid[3:11]}"


def _same_as_export(node: Node, exported: Node, kind: str) -> bool:
    """True when a record says exactly what the portal would export for it (modelled part)."""
    keys = MODELLED[kind] - {"@context", "@id", "ceterms:ownedBy", "ceterms:offeredBy"}
    return all(node.get(key) == exported.get(key) for key in keys)


def organization_upsert(node: Node, ctid: str, source: str, result: LoadResult) -> Provider:
    provider = Provider.objects.filter(ctdl_id__iexact=ctid).first()
    agent_types = _targets(node.get("ceterms:agentType"))
    kind = next(
        (
            terms.CONCEPT_TO_ORGANIZATION[t]
            for t in agent_types
            if t in terms.CONCEPT_TO_ORGANIZATION
        ),
        "",
    )
    if (
        provider is not None
        and provider.kind in terms.ORGANIZATION_CONCEPTS
        and (terms.ORGANIZATION_CONCEPTS[provider.kind] in agent_types)
    ):
        kind = provider.kind  # the finer kind the portal had, when it exports to the same type
    address = next((a for a in _as_list(node.get("ceterms:address")) if isinstance(a, dict)), {})
    values = {
        "name": first_text(node.get("ceterms:name"))[:200] or ctid,
        "website": str(node.get("ceterms:subjectWebpage") or "")[:500],
        "kind": kind,
        "street": first_text(address.get("ceterms:streetAddress"))[:300],
        "city": first_text(address.get("ceterms:addressLocality"))[:120],
        "state": first_text(address.get("ceterms:addressRegion"))[:2].upper()
        if len(first_text(address.get("ceterms:addressRegion"))) == 2
        else "",
        "zip_code": str(address.get("ceterms:postalCode") or "")[:5],
    }
    if provider is not None and _same_as_export(
        node, export.provider_node(provider), "organization"
    ):
        result.unchanged.append(ctid)
    elif provider is None:
        provider = Provider.objects.create(
            ctdl_id=ctid, slug=_unique_slug(Provider, values["name"], ctid, None), **values
        )
        result.created.append(ctid)
    else:
        for name, value in values.items():
            setattr(provider, name, value)
        provider.save()
        result.updated.append(ctid)
    _record_keep(node, ctid, source, "organization", provider=provider)
    return provider


def _owner(node: Node, graph: Graph, source: str, result: LoadResult) -> Provider:
    references = _as_list(node.get("ceterms:ownedBy")) or _as_list(node.get("ceterms:offeredBy"))
    for reference in references:
        ctid = graph.ctid_of(reference)
        if ctid is None:
            continue
        provider = Provider.objects.filter(ctdl_id__iexact=ctid).first()
        if provider is not None:
            return provider
        owner_node = graph.by_id.get(str(reference)) if isinstance(reference, str) else None
        if owner_node is not None:
            return organization_upsert(owner_node, ctid, source, result)
        # The owner's record is not in this load: a named placeholder, filled in when it is.
        result.notes.append(
            f"{ctid}: owner organization not in this load; placeholder made (load its record "
            "to fill in its name)."
        )
        provider = Provider.objects.create(
            ctdl_id=ctid, slug=_unique_slug(Provider, ctid, ctid, None), name=ctid, kind=""
        )
        _record_keep(
            {"@id": str(reference), "@type": "ceterms:CredentialOrganization"},
            ctid,
            source,
            None,
            provider=provider,
        )
        return provider
    if references:
        raise CtdlError(
            f"{node.get('ceterms:ctid')}: its organization ({references[0]}) is neither in this "
            "load nor named by a CTID; load the organization's record with it."
        )
    raise CtdlError(f"{node.get('ceterms:ctid')}: no ownedBy or offeredBy organization.")


def _durations(node: Node) -> tuple[Decimal | None, int | None, dict[str, str]]:
    weeks: Decimal | None = None
    hours: int | None = None
    note: dict[str, str] = {}
    for profile in _as_list(node.get("ceterms:estimatedDuration")):
        if not isinstance(profile, dict):
            continue
        exact = str(profile.get("ceterms:exactDuration") or "")
        if exact and (found := terms.duration_weeks(exact)) is not None and weeks is None:
            weeks = found
            note = _translated(profile.get("ceterms:description"))
        elif exact and (found_hours := terms.duration_hours(exact)) is not None and hours is None:
            hours = found_hours
    return weeks, hours, note


def _cost_items(node: Node) -> list[dict[str, Any]]:
    items = []
    for profile in _as_list(node.get("ceterms:estimatedCost")):
        if not isinstance(profile, dict) or _decimal(profile.get("ceterms:price")) is None:
            continue
        price = _decimal(profile.get("ceterms:price"))
        concepts = _targets(profile.get("ceterms:directCostType"))
        kind = next(
            (terms.CONCEPT_TO_COST[c] for c in concepts if c in terms.CONCEPT_TO_COST),
            CostKind.OTHER,
        )
        note = _translated(profile.get("ceterms:description"))
        items.append(
            {
                "kind": kind,
                "amount_min_usd": price,
                "amount_max_usd": price,
                "source_url": str(profile.get("ceterms:costDetails") or "")[:500],
                **{localized("note", lang): text for lang, text in note.items()},
            }
        )
    return items


def _outcomes(node: Node) -> list[dict[str, Any]]:
    reports = []
    for profile in _as_list(node.get("ceterms:aggregateData")):
        if not isinstance(profile, dict):
            continue
        rates = [
            q.get("qdata:percentage")
            for q in _as_list(profile.get("ceterms:jobsObtained"))
            if isinstance(q, dict) and q.get("qdata:percentage") is not None
        ]
        statement = _translated(profile.get("ceterms:description"))
        period = (
            first_text(profile.get("ceterms:name"))
            or str(profile.get("ceterms:dateEffective") or "")
            or "as published"
        )
        reports.append(
            {
                "vocabulary": OutcomeVocabulary.OTHER,
                "period": period[:120],
                "reported_employment_pct": _decimal(rates[0]) if rates else None,
                "reported_salary_usd": profile.get("ceterms:medianEarnings"),
                "source_name": "Credential Registry (CTDL)",
                "source_url": str(profile.get("ceterms:source") or "")[:500],
                **{localized("statement", lang): text for lang, text in statement.items()},
            }
        )
    return reports


def credential_upsert(
    node: Node, ctid: str, graph: Graph, source: str, result: LoadResult
) -> Credential:
    credential = (
        Credential.objects.select_related("provider", "ctdl_record")
        .filter(ctdl_id__iexact=ctid)
        .first()
    )
    node_type = str(node["@type"])
    if credential is not None:
        exported, _datasets = export.credential_node(credential)
        if _same_as_export(node, exported, "credential"):
            result.unchanged.append(ctid)
            _record_keep(node, ctid, source, "credential", credential=credential)
            return credential
    provider = _owner(node, graph, source, result)
    credential_type = terms.CLASS_TO_TYPE.get(node_type, CredentialType.OTHER)
    if credential is not None and terms.CREDENTIAL_CLASSES.get(credential.credential_type) == (
        node_type
    ):
        credential_type = credential.credential_type  # keep the finer kind the portal had
    weeks, hours, duration_note = _durations(node)
    statuses = [
        terms.CONCEPT_TO_STATUS[t]
        for t in _targets(node.get("ceterms:credentialStatusType"))
        if t in terms.CONCEPT_TO_STATUS
    ]
    levels = [
        k
        for k, c in terms.LEVEL_CONCEPTS.items()
        if c in _targets(node.get("ceterms:audienceLevelType"))
    ]
    delivery = [
        k
        for k, c in terms.DELIVERY_CONCEPTS.items()
        if c in _targets(node.get("ceterms:learningDeliveryType"))
    ]
    name = first_text(node.get("ceterms:name"))[:250] or ctid
    values: dict[str, Any] = {
        "name": name,
        "provider": provider,
        "credential_type": credential_type,
        "type_as_published": node_type,
        "official_url": str(node.get("ceterms:subjectWebpage") or "")[:500],
        "languages": [str(lang)[:8] for lang in _as_list(node.get("ceterms:inLanguage"))],
        "duration_weeks": weeks,
        "total_hours": hours,
        "status": statuses[0] if statuses else CredentialStatus.PUBLISHED,
        "level": levels[0] if levels else "",
        "delivery": delivery,
        **{
            localized("description", lang): text
            for lang, text in _translated(node.get("ceterms:description")).items()
        },
        **{localized("duration_note", lang): text for lang, text in duration_note.items()},
    }
    if credential is None:
        credential = Credential(
            ctdl_id=ctid,
            slug=_unique_slug(Credential, name, ctid, None),
            category=Category.OTHER,
            **values,
        )
        credential.save()
        result.created.append(ctid)
        result.credential_ids.append(credential.pk)
    else:
        for key, value in values.items():
            setattr(credential, key, value)
        credential.save()
        result.updated.append(ctid)
        result.credential_ids.append(credential.pk)
    credential.cost_items.all().delete()
    CostItem.objects.bulk_create(
        CostItem(credential=credential, **item) for item in _cost_items(node)
    )
    credential.outcome_reports.all().delete()
    OutcomeReport.objects.bulk_create(
        OutcomeReport(credential=credential, **report) for report in _outcomes(node)
    )
    codes = []
    for alignment in _as_list(node.get("ceterms:occupationType")):
        match = (
            terms.SOC_RE.match(str(alignment.get("ceterms:codedNotation") or ""))
            if isinstance(alignment, dict)
            else None
        )
        if match:
            codes.append(match.group(1))
    credential.occupations.set(Occupation.objects.filter(soc_code__in=codes))
    _record_keep(node, ctid, source, "credential", credential=credential)
    return credential


def program_upsert(node: Node, ctid: str, graph: Graph, source: str, result: LoadResult) -> Program:
    program = (
        Program.objects.select_related("provider", "ctdl_record")
        .filter(source=ProgramSource.CTDL, external_id__iexact=ctid)
        .first()
    )
    if program is not None and _same_as_export(node, export.program_node(program), "program"):
        result.unchanged.append(ctid)
        _record_keep(node, ctid, source, "program", program=program)
        return program
    provider = _owner(node, graph, source, result)
    cip = next(
        (
            a
            for a in _as_list(node.get("ceterms:instructionalProgramType"))
            if isinstance(a, dict) and a.get("ceterms:codedNotation")
        ),
        {},
    )
    place = next((p for p in _as_list(node.get("ceterms:availableAt")) if isinstance(p, dict)), {})
    region = first_text(place.get("ceterms:addressRegion"))
    costs: dict[str, Decimal | None] = dict.fromkeys(terms.PROGRAM_COST_CONCEPTS)
    for profile in _as_list(node.get("ceterms:estimatedCost")):
        if not isinstance(profile, dict):
            continue
        for concept in _targets(profile.get("ceterms:directCostType")):
            if concept in terms.CONCEPT_TO_PROGRAM_COST:
                costs[terms.CONCEPT_TO_PROGRAM_COST[concept]] = _decimal(
                    profile.get("ceterms:price")
                )
    hours = calendar = None
    for profile in _as_list(node.get("ceterms:estimatedDuration")):
        if not isinstance(profile, dict):
            continue
        if (exact := profile.get("ceterms:exactDuration")) and terms.duration_hours(str(exact)):
            hours = terms.duration_hours(str(exact))
        pair = (
            str(profile.get("ceterms:minimumDuration") or ""),
            str(profile.get("ceterms:maximumDuration") or ""),
        )
        calendar = terms.DURATIONS_TO_CALENDAR.get(pair, calendar)
    outcomes: dict[str, Any] = {}
    for profile in _as_list(node.get("ceterms:aggregateData")):
        if not isinstance(profile, dict):
            continue
        fields = terms.PROGRAM_OUTCOME_MONTHS.get(profile.get("ceterms:postReceiptMonths") or 0)
        rates = [
            q.get("qdata:percentage")
            for q in _as_list(profile.get("ceterms:jobsObtained"))
            if isinstance(q, dict) and q.get("qdata:percentage") is not None
        ]
        if fields and rates:
            outcomes[fields[0]] = _decimal(rates[0])
        if profile.get("ceterms:medianEarnings") is not None:
            outcomes["median_earnings_usd"] = int(profile["ceterms:medianEarnings"])
        outcomes.setdefault("outcome_period", first_text(profile.get("ceterms:name"))[:120])
        outcomes.setdefault("outcome_source_url", str(profile.get("ceterms:source") or "")[:500])
    # deliveryType is the learning opportunity's term; learningDeliveryType (a credential's)
    # is read too, as older exports of ours wrote it.
    deliveries = _targets(node.get("ceterms:deliveryType")) + _targets(
        node.get("ceterms:learningDeliveryType")
    )
    online = (
        True
        if terms.DELIVERY_CONCEPTS[terms.Delivery.ONLINE] in deliveries
        else False
        if terms.DELIVERY_CONCEPTS[terms.Delivery.IN_PERSON] in deliveries
        else None
    )
    name = first_text(node.get("ceterms:name"))[:300] or ctid
    values: dict[str, Any] = {
        "name": name,
        "description": first_text(node.get("ceterms:description")),
        "provider": provider,
        "source_url": str(node.get("ceterms:subjectWebpage") or "")[:500],
        "cip_code": str(cip.get("ceterms:codedNotation") or "")[:7],
        "cip_title": first_text(cip.get("ceterms:targetNodeName"))[:300],
        "street": first_text(place.get("ceterms:streetAddress"))[:300],
        "city": first_text(place.get("ceterms:addressLocality"))[:120],
        "state": region.upper() if len(region) == 2 else "",
        "zip_code": str(place.get("ceterms:postalCode") or "")[:5],
        "latitude": place.get("ceterms:latitude"),
        "longitude": place.get("ceterms:longitude"),
        "online": online,
        "clock_hours": hours,
        "calendar_length": calendar,
        "languages": [
            str(lang).split("-")[0][:8]
            for lang in _as_list(node.get("ceterms:inLanguage"))
            if str(lang).split("-")[0] != "en"
        ],
        **costs,
        "employed_q2_pct": None,
        "employed_q4_pct": None,
        "employed_q8_pct": None,
        "median_earnings_usd": None,
        **outcomes,
    }
    values["has_outcomes"] = any(
        values[f] is not None
        for f in (
            "employed_q2_pct",
            "employed_q4_pct",
            "employed_q8_pct",
            "median_earnings_usd",
        )
    )
    values["outcome_source"] = "Credential Registry (CTDL)" if values["has_outcomes"] else ""
    values["employment_rate_pct"] = values["employed_q2_pct"]
    values["earnings_usd"] = values["median_earnings_usd"]
    values["search_text"] = f"{name} {provider.name}".lower()
    if program is None:
        program = Program.objects.create(
            source=ProgramSource.CTDL, external_id=ctid, source_date=date.today(), **values
        )
        result.created.append(ctid)
    else:
        for key, value in values.items():
            setattr(program, key, value)
        program.save()
        result.updated.append(ctid)
    _record_keep(node, ctid, source, "program", program=program)
    return program


def _order(item: tuple[str, Node]) -> int:
    """Organizations first, so the records that point to them find them."""
    kind = _kind(str(item[1].get("@type")))
    return {"organization": 0, "credential": 1, "program": 2}.get(kind or "", 3)


@transaction.atomic
def ctdl_load(*, documents: Iterable[tuple[str, Any]]) -> LoadResult:
    """Upsert every resource of the documents by CTID; keep the rest raw. One transaction."""
    result = LoadResult()
    items: list[tuple[str, Node]] = []
    documents = list(documents)
    for origin, document in documents:
        try:
            items.extend((origin, node) for node in resources_in(document, origin))
        except CtdlError as error:
            if len(documents) == 1:
                raise
            result.refused.append((origin, str(error)))
    graph = Graph({str(node["@id"]): node for _o, node in items if node.get("@id")})
    for origin, node in sorted(items, key=_order):
        ctid = terms.ctid_in(node.get("ceterms:ctid"))
        node_type = str(node.get("@type"))
        if ctid is None:
            continue  # a blank node (profile, place) belongs to the record that holds it
        kind = _kind(node_type)
        if kind is not None and _already_loaded(ctid, node, kind):
            result.unchanged.append(ctid)
            continue
        try:
            _upsert(kind, node, ctid, graph, origin, result)
        except CtdlError as error:
            # This record only: kept whole, said why, the rest of the load goes on.
            _record_keep(node, ctid, origin, None)
            result.refused.append((ctid, str(error)))
            continue
        if kind is None:
            result.kept_raw.append(f"{ctid} ({node_type})")
            continue
        record = CtdlRecord.objects.get(ctdl_id=ctid)
        if record.unmodelled:
            result.unmodelled[ctid] = list(record.unmodelled)
    if not (result.created or result.updated or result.unchanged or result.kept_raw):
        raise CtdlError(
            "no CTDL resource with a ceterms:ctid in the input"
            + "".join(f"; {why}" for _origin, why in result.refused)
        )
    if result.credential_ids:
        ids = list(result.credential_ids)
        transaction.on_commit(lambda: comparison_index_refresh(credential_ids=ids))
    return result


def _already_loaded(ctid: str, node: Node, kind: str) -> bool:
    """The same record was loaded before, word for word, and what it made is still there."""
    record = CtdlRecord.objects.filter(ctdl_id=ctid).first()
    link = {"organization": "provider_id", "credential": "credential_id", "program": "program_id"}
    return record is not None and record.document == node and bool(getattr(record, link[kind]))


def _upsert(
    kind: str | None, node: Node, ctid: str, graph: Graph, origin: str, result: LoadResult
) -> None:
    if kind == "organization":
        organization_upsert(node, ctid, origin, result)
    elif kind == "credential":
        credential_upsert(node, ctid, graph, origin, result)
    elif kind == "program":
        program_upsert(node, ctid, graph, origin, result)
    else:
        # Cost and condition manifests, assessments, data sets: kept whole, not modelled.
        _record_keep(node, ctid, origin, None)
