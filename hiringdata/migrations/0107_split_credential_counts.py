"""Move the credential held out of the cells: sum the cells into both tables.

Forward: each submission's hires by (training pathway, credential) go to
HiringCredentialCount; the cells that differed only by credential become one cell of their
sum; cells_total counts the cells that are left. Backward (after 0108 is undone, which brings
the columns back empty): the cells get their member and year from their submission again;
their credential stays empty, because a six-dimension cell cannot say which credential its
hires held (the credential table that knew is dropped by undoing 0106).
"""

from django.db import migrations

FORWARD = [
    """
    INSERT INTO hiringdata_hiringcredentialcount (submission_id, training_pathway, credential_id,
                                                  hires)
    SELECT submission_id, training_pathway, credential_id, sum(hires)
      FROM hiringdata_hiringcount
     GROUP BY submission_id, training_pathway, credential_id
    """,
    # One cell per group of the six dimensions: the first row of each group keeps the sum...
    """
    CREATE TEMP TABLE hd_merge ON COMMIT DROP AS
    SELECT min(id) AS keep, sum(hires) AS hires
      FROM hiringdata_hiringcount
     GROUP BY submission_id, soc_code, job_category, race_ethnicity, sex, education,
              training_pathway
    """,
    # ... the others go first, so the kept rows' empty credential collides with none of them.
    "DELETE FROM hiringdata_hiringcount hc"
    " WHERE NOT EXISTS (SELECT 1 FROM hd_merge m WHERE m.keep = hc.id)",
    "UPDATE hiringdata_hiringcount hc SET hires = m.hires, credential_id = NULL"
    " FROM hd_merge m WHERE m.keep = hc.id",
    """
    UPDATE hiringdata_submission s SET cells_total = c.cells
      FROM (SELECT submission_id, count(*) AS cells FROM hiringdata_hiringcount
             GROUP BY submission_id) c
     WHERE c.submission_id = s.id AND s.cells_total IS NOT NULL
    """,
]

BACKWARD = [
    "UPDATE hiringdata_hiringcount hc SET member_id = s.member_id, year = s.year"
    " FROM hiringdata_submission s WHERE s.id = hc.submission_id",
]


class Migration(migrations.Migration):
    dependencies = [("hiringdata", "0106_hiringcredentialcount")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
