"""The phone app in a real browser: the manifest and its icons, the service worker, pages saved
for use without a network (with the offline banner), the offline page, and the refresh when the
network returns."""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SAVED = "You are offline — showing the copy saved on"


@pytest.fixture
def catalog():  # type: ignore[no-untyped-def]
    """The sample catalog, a plan reached by its link, and three credentials to compare."""
    from credentials.models import Credential
    from credentials.plans.services import plan_create, plan_item_add

    call_command("load_sample_data", stdout=io.StringIO())
    slugs = list(
        Credential.objects.filter(status="published")
        .order_by("slug")
        .values_list("slug", flat=True)
    )
    plan = plan_create(title="Plan for Ana")
    plan_item_add(plan=plan, credential_slug=slugs[0], note="First step")
    return {
        "credential": f"/credentials/{slugs[0]}/",
        "plan": f"/plans/{plan.token}/",
        "compare": f"/credentials/compare/?ids={','.join(slugs[:3])}",
        "unseen": f"/credentials/{slugs[5]}/",
    }


def wait_for_worker(page) -> None:  # type: ignore[no-untyped-def]
    """Until the service worker is active and controls this page."""
    page.wait_for_function(
        "() => navigator.serviceWorker.ready.then(() => !!navigator.serviceWorker.controller)",
        timeout=60000,
    )


def test_the_manifest_is_linked_valid_and_its_icons_load(page):  # type: ignore[no-untyped-def]
    page.goto("/es/")
    href = page.locator('link[rel="manifest"]').get_attribute("href")
    assert href == "/es/manifest.webmanifest"
    response = page.request.get(href)
    assert response.status == 200
    assert response.headers["content-type"] == "application/manifest+json"
    manifest = response.json()
    assert manifest["start_url"] == "/es/" and manifest["scope"] == "/"
    assert manifest["display"] == "standalone" and manifest["lang"] == "es"
    assert manifest["name"] == "Capacitación Tecnológica Transparente"
    purposes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= purposes
    for icon in manifest["icons"]:
        loaded = page.request.get(icon["src"])
        assert loaded.status == 200 and loaded.headers["content-type"] == "image/png"
        size = page.evaluate(
            """async (src) => { const b = await createImageBitmap(await (await fetch(src)).blob());
                                return b.width + "x" + b.height; }""",
            icon["src"],
        )
        assert size == icon["sizes"]


def test_the_service_worker_registers_for_the_whole_site(page):  # type: ignore[no-untyped-def]
    page.goto("/")
    wait_for_worker(page)
    scope = page.evaluate("navigator.serviceWorker.ready.then((r) => r.scope)")
    assert scope == page.url.split("://", 1)[0] + "://" + page.url.split("/")[2] + "/"


def test_pages_seen_open_offline_with_the_banner_and_refresh_when_online(  # type: ignore[no-untyped-def]
    page, axe_check, catalog
):
    page.goto("/")
    wait_for_worker(page)
    for name in ("credential", "plan", "compare"):
        page.goto(catalog[name])
        assert page.locator("[data-offline-banner]").is_hidden()
    headings = {}
    for name in ("credential", "plan", "compare"):
        page.goto(catalog[name])
        headings[name] = page.locator("h1").inner_text()

    page.context.set_offline(True)
    for name in ("credential", "plan", "compare"):
        page.goto(catalog[name])
        expect(page.locator("h1")).to_have_text(headings[name])
        banner = page.locator("[data-offline-banner]")
        expect(banner).to_be_visible()
        expect(banner).to_contain_text(SAVED)
        assert banner.get_attribute("role") == "status"
    policy = page.evaluate(
        """async (url) => { const store = await caches.open('portal-pages-v1');
             return (await store.match(url)).headers.get('Content-Security-Policy'); }""",
        page.url,
    )
    assert "script-src 'self'" in policy  # the saved copy keeps the page's policy

    # Back online: the saved copy is replaced by the page from the network.
    page.context.set_offline(False)
    page.wait_for_function("() => !document.documentElement.dataset.savedAt", timeout=60000)
    assert page.locator("[data-offline-banner]").is_hidden()
    assert page.locator("h1").inner_text() == headings["compare"]


def test_a_page_never_seen_shows_the_offline_page_in_its_language(page, axe_check, catalog):  # type: ignore[no-untyped-def]
    page.goto("/")
    wait_for_worker(page)
    page.goto(catalog["plan"])
    page.context.set_offline(True)

    page.goto(catalog["unseen"])
    expect(page.locator("h1")).to_have_text("You are offline")
    saved = page.locator("[data-saved-pages]")
    saved.get_by_role("link", name="Plan for Ana").wait_for()
    axe_check(page)

    page.goto("/es" + catalog["unseen"])
    expect(page.locator("h1")).to_have_text("Sin conexión")
    expect(page.locator("html")).to_have_attribute("lang", "es")

    page.context.set_offline(False)
    page.wait_for_function("() => !document.querySelector('[data-offline-page]')", timeout=60000)
    assert page.locator("h1").inner_text() != "Sin conexión"


def test_signed_in_pages_are_never_saved(page, django_user_model, catalog):  # type: ignore[no-untyped-def]
    django_user_model.objects.create_user("ana", password="pw-Secret-1")
    page.goto("/")
    wait_for_worker(page)
    page.goto("/glossary/")  # signed out: saved
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("ana")
    page.get_by_label("Password").fill("pw-Secret-1")
    page.locator("main form").get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    assert page.get_by_text("Your account").count() > 0
    page.goto("/plans/")
    page.goto(catalog["credential"])  # public, but shown to a signed-in person
    page.goto("/glossary/")  # saved signed out; the signed-in copy must not replace it
    saved = page.evaluate(
        """async () => { const out = [];
             for (const name of await caches.keys())
               if (name.startsWith('portal-pages-'))
                 for (const r of await (await caches.open(name)).keys())
                   out.push(new URL(r.url).pathname);
             return out; }"""
    )
    assert saved == ["/glossary/"]
    page.context.set_offline(True)
    page.goto("/glossary/")
    assert page.get_by_text("Your account").count() == 0  # the signed-out copy
