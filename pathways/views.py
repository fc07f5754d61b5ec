"""Career pages and the funding screener: parse, call one selector, render."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django_htmx.middleware import HtmxDetails

from careerportal.numbers import amount, usd
from careerportal.public_cache import public_fragment, public_params
from careerportal.share_card import card_response
from careerportal.sharing import site_of
from careerportal.text import release_label

from . import extensions, screener, selectors
from .filters import OccupationFilter
from .forms import FundingScreenerForm
from .models import OCCUPATION_CODE_RE, EducationLevel, Occupation, OccupationField
from .schema_org import occupation_share
from .videos.pages import video_media_allow


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def career_list(request: HtmxHttpRequest) -> HttpResponse:
    """Browse careers by field, filter by education, wage and growth, and search."""
    params = public_params(request.GET, OccupationFilter.base_filters)
    searching = bool(params.get("q", "").strip())
    # Without a search the page features the tech family; a search reaches every occupation.
    base = Occupation.objects.all() if searching else Occupation.objects.tech_family()
    filterset = OccupationFilter(params, queryset=base)
    valid = filterset.is_valid()

    def results() -> str:
        occupations = filterset.qs if valid else Occupation.objects.none()
        groups: list[tuple[str, list[Occupation]]] = []
        for value, label in OccupationField.choices:
            members = [o for o in occupations if o.field == value]
            if members:
                groups.append((str(label), members))
        others = [o for o in occupations if not o.field]
        if others:
            groups.append((_("Other"), others))
        context = {
            "groups": groups,
            "count": len(occupations),
            "sorted": bool(params.get("sort")) or searching,
            "occupations": occupations,
        }
        return render_to_string("pathways/includes/_career_groups.html", context, request)

    context = {
        "filter": filterset,
        # The same for everyone asking the same (no per-person part): cached rendered.
        "results": public_fragment(
            "career-list", params.urlencode(), request=request, render=results
        ),
    }
    template = (
        "pathways/includes/_career_results.html" if request.htmx else "pathways/career_list.html"
    )
    return render(request, template, context)


def career_detail(request: HtmxHttpRequest, soc_code: str) -> HttpResponse:
    """One occupation: figures with sources, pathways by education level, panels, video."""
    page = selectors.occupation_page(soc_code=soc_code)
    if page is None:
        raise Http404(
            _(
                "No tech occupation with SOC code %(code)s is in this portal. "
                "Browse the careers list to find one."
            )
            % {"code": soc_code[:20]}
        )
    occupation, pathways, public = page.occupation, page.pathways, page.public
    levels = [p.pathway.education_level for p in pathways]
    level = request.GET.get("level") or (
        EducationLevel.HIGH_SCHOOL
        if EducationLevel.HIGH_SCHOOL in levels
        else (levels[0] if levels else "")
    )
    chosen = next((p for p in pathways if p.pathway.education_level == level), None)
    context = {
        "occupation": occupation,
        "pathways": pathways,
        "levels": [
            (p.pathway.education_level, p.pathway.get_education_level_display()) for p in pathways
        ],
        "level": level,
        "chosen": chosen,
        "level_unknown": bool(request.GET.get("level")) and chosen is None,
        "panels": extensions.occupation_panels_render(request=request, occupation=occupation),
        "save_panels": extensions.occupation_panels_render(
            request=request, occupation=occupation, slot="save"
        ),
        "public": public,
        "share": occupation_share(
            occupation, site=site_of(request), national_wage=public.national_wage
        ),
    }
    if request.htmx and request.htmx.target == "pathway-region":
        return render(request, "pathways/includes/_pathway.html", context)
    context["video"] = page.video
    return video_media_allow(render(request, "pathways/career_detail.html", context), page.video)


def career_card(request: HttpRequest, soc_code: str) -> HttpResponse:
    """An occupation's wage card (its share image): median pay, growth, openings (BLS)."""
    occupation = selectors.occupation_get(soc_code=soc_code)
    if occupation is None:
        raise Http404
    growth = occupation.projected_change_pct
    return card_response(
        kicker=f"SOC {occupation.soc_code}",
        title=occupation.title,
        facts=[
            (
                _("Median pay"),
                usd(occupation.median_annual_wage)
                if occupation.median_annual_wage
                else _("not published"),
            ),
            (_("Growth"), f"{growth:+g}%" if growth is not None else "—"),
            (
                _("Openings a year"),
                amount(occupation.annual_openings) if occupation.annual_openings else "—",
            ),
        ],
        footer=_("BLS OEWS %(vintage)s and projections")
        % {"vintage": release_label(occupation.wage_vintage)},
    )


def career_compare(request: HtmxHttpRequest) -> HttpResponse:
    """Two or three careers side by side."""
    # ?codes=a,b from a shared link, or ?codes=a&codes=b from the checkboxes on /careers/.
    raw = ",".join(request.GET.getlist("codes"))
    codes = [c.strip() for c in raw.split(",") if c.strip()]
    errors = []
    bad = [c for c in codes if not OCCUPATION_CODE_RE.match(c)]
    if bad:
        errors.append(_("These are not SOC codes: %(codes)s.") % {"codes": ", ".join(bad[:5])})
    codes = list(dict.fromkeys(c for c in codes if OCCUPATION_CODE_RE.match(c)))
    occupations = selectors.occupations_compare(codes=codes)
    missing = [c for c in codes if c not in {o.soc_code for o in occupations}]
    if missing:
        errors.append(
            _("No occupation with these codes: %(codes)s.") % {"codes": ", ".join(missing)}
        )
    if raw and not 2 <= len(occupations) <= selectors.MAX_COMPARE:
        errors.append(_("Choose 2 or 3 careers to compare."))
        occupations = occupations[: selectors.MAX_COMPARE] if len(occupations) > 1 else []
    status = 400 if errors else 200
    return render(
        request,
        "pathways/career_compare.html",
        {"occupations": occupations, "errors": errors, "all": Occupation.objects.all()},
        status=status,
    )


def funding(request: HtmxHttpRequest) -> HttpResponse:
    """The funding sources, and a screener that says which may apply and why."""
    form = FundingScreenerForm.from_query(request.GET)
    # ?credential=<slug> screens for that program; the catalog describes it (extensions).
    slug = (request.GET.get("credential") or "").strip()
    program = extensions.screen_program(slug=slug) if slug else None
    program_error = bool(slug) and program is None
    sources = screener.funding_sources_for_screen()
    matches = None
    if not program_error and (program is not None or form.is_bound) and not form.errors:
        answers = form.answers() if form.is_bound else {}
        matches = screener.funding_sources_screen(
            answers=answers, program=program.program if program else None, sources=sources
        )
    left = (
        screener.left_to_pay(
            matches=matches, cost_usd=program.total_cost_usd, cost_date=program.cost_date
        )
        if matches is not None and program is not None
        else None
    )
    # The person's own state's sources first in the full list too.
    state = form.cleaned_data.get("state", "") if form.is_bound and not form.errors else ""
    sources.sort(key=lambda s: not (state and s.state == state))
    # State sources list the programs loaded from their state's ETPL (the catalog's count).
    listed = extensions.listed_programs(states=sorted({s.state for s in sources if s.state}))
    for source in sources:
        source.listed_programs = listed.get(source.state)  # type: ignore[attr-defined]
    context = {
        "form": form,
        "matches": matches,
        "left": left,
        "program": program,
        "program_error": program_error,
        "credential_slug": slug if program else "",
        "sources": sources,
    }
    if request.htmx and request.htmx.target == "screener-results":
        return render(request, "pathways/includes/_screener_results.html", context)
    status = 400 if form.errors or program_error else 200
    return render(request, "pathways/funding.html", context, status=status)


def data_sources(request: HttpRequest) -> HttpResponse:
    """Every public-data source: publisher, vintage, licence and credit, rows, last load."""
    return render(request, "pathways/data_sources.html", selectors.data_sources())


def career_match(request: HttpRequest) -> HttpResponse:
    """Which tech job fits me: tick tools, answer the interest check, see ranked jobs."""
    from django.urls import Resolver404, resolve

    from .matcher import INTEREST_QUESTIONS, match_tools, occupation_match

    tools = [t for t in request.GET.getlist("tool") if t][:60]
    answers = {code: request.GET.get(f"interest_{code}", "") for code, _label in INTEREST_QUESTIONS}
    asked = bool(tools) or any(answers.values())
    try:
        resolve("/programs/")
        programs = True
    except Resolver404:
        programs = False
    context = {
        "tools": match_tools(),
        "chosen": set(tools),
        "questions": [(code, label, answers[code]) for code, label in INTEREST_QUESTIONS],
        "asked": asked,
        "matches": occupation_match(tools=tools, answers=answers) if asked else [],
        "programs": programs,
    }
    return render(request, "pathways/career_match.html", context)


def glossary(request: HttpRequest) -> HttpResponse:
    """The words the site uses, in plain words (written by the portal team)."""
    from careerportal.text import folded

    from .glossary import glossary_terms

    terms = sorted(glossary_terms(), key=lambda t: folded(t.term))
    return render(request, "pathways/glossary.html", {"terms": terms})
