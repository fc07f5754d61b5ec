"""Freeze published reports in the database: no update or delete of them or their tables."""

from django.db import migrations

FREEZE = """
CREATE OR REPLACE FUNCTION hiringdata_report_frozen() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status = 'draft' THEN
        RETURN NEW;  -- a draft may change, including becoming published
    END IF;
    IF OLD.status = 'published' THEN
        RAISE EXCEPTION 'transparency report % is published and frozen', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN COALESCE(NEW, OLD);
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER hiringdata_report_frozen
BEFORE UPDATE OR DELETE ON hiringdata_transparencyreport
FOR EACH ROW EXECUTE FUNCTION hiringdata_report_frozen();

CREATE OR REPLACE FUNCTION hiringdata_reporttable_frozen() RETURNS trigger AS $$
DECLARE
    report_status text;
BEGIN
    SELECT status INTO report_status FROM hiringdata_transparencyreport
     WHERE id = COALESCE(NEW.report_id, OLD.report_id);
    IF report_status = 'published' THEN
        RAISE EXCEPTION 'tables of published transparency report % are frozen',
            COALESCE(NEW.report_id, OLD.report_id)
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.report_id <> NEW.report_id THEN
        SELECT status INTO report_status FROM hiringdata_transparencyreport WHERE id = OLD.report_id;
        IF report_status = 'published' THEN
            RAISE EXCEPTION 'tables of published transparency reports are frozen'
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
    END IF;
    RETURN COALESCE(NEW, OLD);
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER hiringdata_reporttable_frozen
BEFORE INSERT OR UPDATE OR DELETE ON hiringdata_reporttable
FOR EACH ROW EXECUTE FUNCTION hiringdata_reporttable_frozen();
"""

UNFREEZE = """
DROP TRIGGER IF EXISTS hiringdata_reporttable_frozen ON hiringdata_reporttable;
DROP FUNCTION IF EXISTS hiringdata_reporttable_frozen();
DROP TRIGGER IF EXISTS hiringdata_report_frozen ON hiringdata_transparencyreport;
DROP FUNCTION IF EXISTS hiringdata_report_frozen();
"""


class Migration(migrations.Migration):
    dependencies = [("hiringdata", "0100_reports_versions_and_tables")]

    operations = [migrations.RunSQL(FREEZE, UNFREEZE)]
