from django.conf import settings


def test_every_beat_entry_names_a_registered_task():
    from careerportal.celery import app

    app.loader.import_default_modules()
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert {
        "credentials-comparison-index-nightly",
        "alliance-lapse-expired-certifications",
        "hiringdata-sweep-submissions",
        "hiringdata-transparency-report-yearly",
    } <= set(schedule)
    unknown = {
        name: entry["task"] for name, entry in schedule.items() if entry["task"] not in app.tasks
    }
    assert not unknown, f"beat entries naming tasks no worker knows: {unknown}"
