"""Training programs: a provider's offering at a place or online (ETPL, Scorecard), their search,
pages and importers."""
