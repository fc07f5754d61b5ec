"""The task force holds a meeting in the browser; the public reads the minutes and the job list."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group

from alliance.permissions import TASK_FORCE_GROUP
from alliance.taskforce import services
from tests.alliance.factories import OccupationFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery"


def test_a_meeting_from_attendance_to_published_minutes(page, axe_check):
    person = UserFactory(username="tess", first_name="Tess", last_name="Force")
    person.set_password(PASSWORD)
    person.save()
    person.groups.add(Group.objects.get_or_create(name=TASK_FORCE_GROUP)[0])
    OccupationFactory(soc_code="15-1212", title="Information Security Analysts")
    meeting = services.meeting_schedule(
        actor=person, scheduled_for=dt.date.today(), title="Today's meeting"
    )
    page.goto(f"/accounts/login/?next=/alliance/meetings/{meeting.pk}/")
    page.fill("#id_username", "tess")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"**/alliance/meetings/{meeting.pk}/")
    axe_check(page)
    page.click(f"label[for=present-{person.pk}]")
    page.click("text=Save attendance")
    page.fill("#id_entries", "15-1212, most openings in the tech family")
    page.click("text=Decide this list")
    page.fill("#id_minutes", "We decided the first job list.")
    page.click("text=Save the draft")
    page.click("text=Approve and publish the minutes")
    assert page.locator("main").get_by_text("We decided the first job list.").is_visible()
    axe_check(page)
    page.goto("/alliance/high-demand-jobs/")
    assert page.get_by_role("link", name="Information Security Analysts").is_visible()
    axe_check(page)
