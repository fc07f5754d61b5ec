"""Credential Transparency Description Language (CTDL): the catalog out as JSON-LD and registry
records in. `terms` holds the vocabulary mapping both directions share."""
