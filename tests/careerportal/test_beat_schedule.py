def test_every_beat_entry_names_a_registered_task():
    from careerportal.celery import app

    app.loader.import_default_modules()
    app.finalize()
    schedule = app.conf.beat_schedule
    assert {
        "credentials-comparison-index-nightly",
        "credentials-comparison-index-stale-sweep",
        "alliance-lapse-expired-certifications",
        "hiringdata-sweep-submissions",
        "hiringdata-transparency-report-yearly",
    } <= set(schedule)
    unknown = {
        name: entry["task"] for name, entry in schedule.items() if entry["task"] not in app.tasks
    }
    assert not unknown, f"beat entries naming tasks no worker knows: {unknown}"


def test_app_schedules_name_tasks_by_their_objects_not_by_strings():
    """A renamed task must break at import, not silently at 03:20 some night."""
    import ast
    from pathlib import Path

    from django.conf import settings

    offenders = []
    for path in Path(settings.BASE_DIR).glob("*/*schedule.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Dict) and any(
                isinstance(k, ast.Constant) and k.value == "task" for k in node.keys
            ):
                value = node.values[[getattr(k, "value", None) for k in node.keys].index("task")]
                if isinstance(value, ast.Constant):
                    offenders.append(f"{path.name}: {value.value}")
    assert not offenders, offenders
