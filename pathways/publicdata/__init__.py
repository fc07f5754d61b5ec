"""Public data: importers for the publishers' files, the record of every load, places."""
