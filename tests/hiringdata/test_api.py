"""The submissions API: upload, status, problems, permissions and Idempotency-Key."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from hiringdata.models import IdempotencyKey, Submission

from .conftest import GOOD_ROWS, YEAR, records
from .helpers import upload

pytestmark = pytest.mark.django_db
URL = "/api/v1/hiring-data/submissions/"


def api_for(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


def post(client, data: bytes, key: str | None = None, member="acme", name="hires.csv"):
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    return client.post(
        URL, {"member": member, "year": YEAR, "file": SimpleUploadedFile(name, data)},
        format="multipart", **headers,
    )  # fmt: skip


def test_token_upload_then_status_and_problems(member, catalog, submitter):
    client = api_for(submitter)
    response = post(client, records("h1,2025-01-01,15-1212,bad,white,female,bachelor,other,"))
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "received"
    from hiringdata import services

    services.submission_process(submission_id=body["id"])
    status = client.get(body["status_url"]).json()
    assert status["status"] == "rejected" and status["issues_total"] == 1
    problems = client.get(body["problems_url"]).json()["results"]
    assert problems[0] | {"message": ""} == {
        "row": 2, "column": "job_category", "value": "bad", "code": "not_in_list",
        "params": problems[0]["params"], "message": "",
    }  # fmt: skip
    assert "not an allowed answer" in problems[0]["message"]


def test_same_file_without_key_returns_the_earlier_submission(member, catalog, submitter):
    client = api_for(submitter)
    first = post(client, records(*GOOD_ROWS))
    second = post(client, records(*GOOD_ROWS))
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json()["id"] == second.json()["id"]


def test_idempotency_key_replays_the_same_response(member, catalog, submitter):
    client = api_for(submitter)
    first = post(client, records(*GOOD_ROWS), key="abc-1")
    again = post(client, records(*GOOD_ROWS), key="abc-1")
    assert (first.status_code, again.status_code) == (201, 201)
    assert again["Idempotent-Replayed"] == "true"
    assert first.json()["id"] == again.json()["id"]
    assert Submission.objects.count() == 1


def test_idempotency_key_with_a_different_body_is_refused(member, catalog, submitter):
    client = api_for(submitter)
    post(client, records(*GOOD_ROWS), key="abc-2")
    other = post(client, records(GOOD_ROWS[0]), key="abc-2")
    assert other.status_code == 422
    assert other.json()["code"] == "idempotency_key_reused"
    assert Submission.objects.count() == 1


def test_idempotency_keys_belong_to_one_user(member, catalog, submitter):
    from alliance.models import MembershipRole

    from .factories import MembershipFactory

    colleague = MembershipFactory(member=member, role=MembershipRole.ADMIN).user
    post(api_for(submitter), records(*GOOD_ROWS), key="shared")
    response = post(api_for(colleague), records(GOOD_ROWS[0]), key="shared")
    assert response.status_code == 201
    assert IdempotencyKey.objects.count() == 2


def test_viewer_cannot_upload(member, viewer):
    response = post(api_for(viewer), records(*GOOD_ROWS))
    assert response.status_code == 403
    assert Submission.objects.count() == 0


def test_other_members_submission_is_404(member, catalog, outsider):
    submission = upload(member, records(*GOOD_ROWS))
    client = api_for(outsider)
    assert client.get(f"{URL}{submission.pk}/").status_code == 404
    assert client.get(f"{URL}{submission.pk}/problems/").status_code == 404
    assert client.get(URL).json()["count"] == 0


def test_anonymous_gets_401(member):
    assert APIClient().get(URL).status_code in (401, 403)


def test_bad_input_is_a_400_json(member, submitter):
    client = api_for(submitter)
    response = client.post(URL, {"member": "acme"}, format="multipart")
    assert response.status_code == 400
    assert "file" in response.json()
    response = post(client, b"x", name="hires.exe")
    assert response.status_code == 400
    assert response.json()["code"] == "file_type"


def test_session_auth_works_too(client, member, catalog, submitter):
    client.force_login(submitter)
    response = client.post(
        URL,
        {"member": "acme", "year": YEAR, "file": SimpleUploadedFile("a.csv", records(*GOOD_ROWS))},
    )
    assert response.status_code == 201


def test_list_query_count_is_constant(member, catalog, submitter, django_assert_max_num_queries):
    client = api_for(submitter)
    upload(member, records(*GOOD_ROWS))
    with django_assert_max_num_queries(5):
        assert client.get(URL).status_code == 200
    for index in range(5):
        upload(member, records(GOOD_ROWS[0].replace("h1", f"x{index}")))
    with django_assert_max_num_queries(5):
        response = client.get(URL)
    assert response.status_code == 200
    assert response.json()["count"] == 6


def test_schema_documents_the_endpoint(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    assert "/api/v1/hiring-data/submissions/" in schema["paths"]
    post_op = schema["paths"]["/api/v1/hiring-data/submissions/"]["post"]
    assert any(p["name"] == "Idempotency-Key" for p in post_op["parameters"])


def test_staff_rerun_through_the_api(member, catalog, staff, submitter):
    submission = upload(member, records("h1,2025-01-01,15-1212,bad,white,female,bachelor,other,"))
    assert api_for(submitter).post(f"{URL}{submission.pk}/rerun/").status_code == 403
    response = api_for(staff).post(f"{URL}{submission.pk}/rerun/")
    assert response.status_code == 202
    assert response.json()["status"] == "received"
    accepted = upload(member, records(*GOOD_ROWS))
    assert api_for(staff).post(f"{URL}{accepted.pk}/rerun/").status_code == 409
