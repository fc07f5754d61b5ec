"""Meeting pages: anyone reads, only the task force writes; the calendar feed."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar

from alliance.taskforce import services
from tests.pages import page_html

DAY = dt.date(2030, 3, 4)


@pytest.fixture
def meeting(task_force_user):  # type: ignore[no-untyped-def]
    return services.meeting_schedule(
        actor=task_force_user, scheduled_for=DAY, title="March meeting", place="Online"
    )


def test_anyone_sees_the_meetings_but_not_the_work_forms(client, meeting):
    response = client.get("/alliance/meetings/")
    assert response.status_code == 200
    html = page_html(response)
    assert "March meeting" in html
    assert "Schedule a meeting" not in html
    detail = client.get(f"/alliance/meetings/{meeting.pk}/")
    assert detail.status_code == 200
    assert "For the task force" not in page_html(detail)
    assert "The minutes are published once the task force approves them." in page_html(detail)


@pytest.mark.parametrize("action", ["attendance", "minutes", "approve", "cancel", "decision"])
def test_an_anonymous_post_is_sent_to_sign_in(client, meeting, action):
    response = client.post(f"/alliance/meetings/{meeting.pk}/", {"action": action})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_member_admin_cannot_act_for_the_task_force(client, meeting, admin_user):
    client.force_login(admin_user)
    response = client.post(f"/alliance/meetings/{meeting.pk}/", {"action": "cancel"})
    assert response.status_code == 403
    meeting.refresh_from_db()
    assert meeting.status == "scheduled"


def test_the_task_force_holds_a_meeting_and_publishes_minutes(client, meeting, task_force_user):
    client.force_login(task_force_user)
    url = f"/alliance/meetings/{meeting.pk}/"
    response = client.post(url, {"action": "attendance", "present": [task_force_user.pk]})
    assert response.status_code == 302
    response = client.post(url, {"action": "decision", "kind": "other", "summary": "Met gaps."})
    assert response.status_code == 302
    response = client.post(url, {"action": "minutes", "minutes": "We looked at the gaps."})
    assert response.status_code == 302
    response = client.post(url, {"action": "approve"})
    assert response.status_code == 302
    client.logout()
    page = client.get(url)
    assert page.status_code == 200
    html = page_html(page)
    assert "We looked at the gaps." in html
    assert "Met gaps." in html
    assert "1 task-force member was present." in html


def test_a_bad_job_list_says_which_line(client, meeting, task_force_user):
    client.force_login(task_force_user)
    url = f"/alliance/meetings/{meeting.pk}/"
    client.post(url, {"action": "attendance", "present": [task_force_user.pk]})
    response = client.post(url, {"action": "high_demand", "entries": "15-1212, openings\n15-1232"})
    assert response.status_code == 400
    assert "Line 2: give a reason after the SOC code and a comma." in page_html(response)


def test_meeting_list_queries_do_not_grow_with_meetings(client, task_force_user):
    services.meeting_schedule(actor=task_force_user, scheduled_for=DAY)
    with CaptureQueriesContext(connection) as one:
        assert client.get("/alliance/meetings/").status_code == 200
    for days in range(1, 6):
        services.meeting_schedule(actor=task_force_user, scheduled_for=DAY + dt.timedelta(days))
    with CaptureQueriesContext(connection) as many:
        assert client.get("/alliance/meetings/").status_code == 200
    # The meetings with their counts (one query); the session/user are not read for anonymous.
    assert len(one) == len(many) == 1


def test_the_calendar_feed_lists_meetings_as_all_day_events(client, meeting):
    response = client.get("/alliance/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    feed = Calendar.from_ical(response.content)
    events = [e for e in feed.walk("VEVENT")]
    assert [str(e["summary"]) for e in events] == ["March meeting"]
    assert events[0].decoded("dtstart") == DAY
    assert str(events[0]["url"]).endswith(f"/alliance/meetings/{meeting.pk}/")
