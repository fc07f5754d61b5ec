"""Videos on career and credential pages: WebVTT captions required and checked (the message
names the line), a source and a licence, a transcript; "No video yet" where there is none."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from pathways.videos.models import Video, VideoLicence
from pathways.videos.webvtt import WebVTTError, webvtt_check
from tests.pages import page_html

from .factories import OccupationFactory

GOOD_VTT = b"""WEBVTT

NOTE Test-only captions for a generated test file.

1
00:00:00.000 --> 00:00:02.500
People who fix computers help others at work.

00:02.500 --> 00:05.000 line:90%
They answer questions and solve problems.
"""
# A test-only stand-in, not a real video: the page's markup is what these tests check.
TEST_ONLY_VIDEO = b"TEST-ONLY placeholder bytes, not a real video (tests/pathways/test_videos.py)"


def test_a_good_captions_file_counts_its_cues():
    assert webvtt_check(GOOD_VTT) == 2


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [
        (b"1\n00:00:00.000 --> 00:00:01.000\nHi\n", 1, "starts with the word WEBVTT"),
        (b"WEBVTT\n\n00:00:00.000 -> 00:00:01.000\nHi\n", 3, "is not a cue timing"),
        (b"WEBVTT\n\nintro\nHello\n", 4, "expected a cue timing"),
        (b"WEBVTT\n\n00:00:00,000 --> 00:00:01,000\nHi\n", 3, "is not a cue timing"),
        (b"WEBVTT\n\nintro\n00:00:1.0 --> 00:00:02.000\nHi\n", 4, "is not a cue timing"),
        (b"WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nHi\n", 3, "ends before it starts"),
        (
            b"WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nHi\n\n00:00:01.000 --> 00:00:02.000\nA\n",
            6,
            "in time order",
        ),
        (b"WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n", 3, "has no caption text"),
        (
            b"WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHi\n00:00:01.000 --> 00:00:02.000\n",
            5,
            "blank line between cues",
        ),
        (b"WEBVTT\n\nNOTE nothing else\n", 4, "no captions"),
        (b"WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nCaf\xe9\n", 4, "UTF-8"),
    ],
)  # fmt: skip
def test_a_bad_captions_file_names_the_line(data, line, words):
    with pytest.raises(WebVTTError) as error:
        webvtt_check(data)
    assert error.value.line == line
    assert str(error.value).startswith(f"Line {line}: ") and words in str(error.value)


def _video(**changes):
    fields = {
        "title": "What a support specialist does (test only)",
        "language": "en",
        "url": "https://media.example.org/test-only.mp4",
        "transcript": "People who fix computers help others at work.",
        "source_name": "Test maker",
        "source_url": "https://example.org/videos/support",
        "licence": VideoLicence.PUBLIC_DOMAIN_US,
        "licence_url": "https://example.org/terms",
    }
    fields.update(changes)
    video = Video(**fields)
    video.captions.save("test-only.vtt", ContentFile(GOOD_VTT), save=False)
    return video


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.mark.django_db
def test_a_complete_video_is_valid(media):
    _video().full_clean()


@pytest.mark.django_db
def test_bad_captions_are_refused_naming_the_line(media):
    video = _video()
    video.captions.save("bad.vtt", ContentFile(b"WEBVTT\n\n00:00:01.000\nHi\n"), save=False)
    with pytest.raises(ValidationError) as error:
        video.full_clean()
    [message] = error.value.message_dict["captions"]
    assert message.startswith("The captions file is not valid WebVTT. Line 3: ")


@pytest.mark.django_db
def test_captions_are_required(media):
    video = _video()
    video.captions = None
    with pytest.raises(ValidationError) as error:
        video.full_clean()
    assert "captions" in error.value.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"url": ""}, "__all__", "as a file or as an address"),
        ({"url": "http://media.example.org/a.mp4"}, "url", "https://"),
        ({"licence": ""}, "licence", "cannot be blank"),
        ({"licence_url": ""}, "licence_url", "cannot be blank"),
        ({"source_name": ""}, "source_name", "cannot be blank"),
        ({"transcript": ""}, "transcript", "cannot be blank"),
        ({"language": "xx"}, "language", "site's languages"),
    ],
)
def test_a_video_needs_one_source_a_licence_and_a_transcript(media, changes, field, words):
    with pytest.raises(ValidationError) as error:
        _video(**changes).full_clean()
    assert any(words in m for m in error.value.message_dict[field])


@pytest.mark.django_db
def test_a_file_and_an_address_together_are_refused(media):
    video = _video()
    video.file.save("test-only.mp4", ContentFile(TEST_ONLY_VIDEO), save=False)
    with pytest.raises(ValidationError) as error:
        video.full_clean()
    assert "as a file or as an address, not both" in str(error.value)


@pytest.mark.django_db
def test_career_page_without_a_video_says_so(client):
    occupation = OccupationFactory()
    response = client.get(f"/careers/{occupation.soc_code}/")
    assert response.status_code == 200
    html = page_html(response)
    assert "No video yet." in html and "<video" not in html


@pytest.mark.django_db
def test_career_page_shows_the_player_captions_and_transcript(client, media):
    occupation = OccupationFactory()
    video = _video(url="", occupation=occupation)
    video.file.save("test-only.mp4", ContentFile(TEST_ONLY_VIDEO), save=False)
    video.save()

    response = client.get(f"/careers/{occupation.soc_code}/")

    assert response.status_code == 200
    html = page_html(response)
    assert "No video yet." not in html
    assert f'src="{video.file.url}"' in html and "autoplay" not in html
    assert f'<track kind="captions" src="{video.captions.url}" srclang="en"' in html
    assert "Read what the video says (transcript)" in html
    assert "People who fix computers help others at work." in html
    assert "Public domain: a work of the U.S. government" in html and "Test maker" in html
    # A file kept here plays under the page's own policy.
    assert "media-src" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_a_video_at_another_address_is_allowed_by_the_pages_policy(client, media):
    occupation = OccupationFactory()
    _video(occupation=occupation).save()
    response = client.get(f"/careers/{occupation.soc_code}/")
    assert response.status_code == 200
    assert "media-src 'self' https://media.example.org" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_the_video_in_the_pages_language_comes_first_and_another_is_marked(client, media):
    occupation = OccupationFactory()
    _video(occupation=occupation, title="In English (test only)").save()
    response = client.get(f"/es/careers/{occupation.soc_code}/")
    html = page_html(response)
    assert response.status_code == 200
    assert 'lang="en">In English (test only)' in html
    _video(occupation=occupation, title="En español (solo prueba)", language="es").save()
    html = page_html(client.get(f"/es/careers/{occupation.soc_code}/"))
    assert "En español (solo prueba)" in html and "In English (test only)" not in html


@pytest.mark.django_db
def test_credential_page_without_and_with_a_video(client, media):
    from credentials.services import comparison_index_refresh
    from tests.credentials.factories import CredentialFactory

    credential = CredentialFactory()
    comparison_index_refresh()
    response = client.get(f"/credentials/{credential.slug}/")
    assert response.status_code == 200
    assert "No video yet." in page_html(response)

    video = _video()
    video.save()
    credential.video = video
    credential.save()
    response = client.get(f"/credentials/{credential.slug}/")
    assert response.status_code == 200
    html = page_html(response)
    assert '<track kind="captions"' in html and "No video yet." not in html


@pytest.mark.django_db
def test_staff_attach_a_video_in_the_admin_and_a_bad_captions_file_names_its_line(client, media):
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile

    staff = get_user_model().objects.create_superuser("staff", "staff@example.org", "pw")
    client.force_login(staff)
    occupation = OccupationFactory()
    form = {
        "title": "What a support specialist does (test only)",
        "language": "en",
        "occupation": occupation.pk,
        "url": "https://media.example.org/test-only.mp4",
        "transcript": "People who fix computers help others at work.",
        "source_name": "Test maker",
        "source_url": "https://example.org/videos/support",
        "licence": VideoLicence.PUBLIC_DOMAIN_US,
        "licence_url": "https://example.org/terms",
    }
    bad = SimpleUploadedFile("captions.vtt", b"WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n")
    response = client.post("/admin/videos/video/add/", {**form, "captions": bad})
    assert response.status_code == 200
    assert "The captions file is not valid WebVTT. Line 3: the cue has no caption text." in (
        response.content.decode()
    )
    assert not Video.objects.exists()

    good = SimpleUploadedFile("captions.vtt", GOOD_VTT)
    response = client.post("/admin/videos/video/add/", {**form, "captions": good})
    assert response.status_code == 302
    assert Video.objects.get().occupation == occupation
