"""The pathway reads."""

import pytest

from pathways.selectors import occupation_pathways

pytestmark = pytest.mark.django_db


def test_pathways_come_in_education_order_with_resolved_credentials(
    sample_data, fake_step_credentials
):
    from pathways.models import Occupation

    views = occupation_pathways(occupation=Occupation.objects.get(soc_code="15-1212"))
    assert [v.pathway.education_level for v in views] == [
        "no_diploma",
        "high_school",
        "some_college",
        "associate",
        "bachelor",
    ]
    training = [s for s in views[1].steps if s.wants_credentials]
    assert views[1].credentials[training[0].id][0]["certified"] is True
    job = next(s for s in views[1].steps if s.kind == "entry_job")
    assert views[1].credentials[job.id] == []


def test_pathway_total_is_empty_when_a_step_has_no_figure(sample_data):
    from pathways.models import Occupation

    views = occupation_pathways(occupation=Occupation.objects.get(soc_code="15-1212"))
    no_diploma = views[0]  # the GED step has no published time or cost
    assert no_diploma.min_cost_usd is None and no_diploma.min_weeks is None
    bachelor = views[-1]
    assert bachelor.min_cost_usd is not None


def test_merged_resolvers_keep_certified_first():
    from types import SimpleNamespace

    from pathways import extensions

    def plain(steps):
        return {s.id: [{"slug": "plain", "certified": False}] for s in steps}

    def certified(steps):
        return {s.id: [{"slug": "gold", "certified": True}] for s in steps}

    extensions.register_step_credentials_resolver(plain)
    extensions.register_step_credentials_resolver(certified)
    try:
        merged = extensions.step_credentials(steps=[SimpleNamespace(id=1)])
    finally:
        extensions._step_credentials_resolvers.remove(plain)
        extensions._step_credentials_resolvers.remove(certified)
    assert [c["slug"] for c in merged[1]] == ["gold", "plain"]
