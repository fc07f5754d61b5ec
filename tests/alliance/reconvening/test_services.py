"""Recommitments, plans and milestones: who may write them, and the audit of each write; the
yearly versions written when the task force approves a standard."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from alliance import services as alliance_services
from alliance.models import AuditEntry, HiringStandardStatus
from alliance.reconvening import services
from alliance.reconvening.models import MilestoneStatus, StandardVersion

from ..factories import HiringStandardFactory
from .factories import AccessPlanFactory, ConveningFactory, MilestoneFactory

pytestmark = pytest.mark.django_db


def test_admin_recommits_once_and_it_is_audited(admin_user, member):
    convening = ConveningFactory()
    recommitment = services.recommitment_sign(
        actor=admin_user,
        member=member,
        convening=convening,
        statement=" We keep going. ",
        signer_name="Ana Admin",
    )
    assert recommitment.statement == "We keep going."
    assert recommitment.signed_on == timezone.localdate()
    entry = AuditEntry.objects.get(action="recommitment.sign")
    assert (entry.actor, entry.member, entry.after["year"]) == (admin_user, member, 2026)
    with pytest.raises(ValidationError):
        services.recommitment_sign(
            actor=admin_user, member=member, convening=convening, statement="x", signer_name="y"
        )


@pytest.mark.parametrize("who", ["viewer_user", "other_admin"])
def test_only_the_members_admin_may_recommit(request, member, who):
    with pytest.raises(PermissionDenied):
        services.recommitment_sign(
            actor=request.getfixturevalue(who),
            member=member,
            convening=ConveningFactory(),
            statement="x",
            signer_name="y",
        )


def test_plan_is_written_then_updated_with_before_and_after(admin_user, member):
    convening = ConveningFactory()
    services.access_plan_save(actor=admin_user, member=member, convening=convening, summary="A")
    plan = services.access_plan_save(
        actor=admin_user, member=member, convening=convening, summary="B"
    )
    assert plan.summary == "B"
    last = AuditEntry.objects.filter(action="access_plan.save").first()
    assert (last.before, last.after["summary"]) == ({"summary": "A"}, "B")


def test_other_members_admin_cannot_touch_a_plan_or_its_milestones(other_admin, member):
    plan = AccessPlanFactory(member=member)
    milestone = MilestoneFactory(plan=plan)
    with pytest.raises(PermissionDenied):
        services.access_plan_save(
            actor=other_admin, member=member, convening=plan.convening, summary="Mine now"
        )
    with pytest.raises(PermissionDenied):
        services.milestone_add(actor=other_admin, plan=plan, title="x", due_on=date(2027, 1, 1))
    with pytest.raises(PermissionDenied):
        services.milestone_update(
            actor=other_admin, milestone=milestone, status=MilestoneStatus.DONE, note="x"
        )


def test_milestone_update_needs_a_note_and_dates_it(admin_user, member):
    milestone = MilestoneFactory(plan=AccessPlanFactory(member=member), updated_on=date(2026, 1, 1))
    with pytest.raises(ValidationError):
        services.milestone_update(
            actor=admin_user, milestone=milestone, status=MilestoneStatus.DONE, note=" "
        )
    services.milestone_update(
        actor=admin_user, milestone=milestone, status=MilestoneStatus.DONE, note="Hired two."
    )
    milestone.refresh_from_db()
    assert (milestone.status, milestone.note) == ("done", "Hired two.")
    assert milestone.updated_on == timezone.localdate()
    entry = AuditEntry.objects.get(action="milestone.update")
    assert (entry.before["status"], entry.after["status"]) == ("planned", "done")


def test_approval_keeps_the_years_version_and_a_reapproval_replaces_it(
    task_force_user, member, occupation, credential
):
    standard = HiringStandardFactory(
        member=member, occupation=occupation, status=HiringStandardStatus.SUBMITTED
    )
    standard.credentials_valued.set([credential])
    alliance_services.hiring_standard_review(actor=task_force_user, standard=standard, approve=True)
    version = StandardVersion.objects.get()
    assert (version.year, version.credentials) == (timezone.localdate().year, ["CompTIA A+"])
    assert AuditEntry.objects.filter(action="standard.version").count() == 1

    standard.status = HiringStandardStatus.SUBMITTED
    standard.screening_steps = "Hands-on task"
    standard.save()
    alliance_services.hiring_standard_review(actor=task_force_user, standard=standard, approve=True)
    version = StandardVersion.objects.get()
    assert version.screening_steps == "Hands-on task"
    assert AuditEntry.objects.filter(action="standard.version_replace").count() == 1


def test_returning_a_standard_keeps_no_version(task_force_user, member, occupation):
    standard = HiringStandardFactory(
        member=member, occupation=occupation, status=HiringStandardStatus.SUBMITTED
    )
    alliance_services.hiring_standard_review(
        actor=task_force_user, standard=standard, approve=False, note="Shorter, please."
    )
    assert not StandardVersion.objects.exists()
