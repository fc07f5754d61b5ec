"""Copy the reminders already sent from the task force's and the reconvening's tables into the
one table, keys and dates as they were, so no reminder goes out a second time.

The keys cannot collide: the task force's start "meeting-" or "review-", the reconvening's
"commitment-" or "milestone-"; ON CONFLICT keeps the first row should one ever repeat.
Backwards, each row goes back to the table its key's kind came from.
"""

from django.db import migrations

FORWARD = """
INSERT INTO alliance_remindersent (key, recipients, sent_at)
SELECT key, recipients, sent_at FROM alliance_taskforce_remindersent
ON CONFLICT (key) DO NOTHING;
INSERT INTO alliance_remindersent (key, recipients, sent_at)
SELECT key, recipients, sent_at FROM alliance_reconvening_remindersent
ON CONFLICT (key) DO NOTHING;
"""

BACKWARD = """
INSERT INTO alliance_taskforce_remindersent (key, recipients, sent_at)
SELECT key, recipients, sent_at FROM alliance_remindersent
WHERE key LIKE 'meeting-%' OR key LIKE 'review-%'
ON CONFLICT (key) DO NOTHING;
INSERT INTO alliance_reconvening_remindersent (key, recipients, sent_at)
SELECT key, recipients, sent_at FROM alliance_remindersent
WHERE NOT (key LIKE 'meeting-%' OR key LIKE 'review-%')
ON CONFLICT (key) DO NOTHING;
DELETE FROM alliance_remindersent;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("alliance", "0008_reminder_sent_one_table_for_the_alliance"),
        ("taskforce", "0001_meetings_decisions_high_demand_list"),
        ("reconvening", "0003_reminder_sent_keys"),
    ]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
