"""Numbers and money as the page's language writes them: one place for every page and helper.

Separators come from Django's formats for the active language (careerportal/formats/ overrides
some of them, see there). Money is US dollars everywhere: "$" then the amount in the language's
number style ("$5,250" in English and Spanish, "$5.250" in Vietnamese), whole dollars unless
asked, so one page never mixes "$124 910" with "$5,250".
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format


def amount(value: Decimal | int | float | str, *, decimals: int = 0) -> str:
    """A number grouped and with the decimal mark of the page's language."""
    exponent = Decimal(1).scaleb(-decimals)
    rounded = Decimal(str(value)).quantize(exponent, rounding=ROUND_HALF_UP)
    return number_format(rounded, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def usd(value: Decimal | int | float | str, *, decimals: int = 0) -> str:
    """US dollars: "$5,250" (or "$5.250", ...), the amount as `amount` writes it."""
    return f"${amount(value, decimals=decimals)}"
