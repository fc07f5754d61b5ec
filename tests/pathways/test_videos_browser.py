"""A career page's video in a real phone browser: the native player with captions, usable by
keyboard, no autoplay, the transcript beneath; accessible."""

import pytest
from django.core.files.base import ContentFile
from playwright.sync_api import expect

from .factories import OccupationFactory
from .test_videos import TEST_ONLY_VIDEO, _video

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def occupation_with_video(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    occupation = OccupationFactory()
    video = _video(url="", occupation=occupation)
    video.file.save("test-only.mp4", ContentFile(TEST_ONLY_VIDEO), save=False)
    video.save()
    return occupation


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_career_page_video_player_captions_and_transcript(
    page, axe_check, occupation_with_video, prefix
):
    page.goto(f"{prefix}/careers/{occupation_with_video.soc_code}/")
    player = page.locator("video.page-video__player")
    expect(player).to_be_visible()
    assert player.get_attribute("controls") is not None
    assert player.get_attribute("autoplay") is None
    assert player.evaluate("(v) => v.paused")
    track = player.locator("track")
    assert track.get_attribute("kind") == "captions" and track.get_attribute("srclang") == "en"
    # The player takes keyboard focus (its native controls then work by keyboard).
    player.focus()
    assert page.evaluate("document.activeElement.tagName") == "VIDEO"
    transcript = page.locator(".page-video__transcript")
    expect(transcript.locator("text=People who fix computers")).to_be_hidden()
    transcript.locator("summary").click()
    expect(transcript.locator("text=People who fix computers")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    axe_check(page)


def test_career_page_without_a_video_says_so(page, axe_check):
    occupation = OccupationFactory()
    page.goto(f"/careers/{occupation.soc_code}/")
    expect(page.locator(".page-video")).to_contain_text("No video yet.")
    assert page.locator("video").count() == 0
    axe_check(page)
