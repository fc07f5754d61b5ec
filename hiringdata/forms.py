"""The upload form of the member portal."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.models import Member


def reporting_years() -> list[tuple[int, int]]:
    """The last year first (the usual one to report), then the year before, then this year."""
    this_year = timezone.localdate().year
    return [(year, year) for year in (this_year - 1, this_year - 2, this_year - 3, this_year)]


class UploadForm(forms.Form):
    member: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Organization"), queryset=Member.objects.none(), empty_label=None
    )
    year = forms.TypedChoiceField(label=_("Reporting year"), coerce=int, choices=reporting_years)
    file = forms.FileField(
        label=_("Hiring-data file (CSV or Excel .xlsx)"),
        # The browser's own file picker, not USWDS's: that one writes fixed English text
        # ("Drag file here or choose from folder") on Spanish pages too.
        widget=forms.ClearableFileInput(
            attrs={"accept": ".csv,.xlsx", "class": "display-block margin-top-1 maxw-full"}
        ),
    )

    def __init__(self, *args, members=None, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        member_field = self.fields["member"]
        assert isinstance(member_field, forms.ModelChoiceField)
        member_field.queryset = members if members is not None else Member.objects.none()
        self.fields["member"].widget.attrs["class"] = "usa-select"
        self.fields["year"].widget.attrs["class"] = "usa-select"
