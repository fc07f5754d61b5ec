"""The small pieces every app shares: spreadsheet-safe CSV cells and the API's error shape."""

import json

import pytest
import yaml
from django.core.management import call_command

from careerportal.api_errors import error_response
from careerportal.csv_download import cell_neutralise


@pytest.mark.parametrize(
    "value,expected",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("  =1+1", "'  =1+1"),
        (" \t-1", "' \t-1"),
        ("\uff1dcmd()", "'\uff1dcmd()"),
        ("\uff0b1", "'\uff0b1"),
        ("\uff0d1", "'\uff0d1"),
        ("\uff20SUM(A1)", "'\uff20SUM(A1)"),
        ("CompTIA A+", "CompTIA A+"),
        ("a=b", "a=b"),
        (12, "12"),
        (-3, "-3"),  # our own numbers keep their sign
        (None, ""),
        ("", ""),
    ],
)
def test_cell_neutralise_keeps_formulas_as_text(value, expected):
    assert cell_neutralise(value) == expected


def test_error_response_has_detail_and_code():
    response = error_response(code="forbidden", detail="No.", status=403)
    assert response.status_code == 403
    assert response.data == {"detail": "No.", "code": "forbidden"}


def test_every_app_documents_its_errors_with_the_one_error_component(tmp_path):
    out = tmp_path / "schema.yml"
    call_command("spectacular", "--file", str(out))
    schema = yaml.safe_load(out.read_text())
    error = schema["components"]["schemas"]["Error"]
    assert set(error["required"]) == {"detail", "code"}
    assert not [name for name in schema["components"]["schemas"] if name.endswith("Error")
                and name != "Error"]  # fmt: skip
    paths = schema["paths"]
    refs = json.dumps(
        [
            paths["/api/v1/credentials/compare/"]["get"]["responses"]["400"],
            paths["/api/v1/plans/{token}/items/"]["post"]["responses"]["400"],
            paths["/api/v1/hiring-data/submissions/"]["post"]["responses"]["403"],
        ]
    )
    assert refs.count("#/components/schemas/Error") == 3


@pytest.mark.django_db
def test_service_written_rows_are_read_only_in_the_admin(admin_client):
    from django.contrib import admin

    from alliance.models import AuditEntry
    from careerportal.admin_base import ReadOnlyModelAdmin
    from hiringdata.models import HiringCount, Submission, ValidationIssue
    from hiringdata.transparency.models import TransparencyReport

    read_only = {AuditEntry, Submission, ValidationIssue, HiringCount, TransparencyReport}
    for model in read_only:
        assert isinstance(admin.site._registry[model], ReadOnlyModelAdmin), model
        opts = model._meta
        assert admin_client.get(f"/admin/{opts.app_label}/{opts.model_name}/").status_code == 200
    for model in (AuditEntry, Submission):
        opts = model._meta
        assert (
            admin_client.get(f"/admin/{opts.app_label}/{opts.model_name}/add/").status_code == 403
        )
        model_admin = admin.site._registry[model]
        request = admin_client.get("/admin/").wsgi_request
        assert not model_admin.has_delete_permission(request)
    request = admin_client.get("/admin/").wsgi_request
    assert admin.site._registry[HiringCount].has_delete_permission(request)


def test_the_synthetic_flag_shows_only_on_made_up_data():
    from django.template.loader import render_to_string
    from django.utils import translation

    assert render_to_string("includes/_synthetic_flag.html", {"flag": False}).strip() == ""
    shown = render_to_string("includes/_synthetic_flag.html", {"flag": True})
    assert '<span class="synthetic-flag">synthetic</span>' in shown
    with translation.override("es"):
        shown_es = render_to_string("includes/_synthetic_flag.html", {"flag": True})
    assert "synthetic-flag" in shown_es and ">synthetic<" not in shown_es


@pytest.mark.django_db
def test_user_or_none_keeps_only_signed_in_users():
    from django.contrib.auth.models import AnonymousUser, User

    from careerportal.users import user_or_none

    user = User.objects.create_user(username="ana")
    assert user_or_none(user) == user
    assert user_or_none(AnonymousUser()) is None
    assert user_or_none(None) is None


def test_every_csv_the_portal_serves_goes_through_the_one_writer():
    """No app writes CSV itself: csv.writer, DictWriter and 'text/csv' live in one module."""
    import re
    from pathlib import Path

    from django.conf import settings

    root = Path(settings.BASE_DIR)
    writer = root / "careerportal" / "csv_download.py"
    pattern = re.compile(r"csv\.(writer|DictWriter)\(|text/csv")
    # Files written for Postgres COPY, never handed to a person.
    copy_feeds = {"credentials/synthetic.py", "hiringdata/ingest.py"}
    # Names text/csv as a kind of evidence file a provider may upload; writes no CSV.
    copy_feeds.add("alliance/providers/services.py")
    found = [
        str(path.relative_to(root))
        for app in ("careerportal", "pathways", "credentials", "alliance", "hiringdata")
        for path in (root / app).rglob("*.py")
        if path != writer and "migrations" not in path.parts and pattern.search(path.read_text())
    ]
    assert pattern.search(writer.read_text())
    assert set(found) <= copy_feeds, set(found) - copy_feeds


def test_the_csv_download_is_utf8_with_a_bom_and_neutralised_cells():
    from careerportal.csv_download import csv_response

    response = csv_response(filename="x.csv", header=["name"], rows=[["\uff1dHYPERLINK(1)"]])
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
    assert response.content.decode("utf-8") == "\ufeffname\r\n'\uff1dHYPERLINK(1)\r\n"


@pytest.mark.parametrize(
    "language,stored,expected",
    [
        ("en", "May 2024", "May 2024"),
        ("es", "May 2024", "mayo de 2024"),
        ("es", "2024-2034", "2024-2034"),
        (
            "es",
            "2024 (BLS Employment Projections base year)",
            "2024 (año base de BLS Employment Projections)",
        ),
        ("es", "O*NET 29.3", "O*NET 29.3"),
    ],
)
def test_a_release_name_is_said_in_the_page_language(language, stored, expected):
    from django.utils import translation

    from careerportal.text import release_label

    with translation.override(language):
        assert release_label(stored) == expected


def test_a_career_page_in_spanish_says_the_wage_release_in_spanish(client, db):
    from pathways.models import Occupation
    from tests.pages import page_html

    Occupation.objects.create(
        soc_code="15-1232",
        title="Computer User Support Specialists",
        median_annual_wage=60340,
        wage_vintage="May 2024",
        missing_reasons={"job_zone": "Not published by O*NET for this code"},
    )
    html = page_html(client.get("/es/careers/15-1232/"))
    assert "BLS OEWS, mayo de 2024" in html
    assert "O*NET no lo publica para este código" in html
