"""The readable diff between two yearly versions of a hiring standard."""

from alliance.reconvening.changes import standard_changes
from alliance.reconvening.models import StandardVersion


def version(**fields):  # type: ignore[no-untyped-def]
    base = {
        "title": "Help desk",
        "summary": "Calm fixers.",
        "credentials": ["CompTIA A+"],
        "portfolio_items": "",
        "interview_questions": "Why IT?",
        "screening_steps": "Phone call\nInterview",
        "degree_required": True,
    }
    return StandardVersion(**(base | fields))


def test_no_change_gives_no_lines():
    assert standard_changes(old=version(), new=version(summary="  Calm   fixers. ")) == []


def test_degree_dropped_is_one_sentence():
    [change] = standard_changes(old=version(), new=version(degree_required=False))
    assert str(change.sentence) == "No longer requires a four-year degree."


def test_lists_compare_item_by_item_ignoring_case():
    [change] = standard_changes(
        old=version(credentials=["CompTIA A+", "Old Cert"]),
        new=version(credentials=["comptia a+", "Google IT Support"]),
    )
    assert str(change.added_label) == "Now accepts"
    assert change.added == ["Google IT Support"]
    assert str(change.removed_label) == "No longer lists"
    assert change.removed == ["Old Cert"]


def test_new_screening_step_is_named():
    [change] = standard_changes(
        old=version(), new=version(screening_steps="Phone call\nHands-on task\nInterview")
    )
    assert str(change.label) == "Screening"
    assert change.added == ["Hands-on task"] and change.removed == []


def test_rewritten_summary_shows_both_texts():
    [change] = standard_changes(old=version(), new=version(summary="Curious people."))
    assert (change.before, change.after) == ("Calm fixers.", "Curious people.")
