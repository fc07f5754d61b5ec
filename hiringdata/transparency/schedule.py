"""The transparency report's yearly job, merged into the beat schedule by careerportal.celery."""

from celery.schedules import crontab

from .tasks import build_last_years_transparency_report

BEAT_SCHEDULE = {
    # Members report by the end of January; staff get a draft of last year on 1 February.
    "hiringdata-transparency-report-yearly": {
        "task": build_last_years_transparency_report.name,
        "schedule": crontab(minute=0, hour=3, day_of_month=1, month_of_year=2),
    },
}
