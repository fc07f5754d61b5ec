"""Check CTDL JSON-LD against the published vocabulary and Credential Engine's validation schemas.

The validation schemas in shared/ are the 2019 production release; the registry has since moved
to language maps and added terms (aggregateData, instructionalProgramType, qdata:...) that its own
published records in shared/ use. So, stated here once:
- `meta:langstring` also accepts a language map (every published sample in shared/ uses them);
- a property the 2019 schema lacks is accepted when the vocabulary (CTDL.json) or the registry's
  own published records in shared/ use it, and is then checked against the vocabulary alone;
- organizations may lack email, address and sector: the catalog has no such facts and the
  portal does not invent them;
- a learning opportunity needs one of availableAt, availableOnlineAt and availabilityListing
  (the registry's minimum data policy), not all three as the 2019 schema lists them.
Everything else (required properties, types of values, concept schemes) is checked as published.
"""

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from django.conf import settings

# shared/ sits beside the clone (CI, /work/main); a worktree one level deeper also finds it.
CTDL_DIR = next(
    (
        base / "shared" / "data" / "public" / "ctdl"
        for base in (Path(settings.BASE_DIR).parent, Path(settings.BASE_DIR).parent.parent)
        if (base / "shared" / "data" / "public").is_dir()
    ),
    Path(settings.BASE_DIR).parent / "shared" / "data" / "public" / "ctdl",
)
SCHEMAS = CTDL_DIR / "json_validation_schema_production"
SCHEME_FILES = [
    "Cost_Type",
    "Credential_Status",
    "Delivery_Type",
    "Audience_Level",
    "Organization_Type",
]
ORGANIZATION_NOT_KNOWN = {"ceterms:email", "ceterms:address", "ceterms:agentSectorType"}
AVAILABILITY = {"ceterms:availableAt", "ceterms:availableOnlineAt", "ceterms:availabilityListing"}
LANGMAP = {
    "anyOf": [
        {"type": "string"},
        {
            "type": "object",
            "additionalProperties": {
                "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]
            },
        },
    ]
}


def _walk_terms(value: Any, found: set[str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if ":" in key and not key.startswith("@"):
                found.add(key)
            if key == "@type" and isinstance(item, str):
                found.add(item)
            _walk_terms(item, found)
    elif isinstance(value, list):
        for item in value:
            _walk_terms(item, found)


@cache
def vocabulary() -> dict[str, dict[str, Any]]:
    graph = json.loads((CTDL_DIR / "ctdl_schema_desm" / "CTDL.json").read_text())["@graph"]
    return {node["@id"]: node for node in graph}


@cache
def published_terms() -> frozenset[str]:
    """Terms the registry's own published records in shared/ use (outputs, not API inputs)."""
    found: set[str] = set()
    for path in (CTDL_DIR / "registry_assistant_samples").iterdir():
        if "input" in path.name.lower() or path.name.endswith("Envelope.json"):
            continue
        try:
            _walk_terms(json.loads(path.read_text(encoding="utf-8-sig")), found)
        except json.JSONDecodeError:
            continue
    return frozenset(found)


@cache
def concepts() -> frozenset[str]:
    found: set[str] = set()
    for name in SCHEME_FILES:
        graph = json.loads((CTDL_DIR / "ctdl_schema_desm" / f"{name}.json").read_text())["@graph"]
        found.update(node["@id"] for node in graph)
    return frozenset(found)


@cache
def _schema(name: str) -> dict[str, Any]:
    schema = json.loads((SCHEMAS / name).read_text())
    definitions = schema["definitions"]
    definitions["meta:langstring"] = LANGMAP
    definitions["meta:langstring_multi"] = LANGMAP
    known = set(vocabulary()) | published_terms()
    for definition in definitions.values():
        props = definition.get("properties") if isinstance(definition, dict) else None
        if props is None or definition.get("additionalProperties") is not False:
            continue
        for term in known - set(props):
            prefix, _colon, local = term.partition(":")
            if prefix in {"ceterms", "qdata"} and local[:1].islower():
                props[term] = {}
    return schema


SCHEMA_FOR = {
    "credential": "credentialSchema.json",
    "organization": "agentSchema.json",
    "learning": "learningOpportunityProfileSchema.json",
}


def problems(node: dict[str, Any], kind: str) -> list[str]:
    """Every way a node breaks the vocabulary or its validation schema ([] when none)."""
    found: list[str] = []
    schema = copy.deepcopy(_schema(SCHEMA_FOR[kind]))
    if kind == "organization":
        for name in ("ceterms:CredentialOrganization", "ceterms:QACredentialOrganization"):
            required = schema["definitions"][name]["required"]
            schema["definitions"][name]["required"] = [
                r for r in required if r not in ORGANIZATION_NOT_KNOWN
            ]
    if kind == "learning":
        name = "ceterms:LearningOpportunityProfile"
        required = schema["definitions"][name]["required"]
        schema["definitions"][name]["required"] = [r for r in required if r not in AVAILABILITY]
        if not AVAILABILITY & set(node):
            found.append(f"schema: one of {sorted(AVAILABILITY)} is required")
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    found += [
        f"schema: {'/'.join(map(str, e.absolute_path))}: {e.message[:200]}"
        for e in validator.iter_errors(node)
    ]
    terms: set[str] = set()
    _walk_terms(node, terms)
    known = set(vocabulary()) | published_terms()
    found += [
        f"vocabulary: {term} is not a CTDL term"
        for term in sorted(terms)
        if term.split(":")[0] in {"ceterms", "qdata", "ceasn"} and term not in known
    ]
    cls = vocabulary().get(node["@type"])
    for prop in node:
        domain = vocabulary().get(prop, {}).get("schema:domainIncludes")
        if cls is not None and domain and node["@type"] not in domain:
            found.append(f"vocabulary: {prop} is not a property of {node['@type']}")
    targets: list[str] = []

    def collect(value: Any) -> None:
        if isinstance(value, dict):
            if "ceterms:targetNode" in value and "ceterms:codedNotation" not in value:
                targets.append(value["ceterms:targetNode"])
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    collect(node)
    found += [f"concept: {t} is in no CTDL concept scheme" for t in targets if t not in concepts()]
    return found
