"""The industry needs board: members post needs, providers answer with their own programs."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from alliance.models import AuditEntry
from alliance.reconvening import services
from alliance.reconvening.models import Need, NeedAnswer
from tests.pages import page_html

from ..factories import MemberFactory
from ..providers.factories import ProviderAccountFactory
from .factories import program_for

pytestmark = pytest.mark.django_db

SOON = date.today() + timedelta(days=90)


@pytest.fixture
def need(member, admin_user):  # type: ignore[no-untyped-def]
    return services.need_post(
        actor=admin_user,
        member=member,
        role="Help desk technician",
        skills="Windows\nCustomer care",
        people=5,
        needed_by=SOON,
    )


@pytest.fixture
def account(db):  # type: ignore[no-untyped-def]
    return ProviderAccountFactory()


@pytest.fixture
def other_account(db):  # type: ignore[no-untyped-def]
    return ProviderAccountFactory()


def test_member_admin_posts_a_need_and_it_is_audited(need, admin_user):
    entry = AuditEntry.objects.get(action="need.post")
    assert (entry.actor, entry.member, entry.after["people"]) == (admin_user, need.member, 5)


@pytest.mark.parametrize("who", ["viewer_user", "other_admin"])
def test_only_the_members_admin_posts_or_closes(request, member, need, who):
    actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.need_post(
            actor=actor, member=member, role="x", skills="y", people=1, needed_by=SOON
        )
    with pytest.raises(PermissionDenied):
        services.need_close(actor=actor, need=need)


def test_a_past_date_is_refused(admin_user, member):
    with pytest.raises(ValidationError):
        services.need_post(
            actor=admin_user,
            member=member,
            role="x",
            skills="y",
            people=1,
            needed_by=date.today() - timedelta(days=1),
        )


def test_provider_answers_with_its_own_program_only(need, account, other_account):
    mine = program_for(account.provider)
    theirs = program_for(other_account.provider, name="Theirs")
    answer = services.need_answer(actor=account.user, need=need, program=mine, message="Hi")
    assert answer.provider == account.provider
    assert AuditEntry.objects.get(action="need.answer").member == need.member
    with pytest.raises(PermissionDenied):
        services.need_answer(actor=account.user, need=need, program=theirs)
    with pytest.raises(ValidationError):
        services.need_answer(actor=account.user, need=need, program=mine)


def test_a_closed_need_takes_no_answer(need, admin_user, account):
    services.need_close(actor=admin_user, need=need)
    with pytest.raises(ValidationError):
        services.need_answer(actor=account.user, need=need, program=program_for(account.provider))


# --- Pages ------------------------------------------------------------------------------------


def test_public_board_shows_open_needs_and_answers(client, need, account, admin_user):
    services.need_answer(
        actor=account.user, need=need, program=program_for(account.provider), message="Evenings"
    )
    closed = services.need_post(
        actor=admin_user, member=need.member, role="Closed role", skills="x", people=1,
        needed_by=SOON,
    )  # fmt: skip
    services.need_close(actor=admin_user, need=closed)
    response = client.get("/alliance/needs/")
    assert response.status_code == 200
    html = page_html(response)
    assert "Help desk technician: 5 people" in html
    assert "Help desk bootcamp</a>: Evenings" in html
    assert "Closed role" not in html
    assert "Answer with one of your programs" not in html


def test_board_query_count_is_constant(client, django_assert_num_queries, account):
    def grow(n):  # type: ignore[no-untyped-def]
        for i in range(n):
            need = Need.objects.create(
                member=MemberFactory(), role="r", skills="s", people=1, needed_by=SOON,
                posted_on=date.today(),
            )  # fmt: skip
            NeedAnswer.objects.create(
                need=need, provider=account.provider,
                program=program_for(account.provider, name=f"P{need.pk}-{i}"),
                answered_on=date.today(),
            )  # fmt: skip

    grow(1)
    # 1 open needs with members and occupations, 2 their answers with providers and programs
    # (the anonymous visitor acts for no provider: no query)
    with django_assert_num_queries(2):
        assert client.get("/alliance/needs/").status_code == 200
    grow(12)
    with django_assert_num_queries(2):
        assert client.get("/alliance/needs/").status_code == 200


def test_member_admin_posts_through_the_page(client, admin_user, member):
    client.force_login(admin_user)
    url = f"/alliance/manage/{member.slug}/needs/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "need-role": "Analyst",
            "need-skills": "SQL",
            "need-people": "3",
            "need-needed_by": SOON.isoformat(),
        },
    )
    assert response.status_code == 302
    assert Need.objects.get().role == "Analyst"


def test_bad_need_input_keeps_the_text(client, admin_user, member):
    client.force_login(admin_user)
    response = client.post(
        f"/alliance/manage/{member.slug}/needs/",
        {"need-role": "Kept role", "need-skills": "SQL", "need-people": "0"},
    )
    assert response.status_code == 400
    html = page_html(response)
    assert "Kept role" in html
    assert "Please fix the problems marked below. Nothing was saved." in html


def test_other_member_cannot_post_or_close(client, other_admin, member, need):
    client.force_login(other_admin)
    assert client.get(f"/alliance/manage/{member.slug}/needs/").status_code == 404
    response = client.post(f"/alliance/manage/{member.slug}/needs/{need.pk}/close/")
    assert response.status_code == 404
    response = client.post(f"/alliance/manage/other-co/needs/{need.pk}/close/")
    assert response.status_code == 404
    need.refresh_from_db()
    assert need.closed_on is None


def test_viewer_cannot_post(client, viewer_user, member):
    client.force_login(viewer_user)
    response = client.post(
        f"/alliance/manage/{member.slug}/needs/",
        {"need-role": "x", "need-skills": "y", "need-people": "1",
         "need-needed_by": SOON.isoformat()},
    )  # fmt: skip
    assert response.status_code == 403
    assert not Need.objects.exists()


def test_provider_answers_through_the_page(client, need, account):
    program = program_for(account.provider)
    client.force_login(account.user)
    url = f"/alliance/needs/{need.pk}/answer/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"answer-program": program.pk, "answer-message": "Evenings"})
    assert response.status_code == 302
    assert NeedAnswer.objects.get().program == program


def test_another_providers_program_is_not_a_choice(client, need, account, other_account):
    theirs = program_for(other_account.provider, name="Theirs")
    client.force_login(account.user)
    response = client.post(f"/alliance/needs/{need.pk}/answer/", {"answer-program": theirs.pk})
    assert response.status_code == 400
    assert not NeedAnswer.objects.exists()


def test_a_member_without_a_provider_account_cannot_answer(client, need, admin_user):
    client.force_login(admin_user)
    assert client.get(f"/alliance/needs/{need.pk}/answer/").status_code == 404
