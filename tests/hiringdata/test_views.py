"""The member portal pages through the HTTP client: permissions, upload, results, downloads."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hiringdata.models import Submission, SubmissionStatus

from .conftest import GOOD_ROWS, YEAR, records
from .helpers import upload

pytestmark = pytest.mark.django_db


def post_file(client, member, data: bytes, name="hires.csv"):
    return client.post(
        reverse("hiringdata:upload"),
        {"member": member.pk, "year": YEAR, "file": SimpleUploadedFile(name, data)},
    )


def test_portal_needs_sign_in(client):
    response = client.get("/portal/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_submitter_uploads_and_is_taken_to_the_result(client, member, catalog, submitter):
    client.force_login(submitter)
    with pytest.MonkeyPatch.context() as patch:
        # Processing is a task; here it runs at commit like an eager worker.
        patch.setattr("django.db.transaction.on_commit", lambda fn, using=None, robust=False: fn())
        response = post_file(client, member, records(*GOOD_ROWS))
    submission = Submission.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/portal/submissions/{submission.pk}/"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Accepted:" in page.content.decode()
    assert "3 hires in 2 cells" in page.content.decode()
    assert "fewer than 11 people" in page.content.decode()


def test_pending_submission_polls_and_offers_a_refresh_link(client, member, catalog, submitter):
    client.force_login(submitter)
    response = post_file(client, member, records(*GOOD_ROWS))  # on_commit never runs here
    page = client.get(response["Location"]).content.decode()
    assert 'hx-trigger="every 2s"' in page
    assert "Refresh" in page
    assert 'aria-live="polite"' in page


def test_problems_are_listed_and_downloadable_with_formulas_neutralised(
    client, member, catalog, submitter
):
    submission = upload(
        member,
        records("=cmd|' /C calc'!A0,2025-01-01,15-1212,=1+2,white,female,bachelor,other,"),
        user=submitter,
    )
    client.force_login(submitter)
    page = client.get(f"/portal/submissions/{submission.pk}/").content.decode()
    assert "Not accepted." in page
    assert "job_category" in page
    csv_text = client.get(f"/portal/submissions/{submission.pk}/problems.csv").content.decode()
    assert "'=1+2" in csv_text
    assert "\n=1+2" not in csv_text and ",=1+2" not in csv_text


def test_spanish_problems_page(client, member, catalog, submitter):
    submission = upload(
        member, records("h1,2025-01-01,15-1212,bad,white,female,bachelor,other,"), user=submitter
    )
    client.force_login(submitter)
    page = client.get(f"/es/portal/submissions/{submission.pk}/").content.decode()
    assert 'lang="es"' in page
    assert "no es una respuesta" in page


def test_another_members_submission_is_404(client, member, catalog, outsider):
    submission = upload(member, records(*GOOD_ROWS))
    client.force_login(outsider)
    assert client.get(f"/portal/submissions/{submission.pk}/").status_code == 404
    assert client.get(f"/portal/submissions/{submission.pk}/problems.csv").status_code == 404
    assert client.get(f"/portal/submissions/{submission.pk}/status/").status_code == 404


def test_viewer_sees_history_but_no_upload_form_and_cannot_post(client, member, catalog, viewer):
    upload(member, records(*GOOD_ROWS))
    client.force_login(viewer)
    page = client.get("/portal/").content.decode()
    assert "hires.csv" in page
    assert 'name="file"' not in page
    response = post_file(client, member, records(GOOD_ROWS[0]))
    assert response.status_code == 400  # the member is not among the choices
    assert Submission.objects.count() == 1


def test_same_file_twice_says_nothing_changed(client, member, catalog, submitter):
    client.force_login(submitter)
    first = post_file(client, member, records(*GOOD_ROWS))
    second = post_file(client, member, records(*GOOD_ROWS), name="copy.csv")
    assert first["Location"] == second["Location"]
    page = client.get(second["Location"]).content.decode()
    assert "same file before" in page


def test_wrong_file_type_is_a_clear_message(client, member, submitter):
    client.force_login(submitter)
    response = post_file(client, member, b"%PDF", name="hires.pdf")
    assert response.status_code == 400
    assert "only CSV files" in response.content.decode()


def test_staff_see_all_submissions_and_can_rerun(client, member, catalog, staff):
    submission = upload(member, records("h1,2025-01-01,15-1212,bad,white,female,bachelor,other,"))
    client.force_login(staff)
    listing = client.get("/portal/submissions/?status=rejected").content.decode()
    assert "Acme Corp" in listing
    response = client.post(f"/portal/submissions/{submission.pk}/rerun/")
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status in (SubmissionStatus.RECEIVED, SubmissionStatus.REJECTED)


def test_member_cannot_rerun(client, member, catalog, submitter):
    submission = upload(member, records("h1,2025-01-01,15-1212,bad,white,female,bachelor,other,"))
    client.force_login(submitter)
    assert client.post(f"/portal/submissions/{submission.pk}/rerun/").status_code == 404


def test_data_dictionary_is_public_and_templates_download(client, member, catalog):
    page = client.get("/portal/data-dictionary/").content.decode()
    assert "hire_id" in page and "exec_senior_managers" in page
    for shape in ("records", "counts"):
        csv_file = client.get(f"/portal/templates/hiring-data-{shape}.csv")
        assert csv_file.status_code == 200
        xlsx_file = client.get(f"/portal/templates/hiring-data-{shape}.xlsx")
        assert xlsx_file.content[:2] == b"PK"
    # The records template itself passes validation (its credential is in this catalog).
    template = client.get("/portal/templates/hiring-data-records.csv").content
    assert upload(member, template).status == SubmissionStatus.ACCEPTED
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_file.content), read_only=True)
    assert next(workbook.worksheets[0].iter_rows(values_only=True))[-1] == "hires"


def test_history_query_count_does_not_grow(
    client, member, catalog, submitter, django_assert_num_queries
):
    client.force_login(submitter)
    upload(member, records(*GOOD_ROWS))
    # 1 session, 2 user, 3 the user's memberships, 4 the members they may upload for,
    # 5 count of visible submissions (paginator), 6 "may upload anywhere?", 7 memberships for
    # the form's member choices, 8-9 the form's member options (server-side cursor), 10 the
    # page of submissions with their members.
    for index in range(6):
        if index:
            upload(member, records(GOOD_ROWS[0].replace("h1", f"x{index}")))
        with django_assert_num_queries(10):
            response = client.get("/portal/")
        assert response.status_code == 200  # signed in: the page, not a sign-in redirect


def test_submission_page_formats_both_numbers_and_shows_no_template_comment(
    client, member, catalog, submitter
):
    from .conftest import counts

    submission = upload(
        member,
        counts(
            "15-1212,professionals,white,female,bachelor,four_year_degree,1200",
            "15-1212,professionals,asian,male,bachelor,four_year_degree,34",
        ),
        user=submitter,
    )
    client.force_login(submitter)
    response = client.get(f"/portal/submissions/{submission.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "1,234 hires in 2 cells" in page
    assert "{#" not in page and "#}" not in page
    response = client.get("/portal/")
    assert response.status_code == 200
    assert "1,234 hires in 2 cells" in response.content.decode()
