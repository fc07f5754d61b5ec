import pytest

from .test_every_page import assert_the_pages_cover_the_url_conf, build_pages, check_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["en", "es"])
def test_mine(browser, live_server, axe_check, settings, tmp_path, language):
    pages, session = build_pages(settings, tmp_path)
    assert_the_pages_cover_the_url_conf(pages)
    context = browser.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
    tab = context.new_page()
    problems = []
    for signed_in in (False, True):
        if signed_in:
            context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
        for item in (
            p
            for p in pages
            if p.signed_in == signed_in
            and (
                p.name.startswith("reconvening")
                or p.name == "alliance:member"
                or p.name == "alliance:home"
            )
        ):
            path = item.path(language)
            response = tab.goto(path)
            if response.status != item.status:
                problems.append(f"{path}: HTTP {response.status}")
                continue
            problems += check_page(tab, axe_check, path, language, 360)
    context.close()
    assert not problems, "\n".join(problems)
