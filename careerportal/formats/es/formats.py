"""Spanish as written in the United States (CLDR es-US), where the portal's Spanish readers live:
a comma between thousands and a point before decimals ("$5,250", "12.5 %"), as the prices and
wages they see elsewhere. Dates stay Django's Spanish ("1 de diciembre de 2026")."""

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
