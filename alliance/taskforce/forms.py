from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DecisionKind


class ScheduleForm(forms.Form):
    scheduled_for = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    place = forms.CharField(label=_("Place or link"), max_length=200, required=False)


class MinutesForm(forms.Form):
    minutes = forms.CharField(label=_("Minutes"), widget=forms.Textarea(attrs={"rows": 8}))


class DecisionForm(forms.Form):
    """A decision with no link ("other"); linked ones are recorded where they are taken."""

    summary = forms.CharField(
        label=_("What was decided"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[
            (DecisionKind.OTHER, DecisionKind.OTHER.label),
            (DecisionKind.CERTIFICATION, DecisionKind.CERTIFICATION.label),
            (DecisionKind.HIRING_STANDARD, DecisionKind.HIRING_STANDARD.label),
        ],
    )
    link = forms.IntegerField(
        label=_("Number of the certification decision or hiring standard it decided"),
        required=False,
        min_value=1,
        help_text=_("Leave empty for a decision of another kind."),
    )


class HighDemandForm(forms.Form):
    entries = forms.CharField(
        label=_("Jobs on the list, one a line: SOC code, then a reason"),
        help_text=_("For example: 15-1212, 16,800 openings a year (BLS projections 2024-34)"),
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=2000)

    def clean_entries(self) -> dict[str, str]:
        parsed: dict[str, str] = {}
        for number, line in enumerate(self.cleaned_data["entries"].splitlines(), start=1):
            if not line.strip():
                continue
            code, _sep, reason = line.partition(",")
            code, reason = code.strip(), reason.strip()
            if not reason:
                raise forms.ValidationError(
                    _("Line %(line)s: give a reason after the SOC code and a comma."),
                    params={"line": number},
                )
            if code in parsed:
                raise forms.ValidationError(
                    _("Line %(line)s: %(code)s is on the list twice."),
                    params={"line": number, "code": code},
                )
            parsed[code] = reason
        if not parsed:
            raise forms.ValidationError(_("The list needs at least one job."))
        return parsed
