"""Which tech job fits me: the tools a worker already uses (O*NET Technology Skills) and a short
interest check (O*NET RIASEC profiles), ranked over the tech family with the reason for each."""

from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Occupation
from .publicdata.models import TechnologySkill

# The interest check: one plain question per RIASEC type (O*NET Interest Profiler's types).
INTEREST_QUESTIONS = [
    ("R", gettext_lazy("Fix things and work with tools, machines or equipment")),
    ("I", gettext_lazy("Solve problems and figure out how things work")),
    ("A", gettext_lazy("Design, draw, write or make something new")),
    ("S", gettext_lazy("Help, teach or look after people")),
    ("E", gettext_lazy("Lead a team, persuade people or sell")),
    ("C", gettext_lazy("Keep records, data and details in order")),
]
INTEREST_NAMES = {
    "R": gettext_lazy("hands-on"),
    "I": gettext_lazy("problem-solving"),
    "A": gettext_lazy("creative"),
    "S": gettext_lazy("helping"),
    "E": gettext_lazy("leading"),
    "C": gettext_lazy("organising"),
}
ANSWERS = {"1": 0.0, "2": 0.5, "3": 1.0}  # not me, a little, a lot
TOOLS_SHOWN = 40
TOOLS_WEIGHT, INTEREST_WEIGHT = 0.6, 0.4


@dataclass
class Match:
    occupation: Occupation
    score: float
    tools_used: list[str] = field(default_factory=list)
    tools_total: int = 0
    interests: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


def match_tools() -> list[str]:
    """The technologies most tech jobs list as hot or in demand (what the form offers)."""
    rows = (
        TechnologySkill.objects.filter(occupation__in_tech_family=True)
        .filter(hot=True)
        .values("example")
        .annotate(jobs=Count("occupation", distinct=True))
        .order_by("-jobs", "example")[:TOOLS_SHOWN]
    )
    return sorted(r["example"] for r in rows)


def occupation_match(*, tools: list[str], answers: dict[str, str], limit: int = 10) -> list[Match]:
    """Rank the tech family by the tools used and the interests given (2 queries)."""
    occupations = list(Occupation.objects.tech_family().exclude(onet_code=""))
    by_occupation: dict[int, list[tuple[str, bool]]] = {}
    for occupation_id, example, in_demand in (
        TechnologySkill.objects.filter(occupation__in_tech_family=True)
        .filter(hot=True)
        .values_list("occupation_id", "example", "in_demand")
    ):
        by_occupation.setdefault(occupation_id, []).append((example, in_demand))
    wanted = {t.lower(): t for t in tools}
    profile = {k: ANSWERS[v] for k, v in answers.items() if v in ANSWERS}
    matches = []
    for occupation in occupations:
        listed = by_occupation.get(occupation.id, [])
        used = sorted({example for example, _ in listed if example.lower() in wanted})
        tool_score = len(used) / min(len(wanted), 8) if wanted else 0.0
        interest_score, liked = _interest_fit(occupation.interests, profile)
        score = TOOLS_WEIGHT * min(tool_score, 1.0) + INTEREST_WEIGHT * interest_score
        match = Match(
            occupation=occupation,
            score=round(score, 4),
            tools_used=used,
            tools_total=len(listed),
            interests=liked,
        )
        if used:
            match.reasons.append(
                _("You use %(tools)s: %(count)s of this job's %(total)s key technologies.")
                % {"tools": ", ".join(used[:5]), "count": len(used), "total": len(listed)}
            )
        if liked:
            match.reasons.append(
                _("It fits your interest in %(kinds)s work.") % {"kinds": ", ".join(liked)}
            )
        matches.append(match)
    matches.sort(key=lambda m: (-m.score, m.occupation.title))
    return [m for m in matches if m.score > 0][:limit]


def _interest_fit(onet: dict[str, float], profile: dict[str, float]) -> tuple[float, list[str]]:
    """How close the job's RIASEC profile (1-7) is to the answers, and the shared top kinds."""
    if not profile or not onet:
        return 0.0, []
    job = {k: (onet.get(k, 1.0) - 1) / 6 for k in profile}
    distance = sum(abs(job[k] - profile[k]) for k in profile) / len(profile)
    top = sorted(onet, key=lambda k: -onet[k])[:3]
    liked = [
        str(INTEREST_NAMES[k]) for k in top if profile.get(k, 0) >= 0.5 and k in INTEREST_NAMES
    ]
    return 1 - distance, liked
