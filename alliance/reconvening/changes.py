"""What changed in a member's hiring standard for one occupation since the year before, in words.

Field by field: the lists (credentials, portfolio items, interview questions, screening steps)
compare item by item, so the reader sees "Now accepts: …; no longer lists: …"; the degree rule is
one sentence; free text says it was rewritten and shows both versions.
"""

from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import StandardVersion

# The list fields: (field, label, what "added" is called, what "removed" is called).
LIST_FIELDS: tuple[tuple[str, Promise, Promise, Promise], ...] = (
    ("credentials", _("Credentials"), _("Now accepts"), _("No longer lists")),
    ("portfolio_items", _("Portfolio"), _("Now asks to see"), _("No longer asks to see")),
    ("interview_questions", _("Interview"), _("New questions"), _("Questions dropped")),
    ("screening_steps", _("Screening"), _("New steps"), _("Steps dropped")),
)
TEXT_FIELDS: tuple[tuple[str, Promise], ...] = (
    ("title", _("Title")),
    ("summary", _("Summary")),
    ("credentials_note", _("About credentials")),
)


@dataclass
class Change:
    """One field's change: items added and removed, or the text before and after."""

    label: Promise
    sentence: Promise | str = ""
    added_label: Promise | str = ""
    added: list[str] = field(default_factory=list)
    removed_label: Promise | str = ""
    removed: list[str] = field(default_factory=list)
    before: str = ""
    after: str = ""


def _items(value: object) -> list[str]:
    """One item per line (text fields) or per element (the credentials list), blanks dropped."""
    lines = value if isinstance(value, list) else str(value).splitlines()
    return [line.strip() for line in lines if str(line).strip()]


def standard_changes(*, old: StandardVersion, new: StandardVersion) -> list[Change]:
    """The changes from one year's version to a later one, in the order a reader scans them."""
    changes: list[Change] = []
    if old.degree_required != new.degree_required:
        changes.append(
            Change(
                label=_("Degree"),
                sentence=_("Now requires a four-year degree.")
                if new.degree_required
                else _("No longer requires a four-year degree."),
            )
        )
    for name, label, added_label, removed_label in LIST_FIELDS:
        before, after = _items(getattr(old, name)), _items(getattr(new, name))
        folded_before = {item.casefold() for item in before}
        folded_after = {item.casefold() for item in after}
        added = [item for item in after if item.casefold() not in folded_before]
        removed = [item for item in before if item.casefold() not in folded_after]
        if added or removed:
            changes.append(
                Change(
                    label=label,
                    added_label=added_label,
                    added=added,
                    removed_label=removed_label,
                    removed=removed,
                )
            )
    for name, label in TEXT_FIELDS:
        before_text, after_text = getattr(old, name).strip(), getattr(new, name).strip()
        if " ".join(before_text.split()) != " ".join(after_text.split()):
            changes.append(
                Change(label=label, sentence=_("Rewritten."), before=before_text, after=after_text)
            )
    return changes
