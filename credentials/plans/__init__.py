"""Counselor plans: careers and credentials collected behind an unguessable link."""
