"""Data: hiring-data commitments already fulfilled by an accepted file are marked done.

Until now the Alliance's board read hiringdata_submission by SQL (a lower layer reading a higher
one); now the hiring-data app marks the commitment when it accepts a file. This carries the
existing accepted files over. Reversing leaves the marks (they stay true).
"""

from django.conf import settings
from django.db import migrations

MARK_SQL = """
UPDATE alliance_commitment c
SET status = 'data_submitted', done_on = first_file.filed_on
FROM (
    SELECT c2.id, MIN((s.created_at AT TIME ZONE %s)::date) AS filed_on
    FROM alliance_commitment c2
    JOIN hiringdata_submission s ON s.member_id = c2.member_id AND s.status = 'accepted'
    WHERE c2.kind = 'hiring_data' AND c2.status = 'on_track'
      AND (s.created_at AT TIME ZONE %s)::date >= c2.signed_on
    GROUP BY c2.id
) first_file
WHERE c.id = first_file.id
"""


def mark(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(MARK_SQL, [settings.TIME_ZONE, settings.TIME_ZONE])


class Migration(migrations.Migration):
    dependencies = [
        ("hiringdata", "0103_transparency_models_to_own_app"),
        ("alliance", "0005_decision_newest_first_ordering"),
    ]

    operations = [migrations.RunPython(mark, migrations.RunPython.noop)]
