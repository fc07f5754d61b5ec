"""Read one year's accepted hiring counts, per member, for every table at once."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
from django.db import connection

from alliance.models import Member
from hiringdata.models import Education, RaceEthnicity, Sex, SubmissionStatus, TrainingPathway

from . import suppression as sup

# Dimensions that appear together in some table (see suppression.AuditModel): the query's
# grouping sets.
CLIQUES = (
    ("training_pathway", "race_ethnicity"),
    ("training_pathway", "sex"),
    ("education",),
    ("occupation_group",),
)

INPUT_SQL = """
SELECT hc.member_id, hc.training_pathway, hc.race_ethnicity, hc.sex, hc.education,
       left(hc.soc_code, 2) AS occupation_group,
       GROUPING(hc.race_ethnicity, hc.sex, hc.education, left(hc.soc_code, 2)) AS grouping_set,
       SUM(hc.hires)::bigint AS hires
  FROM hiringdata_hiringcount hc
  JOIN hiringdata_submission s ON s.id = hc.submission_id
 WHERE s.status = %(accepted)s AND s.year = %(year)s AND hc.year = %(year)s
 GROUP BY GROUPING SETS (
       (hc.member_id, hc.training_pathway, hc.race_ethnicity),
       (hc.member_id, hc.training_pathway, hc.sex),
       (hc.member_id, hc.education),
       (hc.member_id, left(hc.soc_code, 2)))
HAVING SUM(hc.hires) > 0
 ORDER BY 7, 1, 2, 3, 4, 5, 6
"""
# GROUPING() bit order: race_ethnicity (8), sex (4), education (2), occupation_group (1).
SET_OF_GROUPING = {0b0111: 0, 0b1011: 1, 0b1101: 2, 0b1110: 3}


@dataclass
class YearInput:
    year: int
    members: list[int]
    opted_in: list[int]
    source: sup.CountsSource
    dimensions: dict[str, tuple[str, ...]]
    fingerprint: str
    submissions: int
    is_synthetic: bool

    @property
    def hires(self) -> int:
        return int(self.source.counts[0].sum()) if self.members else 0


def year_input(*, year: int) -> YearInput:
    """Read one year's accepted hiring counts, per member, for every table at once."""
    with connection.cursor() as cursor:
        cursor.execute(INPUT_SQL, {"accepted": SubmissionStatus.ACCEPTED, "year": year})
        rows = cursor.fetchall()
        cursor.execute(
            "SELECT count(*), bool_or(is_synthetic) FROM hiringdata_submission"
            " WHERE status = %s AND year = %s",
            [SubmissionStatus.ACCEPTED, year],
        )
        submissions, any_synthetic = cursor.fetchone()
    members = sorted({row[0] for row in rows})
    occupations = tuple(sorted({row[5] for row in rows if row[6] == 0b1110}))
    dimensions = {
        "training_pathway": tuple(TrainingPathway.values),
        "race_ethnicity": tuple(RaceEthnicity.values),
        "sex": tuple(Sex.values),
        "education": tuple(Education.values),
        "occupation_group": occupations,
    }
    position = {m: i for i, m in enumerate(members)}
    index = {d: {c: i for i, c in enumerate(cats)} for d, cats in dimensions.items()}
    counts = [
        np.zeros((len(members), *(len(dimensions[d]) for d in clique)), dtype=np.int64)
        for clique in CLIQUES
    ]
    column = {
        "training_pathway": 1,
        "race_ethnicity": 2,
        "sex": 3,
        "education": 4,
        "occupation_group": 5,
    }
    digest = hashlib.sha256(f"year={year}".encode())
    for row in rows:
        q = SET_OF_GROUPING[row[6]]
        cell = tuple(index[d][row[column[d]]] for d in CLIQUES[q])
        counts[q][(position[row[0]], *cell)] = row[7]
        digest.update(repr((q, row[0], *(row[column[d]] for d in CLIQUES[q]), row[7])).encode())
    opted_in = list(
        Member.objects.filter(id__in=members, publish_own_figures=True)
        .order_by("id")
        .values_list("id", flat=True)
    )
    digest.update(repr(("opted_in", opted_in)).encode())
    source = sup.CountsSource(
        dimensions=dimensions, cliques=CLIQUES, employers=members, counts=counts
    )
    return YearInput(
        year=year,
        members=members,
        opted_in=opted_in,
        source=source,
        dimensions=dimensions,
        fingerprint=digest.hexdigest(),
        submissions=submissions,
        is_synthetic=bool(any_synthetic),
    )
