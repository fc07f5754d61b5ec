"""The transparency report's yearly job, merged into CELERY_BEAT_SCHEDULE by settings."""

from celery.schedules import crontab

BEAT_SCHEDULE = {
    # Members report by the end of January; staff get a draft of last year on 1 February.
    "hiringdata-transparency-report-yearly": {
        "task": "hiringdata.transparency.tasks.build_last_years_transparency_report",
        "schedule": crontab(minute=0, hour=3, day_of_month=1, month_of_year=2),
    },
}
