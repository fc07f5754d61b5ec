"""Members and providers write their own version of what they publish in any of the portal's
languages; readers get it in their language, marked as written by them, or the English, marked
as not yet translated. Nothing is translated for them."""

from datetime import date, timedelta

import pytest
from django.utils import translation

from alliance.models import AuditEntry
from alliance.reconvening import services
from alliance.reconvening.models import AccessPlan, Milestone, Need, Recommitment
from careerportal.languages import WRITTEN_BY
from careerportal.translations.presentation import not_translated_note
from careerportal.translations.selectors import translation_sheet_rows
from tests.pages import page_html

from ..providers.factories import ProviderAccountFactory
from .factories import ConveningFactory, program_for

pytestmark = pytest.mark.django_db

SOON = date.today() + timedelta(days=90)


@pytest.fixture
def convening(db):  # type: ignore[no-untyped-def]
    return ConveningFactory()


def sign(client, member, path="", **versions):  # type: ignore[no-untyped-def]
    return client.post(
        f"{path}/alliance/manage/{member.slug}/reconvening/",
        {
            "recommit": "",
            "recommit-statement": "We hire from every bootcamp we list.",
            "recommit-signer_name": "Ana Admin",
            "recommit-confirm": "on",
            **{f"recommit-statement_{code}": text for code, text in versions.items()},
        },
    )


def test_the_form_offers_a_field_per_language_typed_in_that_language(
    client, admin_user, member, convening
):
    client.force_login(admin_user)
    response = client.get(f"/alliance/manage/{member.slug}/reconvening/")
    assert response.status_code == 200
    html = page_html(response)
    assert 'name="recommit-statement_zh_hans"' in html
    assert 'lang="ar" dir="rtl"' in html
    assert "your own version in other languages (optional)" in html


def test_readers_get_the_members_own_version_marked_as_written_by_it(
    client, admin_user, member, convening
):
    client.force_login(admin_user)
    assert sign(client, member, es="Contratamos de cada bootcamp que listamos.").status_code == 302
    recommitment = Recommitment.objects.get(member=member)
    assert recommitment.statement_en == "We hire from every bootcamp we list."
    assert recommitment.statement_es == "Contratamos de cada bootcamp que listamos."
    client.logout()

    response = client.get(f"/es/alliance/reconvening/{convening.year}/")
    assert response.status_code == 200
    html = page_html(response)
    assert "Contratamos de cada bootcamp que listamos." in html
    with translation.override("es"):  # the line itself is in the page's language
        assert str(WRITTEN_BY) % {"author": "Acme IT", "language": "Español"} in html
    assert "We hire from every bootcamp we list." not in html
    # Not counted as translated by the portal team.
    assert "Translated by the portal team" not in html


def test_readers_in_a_language_without_a_version_get_the_english_marked(
    client, admin_user, member, convening
):
    client.force_login(admin_user)
    assert sign(client, member, es="Contratamos.").status_code == 302
    response = client.get(f"/vi/alliance/reconvening/{convening.year}/")
    assert response.status_code == 200
    html = page_html(response)
    assert '<div lang="en"><p>We hire from every bootcamp we list.</p></div>' in html
    with translation.override("vi"):
        assert not_translated_note() in html
    assert "Written by" not in html


def test_a_form_sent_from_a_spanish_page_keeps_the_english_as_english(
    client, admin_user, member, convening
):
    client.force_login(admin_user)
    assert sign(client, member, path="/es", ko="우리는 채용합니다.").status_code == 302
    recommitment = Recommitment.objects.get(member=member)
    assert recommitment.statement_en == "We hire from every bootcamp we list."
    assert (recommitment.statement_es, recommitment.statement_ko) == ("", "우리는 채용합니다.")


def test_the_audit_log_keeps_every_version(client, admin_user, member, convening):
    client.force_login(admin_user)
    assert sign(client, member, tl="Kumukuha kami ng tao.").status_code == 302
    entry = AuditEntry.objects.get(action="recommitment.sign")
    assert entry.after["statement"] == "We hire from every bootcamp we list."
    assert entry.after["statement_versions"] == {"tl": "Kumukuha kami ng tao."}


def test_editing_the_plan_shows_and_keeps_its_versions(client, admin_user, member, convening):
    client.force_login(admin_user)
    url = f"/alliance/manage/{member.slug}/reconvening/"
    data = {"plan": "", "plan-summary": "Apprentices.", "plan-summary_ar": "متدربون."}
    assert client.post(url, data).status_code == 302
    response = client.get(url)
    assert response.status_code == 200
    assert "متدربون." in page_html(response)
    assert client.post(url, {"plan": "", "plan-summary": "Apprentices."}).status_code == 302
    plan = AccessPlan.objects.get(member=member)
    assert (plan.summary_en, plan.summary_ar) == ("Apprentices.", "")
    entry = AuditEntry.objects.filter(action="access_plan.save").latest("pk")
    assert entry.before["summary_versions"] == {"ar": "متدربون."}


def test_a_version_longer_than_the_field_allows_is_refused_and_nothing_is_lost(
    client, admin_user, member, convening
):
    client.force_login(admin_user)
    response = sign(client, member, es="x" * 2001)
    assert response.status_code == 400
    html = page_html(response)
    assert "We hire from every bootcamp we list." in html  # the English is still in the form
    assert '<details class="margin-bottom-2" open>' in html
    assert not Recommitment.objects.exists()


def test_needs_and_answers_in_the_readers_language(admin_user, member):
    need = services.need_post(
        actor=admin_user,
        member=member,
        role="Help desk technician",
        skills="Windows",
        people=2,
        needed_by=SOON,
        versions={"role": {"ko": "헬프데스크 기술자"}, "skills": {"ko": "윈도우"}},
    )
    account = ProviderAccountFactory()
    services.need_answer(
        actor=account.user,
        need=need,
        program=program_for(account.provider),
        message="Starts in March.",
        versions={"message": {"ko": "3월에 시작합니다."}},
    )
    from django.test import Client

    response = Client().get("/ko/alliance/needs/")
    assert response.status_code == 200
    html = page_html(response)
    assert "헬프데스크 기술자" in html and "윈도우" in html and "3월에 시작합니다." in html
    assert "Starts in March." not in html
    assert Need.objects.get().role_en == "Help desk technician"


def test_the_status_page_counts_the_versions_authors_wrote(
    client, admin_user, member, convening, django_user_model
):
    client.force_login(admin_user)
    assert sign(client, member, vi="Chúng tôi tuyển dụng.").status_code == 302
    staff = django_user_model.objects.create_user("staff", password="pw-Secret-1", is_staff=True)
    client.force_login(staff)
    response = client.get("/staff/translations/")
    assert response.status_code == 200
    html = page_html(response)
    row = html[html.index("<code>reconvening.recommitment</code> statement") :].split("</tr>")[0]
    assert "written by its authors" in row
    cells = row.split("<td>")[1:]
    # Languages in settings order: es, zh-hans, vi, ...
    assert cells[0].startswith("0 of 1") and cells[2].startswith("1 of 1")


def test_the_translators_sheet_leaves_what_authors_write_alone(client, admin_user, member):
    ConveningFactory()
    client.force_login(admin_user)
    assert sign(client, member).status_code == 302
    models = {row[0] for row in translation_sheet_rows("es")}
    assert "reconvening.recommitment" not in models


def test_milestones_are_written_and_reported_in_the_members_languages(
    client, admin_user, member, convening
):
    client.force_login(admin_user)
    url = f"/alliance/manage/{member.slug}/reconvening/"
    assert client.post(url, {"plan": "", "plan-summary": "Apprentices."}).status_code == 302
    data = {
        "milestone": "",
        "milestone-title": "First hire",
        "milestone-title_es": "Primera contratación",
        "milestone-due_on": "2027-03-01",
    }
    assert client.post(url, data).status_code == 302
    milestone = Milestone.objects.get(plan__member=member)
    update = {f"m{milestone.pk}-status": "in_progress", f"m{milestone.pk}-note": "Interviews."}
    update[f"m{milestone.pk}-note_es"] = "Entrevistas."
    response = client.post(f"{url}milestones/{milestone.pk}/", update)
    assert response.status_code == 302
    milestone.refresh_from_db()
    assert (milestone.note_en, milestone.note_es, milestone.note_vi) == (
        "Interviews.",
        "Entrevistas.",
        "",
    )
    entry = AuditEntry.objects.get(action="milestone.update")
    assert entry.after["note_versions"] == {"es": "Entrevistas."}
    response = client.get(f"/es/alliance/reconvening/{convening.year}/")
    assert response.status_code == 200
    html = page_html(response)
    assert "Primera contratación" in html and "Entrevistas." in html
    assert "Interviews." not in html
