"""Load the shipped sample catalog: each app's sample_data.load(), lowest layer first, then the
comparison index over all of it (every layer's facts are in by then)."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from credentials.services import comparison_index_refresh

DOMAIN_APPS = (
    "pathways",
    "credentials",
    "alliance",
    "providers",
    "taskforce",
    "reconvening",
    "hiringdata",
)


class Command(BaseCommand):
    help = "Load the sample catalog (real public facts with sources). Idempotent."

    def handle(self, *args: object, **options: object) -> None:
        for label in DOMAIN_APPS:
            module_name = f"{apps.get_app_config(label).name}.sample_data"
            if find_spec(module_name) is None:
                continue
            with transaction.atomic():
                summary = import_module(module_name).load()
            self.stdout.write(f"{label}: {summary}")
        # Synchronously, not through the queue: the command ends with a correct index even with
        # no worker running (the marks the loads made are cleared by this same refresh).
        self.stdout.write(f"comparison index: {comparison_index_refresh()} rows")
        # The content translations (data/translations/) fill the columns the loads left empty.
        call_command("load_translations", stdout=self.stdout, stderr=self.stderr)
