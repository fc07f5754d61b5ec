"""Vietnamese numbers as CLDR "vi" writes them: "5.250", "12,5"; Django's own does not group.
Dates stay Django's."""

DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
