"""Members and providers write their own version of what they publish in any of the portal's
languages; readers get it in their language, marked as written by them, or the English, marked
as not yet translated. Nothing is translated for them."""

import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import translation

from alliance.models import AuditEntry
from alliance.reconvening import services
from alliance.reconvening.models import AccessPlan, Milestone, Need, Recommitment
from alliance.reconvening.reminders import reminders_send
from careerportal.languages import WRITTEN_BY
from careerportal.translations.authored import NOT_WRITTEN
from careerportal.translations.presentation import not_translated_note
from careerportal.translations.selectors import translation_sheet_rows
from tests.pages import page_html

from ..providers.factories import ProviderAccountFactory
from .factories import AccessPlanFactory, ConveningFactory, program_for

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


# --- Written in one language only ---------------------------------------------------------------

SPANISH = "Contratamos de cada bootcamp que listamos."


def sign_only_in(client, member, **versions):  # type: ignore[no-untyped-def]
    """Sign through the real form with the English field left empty."""
    return client.post(
        f"/alliance/manage/{member.slug}/reconvening/",
        {
            "recommit": "",
            "recommit-statement": "",
            "recommit-signer_name": "Ana Admin",
            "recommit-confirm": "on",
            **{f"recommit-statement_{code}": text for code, text in versions.items()},
        },
    )


def test_a_recommitment_written_only_in_spanish_is_saved(client, admin_user, member, convening):
    client.force_login(admin_user)
    response = sign_only_in(client, member, es=SPANISH)
    assert response.status_code == 302
    recommitment = Recommitment.objects.get(member=member)
    assert (recommitment.statement_en, recommitment.statement_es) == ("", SPANISH)


def test_the_english_page_shows_the_spanish_marked_as_written_by_the_member_in_spanish(
    client, admin_user, member, convening
):
    client.force_login(admin_user)
    assert sign_only_in(client, member, es=SPANISH).status_code == 302
    client.logout()
    response = client.get(f"/alliance/reconvening/{convening.year}/")
    assert response.status_code == 200
    html = page_html(response)
    assert f'<div lang="es"><p>{SPANISH}</p></div>' in html
    assert 'Written by Acme IT in <span lang="es">Español</span>.' in html
    assert "Not yet translated into English." in html


def test_the_spanish_page_shows_it_as_the_members_own_spanish(
    client, admin_user, member, convening
):
    client.force_login(admin_user)
    assert sign_only_in(client, member, es=SPANISH).status_code == 302
    client.logout()
    response = client.get(f"/es/alliance/reconvening/{convening.year}/")
    assert response.status_code == 200
    html = page_html(response)
    assert f"<p>{SPANISH}</p>" in html and f'<div lang="es"><p>{SPANISH}' not in html
    with translation.override("es"):
        assert str(WRITTEN_BY) % {"author": "Acme IT", "language": "Español"} in html
        assert not_translated_note() not in html


def test_the_api_gives_the_spanish_with_its_language(client, admin_user, member, convening):
    client.force_login(admin_user)
    assert sign_only_in(client, member, es=SPANISH).status_code == 302
    client.logout()
    response = client.get("/api/v1/alliance/recommitments/")
    assert response.status_code == 200
    row = response.json()["results"][0]
    assert (row["statement"], row["statement_language"]) == (SPANISH, "es")


def test_the_pledge_page_shares_the_spanish(client, admin_user, member, convening):
    client.force_login(admin_user)
    assert sign_only_in(client, member, es=SPANISH).status_code == 302
    recommitment = Recommitment.objects.get(member=member)
    response = client.get(f"/alliance/pledges/renewed/{recommitment.pk}/")
    assert response.status_code == 200
    html = page_html(response)
    assert f"“{SPANISH}”" in html  # the suggested post text
    assert f'content="{SPANISH}"' in html  # the share description


def test_a_recommitment_written_in_no_language_is_refused_and_nothing_saved(
    client, admin_user, member, convening
):
    client.force_login(admin_user)
    response = sign_only_in(client, member)
    assert response.status_code == 400
    html = page_html(response)
    assert str(NOT_WRITTEN) in html
    # The other languages are unfolded under the English field, ready to write in.
    assert '<details class="margin-bottom-2" open>' in html
    assert not Recommitment.objects.exists()


def test_without_english_a_reader_gets_the_first_version_in_the_portals_order(
    client, admin_user, member
):
    services.need_post(
        actor=admin_user,
        member=member,
        role="",
        skills="",
        people=1,
        needed_by=SOON,
        versions={
            "role": {"ar": "فني دعم", "ko": "헬프데스크 기술자"},
            "skills": {"ar": "ويندوز", "ko": "윈도우"},
        },
    )
    # Korean comes before Arabic in the portal's languages: a Vietnamese reader gets the Korean.
    response = client.get("/vi/alliance/needs/")
    assert response.status_code == 200
    html = page_html(response)
    assert '<span lang="ko">헬프데스크 기술자</span>' in html and "فني دعم" not in html
    response = client.get("/ar/alliance/needs/")
    assert response.status_code == 200
    assert '<div lang="ko" dir="ltr"><p>윈도우</p></div>' not in page_html(response)
    assert "<p>ويندوز</p>" in page_html(response)


def test_arabic_on_an_english_page_runs_right_to_left(client, admin_user, member, convening):
    client.force_login(admin_user)
    assert sign_only_in(client, member, ar="نوظف من كل معسكر تدريبي.").status_code == 302
    response = client.get(f"/alliance/reconvening/{convening.year}/")
    assert response.status_code == 200
    html = page_html(response)
    assert '<div lang="ar" dir="rtl"><p>نوظف من كل معسكر تدريبي.</p></div>' in html
    assert 'in <span lang="ar">العربيّة</span>.' in html


NEED_IN_SPANISH = {
    "need-role": "",
    "need-role_es": "Técnico de soporte",
    "need-skills": "",
    "need-skills_es": "Windows y redes",
    "need-people": "2",
    "need-needed_by": SOON.isoformat(),
}


def test_a_need_written_only_in_spanish_is_posted_and_read_in_english(client, admin_user, member):
    client.force_login(admin_user)
    response = client.post(f"/alliance/manage/{member.slug}/needs/", NEED_IN_SPANISH)
    assert response.status_code == 302
    need = Need.objects.get()
    assert (need.role_en, need.role_es, need.skills_es) == (
        "",
        "Técnico de soporte",
        "Windows y redes",
    )
    client.logout()
    response = client.get("/alliance/needs/")
    assert response.status_code == 200
    html = page_html(response)
    assert '<span lang="es">Técnico de soporte</span>: 2 people' in html
    assert '<div lang="es"><p>Windows y redes</p></div>' in html
    assert 'Written by Acme IT in <span lang="es">Español</span>.' in html
    response = client.get("/api/v1/alliance/needs/")
    assert response.status_code == 200
    row = response.json()["results"][0]
    assert (row["role"], row["role_language"]) == ("Técnico de soporte", "es")
    assert (row["skills"], row["skills_language"]) == ("Windows y redes", "es")


def test_a_need_written_in_no_language_is_refused_and_nothing_saved(client, admin_user, member):
    client.force_login(admin_user)
    data = {**NEED_IN_SPANISH, "need-role_es": "", "need-skills_es": ""}
    response = client.post(f"/alliance/manage/{member.slug}/needs/", data)
    assert response.status_code == 400
    assert page_html(response).count(str(NOT_WRITTEN)) == 2  # the role and the skills
    assert not Need.objects.exists()


def test_the_database_refuses_a_text_in_no_language(member, convening):
    with pytest.raises(IntegrityError), transaction.atomic():
        Recommitment.objects.create(
            member=member, convening=convening, signed_on=SOON, signer_name="Ana"
        )


def test_a_milestone_reminder_quotes_the_title_the_member_wrote(client, admin_user, member):
    plan = AccessPlanFactory(member=member)
    Milestone.objects.create(
        plan=plan, title_es="Primera contratación", due_on=date(2026, 12, 8),
        updated_on=date(2026, 12, 1),
    )  # fmt: skip
    assert reminders_send(today=date(2026, 12, 1)) == 1
    assert "“Primera contratación”" in mail.outbox[0].body


def test_the_status_page_counts_a_text_written_only_in_spanish(
    client, admin_user, member, convening, django_user_model
):
    client.force_login(admin_user)
    assert sign_only_in(client, member, es=SPANISH).status_code == 302
    staff = django_user_model.objects.create_user("staff", password="pw-Secret-1", is_staff=True)
    client.force_login(staff)
    response = client.get("/staff/translations/")
    assert response.status_code == 200
    html = page_html(response)
    row = html[html.index("<code>reconvening.recommitment</code> statement") :].split("</tr>")[0]
    cells = row.split("<td>")[1:]
    assert cells[0].startswith("1 of 1") and cells[1].startswith("0 of 1")


def test_a_spotlight_written_only_in_spanish_is_edited_in_spanish(client, task_force_user, member):
    from .test_spotlights import FIGURE

    spotlight = services.spotlight_create(
        actor=task_force_user,
        convening=ConveningFactory(),
        kind="member_story",
        title="",
        body="",
        member=member,
        figures=[FIGURE],
        versions={"title": {"es": "De la recepción al soporte"}, "body": {"es": "Ana empezó."}},
    )
    client.force_login(task_force_user)
    edit = f"/alliance/task-force/spotlights/{spotlight.pk}/edit/"
    response = client.get(edit)
    assert response.status_code == 200
    html = page_html(response)
    english = re.search(r'<input type="text" name="title" [^>]*>', html)
    assert english is not None and "value=" not in english.group()  # the English left empty
    assert 'aria-describedby="id_title_helptext" id="id_title"' in english.group()
    assert 'id="id_title_helptext"' in html  # the hint it points to
    assert 'value="De la recepción al soporte"' in html
    data = {
        "title": "",
        "title_es": "De la recepción al soporte técnico",
        "body": "",
        "body_es": "Ana empezó en la recepción.",
        **{f"figure1_{k}": v for k, v in FIGURE.items()},
    }
    assert client.post(edit, data).status_code == 302
    spotlight.refresh_from_db()
    assert (spotlight.title_en, spotlight.title_es) == ("", "De la recepción al soporte técnico")
    entry = AuditEntry.objects.get(action="spotlight.edit")
    assert entry.after["title_versions"] == {"es": "De la recepción al soporte técnico"}
