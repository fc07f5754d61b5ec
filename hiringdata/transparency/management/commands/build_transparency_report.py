"""Build a new draft of a year's transparency report: what the Celery job does, by hand."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hiringdata.transparency.services import ReportError, report_build, report_publish


class Command(BaseCommand):
    help = "Build a new draft version of the transparency report for a year (--publish to publish)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--year", type=int, required=True, help="reporting year")
        parser.add_argument(
            "--publish", action="store_true", help="publish the new draft if it passes"
        )

    def handle(self, *args: object, **options: object) -> None:
        year = int(options["year"])  # type: ignore[call-overload]
        if not 2000 <= year <= 2100:
            raise CommandError("--year must be a four-digit year")
        report = report_build(year=year)
        summary = report.summary
        self.stdout.write(
            f"{year} v{report.version}: {summary['tables_published']} tables passed, "
            f"{summary['tables_failed']} not published, "
            f"{summary['members_reporting']} members reporting"
        )
        if options["publish"]:
            try:
                report_publish(report=report)
            except ReportError as problem:
                raise CommandError(str(problem)) from problem
            self.stdout.write(f"published {year} v{report.version}")
