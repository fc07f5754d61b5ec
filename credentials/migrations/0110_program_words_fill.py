"""Fill the typo vocabulary from the programs already loaded (data; the table is 0109)."""

from django.db import migrations

FILL = """
INSERT INTO credentials_programword (word)
SELECT DISTINCT word
FROM credentials_program, regexp_split_to_table(search_text, '[^a-z]+') AS word
WHERE length(word) BETWEEN 3 AND 60
ON CONFLICT DO NOTHING;
ANALYZE credentials_programword;
"""


class Migration(migrations.Migration):
    dependencies = [("credentials", "0109_program_words")]

    operations = [migrations.RunSQL(FILL, "DELETE FROM credentials_programword")]
