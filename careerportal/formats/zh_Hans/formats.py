"""Simplified Chinese numbers as CLDR "zh" writes them: groups of three with commas ("5,250");
Django's own groups by four with no separator. Dates stay Django's ("2026年12月1日")."""

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
