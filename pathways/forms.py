"""The funding screener's questions."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import US_STATES, EducationLevel, EmploymentStatus, IncomeBand

# Census state FIPS codes (the first two digits of a ZCTA's county) to postal codes.
STATE_BY_FIPS = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT",
    "10": "DE", "11": "DC", "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL",
    "18": "IN", "19": "IA", "20": "KS", "21": "KY", "22": "LA", "23": "ME", "24": "MD",
    "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT", "31": "NE",
    "32": "NV", "33": "NH", "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND",
    "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD",
    "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA", "54": "WV",
    "55": "WI", "56": "WY", "60": "AS", "66": "GU", "69": "MP", "72": "PR", "78": "VI",
}  # fmt: skip

GRADUATE = "graduate"
SCREENER_EDUCATION = [*EducationLevel.choices, (GRADUATE, _("Graduate degree"))]
YES_NO = [("no", _("No")), ("yes", _("Yes"))]


class FundingScreenerForm(forms.Form):
    """A few plain questions; every answer is checked against a fixed list or range."""

    zip = forms.RegexField(
        label=_("Your ZIP code (or choose your state below)"),
        regex=r"^\d{5}$",
        required=False,
        error_messages={"invalid": _("Enter a 5-digit ZIP code.")},
    )
    state = forms.ChoiceField(
        label=_("Which state do you live in?"),
        choices=[("", _("Choose a state")), *((s, s) for s in US_STATES)],
        required=False,
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

    def clean(self) -> dict[str, Any]:
        """The state from the ZIP (its Census ZCTA's county) when the state is not chosen."""
        from .publicdata.models import Zcta

        data = super().clean() or {}
        if data.get("state"):
            return data
        code = data.get("zip")
        if not code:
            if "zip" not in self.errors:
                self.add_error("state", _("Choose your state, or give your ZIP code."))
            return data
        place = Zcta.objects.filter(code=code).values_list("county_fips", flat=True).first()
        state = STATE_BY_FIPS.get((place or "")[:2])
        if state is None:
            self.add_error("zip", _("We do not know this ZIP code: choose your state instead."))
        else:
            data["state"] = state
        return data

    def answers(self) -> dict[str, object]:
        data = dict(self.cleaned_data)
        data.pop("zip", None)
        data["veteran"] = data["veteran"] == "yes"
        return data
