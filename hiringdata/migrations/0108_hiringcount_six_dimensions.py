import django.contrib.postgres.indexes
import django.db.models.deletion
from django.db import migrations, models

# The cells' link to their submission, checked once per statement instead of once per row
# (models.HiringCount says why): what a foreign key would refuse, these refuse too.
CELLS_HAVE_SUBMISSION = """
CREATE FUNCTION hiringdata_cells_have_submission() RETURNS trigger AS $$
BEGIN
    -- Lock the submissions as a foreign key would, so none is deleted under these cells.
    PERFORM 1 FROM hiringdata_submission s
      WHERE s.id IN (SELECT DISTINCT submission_id FROM new_cells) FOR KEY SHARE OF s;
    IF EXISTS (SELECT 1 FROM new_cells n WHERE NOT EXISTS
               (SELECT 1 FROM hiringdata_submission s WHERE s.id = n.submission_id)) THEN
        RAISE EXCEPTION 'hiring cells name a submission that does not exist'
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER hiringcount_submission_exists_insert
    AFTER INSERT ON hiringdata_hiringcount REFERENCING NEW TABLE AS new_cells
    FOR EACH STATEMENT EXECUTE FUNCTION hiringdata_cells_have_submission();
CREATE TRIGGER hiringcount_submission_exists_update
    AFTER UPDATE ON hiringdata_hiringcount REFERENCING NEW TABLE AS new_cells
    FOR EACH STATEMENT EXECUTE FUNCTION hiringdata_cells_have_submission();

CREATE FUNCTION hiringdata_submission_without_cells() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM hiringdata_hiringcount c
               WHERE c.submission_id IN (SELECT id FROM gone_submissions)) THEN
        RAISE EXCEPTION 'a submission with hiring cells cannot be deleted before its cells'
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER hiringdata_submission_cells_first
    AFTER DELETE ON hiringdata_submission REFERENCING OLD TABLE AS gone_submissions
    FOR EACH STATEMENT EXECUTE FUNCTION hiringdata_submission_without_cells();

CREATE FUNCTION hiringdata_submission_id_fixed() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'a submission keeps its id' USING ERRCODE = 'foreign_key_violation';
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER hiringdata_submission_id_fixed
    BEFORE UPDATE OF id ON hiringdata_submission
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id)
    EXECUTE FUNCTION hiringdata_submission_id_fixed();
"""

NO_TRIGGERS = """
DROP TRIGGER hiringdata_submission_id_fixed ON hiringdata_submission;
DROP FUNCTION hiringdata_submission_id_fixed();
DROP TRIGGER hiringdata_submission_cells_first ON hiringdata_submission;
DROP FUNCTION hiringdata_submission_without_cells();
DROP TRIGGER hiringcount_submission_exists_update ON hiringdata_hiringcount;
DROP TRIGGER hiringcount_submission_exists_insert ON hiringdata_hiringcount;
DROP FUNCTION hiringdata_cells_have_submission();
"""


class Migration(migrations.Migration):
    """The cells keep the six dimensions only: no credential, member or year of their own;
    their submission is checked per statement, found through a BRIN index."""

    dependencies = [("hiringdata", "0107_split_credential_counts")]

    operations = [
        migrations.RemoveConstraint(model_name="hiringcount", name="hiringcount_one_cell"),
        migrations.RemoveIndex(model_name="hiringcount", name="hiringdata__year_d50df7_idx"),
        migrations.RemoveField(model_name="hiringcount", name="credential"),
        migrations.RemoveField(model_name="hiringcount", name="member"),
        migrations.RemoveField(model_name="hiringcount", name="year"),
        migrations.AlterField(
            model_name="hiringcount",
            name="submission",
            field=models.ForeignKey(
                db_constraint=False,
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="counts",
                to="hiringdata.submission",
            ),
        ),
        migrations.AddIndex(
            model_name="hiringcount",
            index=django.contrib.postgres.indexes.BrinIndex(
                autosummarize=True, fields=["submission"], name="hiringcount_submission"
            ),
        ),
        migrations.RunSQL(CELLS_HAVE_SUBMISSION, NO_TRIGGERS),
    ]
