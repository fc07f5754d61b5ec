"""The reading level beside the plain-words fields in the admin (careerportal.admin_base)."""

import pytest
from django.urls import reverse

from careerportal.admin_base import reading_label
from tests.credentials.factories import CredentialFactory
from tests.pathways.factories import OccupationFactory

pytestmark = pytest.mark.django_db

PLAIN = "This test shows you can fix computers. You must pass one test."
HARD = (
    "Develop and oversee the implementation of information security procedures and policies, "
    "including comprehensive vulnerability assessments of organizational infrastructure."
)


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("staff", "staff@example.org", "pw")
    client.force_login(user)
    return client


def _grade_paragraph(html: str, field_id: str) -> str:
    start = html.index(f'id="{field_id}_grade"')
    return html[start : html.index("</p>", start)]


def test_credential_form_shows_the_grade_of_each_saved_summary(staff_client):
    credential = CredentialFactory(summary_en=PLAIN, summary_es="")
    response = staff_client.get(
        reverse("admin:credentials_credential_change", args=[credential.pk])
    )
    assert response.status_code == 200
    html = response.content.decode()
    english = _grade_paragraph(html, "id_summary_en")
    assert "Reading level: Flesch-Kincaid grade" in english
    assert "(the bar is grade 6 or lower): plain enough." in english
    assert "Reading level: nothing to grade yet." in _grade_paragraph(html, "id_summary_es")
    assert "js/plain_grade.js" in html


def test_the_grade_follows_the_saved_text(staff_client):
    credential = CredentialFactory(summary_en=PLAIN)
    credential.summary_en = HARD
    credential.save()
    response = staff_client.get(
        reverse("admin:credentials_credential_change", args=[credential.pk])
    )
    assert response.status_code == 200
    assert "too hard: use shorter words and sentences" in _grade_paragraph(
        response.content.decode(), "id_summary_en"
    )


def test_occupation_form_grades_the_spanish_description_with_fernandez_huerta(staff_client):
    occupation = OccupationFactory(description_es="Arreglan computadoras y ayudan a la gente.")
    response = staff_client.get(reverse("admin:pathways_occupation_change", args=[occupation.pk]))
    assert response.status_code == 200
    spanish = _grade_paragraph(response.content.decode(), "id_description_es")
    assert "Fernández-Huerta" in spanish and "(the bar is 70 or more): plain enough." in spanish


def test_grading_while_typing_answers_staff_with_the_label(staff_client):
    url = reverse("admin:credentials_credential_readability")
    response = staff_client.post(url, {"text": HARD, "language": "en"})
    assert response.status_code == 200
    body = response.json()
    assert body["passes"] is False
    assert body["label"].startswith("Reading level: Flesch-Kincaid grade")


def test_grading_while_typing_takes_only_posts(staff_client):
    response = staff_client.get(reverse("admin:pathways_fundingsource_readability"))
    assert response.status_code == 405


def test_grading_while_typing_is_for_staff_only(client, django_user_model):
    url = reverse("admin:credentials_credential_readability")
    response = client.post(url, {"text": PLAIN, "language": "en"})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    user = django_user_model.objects.create_user("clerk", "clerk@example.org", "pw")
    user.is_staff = True
    user.save()
    client.force_login(user)
    response = client.post(url, {"text": PLAIN, "language": "en"})
    assert response.status_code == 403


def test_languages_without_a_formula_say_they_are_not_graded():
    label, passes = reading_label("Xin chào.", language="vi")
    assert label == "Reading level: not graded (no formula for this language here)."
    assert passes is None
