"""Tagalog (Filipino) formats, which Django does not carry: as written in the Philippines
(CLDR "fil": "Disyembre 1, 2026", 1,234.5)."""

DATE_FORMAT = "F j, Y"
TIME_FORMAT = "g:i A"
DATETIME_FORMAT = "F j, Y g:i A"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "F j"
SHORT_DATE_FORMAT = "n/j/Y"
SHORT_DATETIME_FORMAT = "n/j/Y g:i A"
FIRST_DAY_OF_WEEK = 0
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
