"""Forms of the providers' area and the task force's review: parse and bound; services decide."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from alliance.forms import UswdsMixin
from alliance.permissions import TASK_FORCE_GROUP
from credentials.models import Provider, ProviderKind
from pathways.models import EducationLevel, Occupation

from .models import ProgramSubmission, ReviewVoteChoice
from .services import SUBMISSION_FIELDS

CIP_RE = re.compile(r"\d{2}\.\d{4}")
CIP_HELP = _(
    "The CIP code of the field of study, like 11.0201 (colleges and state lists use it; "
    "look it up at nces.ed.gov/ipeds/cipcode)."
)


class ProviderInvitationForm(UswdsMixin, forms.Form):
    email = forms.EmailField(label=_("Email of the person to invite"), max_length=254)
    organisation = forms.CharField(label=_("Organization name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind of provider"), choices=ProviderKind.choices)
    occupation: forms.ModelChoiceField[Occupation] = forms.ModelChoiceField(
        label=_("Gap to fill: occupation (optional)"),
        queryset=Occupation.objects.none(),
        required=False,
        to_field_name="soc_code",
    )
    education_level = forms.ChoiceField(
        label=_("Gap to fill: people starting with (optional)"),
        choices=[("", _("Any education level")), *EducationLevel.choices],
        required=False,
    )
    message = forms.CharField(
        label=_("Message (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["occupation"].queryset = Occupation.objects.tech_family().order_by("title")  # type: ignore[attr-defined]


class SubmissionForm(UswdsMixin, forms.ModelForm):
    class Meta:
        model = ProgramSubmission
        fields = list(SUBMISSION_FIELDS)
        labels = {
            "name": _("Program name"),
            "description": _("What students learn (plain words)"),
            "occupation": _("The job it prepares for"),
            "cip_code": _("CIP code"),
            "starting_education": _("Education a student needs to start"),
            "credential_earned": _("Credential students earn (optional)"),
            "online": _("Online"),
            "city": _("City"),
            "state": _("State (2 letters)"),
            "zip_code": _("ZIP code where it is taught"),
            "duration_weeks": _("Length in weeks"),
            "clock_hours": _("Hours of instruction (optional)"),
            "total_cost_usd": _("Total cost before financial aid (US dollars)"),
            "website": _("Program web page (optional)"),
            "vocabulary": _("Outcome terms"),
            "period": _("Period the outcomes cover (for example: graduates of 2025)"),
            "enrolled": _("Students counted"),
            "graduated_on_time_pct": _("Graduated on time (%, CIRR)"),
            "employed_in_field_180_days_pct": _(
                "Employed in the field within 180 days of graduating (%, CIRR)"
            ),
            "median_starting_salary_usd": _("Median starting salary (US dollars a year, CIRR)"),
            "employment_rate_q2_pct": _("Employed in the 2nd quarter after exit (%, WIOA)"),
            "employment_rate_q4_pct": _("Employed in the 4th quarter after exit (%, WIOA)"),
            "median_earnings_q2_usd": _(
                "Median earnings in the 2nd quarter after exit (US dollars, WIOA)"
            ),
        }
        help_texts = {"cip_code": CIP_HELP}
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["occupation"].queryset = Occupation.objects.tech_family().order_by("title")  # type: ignore[attr-defined]
        self.fields["occupation"].to_field_name = "soc_code"  # type: ignore[attr-defined]
        # Two radios, CIRR and WIOA, without the model field's blank choice.
        vocabulary = self.fields["vocabulary"]
        vocabulary.choices = [c for c in vocabulary.choices if c[0]]  # type: ignore[attr-defined]
        vocabulary.widget = forms.RadioSelect(choices=vocabulary.choices)  # type: ignore[attr-defined]

    def clean_cip_code(self) -> str:
        code = self.cleaned_data["cip_code"].strip()
        if not CIP_RE.fullmatch(code):
            raise forms.ValidationError(_("Write the CIP code as two digits, a dot, four digits."))
        return code

    def clean_state(self) -> str:
        return self.cleaned_data["state"].strip().upper()


class ProviderChoiceForm(forms.Form):
    """Which provider a new submission is for, among the user's own."""

    provider = forms.ModelChoiceField(
        label=_("For"), queryset=Provider.objects.none(), to_field_name="slug"
    )

    def __init__(self, *args: Any, providers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = providers  # type: ignore[attr-defined]
        self.fields["provider"].widget.attrs["class"] = "usa-select"


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("Evidence file (PDF, PNG, JPEG, CSV or Excel)"))


def task_force_users() -> Any:
    return (
        get_user_model()
        .objects.filter(Q(is_staff=True) | Q(groups__name=TASK_FORCE_GROUP), is_active=True)
        .distinct()
        .order_by("email")
    )


class AssignForm(UswdsMixin, forms.Form):
    reviewer = forms.ModelChoiceField(
        label=_("Reviewer"), queryset=get_user_model().objects.none(), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = task_force_users()  # type: ignore[attr-defined]
        self.fields["reviewer"].label_from_instance = lambda u: u.get_full_name() or u.email  # type: ignore[attr-defined]


class CommentForm(UswdsMixin, forms.Form):
    body = forms.CharField(
        label=_("Comment"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    for_provider = forms.BooleanField(label=_("Show this comment to the provider"), required=False)


class VoteForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("Your vote"), choices=ReviewVoteChoice.choices, widget=forms.RadioSelect
    )


class DecisionForm(UswdsMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=ReviewVoteChoice.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Reason (the provider reads this)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    outcomes_verified = forms.BooleanField(
        label=_("We checked the outcome figures against the evidence files"), required=False
    )


class GapFilterForm(forms.Form):
    level = forms.ChoiceField(
        label=_("People starting with"),
        choices=EducationLevel.choices,
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["level"].widget.attrs["class"] = "usa-select"


class OutcomeVerifyForm(UswdsMixin, forms.Form):
    note = forms.CharField(
        label=_("What you checked the figures against (kept in the audit log)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
