"""Text helpers every app shares."""

import re
import unicodedata
from datetime import date

from django.utils import formats
from django.utils.translation import gettext_lazy


def folded(text: str) -> str:
    """Lower case without accents ("Título" -> "titulo"), for matching and dictionary order."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH_YEAR = re.compile(r"\b(" + "|".join(_MONTHS) + r") (\d{4})\b")
# The words a release name carries next to its dates, said in the page's language.
_RELEASE_WORDS = {
    "(BLS Employment Projections base year)": gettext_lazy(
        "(BLS Employment Projections base year)"
    ),
}


def release_label(text: str) -> str:
    """A data release's name as stored ("May 2024") in the page's language ("mayo de 2024").

    Months are written with the locale's month-and-year format; the stored text is English.
    """
    label = _MONTH_YEAR.sub(
        lambda m: formats.date_format(
            date(int(m.group(2)), _MONTHS.index(m.group(1)) + 1, 1), "YEAR_MONTH_FORMAT"
        ),
        text,
    )
    for english, words in _RELEASE_WORDS.items():
        label = label.replace(english, str(words))
    return label
