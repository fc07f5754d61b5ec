"""sync_registry against recorded search answers (pages built from the registry's own records)."""

import json

import pytest
from django.core.management import CommandError, call_command

from credentials.ctdl import registry
from credentials.models import Credential

from .ctdl_check import CTDL_DIR

SAMPLES = CTDL_DIR / "registry_assistant_samples"
pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason="shared CTDL samples not present")
RECORDED = [
    "OutcomeData__files__Kansas_Credential_WithAggregateDataProfile_API_Output.json",
    "OutcomeData__files__CareerBridge_Credential_WithAggregateDataProfile_API_Output.json",
    "ProPath__ProPath_Published.json",
]


def _answers():
    """The search's answers as the registry gives them: {"data": [graphs], "extra": {...}}."""
    graphs = [json.loads((SAMPLES / name).read_text(encoding="utf-8-sig")) for name in RECORDED]
    return graphs, len(graphs)


@pytest.fixture
def configured(settings):
    settings.CREDENTIAL_REGISTRY_SEARCH_URL = "https://registry.example/assistant/search/ctdl"
    settings.CREDENTIAL_REGISTRY_API_KEY = "test-key"
    return settings


def test_sync_pages_through_the_search_and_loads_every_record(db, configured, monkeypatch):
    graphs, total = _answers()
    asked = []

    def post(url, api_key, body):
        asked.append((url, api_key, body["Skip"], body["Take"]))
        page = graphs[body["Skip"] : body["Skip"] + 2]
        return {"data": page, "extra": {"TotalResults": total}}

    monkeypatch.setattr(registry, "PAGE_SIZE", 2)

    result = registry.registry_sync(post=post)

    assert [(skip, take) for _u, _k, skip, take in asked] == [(0, 2), (2, 2)]
    assert asked[0][:2] == (configured.CREDENTIAL_REGISTRY_SEARCH_URL, "test-key")
    assert len(result.created) >= 3
    assert Credential.objects.filter(ctdl_id="ce-bd860014-039c-9c32-f816-e4f429b17f40").exists()


def test_sync_twice_changes_nothing(db, configured):
    graphs, total = _answers()

    def post(url, api_key, body):
        return {"data": graphs[body["Skip"] :], "extra": {"TotalResults": total}}

    registry.registry_sync(post=post)
    second = registry.registry_sync(post=post)

    assert second.created == [] and second.updated == []


def test_unconfigured_sync_says_what_to_set(db, settings):
    settings.CREDENTIAL_REGISTRY_SEARCH_URL = ""

    with pytest.raises(CommandError, match="CREDENTIAL_REGISTRY_SEARCH_URL"):
        call_command("sync_registry")


def test_answer_without_data_is_refused(db, configured):
    with pytest.raises(registry.CtdlError, match="no data list"):
        registry.registry_sync(post=lambda url, key, body: {"error": "bad key"})
