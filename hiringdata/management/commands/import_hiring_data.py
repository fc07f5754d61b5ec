"""manage.py import_hiring_data FILE --member SLUG --year YYYY: the same path as the web upload."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from alliance.models import Member
from hiringdata import services
from hiringdata.models import SubmissionStatus


class Command(BaseCommand):
    help = "Import one member's hiring-data file (CSV or XLSX) for a reporting year."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--member", required=True, help="the member's slug")
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument(
            "--queue",
            action="store_true",
            help="only record the file and leave processing to the Celery worker",
        )

    def handle(self, *args: object, **options: object) -> None:
        path = options["file"]
        assert isinstance(path, Path)
        member = Member.objects.filter(slug=options["member"]).first()
        if member is None:
            raise CommandError(f"No member with slug {options['member']!r}.")
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            with path.open("rb") as upload:
                received = services.submission_receive(
                    member=member,
                    year=int(options["year"]),  # type: ignore[call-overload]
                    upload=upload,  # type: ignore[call-overload]
                    filename=path.name,
                    user=None,
                )
        except services.SubmissionRefused as refused:
            raise CommandError(refused.message) from None
        submission = received.submission
        if not received.created:
            self.stdout.write(
                f"Same file as submission {submission.pk} ({submission.status}); nothing changed."
            )
            return
        if not options["queue"]:
            submission = services.submission_process(submission_id=submission.pk) or submission
        self._report(submission)

    def _report(self, submission) -> None:  # type: ignore[no-untyped-def]
        if submission.status == SubmissionStatus.ACCEPTED:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Submission {submission.pk} accepted: {submission.hires_total} hires in "
                    f"{submission.cells_total} cells."
                )
            )
        elif submission.status == SubmissionStatus.REJECTED:
            self.stdout.write(
                self.style.ERROR(
                    f"Submission {submission.pk} rejected: {submission.issues_total} problem(s)."
                )
            )
            for issue in submission.issues.all()[:20]:
                self.stdout.write(f"  row {issue.row or '-'} {issue.column}: {issue.text}")
            raise CommandError("The file was refused; nothing was stored.")
        else:
            self.stdout.write(f"Submission {submission.pk}: {submission.status}.")
