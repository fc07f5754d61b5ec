"""Synthetic hiring data for benchmarks and demos: accepted submissions marked is_synthetic.

Everything is made in Postgres with set-based INSERT ... SELECT: one generated row per hire,
grouped into HiringCount and HiringCredentialCount cells, so 1,000 members x 2,000 hires
takes seconds, not minutes.
"""

from __future__ import annotations

import random
from typing import Any

from django.db import connection, transaction
from django.utils.text import slugify

from alliance.models import Member, MemberKind, MemberSize
from credentials.models import Credential

# Weighted vocabularies: a value repeated n times is drawn n times in 100. Invented, not real.
RACE_WEIGHTS = {
    "white": 52,
    "hispanic_latino": 14,
    "black_african_american": 11,
    "asian": 14,
    "two_or_more": 4,
    "american_indian_alaska_native": 1,
    "native_hawaiian_pacific_islander": 1,
    "not_disclosed": 3,
}
SEX_WEIGHTS = {"male": 66, "female": 31, "another": 1, "not_disclosed": 2}
EDUCATION_WEIGHTS = {
    "high_school": 14,
    "some_college": 16,
    "associate": 12,
    "bachelor": 42,
    "graduate": 12,
    "less_than_high_school": 1,
    "not_disclosed": 3,
}
DEGREE_PATHWAYS = {
    "four_year_degree": 70,
    "two_year_degree": 12,
    "military": 4,
    "employer_training": 5,
    "self_taught": 5,
    "other": 2,
    "not_disclosed": 2,
}
NON_DEGREE_PATHWAYS = {"bootcamp": 35, "industry_certification": 45, "apprenticeship": 20}
# Only occupations the upload validator accepts (the 16 tech SOC codes of the sample catalog).
SOC_WEIGHTS = {
    "15-1252": 22,  # software developers
    "15-1232": 14,  # computer user support specialists
    "15-1212": 10,  # information security analysts
    "15-1244": 9,  # network and computer systems administrators
    "15-1211": 8,  # computer systems analysts
    "15-1254": 6,  # web developers
    "15-1253": 6,  # software quality assurance analysts and testers
    "15-1231": 5,  # computer network support specialists
    "15-1299": 4,  # computer occupations, all other
    "15-2051": 4,  # data scientists
    "15-1242": 3,  # database administrators
    "15-1241": 3,  # computer network architects
    "15-1255": 2,  # web and digital interface designers
    "15-1251": 2,  # computer programmers
    "15-1243": 1,  # database architects
    "15-1221": 1,  # computer and information research scientists
}
JOB_OF_SOC = {"15-1232": "technicians", "15-1231": "technicians"}


def _weighted_array(weights: dict[str, int]) -> str:
    values = [value for value, n in weights.items() for _ in range(n)]
    return "ARRAY[" + ",".join(f"'{v}'" for v in values) + "]"


def _pick(weights: dict[str, int]) -> str:
    array = _weighted_array(weights)
    return f"({array})[1 + floor(random() * {sum(weights.values())})::int]"


def members_create(*, count: int, opt_in_every: int = 20) -> list[int]:
    """Create synthetic employer members (every n-th opts in to publishing its own figures)."""
    start = Member.objects.filter(is_synthetic=True).count()
    members = [
        Member(
            name=f"Synthetic Employer {n:04d}",
            slug=slugify(f"synthetic-employer-{n:04d}"),
            kind=MemberKind.EMPLOYER,
            size=MemberSize.LARGE if n % 7 == 0 else MemberSize.SMALL_MEDIUM,
            description="Synthetic member for demos and benchmarks; not a real organisation.",
            publish_own_figures=(n % opt_in_every == 1),
            is_synthetic=True,
        )
        for n in range(start + 1, start + count + 1)
    ]
    return [m.id for m in Member.objects.bulk_create(members)]


def hires_generate(
    *,
    member_ids: list[int],
    year: int,
    hires_per_member: int,
    seed: int,
    credential_ids: list[int] | None = None,
) -> int:
    """Give each member one accepted synthetic submission for the year; return hires made.

    The same seed and member list (in the same order) give the same rows, whatever the ids.

    Members that already have an accepted submission for the year are left alone. Each
    member's share of non-degree pathways differs and grows a little each year for some, so the
    year-over-year change and the 'most progress' candidates have something to show.

    ``credential_ids``: credentials hires may hold (by default the first five published ones of
    the catalog, none if it is empty). Most hires through non-degree training hold one, a few
    others do. Chosen from the hire's number, not random(), so every other column keeps the
    values the same seed always gave.
    """
    if not member_ids or hires_per_member <= 0:
        return 0
    if credential_ids is None:
        credential_ids = list(
            Credential.objects.published().order_by("id").values_list("id", flat=True)[:5]
        )
    held = (
        f"CASE WHEN (n * 37 + o * 11) %% 100"
        f" < (CASE WHEN non_degree THEN 75 ELSE 10 END)"
        f" THEN (ARRAY[{','.join(str(int(i)) for i in credential_ids)}]::bigint[])"
        f"[1 + (n * 7 + o) %% {len(credential_ids)}] END"
        if credential_ids
        else "NULL::bigint"
    )
    non_degree_share = (
        "(0.12 + ((h.o * 37) %% 30) / 100.0 + GREATEST(0, %(year)s - 2023)"
        " * ((h.o * 13) %% 5) / 100.0)"
    )
    soc = _pick(SOC_WEIGHTS)
    job_case = (
        "CASE g.soc "
        + " ".join(f"WHEN '{s}' THEN '{j}'" for s, j in JOB_OF_SOC.items())
        + " ELSE 'professionals' END"
    )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
        # Same seed, same data: synthetic benchmark data, not secrets.
        setseed = random.Random(seed).random() * 2 - 1  # noqa: S311
        cursor.execute("SELECT setseed(%s)", [setseed])
        cursor.execute(
            """
            INSERT INTO hiringdata_submission
                (member_id, year, status, shape, original_filename, stored_path, sha256,
                 size_bytes, created_at, processed_at, rows_total, hires_total, cells_total,
                 is_synthetic, attempts, failure_reason)
            SELECT m.id, %(year)s, 'accepted', 'counts', 'synthetic.csv', '',
                   md5('synthetic-' || m.id || '-' || %(year)s || '-' || %(seed)s)
                   || md5('synthetic-' || %(seed)s),
                   0, now(), now(), NULL, %(hires)s, NULL, true, 0, ''
              FROM alliance_member m
             WHERE m.id = ANY(%(members)s)
               AND NOT EXISTS (SELECT 1 FROM hiringdata_submission s
                                WHERE s.member_id = m.id AND s.year = %(year)s
                                  AND s.status = 'accepted')
            """,
            {"year": year, "seed": seed, "hires": hires_per_member, "members": member_ids},
        )
        cursor.execute(
            f"""
            WITH subs AS (
                SELECT s.id, s.member_id,
                       array_position(%(members)s::bigint[], s.member_id::bigint) AS o
                  FROM hiringdata_submission s
                 WHERE s.member_id = ANY(%(members)s) AND s.year = %(year)s
                   AND s.status = 'accepted' AND s.is_synthetic AND s.cells_total IS NULL
            ), draws AS (
                -- Drawn in a fixed order (member's place in the list, then hire number), so the
                -- same seed and list give the same data whatever ids the database handed out.
                SELECT h.submission_id, h.member_id,
                       random() < {non_degree_share} AS non_degree,
                       {soc} AS soc,
                       {_pick(RACE_WEIGHTS)} AS race,
                       {_pick(SEX_WEIGHTS)} AS sex,
                       {_pick(EDUCATION_WEIGHTS)} AS education,
                       {_pick(DEGREE_PATHWAYS)} AS degree_pathway,
                       {_pick(NON_DEGREE_PATHWAYS)} AS other_pathway,
                       h.n, h.o
                  FROM (SELECT subs.id AS submission_id, subs.member_id, subs.o, n
                          FROM subs CROSS JOIN generate_series(1, %(hires)s) AS n
                         ORDER BY subs.o, n) AS h
            ), g AS (
                SELECT submission_id, soc, race, sex, education,
                       CASE WHEN non_degree THEN other_pathway ELSE degree_pathway END AS pathway,
                       {held} AS credential_id
                  FROM draws
            ), credentials AS (
                INSERT INTO hiringdata_hiringcredentialcount
                    (submission_id, training_pathway, credential_id, hires)
                SELECT submission_id, pathway, credential_id, count(*)
                  FROM g
                 GROUP BY submission_id, pathway, credential_id
            )
            INSERT INTO hiringdata_hiringcount
                (submission_id, soc_code, job_category, race_ethnicity, sex, education,
                 training_pathway, hires)
            SELECT submission_id, soc, {job_case}, race, sex, education, pathway, count(*)
              FROM g
             GROUP BY submission_id, soc, race, sex, education, pathway
            """,
            {"year": year, "hires": hires_per_member, "members": member_ids},
        )
        cursor.execute(
            """
            UPDATE hiringdata_submission s
               SET cells_total = c.cells, rows_total = c.cells
              FROM (SELECT submission_id, count(*) AS cells FROM hiringdata_hiringcount
                     WHERE submission_id IN (SELECT id FROM hiringdata_submission
                                              WHERE year = %(year)s AND is_synthetic
                                                AND cells_total IS NULL)
                     GROUP BY submission_id) c
             WHERE c.submission_id = s.id AND s.member_id = ANY(%(members)s)
               AND s.year = %(year)s AND s.is_synthetic AND s.cells_total IS NULL
            """,
            {"year": year, "members": member_ids},
        )
        made = cursor.rowcount
        # Fresh statistics, or the planner reads a million new rows with a bad plan.
        cursor.execute("ANALYZE hiringdata_hiringcount")
        cursor.execute("ANALYZE hiringdata_hiringcredentialcount")
        cursor.execute("ANALYZE hiringdata_submission")
    return made * hires_per_member


def generate(*, options: dict[str, Any], rng: random.Random) -> str:
    """Make accepted synthetic submissions for every synthetic member (creating members if none)."""
    hires = int(options.get("hires_per_member") or 0)
    year = options.get("year")
    if not hires or not year:
        return "no hiring data asked for (--hires-per-member and --year)"
    member_ids = list(
        Member.objects.filter(is_synthetic=True).order_by("id").values_list("id", flat=True)
    )
    created = 0
    if not member_ids and int(options.get("members") or 0):
        member_ids = members_create(count=int(options["members"]))
        created = len(member_ids)
    made = hires_generate(
        member_ids=member_ids,
        year=int(year),
        hires_per_member=hires,
        seed=int(options.get("seed") or 1),
    )
    return (
        f"{made} synthetic hires for {year} ({created} synthetic members created, "
        f"{len(member_ids)} in all)"
    )
