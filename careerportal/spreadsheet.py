"""Cells of CSV files we hand out, made safe to open in a spreadsheet (every app uses this)."""

# A cell starting with one of these would run as a formula in a spreadsheet (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell_neutralise(value: object) -> str:
    """Text that looks like a formula gets a leading apostrophe, so it stays text."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text
