"""comparison_index_refresh: the set-based rebuild of the comparison index."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.contrib.postgres.search import SearchQuery
from django.core.management import call_command
from django.utils import timezone

from credentials.models import ComparisonIndex, CredentialStatus
from credentials.services import compare_tray_add, compare_tray_remove, comparison_index_refresh

from .factories import (
    CostItemFactory,
    CredentialFactory,
    FundingSourceFactory,
    OccupationFactory,
    OutcomeReportFactory,
    certify,
    recognize,
)

pytestmark = pytest.mark.django_db


def test_total_cost_is_the_sum_of_amount_times_count():
    credential = CredentialFactory()
    CostItemFactory(credential=credential, amount_min_usd=265, unit="per_attempt", count=2)
    CostItemFactory(credential=credential, kind="materials", amount_min_usd=50, amount_max_usd=80)

    assert comparison_index_refresh() == 1

    row = ComparisonIndex.objects.get(pk=credential.pk)
    assert (row.total_cost_min_usd, row.total_cost_max_usd) == (Decimal("580"), Decimal("610"))


def test_a_credential_without_cost_items_has_no_total_rather_than_zero():
    credential = CredentialFactory()
    comparison_index_refresh()
    assert ComparisonIndex.objects.get(pk=credential.pk).total_cost_min_usd is None


def test_only_published_credentials_get_a_row():
    CredentialFactory(status=CredentialStatus.DRAFT)
    published = CredentialFactory()
    comparison_index_refresh()
    assert list(ComparisonIndex.objects.values_list("pk", flat=True)) == [published.pk]


def test_refreshing_some_ids_leaves_other_rows_alone_and_drops_unpublished_ones():
    kept, retired = CredentialFactory(), CredentialFactory()
    comparison_index_refresh()
    retired.status = CredentialStatus.RETIRED
    retired.save()
    kept.name = "Renamed"
    kept.save()

    assert comparison_index_refresh(credential_ids=[retired.pk]) == 0

    assert list(ComparisonIndex.objects.values_list("pk", flat=True)) == [kept.pk]
    assert ComparisonIndex.objects.get().name != "Renamed"  # not in scope, not refreshed


def test_the_newest_certification_decision_decides_the_status():
    credential = CredentialFactory()
    certify(credential, status="certified", decided_on=date(2025, 1, 1))
    certify(credential, status="lapsed", decided_on=date(2026, 1, 1))
    comparison_index_refresh()
    row = ComparisonIndex.objects.get(pk=credential.pk)
    assert (row.certification_status, row.certified) == ("lapsed", False)
    assert row.certification_decided_on == date(2026, 1, 1)


def test_an_expired_certification_does_not_count_as_certified():
    expired, current = CredentialFactory(), CredentialFactory()
    certify(expired, expires_on=timezone.localdate() - timedelta(days=1))
    certify(current, expires_on=timezone.localdate())
    comparison_index_refresh()
    certified = dict(ComparisonIndex.objects.values_list("pk", "certified"))
    assert certified == {expired.pk: False, current.pk: True}


def test_recognition_counts_distinct_members_in_total_and_per_kind():
    credential = CredentialFactory()
    recognize(credential, member_slug="acme", kind="requires")
    recognize(credential, member_slug="acme", kind="has_hired")
    recognize(credential, member_slug="globex", kind="prefers")
    comparison_index_refresh()
    row = ComparisonIndex.objects.get(pk=credential.pk)
    assert row.recognition_count == 2
    assert (row.recognition_requires, row.recognition_prefers, row.recognition_has_hired) == (
        1,
        1,
        1,
    )


def test_links_outcomes_and_wages_are_copied_into_the_row():
    credential = CredentialFactory()
    credential.funding_sources.add(FundingSourceFactory(slug="wioa-ita"))
    credential.occupations.add(
        OccupationFactory(soc_code="15-1212", median_annual_wage=124_910),
        OccupationFactory(soc_code="15-1232", median_annual_wage=60_340),
    )
    OutcomeReportFactory(
        credential=credential, is_synthetic=True, employed_in_field_180_days_pct=50
    )
    OutcomeReportFactory(credential=credential, employed_in_field_180_days_pct=71)
    comparison_index_refresh()
    row = ComparisonIndex.objects.get(pk=credential.pk)
    assert row.funding_slugs == ["wioa-ita"]
    assert row.occupation_codes == ["15-1212", "15-1232"]
    assert (row.occupation_wage_min_usd, row.occupation_wage_max_usd) == (60_340, 124_910)
    # A real report wins over a synthetic one.
    assert (row.placement_rate_pct, row.outcome_is_synthetic, row.outcome_is_cirr) == (
        71,
        False,
        True,
    )


def test_search_vectors_are_unaccented_in_both_languages():
    credential = CredentialFactory(name="Técnico de redes", summary_es="Aprende informática")
    comparison_index_refresh()
    query = SearchQuery("informatica", config="spanish_unaccent")
    assert ComparisonIndex.objects.filter(pk=credential.pk, search_es=query).exists()
    assert ComparisonIndex.objects.get(pk=credential.pk).name_unaccent == "tecnico de redes"


def test_rebuild_command_reports_rows_written(capsys):
    CredentialFactory.create_batch(2)
    call_command("rebuild_comparison_index")
    assert "2 rows" in capsys.readouterr().out


def test_compare_tray_keeps_at_most_four_distinct_slugs():
    session: dict = {}
    for slug in ["a", "b", "a", "c", "d", "e"]:
        compare_tray_add(session=session, slug=slug)
    assert session["compare_tray"] == ["a", "b", "c", "d"]
    assert compare_tray_remove(session=session, slug="b") == ["a", "c", "d"]
    assert compare_tray_remove(session=session) == []


def test_the_beat_runs_the_one_refresh_task_nightly_and_as_a_sweep():
    from careerportal.celery import beat_schedule
    from credentials.tasks import comparison_index_refresh_task

    schedule = beat_schedule()
    nightly = schedule["credentials-comparison-index-nightly"]
    sweep = schedule["credentials-comparison-index-stale-sweep"]
    assert (nightly["task"], nightly["kwargs"]) == (
        comparison_index_refresh_task.name,
        {"full": True},
    )
    assert sweep["task"] == comparison_index_refresh_task.name
    assert sweep["schedule"] <= 300  # a lost queue message is made up for within minutes


def test_the_task_refreshes_the_rows_marked_stale():
    from credentials.models import ComparisonIndexStale
    from credentials.tasks import comparison_index_refresh_task

    credential = CredentialFactory()  # saving it marks its row stale
    assert ComparisonIndexStale.objects.filter(credential_id=credential.pk).exists()
    assert comparison_index_refresh_task.delay().get() == 1
    assert ComparisonIndex.objects.filter(pk=credential.pk).exists()
    assert not ComparisonIndexStale.objects.exists()
    assert comparison_index_refresh_task.delay().get() == 0  # nothing left: safe to repeat


def test_a_change_made_while_the_broker_is_down_is_picked_up_by_the_sweep(
    monkeypatch, django_capture_on_commit_callbacks
):
    from kombu.exceptions import OperationalError

    from credentials.tasks import comparison_index_refresh_task

    def broker_down(*args, **kwargs):
        raise OperationalError("broker down")

    with monkeypatch.context() as patch:
        patch.setattr(comparison_index_refresh_task, "delay", broker_down)
        with django_capture_on_commit_callbacks(execute=True):
            credential = CredentialFactory(name="Saved while the queue was down")
    # The change was committed and the user saw no error; the queued refresh was lost.
    assert not ComparisonIndex.objects.filter(pk=credential.pk).exists()

    comparison_index_refresh_task()  # what the beat runs every minute

    assert ComparisonIndex.objects.get(pk=credential.pk).name == "Saved while the queue was down"


def test_one_commit_queues_one_refresh_however_many_rows_change(
    monkeypatch, django_capture_on_commit_callbacks
):
    from credentials.tasks import comparison_index_refresh_task

    sent = []
    monkeypatch.setattr(comparison_index_refresh_task, "delay", lambda: sent.append(1))
    with django_capture_on_commit_callbacks(execute=True):
        CredentialFactory.create_batch(5)
    assert sent == [1]
