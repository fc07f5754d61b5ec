"""Forms of the member's reconvening page: they parse; the services decide and write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.forms import DATE, UswdsMixin

from .models import MilestoneStatus


class RecommitmentForm(UswdsMixin, forms.Form):
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


class AccessPlanForm(UswdsMixin, forms.Form):
    summary = forms.CharField(
        label=_("Your long-term plan for access (shown in public)"),
        help_text=_("Who you will open your doors to, and how, in a few plain sentences."),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class MilestoneForm(UswdsMixin, forms.Form):
    title = forms.CharField(label=_("Milestone"), max_length=300)
    due_on = forms.DateField(label=_("Due date"), widget=DATE)


class MilestoneUpdateForm(UswdsMixin, forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=MilestoneStatus.choices)
    note = forms.CharField(label=_("What happened (shown in public, dated today)"), max_length=1000)
