"""Admin for counselor plans."""
