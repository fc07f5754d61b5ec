"""Admin for transparency reports."""
