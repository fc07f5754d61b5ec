"""Forms of the member's reconvening page: they parse; the services decide and write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.forms import DATE, UswdsMixin
from alliance.models import Member
from careerportal.translations.authored import AuthorVersionsMixin, authored_initial
from credentials.programs.models import Program
from pathways.models import Occupation

from .models import MilestoneStatus, SpotlightKind


class RecommitmentForm(AuthorVersionsMixin, UswdsMixin, forms.Form):
    author_versions = ("statement",)
    statement = forms.CharField(
        label=_("What your organization recommits to (shown in public)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    signer_name = forms.CharField(label=_("Your full name"), max_length=200)
    signer_title = forms.CharField(label=_("Your job title"), max_length=200, required=False)
    confirm = forms.BooleanField(
        label=_("I may sign for my organization, and this will be shown in public.")
    )


class AccessPlanForm(AuthorVersionsMixin, UswdsMixin, forms.Form):
    author_versions = ("summary",)
    summary = forms.CharField(
        label=_("Your long-term plan for access (shown in public)"),
        help_text=_("Who you will open your doors to, and how, in a few plain sentences."),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class MilestoneForm(AuthorVersionsMixin, UswdsMixin, forms.Form):
    author_versions = ("title",)
    title = forms.CharField(label=_("Milestone"), max_length=300)
    due_on = forms.DateField(label=_("Due date"), widget=DATE)


class MilestoneUpdateForm(AuthorVersionsMixin, UswdsMixin, forms.Form):
    author_versions = ("note",)
    status = forms.ChoiceField(label=_("Status"), choices=MilestoneStatus.choices)
    note = forms.CharField(label=_("What happened (shown in public, dated today)"), max_length=1000)


class NeedForm(AuthorVersionsMixin, UswdsMixin, forms.Form):
    author_versions = ("role", "skills")
    role = forms.CharField(label=_("Role you hire for"), max_length=200)
    occupation: forms.ModelChoiceField[Occupation] = forms.ModelChoiceField(
        label=_("Occupation (optional)"),
        queryset=Occupation.objects.filter(in_tech_family=True).order_by("title"),
        required=False,
        to_field_name="soc_code",
    )
    skills = forms.CharField(
        label=_("Skills you need (one per line)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    people = forms.IntegerField(label=_("How many people"), min_value=1, max_value=100000)
    needed_by = forms.DateField(label=_("Needed by"), widget=DATE)


# What a need is made of (the form adds each language's version of the role and skills).
NEED_FIELDS = ("role", "occupation", "skills", "people", "needed_by")


class NeedAnswerForm(AuthorVersionsMixin, UswdsMixin, forms.Form):
    author_versions = ("message",)
    program = forms.ModelChoiceField(label=_("Your program"), queryset=Program.objects.none())
    message = forms.CharField(
        label=_("Message to the member (optional, shown in public)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, programs: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only the programs of the providers this person acts for: another provider's id is
        # not a valid choice.
        self.fields["program"].queryset = programs  # type: ignore[attr-defined]


FIGURE_ROWS = 3


class SpotlightForm(AuthorVersionsMixin, UswdsMixin, forms.Form):
    """A spotlight with up to three figures, each with its source and date (the first required)."""

    author_versions = ("title", "body")

    kind = forms.ChoiceField(label=_("Kind"), choices=SpotlightKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Story"), max_length=6000, widget=forms.Textarea(attrs={"rows": 6})
    )
    member: forms.ModelChoiceField[Member] = forms.ModelChoiceField(
        label=_("Member (for a member story)"),
        queryset=Member.objects.order_by("name"),
        required=False,
        to_field_name="slug",
    )
    program = forms.ModelChoiceField(
        label=_("Program (for a promising program)"),
        queryset=Program.objects.select_related("provider").order_by("name"),
        required=False,
    )
    picture = forms.ImageField(label=_("Picture (optional)"), required=False)
    picture_alt = forms.CharField(
        label=_("What the picture shows (for people who cannot see it)"),
        max_length=300,
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for i in range(1, FIGURE_ROWS + 1):
            required = i == 1
            self.fields[f"figure{i}_label"] = forms.CharField(
                label=_("Figure %(n)s: what it counts") % {"n": i},
                max_length=200,
                required=required,
            )
            self.fields[f"figure{i}_value"] = forms.CharField(
                label=_("Figure %(n)s: value") % {"n": i}, max_length=60, required=required
            )
            self.fields[f"figure{i}_source"] = forms.CharField(
                label=_("Figure %(n)s: source") % {"n": i}, max_length=300, required=required
            )
            self.fields[f"figure{i}_source_url"] = forms.URLField(
                label=_("Figure %(n)s: source link (optional)") % {"n": i}, required=False
            )
            self.fields[f"figure{i}_as_of"] = forms.DateField(
                label=_("Figure %(n)s: as of") % {"n": i}, widget=DATE, required=required
            )
        for field in self.fields.values():
            if not isinstance(field.widget, forms.CheckboxInput | forms.ClearableFileInput):
                field.widget.attrs.setdefault("class", "usa-input")

    def figures(self) -> list[dict[str, Any]]:
        """The filled figure rows (a row with a label needs its value, source and date)."""
        rows = []
        for i in range(1, FIGURE_ROWS + 1):
            row = {
                key: self.cleaned_data.get(f"figure{i}_{key}")
                for key in ("label", "value", "source", "source_url", "as_of")
            }
            if row["label"]:
                if not (row["value"] and row["source"] and row["as_of"]):
                    self.add_error(
                        f"figure{i}_source", _("A figure needs its value, source and date.")
                    )
                    continue
                rows.append({**row, "source_url": row["source_url"] or ""})
        return rows


class SpotlightEditForm(SpotlightForm):
    """Edit a spotlight's text, figures and picture; its kind and subject stay as chosen."""

    remove_picture = forms.BooleanField(label=_("Remove the picture"), required=False)

    def __init__(self, *args: Any, spotlight: Any, **kwargs: Any) -> None:
        figures = list(spotlight.figures.all())
        initial: dict[str, Any] = {
            **authored_initial(spotlight, ("title", "body")),
            "picture_alt": spotlight.picture_alt,
        }
        for i, figure in enumerate(figures[:FIGURE_ROWS], start=1):
            for key in ("label", "value", "source", "source_url", "as_of"):
                initial[f"figure{i}_{key}"] = getattr(figure, key)
        super().__init__(*args, initial=initial, **kwargs)
        for name in ("kind", "member", "program"):
            del self.fields[name]
        if not spotlight.picture:
            del self.fields["remove_picture"]


class SpotlightWithdrawForm(UswdsMixin, forms.Form):
    reason = forms.CharField(
        label=_("Why it is withdrawn (kept in the audit log)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "class": "usa-textarea"}),
    )


class AwardDecisionForm(UswdsMixin, forms.Form):
    """The task force's word on one award: the winner (the computed one unless it says
    otherwise) and the reason, which is published."""

    member: forms.ModelChoiceField[Member] = forms.ModelChoiceField(
        label=_("Winner"),
        queryset=Member.objects.order_by("name"),
        to_field_name="slug",
        widget=forms.Select(attrs={"class": "usa-select"}),
    )
    reason = forms.CharField(
        label=_("Reason (published beside the result)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "class": "usa-textarea"}),
    )
