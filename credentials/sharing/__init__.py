"""Sharing the catalog with other sites: schema.org JSON-LD, share links and cards, embeddable
widgets and oEmbed. Nothing here loads a third-party script or sets a cookie."""
