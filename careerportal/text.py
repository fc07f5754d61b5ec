"""Text helpers every app shares."""

import unicodedata


def folded(text: str) -> str:
    """Lower case without accents ("Título" -> "titulo"), for matching and dictionary order."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
