"""Generate scale data for benchmarks, marked synthetic: each app's synthetic.generate()."""

import random
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand, CommandParser

from .load_sample_data import DOMAIN_APPS


class Command(BaseCommand):
    help = "Generate synthetic credentials, members and hiring data (every row marked synthetic)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--credentials", type=int, default=0, help="synthetic credentials to add"
        )
        parser.add_argument(
            "--programs", type=int, default=0, help="synthetic training programs to add"
        )
        parser.add_argument(
            "--members", type=int, default=0, help="synthetic Alliance members to add"
        )
        parser.add_argument(
            "--hires-per-member", type=int, default=0, help="hires per member per year"
        )
        parser.add_argument("--year", type=int, default=None, help="reporting year for hiring data")
        parser.add_argument(
            "--seed", type=int, default=1, help="random seed (same seed, same data)"
        )

    def handle(self, *args: object, **options: object) -> None:
        for count in ("credentials", "programs", "members", "hires_per_member"):
            if int(options[count]) < 0:  # type: ignore[call-overload]
                self.stderr.write(f"--{count.replace('_', '-')} must be 0 or more")
                raise SystemExit(2)
        rng = random.Random(int(options["seed"]))  # type: ignore[call-overload]  # noqa: S311  (benchmark data, not secrets)
        for label in DOMAIN_APPS:
            module_name = f"{apps.get_app_config(label).name}.synthetic"
            if find_spec(module_name) is None:
                continue
            summary = import_module(module_name).generate(options=options, rng=rng)
            self.stdout.write(f"{label}: {summary}")
