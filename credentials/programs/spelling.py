"""Misspelt search words corrected to words the programs use ("securty" -> "security")."""

from django.db import connection

# Shorter words are left as typed: "it", "aws" and "sql" have too many look-alikes.
MIN_CORRECTED_LENGTH = 4

# Least similar a correction may be (pg_trgm's default threshold for `%`).
MIN_SIMILARITY = 0.3

# One query for every word. A word the vocabulary holds is kept; any other takes the nearest
# vocabulary word by trigrams (GiST index order) when similar enough, or is kept as typed.
_CORRECT_SQL = """
SELECT coalesce(
  (SELECT w.word FROM credentials_programword w WHERE w.word = q.word),
  CASE WHEN length(q.word) >= %s THEN
    (SELECT n.word FROM (SELECT w.word, w.word <-> q.word AS distance
                         FROM credentials_programword w ORDER BY w.word <-> q.word LIMIT 1) n
     WHERE n.distance <= 1 - %s)
  END,
  q.word)
FROM unnest(%s::text[]) WITH ORDINALITY AS q(word, position)
ORDER BY q.position
"""


def words_correct(words: list[str]) -> list[str]:
    """Return the words with each misspelt one replaced by the closest word programs use."""
    if not words:
        return []
    with connection.cursor() as cursor:
        cursor.execute(_CORRECT_SQL, [MIN_CORRECTED_LENGTH, MIN_SIMILARITY, words])
        return [row[0] for row in cursor.fetchall()]
