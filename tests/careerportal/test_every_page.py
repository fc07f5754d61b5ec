"""Every page of the portal, in English, Spanish and Arabic (right to left), on a phone and a
desktop, in a real browser; and a representative set of pages in each other language.

The pages come from the URL conf: every named pattern under the language prefix is either visited
here (with real slugs and ids from the sample data) or listed in SKIPPED with the reason. A new
page therefore fails this test until someone says how to reach it.

On each page: axe-core finds no serious or critical violation, nothing overflows sideways, there is
exactly one <h1>, the <title> names the page, <html lang> is the page's language and <html dir> its
direction, and every region that htmx replaces is announced (aria-live).
"""

import io
from dataclasses import dataclass, field
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SITE_NAME = "Transparent Tech Training"
# Every page in these languages (Arabic: right to left); the others get REPRESENTATIVE pages.
EVERY_PAGE_LANGUAGES = ["en", "es", "ar"]
OTHER_LANGUAGES = ["zh-hans", "vi", "tl", "ko"]
# One page of each kind (a list, a detail, a comparison, a form, a long table, a signed-in page).
REPRESENTATIVE = {
    "home", "pathways:career-list", "pathways:career-detail", "pathways:glossary",
    "pathways:funding", "credentials:list", "credentials:detail", "credentials:compare",
    "programs:list", "alliance:home", "transparency:report", "hiringdata:portal",
    "translation-status",
}  # fmt: skip

# Named patterns this test does not open as pages, and why.
SKIPPED = {
    "javascript-catalog": "JavaScript, not a page",
    "manifest": "the web app manifest, JSON (tests/careerportal/test_phone_app.py)",
    "credential-card": "a PNG share image, not a page (tests/credentials/test_sharing.py)",
    "compare-card": "a PNG share image, not a page (tests/credentials/test_sharing.py)",
    "pathways:career-card": "a PNG share image, not a page (tests/credentials/test_sharing.py)",
    "download-file": "a data file, not a page (tests/credentials/test_downloads.py)",
    "logout": "POST only; it ends the session the other pages need",
    "credentials:tray-add": "POST only (a form on the catalog pages)",
    "credentials:tray-remove": "POST only (a form on the compare tray)",
    "plans:new": "POST only (the form on /plans/)",
    "plans:add": "POST only (forms on career and credential pages)",
    "plans:edit": "POST only (the form on the plan page)",
    "plans:remove": "POST only (buttons on the plan page)",
    "alliance:commitment-sign": "POST only (a form on the manage page)",
    "alliance:recognition-add": "POST only (a form on the manage page)",
    "alliance:recognition-remove": "POST only (buttons on the manage page)",
    "alliance:invitation-create": "POST only (a form on the manage page)",
    "reconvening:pledge-card": "a PNG share image, not a page (tests/alliance/reconvening)",
    "reconvening:recommitment-card": "a PNG share image, not a page (tests/alliance/reconvening)",
    "reconvening:need-close": "POST only (buttons on the member's needs page)",
    "reconvening:milestone-update": "POST only (forms on the member's reconvening page)",
    "reconvening:award-decide": "POST only (the task force's forms on the awards page)",
    "reconvening:spotlight-withdraw": "POST only (the form on the spotlight's edit page)",
    "providers:outcome-verify": "POST only (forms on the review queue page)",
    "providers:evidence-upload": "POST only (the file form on a provider's submission page)",
    "providers:evidence": "a private file download (tests/alliance/providers/test_views.py)",
    "hiringdata:upload": "POST only (the upload form on /portal/)",
    "hiringdata:rerun": "POST only (a staff button on the submission page)",
    "hiringdata:status": "htmx fragment of the submission page, checked inside that page",
    "hiringdata:problems_csv": "CSV download",
    "hiringdata:template": "file download (CSV and Excel templates)",
    "transparency:staff-publish": "POST only (a button on the staff report page)",
    "transparency:pdf": "PDF download",
    "transparency:pdf-version": "PDF download",
    "transparency:download": "data download (CSV, JSON, Excel)",
    "transparency:download-version": "data download (CSV, JSON, Excel)",
    "transparency:report-version": "same view and template as transparency:report (visited)",
    "transparency:print-version": "same view and template as transparency:print (visited)",
    "taskforce:calendar": "an iCalendar feed (tests/alliance/taskforce/test_views.py)",
}
ADMIN_PAGES_CHECKED = {"admin:login"}  # the rest of Django's admin is Django's own markup

# An htmx-replaced region must be announced: it (or, when the swap replaces the element itself,
# its parent) sits in a live region. hx-target and hx-swap are inherited, as htmx does.
HTMX_TARGETS_NOT_LIVE = """() => {
  const LIVE = '[aria-live], [role=status], [role=alert], [role=log]';
  const bad = [];
  for (const el of document.querySelectorAll('[hx-get], [hx-post]')) {
    const owner = el.closest('[hx-target]');
    const sel = owner ? owner.getAttribute('hx-target') : 'this';
    let target = null;
    if (sel === 'this') target = owner || el;
    else if (sel.startsWith('#')) target = document.querySelector(sel);
    else continue;  // closest/find/next: not used by the portal's templates
    if (!target) { bad.push(sel + ' (missing)'); continue; }
    const swap = (el.closest('[hx-swap]')?.getAttribute('hx-swap') || 'innerHTML').split(' ')[0];
    if (swap === 'none') continue;
    const region = swap === 'outerHTML' ? target.parentElement : target;
    const name = sel === 'this' ? '#' + target.id : sel;
    if (!region || !region.closest(LIVE)) bad.push(name);
  }
  return [...new Set(bad)];
}"""


@dataclass
class Page:
    name: str
    kwargs: dict = field(default_factory=dict)
    query: str = ""
    signed_in: bool = False
    status: int = 200

    def path(self, language: str) -> str:
        with translation.override(language):
            return reverse(self.name, kwargs=self.kwargs) + self.query


def page_names_in_urlconf() -> set[str]:
    """Names of every pattern behind the language prefix (the site's pages)."""

    def walk(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
                yield from walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield namespace + pattern.name

    names: set[str] = set()
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and isinstance(entry.pattern, LocalePrefixPattern):
            names.update(walk(entry.url_patterns))
    return {n for n in names if not n.startswith("admin:")} | ADMIN_PAGES_CHECKED


def build_pages(settings, tmp_path) -> tuple[list[Page], str]:
    """The sample data, a staff user who is also a member admin, and every page with real ids."""
    from alliance import services as alliance_services
    from alliance.models import (
        CertificationDecision,
        Commitment,
        Convening,
        HiringStandard,
        Member,
        Membership,
    )
    from alliance.providers import services as provider_services
    from alliance.providers.models import ProgramSubmission, ProviderAccount
    from alliance.reconvening.models import Need, Recommitment, Spotlight, StandardVersion
    from alliance.taskforce.models import Meeting
    from credentials.models import Credential
    from credentials.plans.services import plan_create, plan_item_add
    from hiringdata import services as hiring_services
    from hiringdata.models import Submission
    from hiringdata.transparency.models import TransparencyReport
    from pathways.models import Occupation

    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }
    call_command("load_sample_data", stdout=io.StringIO())

    user = get_user_model().objects.create_user(
        "crawler", email="crawler@example.org", password="pw-Secret-1", is_staff=True
    )
    member = Member.objects.order_by("slug")[0]
    Membership.objects.create(user=user, member=member, role="admin")
    held_meeting = Meeting.objects.filter(status="held").values_list("pk", flat=True)[0]
    next_meeting = Meeting.objects.filter(status="scheduled").values_list("pk", flat=True)[0]
    _, invitation_token = alliance_services.invitation_create(
        actor=user, member=member, email="new.person@example.org", role="submitter"
    )
    # The crawler also acts for a sample training provider; one invitation is left open.
    provider_submission = ProgramSubmission.objects.get(status="changes_requested")
    in_review = ProgramSubmission.objects.get(status="in_review")
    ProviderAccount.objects.create(user=user, provider=provider_submission.provider)
    _, provider_token = provider_services.provider_invitation_create(
        actor=user, email="new.provider@example.org", organisation="New Camp", kind="bootcamp"
    )
    # A rejected upload, so the page that lists problems is checked too.
    bad_file = (
        b"hire_id,hire_date,soc_code,job_category,race_ethnicity,sex,education,training_pathway,"
        b"credential\nh1,2025-01-15,15-1212,wizards,white,female,bachelor,bootcamp,\n"
        b"h2,2024-12-31,15-1212,professionals,white,female,bachelor,bootcamp,\n"
    )
    rejected = hiring_services.submission_receive(
        member=member, year=2025, upload=io.BytesIO(bad_file), filename="bad.csv", user=user
    ).submission
    # And one still waiting to be checked (its queueing is held back), with its polling region.
    with mock.patch.object(hiring_services, "submission_enqueue"):
        pending = hiring_services.submission_receive(
            member=member,
            year=2024,
            upload=io.BytesIO(bad_file + b"h3,2025-01-16,15-1212,x,,,,,\n"),
            filename="waiting.csv",
            user=user,
        ).submission
    accepted = Submission.objects.filter(status="accepted").order_by("pk")[0]

    occupations = list(Occupation.objects.order_by("soc_code").values_list("soc_code", flat=True))
    credentials = list(
        Credential.objects.filter(status="published")
        .order_by("slug")
        .values_list("slug", flat=True)
    )
    certified = CertificationDecision.objects.order_by("pk")[0].credential.slug
    standard = HiringStandard.objects.order_by("pk")[0]
    report = TransparencyReport.objects.filter(status="published").order_by("-year")[0]
    convening_year = Convening.objects.order_by("-year")[0].year
    plan = plan_create(user=user, title="Plan for Ana", notes="Evening classes")
    plan_item_add(plan=plan, soc_code=occupations[0])
    plan_item_add(plan=plan, credential_slug=credentials[0], note="First step")
    client = Client()
    client.force_login(user)
    # After the sign-in: the reset token covers last_login, which signing in changes.
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    reset_token = default_token_generator.make_token(user)

    soc = "15-1212" if "15-1212" in occupations else occupations[0]
    program = _sample_program()
    versioned = StandardVersion.objects.select_related("member", "occupation").order_by("pk")[0]
    pages = [
        # Public pages, visited signed out.
        Page("home"),
        Page("offline"),
        Page("login"),
        Page("password_reset"),
        Page("password_reset_done"),
        Page("password_reset_confirm", {"uidb64": uid, "token": reset_token}),
        Page("password_reset_complete"),
        Page("admin:login"),
        Page("pathways:career-list"),
        Page("pathways:career-detail", {"soc_code": soc}),
        Page("pathways:career-compare"),
        Page("pathways:career-compare", query=f"?codes={occupations[0]},{occupations[1]}"),
        Page("pathways:career-match"),
        Page("pathways:career-match", query="?tool=Microsoft+Excel&interest_I=3&interest_C=2"),
        Page("pathways:data"),
        Page("pathways:glossary"),
        Page("pathways:funding"),
        Page("pathways:funding", query="?state=CA&age=30&veteran=yes&income=low"
             "&employment=unemployed&education=high_school"),
        Page("pathways:funding", query="?age=7", status=400),
        Page("credentials:list"),
        Page("credentials:detail", {"slug": credentials[0]}),
        Page("credentials:detail", {"slug": certified}),
        Page("credentials:compare", query=f"?ids={','.join(credentials[:3])}"),
        Page("credentials:compare", query="?ids=nope", status=400),
        Page("credentials:compare", query=f"?ids={credentials[0]},{program.compare_id}"),
        Page("programs:list"),
        Page("programs:list", query="?zip=07102&within=25&sort=distance"),
        Page("programs:list", query="?zip=7102x", status=400),
        Page("programs:detail", {"program_id": program.pk}),
        Page("embed-credential", {"slug": credentials[0]}),
        Page("embed-compare", query=f"?ids={','.join(credentials[:3])}"),
        Page("embed-career", {"soc_code": soc}),
        Page("embed-snippets"),
        Page("downloads"),
        Page("plans:index"),
        Page("plans:detail", {"token": plan.token}),
        Page("plans:handout", {"token": plan.token}),
        Page("alliance:home"),
        Page("alliance:member", {"slug": member.slug}),
        Page("alliance:certification-history", {"slug": certified}),
        Page("alliance:employers"),
        Page("alliance:employers", query=f"?occupation={soc}"),
        Page("alliance:invitation-accept", {"token": invitation_token}),
        Page("reconvening:year", {"year": convening_year}),
        Page("reconvening:year", {"year": 1999}, status=404),
        Page("reconvening:press", {"year": convening_year}),
        Page(
            "reconvening:standard-changes",
            {"slug": versioned.member.slug, "soc_code": versioned.occupation.soc_code},
        ),
        Page("reconvening:needs"),
        Page("reconvening:spotlights"),
        Page("reconvening:awards", {"year": convening_year}),
        Page("reconvening:pledge", {"pk": Commitment.objects.order_by("pk")[0].pk}),
        Page("reconvening:recommitment-pledge", {"pk": Recommitment.objects.order_by("pk")[0].pk}),
        Page("providers:gaps"),
        Page("providers:gaps", query="?level=bachelor"),
        Page("providers:invitation-accept", {"token": provider_token}),
        Page("hiringdata:data_dictionary"),
        Page("transparency:index"),
        Page("transparency:report", {"year": report.year}),
        Page("transparency:print", {"year": report.year}),
        Page("transparency:report", {"year": 2019}, status=404),  # a year without data
        # Signed-in pages (staff who is also an admin of one member).
        Page("password_change", signed_in=True),
        Page("password_change_done", signed_in=True),
        Page("plans:index", signed_in=True),
        Page("alliance:manage-index", signed_in=True),
        Page("alliance:manage", {"slug": member.slug}, signed_in=True),
        Page("alliance:standard-new", {"slug": member.slug}, signed_in=True),
        Page("alliance:standard-edit", {"slug": standard.member.slug, "pk": standard.pk},
             signed_in=True),
        Page("alliance:task-force", signed_in=True),
        Page("alliance:task-force-credential", {"slug": certified}, signed_in=True),
        Page("alliance:task-force-standard", {"pk": standard.pk}, signed_in=True),
        Page("alliance:audit-log", signed_in=True),
        Page("taskforce:meetings"),
        Page("taskforce:meetings", signed_in=True),
        Page("taskforce:meeting", {"pk": held_meeting}),
        Page("taskforce:meeting", {"pk": next_meeting}, signed_in=True),
        Page("taskforce:high-demand"),
        Page("reconvening:manage", {"slug": member.slug}, signed_in=True),
        Page("reconvening:member-needs", {"slug": member.slug}, signed_in=True),
        Page("reconvening:need-answer", {"pk": Need.objects.order_by("pk")[0].pk}, signed_in=True),
        Page("reconvening:needs", signed_in=True),
        Page("reconvening:spotlight-new", signed_in=True),
        Page("reconvening:spotlight-edit", {"pk": Spotlight.objects.order_by("pk")[0].pk},
             signed_in=True),
        Page("reconvening:awards", {"year": convening_year}, signed_in=True),
        Page("providers:portal", signed_in=True),
        Page("providers:submission-new", signed_in=True),
        Page("providers:submission", {"pk": provider_submission.pk}, signed_in=True),
        Page("providers:review-queue", signed_in=True),
        Page("providers:invite", signed_in=True),
        Page("providers:review", {"pk": in_review.pk}, signed_in=True),
        Page("hiringdata:portal", signed_in=True),
        Page("hiringdata:submissions", signed_in=True),
        Page("hiringdata:submission", {"pk": rejected.pk}, signed_in=True),
        Page("hiringdata:submission", {"pk": accepted.pk}, signed_in=True),
        Page("hiringdata:submission", {"pk": pending.pk}, signed_in=True),
        Page("transparency:staff", signed_in=True),
        Page("transparency:staff-report", {"pk": report.pk}, signed_in=True),
        Page("translation-status", signed_in=True),
    ]  # fmt: skip
    return pages, client.cookies["sessionid"].value


def check_page(page, axe_check, path: str, language: str, width: int) -> list[str]:  # type: ignore[no-untyped-def]
    """Everything wrong with the page now in the browser, as lines of a report."""
    problems = []
    try:
        axe_check(page)
    except AssertionError as error:
        problems.append(str(error).split("\n", 1)[-1].split("\nassert")[0])
    facts = page.evaluate(
        """() => ({
          scroll: document.documentElement.scrollWidth,
          h1: document.querySelectorAll('h1').length,
          title: document.title,
          lang: document.documentElement.lang,
          dir: document.documentElement.dir,
        })"""
    )
    if facts["scroll"] > width:
        wide = page.evaluate(
            """(w) => [...document.querySelectorAll('body *')]
                 .filter(e => e.getBoundingClientRect().right > w + 1)
                 .filter(e => !e.parentElement.closest('.table-scroll, pre'))
                 .slice(0, 4).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                   + (e.className && typeof e.className === 'string'
                      ? '.' + e.className.trim().split(/\\s+/).join('.') : ''))""",
            width,
        )
        problems.append(f"overflows sideways: {facts['scroll']} px > {width} px: {wide}")
    if facts["h1"] != 1:
        problems.append(f"{facts['h1']} <h1> elements")
    page_part = facts["title"].rsplit(" | ", 1)[0].strip()
    home = ("", f"/{language}") if language != "en" else ("",)
    if not page_part or (page_part == SITE_NAME and path.rstrip("/") not in home):
        problems.append(f"title does not name the page: {facts['title']!r}")
    if facts["lang"] != language:
        problems.append(f"<html lang={facts['lang']!r}>")
    if facts["dir"] != ("rtl" if language == "ar" else "ltr"):
        problems.append(f"<html dir={facts['dir']!r}>")
    not_live = page.evaluate(HTMX_TARGETS_NOT_LIVE)
    if not_live:
        problems.append(f"htmx targets without aria-live: {not_live}")
    return [f"{path} @{width}px: {p}" for p in problems]


def _sample_program():
    """One training program near Newark, with a withheld figure, for the program pages."""
    from datetime import date

    from credentials.models import Program, Provider
    from pathways.publicdata.models import Zcta

    Zcta.objects.get_or_create(code="07102", defaults={"latitude": 40.7357, "longitude": -74.1724})
    provider = Provider.objects.create(
        name="Newark Tech School", slug="newark-tech-school", kind="community_college"
    )
    return Program.objects.create(
        source="etpl", source_state="NJ", external_id="1", source_date=date(2023, 4, 28),
        name="Cybersecurity Support Technician", provider=provider, cip_code="11.1003",
        street="1 Broad Street", city="Newark", state="NJ", zip_code="07102",
        latitude=40.7357, longitude=-74.1724, tuition_usd=3900, fees_usd=100,
        total_cost_usd=4000, clock_hours=300, calendar_length=6, evening_courses=True,
        wioa_eligible=True, in_demand=True, has_outcomes=True,
        outcome_source="State WIOA program outcomes", outcome_period="state file of 2020",
        employed_q2_pct=70, wage_q2_usd=8000, withheld=["employed_q8_pct", "wage_q8_usd"],
        employment_rate_pct=70, earnings_usd=32000, languages=["es"],
    )  # fmt: skip


def assert_the_pages_cover_the_url_conf(pages: list[Page]) -> None:
    visited = {p.name for p in pages}
    missing = page_names_in_urlconf() - visited - set(SKIPPED)
    assert not missing, f"pages neither visited nor skipped with a reason: {sorted(missing)}"
    assert not visited & set(SKIPPED)


def crawl(browser, live_server, axe_check, pages, session, languages, width, height) -> list[str]:  # type: ignore[no-untyped-def]
    """Open the pages in each language in one browser context; the problems found, as lines."""
    context = browser.new_context(
        viewport={"width": width, "height": height}, base_url=live_server.url
    )
    # The waiting submission polls its status every 2 s; hold those requests back so the page
    # does not change under axe (the region's markup is the same as the page's).
    context.route("**/status/", lambda route: route.abort())
    tab = context.new_page()
    problems: list[str] = []
    # Anything the Content-Security-Policy blocks is reported on the console.
    tab.on(
        "console",
        lambda message: (
            problems.append(f"{tab.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    try:
        for language in languages:
            # Signed-out pages first, then the same context with a real session.
            context.clear_cookies()
            for signed_in in (False, True):
                if signed_in:
                    context.add_cookies(
                        [{"name": "sessionid", "value": session, "url": live_server.url}]
                    )
                for item in (p for p in pages if p.signed_in == signed_in):
                    path = item.path(language)
                    response = tab.goto(path)
                    if response.status != item.status:
                        problems.append(f"{path}: HTTP {response.status}, expected {item.status}")
                        continue
                    problems += check_page(tab, axe_check, path, language, width)
            tab.goto("/no-such-page/" if language == "en" else f"/{language}/no-such-page/")
            problems += check_page(tab, axe_check, f"404 page ({language})", language, width)
    finally:
        context.close()
    return problems


@pytest.mark.parametrize("language", EVERY_PAGE_LANGUAGES)
@pytest.mark.parametrize("width,height", [(360, 740), (1280, 900)], ids=["phone", "desktop"])
def test_every_page_is_accessible_and_fits(
    browser, live_server, axe_check, settings, tmp_path, language, width, height
):
    pages, session = build_pages(settings, tmp_path)
    assert_the_pages_cover_the_url_conf(pages)
    problems = crawl(browser, live_server, axe_check, pages, session, [language], width, height)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width,height", [(360, 740)], ids=["phone"])
def test_representative_pages_in_every_other_language(
    browser, live_server, axe_check, settings, tmp_path, width, height
):
    """The same checks on one page of each kind in Chinese, Vietnamese, Tagalog and Korean: their
    layout is the left-to-right one checked in full above; what differs is the words."""
    pages, session = build_pages(settings, tmp_path)
    chosen = [p for p in pages if p.name in REPRESENTATIVE and p.status == 200]
    assert {p.name for p in chosen} == REPRESENTATIVE
    seen: set[str] = set()
    one_of_each = [p for p in chosen if not (p.name in seen or seen.add(p.name))]  # type: ignore[func-returns-value]
    problems = crawl(
        browser, live_server, axe_check, one_of_each, session, OTHER_LANGUAGES, width, height
    )
    assert not problems, "\n".join(problems)
