"""Read aloud: the browser's own speech synthesis reads the main content in the page's language.

Headless Chromium has no voices, so the test records what the page asks speechSynthesis to do.
"""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


RECORDER = """
window.__spoken = [];
window.__calls = [];
const fake = {
  speak: (u) => window.__spoken.push({text: u.text, lang: u.lang}),
  cancel: () => window.__calls.push("cancel"),
  pause: () => window.__calls.push("pause"),
  resume: () => window.__calls.push("resume"),
  getVoices: () => [],
};
Object.defineProperty(window, "speechSynthesis", {value: fake, configurable: true});
"""


@pytest.mark.parametrize(
    ("prefix", "read", "paused", "resume"),
    [
        ("", "Read this page aloud", "Paused.", "Resume"),
        ("/es", "Leer esta página en voz alta", "En pausa.", "Reanudar"),
    ],
)
def test_read_the_glossary_aloud_pause_and_stop_by_keyboard(
    page, axe_check, prefix, read, paused, resume
):
    page.add_init_script(RECORDER)
    page.goto(f"{prefix}/glossary/")
    play = page.get_by_role("button", name=read)
    assert play.is_visible()
    axe_check(page)

    play.focus()
    page.keyboard.press("Enter")
    spoken = page.evaluate("window.__spoken")
    heading = page.locator("h1").inner_text()
    assert spoken[0]["text"] == heading  # the main content, from its heading on
    assert {s["lang"] for s in spoken} == {"es" if prefix else "en"}
    assert not any(read in s["text"] for s in spoken)  # not the control's own words
    assert all(len(s["text"]) <= 221 for s in spoken)

    pause = page.locator('[data-action="pause"]')
    assert play.is_hidden() and page.evaluate("document.activeElement.dataset.action") == "pause"
    page.keyboard.press("Enter")
    assert pause.inner_text() == resume and pause.get_attribute("aria-pressed") == "true"
    assert page.locator("[data-read-aloud-status]").inner_text() == paused
    page.keyboard.press("Escape")  # stops from anywhere
    assert page.evaluate("window.__calls").count("cancel") >= 2
    assert play.is_visible() and pause.is_hidden()


def test_without_speech_synthesis_the_control_stays_hidden(page):
    page.add_init_script("delete window.speechSynthesis; delete Window.prototype.speechSynthesis;")
    page.goto("/glossary/")
    assert page.locator("[data-read-aloud]").is_hidden()
