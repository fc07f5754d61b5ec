"""The funding screener's questions."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import US_STATES, EducationLevel, EmploymentStatus, IncomeBand

GRADUATE = "graduate"
SCREENER_EDUCATION = [*EducationLevel.choices, (GRADUATE, _("Graduate degree"))]
YES_NO = [("no", _("No")), ("yes", _("Yes"))]


class FundingScreenerForm(forms.Form):
    """A few plain questions; every answer is checked against a fixed list or range."""

    state = forms.ChoiceField(
        label=_("Which state do you live in?"),
        choices=[("", _("Choose a state")), *((s, s) for s in US_STATES)],
    )
    age = forms.IntegerField(label=_("How old are you?"), min_value=14, max_value=120)
    veteran = forms.ChoiceField(
        label=_("Did you serve in the U.S. military (veteran)?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
    )
    income = forms.ChoiceField(
        label=_("What is your household income?"),
        choices=IncomeBand.choices,
        widget=forms.RadioSelect,
    )
    employment = forms.ChoiceField(
        label=_("Are you working now?"), choices=EmploymentStatus.choices, widget=forms.RadioSelect
    )
    education = forms.ChoiceField(
        label=_("What is the highest education you finished?"), choices=SCREENER_EDUCATION
    )

    @classmethod
    def from_query(cls, query: Any) -> "FundingScreenerForm":
        """Bound only when the query answers at least one question (other parameters, such as
        ?credential=, leave it unbound so nothing is flagged as missing)."""
        if any(query.get(name) for name in cls.base_fields):
            return cls(query)
        return cls()

    def answers(self) -> dict[str, object]:
        data = dict(self.cleaned_data)
        data["veteran"] = data["veteran"] == "yes"
        return data
