"""Arabic numbers with Latin digits, as CLDR "ar" writes them in its Latin numbering system:
"5,250", "12.5" (Django's own uses a point between thousands and does not group). Dates stay
Django's."""

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
