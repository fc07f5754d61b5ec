"""Each kind of work goes to its own Celery queue."""

import pytest

from careerportal.celery import app


@pytest.mark.parametrize(
    "task,queue",
    [
        ("hiringdata.process_submission", "imports"),
        ("hiringdata.sweep_submissions", "imports"),
        ("hiringdata.transparency.tasks.build_transparency_report", "reports"),
        ("credentials.comparison_index_refresh", "index"),
        ("alliance.tasks.comparison_index_refresh_task", "index"),
        ("careerportal.ping", "default"),
    ],
)
def test_task_is_routed_to_its_queue(task, queue):
    route = app.amqp.router.route({}, task)
    assert route["queue"].name == queue


def test_every_registered_task_is_named_in_a_route_or_the_default():
    app.loader.import_default_modules()
    queues = {app.amqp.router.route({}, name)["queue"].name for name in app.tasks}
    assert queues <= {"imports", "reports", "index", "mail", "default"}
    assert {"imports", "reports", "index"} <= queues
