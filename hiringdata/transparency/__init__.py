"""The yearly transparency report: built from accepted hiring counts, protected, published.

inputs.py reads a year's counts (one GROUPING SETS query); tables.py defines and builds the
tables; suppression.py withholds and audits; services.py builds and publishes versions;
selectors.py reads published ones; presentation.py labels them for pages; exports.py writes
the CSV, JSON and PDF downloads; sections.py adds the Alliance's board and awards to the page.
"""
