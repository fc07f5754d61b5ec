"""Forms of the Alliance pages: they parse and bound input; services decide and write."""

from __future__ import annotations

from typing import cast

from django import forms
from django.contrib.auth import password_validation
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from credentials.models import Credential
from pathways.models import Occupation

from .models import (
    CertificationStatus,
    CertificationVoteChoice,
    CommitmentKind,
    HiringStandard,
    MembershipRole,
    RecognitionKind,
)
from .services import HIRING_STANDARD_FIELDS, HIRING_STANDARD_TEXT_FIELDS

DATE = forms.DateInput(attrs={"type": "date", "class": "usa-input"})


class UswdsMixin:
    """Give inputs the USWDS classes, so templates can render fields plainly."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        for field in self.fields.values():  # type: ignore[attr-defined]
            widget = field.widget
            if isinstance(widget, forms.RadioSelect | forms.CheckboxInput):
                continue
            css_by_widget: dict[type, str] = {
                forms.Select: "usa-select",
                forms.Textarea: "usa-textarea",
            }
            css = css_by_widget.get(type(widget), "usa-input")
            widget.attrs.setdefault("class", css)


class CommitmentSignForm(UswdsMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Commitment"), choices=CommitmentKind.choices)
    deadline = forms.DateField(label=_("Deadline"), widget=DATE)
    signer_name = forms.CharField(label=_("Your full name"), max_length=200)
    signer_title = forms.CharField(label=_("Your job title"), max_length=200, required=False)
    note = forms.CharField(
        label=_("Note (optional, shown in public)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    confirm = forms.BooleanField(
        label=_("I may sign for my organization, and this will be shown in public.")
    )


class RecognitionForm(UswdsMixin, forms.Form):
    credential = forms.ModelChoiceField(
        label=_("Credential"),
        queryset=Credential.objects.published(),
        to_field_name="slug",
        error_messages={"invalid_choice": _("Choose a credential from the list.")},
    )
    kind = forms.ChoiceField(
        label=_("What is true for your organization?"),
        choices=RecognitionKind.choices,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        # Any published credential is accepted; the menu lists the real catalog, not scale data.
        listed = Credential.objects.published().filter(is_synthetic=False).order_by("name")[:500]
        self.fields["credential"].widget.choices = [("", _("Choose a credential"))] + [
            (c.slug, c.name) for c in listed
        ]


class HiringStandardForm(UswdsMixin, forms.ModelForm):
    occupation: forms.ModelChoiceField[Occupation] = forms.ModelChoiceField(
        label=_("Job (occupation)"), queryset=Occupation.objects.order_by("title")
    )

    class Meta:
        model = HiringStandard
        fields = list(HIRING_STANDARD_FIELDS)
        labels = {
            "title": _("Title"),
            "summary": _("In a few sentences: what you look for"),
            "credentials_note": _("Credentials you value (one per line)"),
            "portfolio_items": _("Work samples you like to see (one per line)"),
            "interview_questions": _(
                "Interview question types, each with an example (one per line, 'Type: example')"
            ),
            "screening_steps": _("Screening steps, in order (one per line)"),
            "degree_required": _("A college degree is required"),
        }
        widgets = {
            name: forms.Textarea(attrs={"rows": 4})
            for name in HIRING_STANDARD_TEXT_FIELDS
            if name != "title"
        }


class InvitationForm(UswdsMixin, forms.Form):
    email = forms.EmailField(label=_("Email address"), max_length=254)
    role = forms.ChoiceField(label=_("Role"), choices=MembershipRole.choices)


class SetPasswordForm(UswdsMixin, forms.Form):
    password1 = forms.CharField(
        label=_("New password"),
        strip=False,
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("New password again"),
        strip=False,
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str = "", **kwargs) -> None:  # type: ignore[no-untyped-def]
        self.email = email
        super().__init__(*args, **kwargs)

    def clean(self):  # type: ignore[no-untyped-def]
        cleaned = super().clean() or {}
        one, two = cleaned.get("password1"), cleaned.get("password2")
        if one and two and one != two:
            self.add_error("password2", _("The two passwords do not match."))
        elif one:
            from django.contrib.auth import get_user_model

            probe = get_user_model()(username=self.email, email=self.email)
            try:
                password_validation.validate_password(one, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class CertificationDecisionForm(UswdsMixin, forms.Form):
    status = forms.ChoiceField(label=_("Next step"), choices=[])
    rationale = forms.CharField(
        label=_("Why (published)"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    decided_on = forms.DateField(label=_("Decided on"), widget=DATE, initial=timezone.localdate)
    effective_on = forms.DateField(label=_("Effective from"), widget=DATE, required=False)
    expires_on = forms.DateField(label=_("Expires on"), widget=DATE, required=False)
    next_review_on = forms.DateField(label=_("Next review on"), widget=DATE, required=False)

    def __init__(self, *args, allowed: set[str], **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["status"]).choices = [
            (value, label) for value, label in CertificationStatus.choices if value in allowed
        ]


class CertificationVoteForm(UswdsMixin, forms.Form):
    choice = forms.ChoiceField(
        label=_("Your vote"), choices=CertificationVoteChoice.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(label=_("Comment"), max_length=1000, required=False)


class StandardReviewForm(UswdsMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve and publish")), ("return", _("Return to the member"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note to the member"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RoleChoiceField(forms.ModelChoiceField):
    """Occupations by title alone: owners know job titles, not SOC codes."""

    def label_from_instance(self, obj: Occupation) -> str:
        return obj.title


class EmployerRoleForm(UswdsMixin, forms.Form):
    occupation = RoleChoiceField(
        label=_("Which role are you hiring for?"),
        queryset=Occupation.objects.order_by("title"),
        to_field_name="soc_code",
        empty_label=_("Choose a role"),
        error_messages={"invalid_choice": _("We do not know that role. Choose one from the list.")},
    )
