"""manage.py import_hiring_data FILE --member SLUG --year YYYY: the same path as the web upload.

Exit status: 0 the file was accepted (or queued with --queue, or is the same file as before and
was accepted then); 1 the command was used wrongly (no such member or file); 2 the file was
refused: its problems are printed, with row and column, and nothing was stored; 3 a problem on
our side (the database or file storage is down): the submission is marked failed, or left for
the sweep when even that cannot be written; run the command again later.
"""

import contextlib
import logging
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from alliance.models import Member
from hiringdata import services
from hiringdata.models import Submission, SubmissionStatus

logger = logging.getLogger(__name__)

EXIT_USAGE, EXIT_REFUSED, EXIT_FAILED = 1, 2, 3


class Command(BaseCommand):
    help = (
        "Import one member's hiring-data file (CSV or XLSX) for a reporting year. Exit status: "
        "0 accepted or queued, 1 wrong usage, 2 the file was refused, 3 a problem on our side."
    )

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
            raise CommandError(f"No member with slug {options['member']!r}.", returncode=EXIT_USAGE)
        if not path.is_file():
            raise CommandError(f"No such file: {path}", returncode=EXIT_USAGE)
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
            raise CommandError(refused.message, returncode=EXIT_REFUSED) from None
        except (DatabaseError, OSError) as error:
            raise CommandError(
                f"A problem on our side, nothing was recorded ({type(error).__name__}): {error}",
                returncode=EXIT_FAILED,
            ) from None
        submission = received.submission
        if not received.created:
            self.stdout.write(
                f"Same file as submission {submission.pk} ({submission.status}); nothing changed."
            )
            self._exit_for(submission)
            return
        if not options["queue"]:
            submission = self._process(submission)
        self._report(submission)

    def _process(self, submission: Submission) -> Submission:
        """Import now; an outage marks the submission failed instead of leaving it processing."""
        try:
            return services.submission_process(submission_id=submission.pk) or submission
        except (DatabaseError, OSError) as error:
            logger.exception("Submission %s could not be processed", submission.pk)
            reason = type(error).__name__
            # When even this cannot be written, the database is down: the sweep retries it later.
            with contextlib.suppress(DatabaseError):
                services.submission_fail(submission_id=submission.pk, reason=reason)
            raise CommandError(
                f"Submission {submission.pk} failed: a problem on our side ({reason}). "
                "Nothing was stored; run the command again later.",
                returncode=EXIT_FAILED,
            ) from None

    def _exit_for(self, submission: Submission) -> None:
        if submission.status == SubmissionStatus.REJECTED:
            raise CommandError("The file was refused; nothing was stored.", returncode=EXIT_REFUSED)
        if submission.status == SubmissionStatus.FAILED:
            raise CommandError(
                "The file could not be processed because of a problem on our side.",
                returncode=EXIT_FAILED,
            )

    def _report(self, submission: Submission) -> None:
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
        else:
            self.stdout.write(f"Submission {submission.pk}: {submission.status}.")
        self._exit_for(submission)
