"""Spotlights: published by the task force only, with sourced figures and a described picture."""

import io
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from alliance.models import AuditEntry
from alliance.reconvening import services
from alliance.reconvening.models import Spotlight, SpotlightFigure
from tests.pages import page_html

from ..factories import MemberFactory
from ..providers.factories import ProviderAccountFactory
from .factories import ConveningFactory

pytestmark = pytest.mark.django_db

FIGURE = {
    "label": "Hired within 6 months",
    "value": "82%",
    "source": "Provider's CIRR report 2025",
    "source_url": "",
    "as_of": date(2026, 3, 1),
}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = str(tmp_path / "media")


def png() -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "navy").save(out, "PNG")
    return SimpleUploadedFile("team.png", out.getvalue(), content_type="image/png")


def story(actor, member, **extra):  # type: ignore[no-untyped-def]
    return services.spotlight_create(
        actor=actor,
        convening=ConveningFactory(),
        kind="member_story",
        title="From help desk to security",
        body="Ana started on the help desk.",
        member=member,
        figures=[FIGURE],
        **extra,
    )


def test_task_force_publishes_a_story_and_it_is_audited(task_force_user, member):
    spotlight = story(task_force_user, member)
    assert spotlight.figures.get().value == "82%"
    assert AuditEntry.objects.get(action="spotlight.publish").member == member


@pytest.mark.parametrize("who", ["admin_user", "other_admin", "staff_user"])
def test_only_the_task_force_publishes(request, member, who):
    actor = request.getfixturevalue(who)
    if who == "staff_user":  # staff count as task force (alliance.permissions.is_task_force)
        assert story(actor, member).pk
        return
    with pytest.raises(PermissionDenied):
        story(actor, member)


def test_a_picture_needs_its_description(task_force_user, member):
    with pytest.raises(ValidationError):
        story(task_force_user, member, picture=png(), picture_alt=" ")
    spotlight = story(task_force_user, member, picture=png(), picture_alt="Ana at her desk")
    assert spotlight.picture.name.startswith("spotlights/")


def test_a_story_needs_a_member_and_figures(task_force_user):
    with pytest.raises(ValidationError):
        story(task_force_user, None)
    with pytest.raises(ValidationError):
        services.spotlight_create(
            actor=task_force_user, convening=ConveningFactory(), kind="member_story",
            title="t", body="b", member=MemberFactory(), figures=[],
        )  # fmt: skip


def test_public_page_shows_figures_with_source_and_picture_alt(client, task_force_user, member):
    story(task_force_user, member, picture=png(), picture_alt="Ana at her desk")
    response = client.get("/alliance/spotlights/")
    assert response.status_code == 200
    html = page_html(response)
    assert "From help desk to security" in html
    assert (
        "Hired within 6 months: <strong>82%</strong> "
        "(Provider&#x27;s CIRR report 2025, March 1, 2026)" in html
    )
    assert 'alt="Ana at her desk"' in html
    assert "Publish a spotlight" not in html


def test_spotlights_query_count_is_constant(client, task_force_user, django_assert_num_queries):
    story(task_force_user, MemberFactory())
    # 1 spotlights with convening, member, program and provider, 2 their figures
    with django_assert_num_queries(2):
        assert client.get("/alliance/spotlights/").status_code == 200
    for _ in range(10):
        story(task_force_user, MemberFactory())
    with django_assert_num_queries(2):
        assert client.get("/alliance/spotlights/").status_code == 200


def test_task_force_publishes_through_the_form(client, task_force_user, member):
    ConveningFactory()
    client.force_login(task_force_user)
    assert client.get("/alliance/task-force/spotlights/new/").status_code == 200
    response = client.post(
        "/alliance/task-force/spotlights/new/",
        {
            "kind": "member_story",
            "title": "A story",
            "body": "Text",
            "member": member.slug,
            "picture": png(),
            "picture_alt": "Ana at her desk",
            "figure1_label": "Hires",
            "figure1_value": "12",
            "figure1_source": "Member's records",
            "figure1_as_of": "2026-05-01",
        },
    )
    assert response.status_code == 302
    assert Spotlight.objects.get().picture_alt == "Ana at her desk"


def test_a_figure_without_its_source_is_refused_and_text_kept(client, task_force_user, member):
    ConveningFactory()
    client.force_login(task_force_user)
    response = client.post(
        "/alliance/task-force/spotlights/new/",
        {"kind": "member_story", "title": "Kept title", "body": "Text", "member": member.slug,
         "figure1_label": "Hires", "figure1_value": "12", "figure1_as_of": "2026-05-01"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "Kept title" in page_html(response)
    assert not SpotlightFigure.objects.exists()


@pytest.mark.parametrize("who", ["admin_user", "other_admin"])
def test_members_cannot_open_the_form(client, request, who):
    ConveningFactory()
    client.force_login(request.getfixturevalue(who))
    assert client.get("/alliance/task-force/spotlights/new/").status_code == 403
    assert client.post("/alliance/task-force/spotlights/new/", {}).status_code == 403


def test_providers_cannot_open_the_form(client):
    ConveningFactory()
    client.force_login(ProviderAccountFactory().user)
    assert client.get("/alliance/task-force/spotlights/new/").status_code == 403


FIGURE_2 = {**FIGURE, "label": "Median salary", "value": "$61,000"}


def test_task_force_edits_a_story_keeping_text_figures_and_picture_audited(task_force_user, member):
    spotlight = story(task_force_user, member, picture=png(), picture_alt="Ana at her desk")
    services.spotlight_update(
        actor=task_force_user,
        spotlight=spotlight,
        title="Ana's path to security",
        body="Ana started on the help desk, then trained at night.",
        figures=[FIGURE, FIGURE_2],
        picture_alt="Ana at her desk, 2026",
    )
    spotlight.refresh_from_db()
    assert spotlight.title == "Ana's path to security" and spotlight.picture
    assert [f.value for f in spotlight.figures.all()] == ["82%", "$61,000"]
    entry = AuditEntry.objects.get(action="spotlight.edit")
    assert entry.before["title"] == "From help desk to security"
    assert (
        len(entry.after["figures"]) == 2 and entry.after["picture_alt"] == "Ana at her desk, 2026"
    )
    with pytest.raises(ValidationError):  # the kept picture still needs its description
        services.spotlight_update(
            actor=task_force_user, spotlight=spotlight, title="t", body="b", figures=[FIGURE]
        )


def test_withdrawn_spotlight_leaves_public_pages_with_an_audited_reason(
    task_force_user, admin_user, member, client
):
    spotlight = story(task_force_user, member)
    with pytest.raises(PermissionDenied):
        services.spotlight_withdraw(actor=admin_user, spotlight=spotlight, reason="no")
    with pytest.raises(ValidationError):
        services.spotlight_withdraw(actor=task_force_user, spotlight=spotlight, reason=" ")
    assert "From help desk to security" in page_html(client.get("/alliance/spotlights/"))
    services.spotlight_withdraw(
        actor=task_force_user, spotlight=spotlight, reason="The member asked us to."
    )
    assert "From help desk to security" not in page_html(client.get("/alliance/spotlights/"))
    entry = AuditEntry.objects.get(action="spotlight.withdraw")
    assert entry.after["withdrawn_reason"] == "The member asked us to."
    client.force_login(task_force_user)
    assert client.get(f"/alliance/task-force/spotlights/{spotlight.pk}/edit/").status_code == 404


def test_spotlight_edit_and_withdraw_pages_are_the_task_force_s(
    task_force_user, admin_user, member, client
):
    spotlight = story(task_force_user, member)
    edit = f"/alliance/task-force/spotlights/{spotlight.pk}/edit/"
    withdraw = f"/alliance/task-force/spotlights/{spotlight.pk}/withdraw/"
    client.force_login(admin_user)
    assert client.get(edit).status_code == 403
    assert client.post(withdraw, {"reason": "mine now"}).status_code == 403
    client.force_login(task_force_user)
    page = client.get(edit).content.decode()
    assert 'value="From help desk to security"' in page and 'value="82%"' in page
    data = {
        "title": "New title",
        "body": "New body",
        **{f"figure1_{k}": v for k, v in FIGURE.items()},
    }
    assert client.post(edit, data).status_code == 302
    assert Spotlight.objects.get().title == "New title"
    assert client.post(withdraw, {"reason": ""}).status_code == 400
    assert client.post(withdraw, {"reason": "Figures were wrong."}).status_code == 302
    assert Spotlight.objects.get().withdrawn_on is not None
    assert SpotlightFigure.objects.count() == 1
