"""Short videos with captions and a transcript, for occupation and credential pages."""
