"""Read one year's accepted hiring counts, per member, for every table at once."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
from django.db import connection, transaction

from alliance.models import Member
from credentials.models import Credential
from hiringdata.models import Education, RaceEthnicity, Sex, SubmissionStatus, TrainingPathway

from . import suppression as sup

# Dimensions that appear together in some table (see suppression.AuditModel): the query's
# grouping sets.
CLIQUES = (
    ("training_pathway", "race_ethnicity"),
    ("training_pathway", "sex"),
    ("education",),
    ("occupation_group",),
    ("training_pathway", "credential"),
)
# The credential category of hires who hold no credential (credential slugs are made by
# slugify, which never writes an underscore-led word like this).
NO_CREDENTIAL = "no_credential"

INPUT_SQL = """
SELECT s.member_id, hc.training_pathway, hc.race_ethnicity, hc.sex, hc.education,
       left(hc.soc_code, 2) AS occupation_group, NULL::bigint AS credential_id,
       GROUPING(hc.race_ethnicity, hc.sex, hc.education, left(hc.soc_code, 2)) * 2 + 1
           AS grouping_set,
       SUM(hc.hires)::bigint AS hires
  FROM hiringdata_hiringcount hc
  JOIN hiringdata_submission s ON s.id = hc.submission_id
 WHERE hc.submission_id = ANY(%(submissions)s) AND s.year = %(year)s
 GROUP BY GROUPING SETS (
       (s.member_id, hc.training_pathway, hc.race_ethnicity),
       (s.member_id, hc.training_pathway, hc.sex),
       (s.member_id, hc.education),
       (s.member_id, left(hc.soc_code, 2)))
HAVING SUM(hc.hires) > 0
UNION ALL
SELECT s.member_id, cc.training_pathway, NULL, NULL, NULL, NULL, cc.credential_id, 30,
       SUM(cc.hires)::bigint
  FROM hiringdata_hiringcredentialcount cc
  JOIN hiringdata_submission s ON s.id = cc.submission_id
 WHERE cc.submission_id = ANY(%(submissions)s) AND s.year = %(year)s
 GROUP BY s.member_id, cc.training_pathway, cc.credential_id
HAVING SUM(cc.hires) > 0
"""
# grouping_set: GROUPING() of the cells' query, bit order race_ethnicity (16), sex (8),
# education (4), occupation_group (2), with bit 1 set (no credential); the credential rows
# come from their own table as 0b11110.
SET_OF_GROUPING = {0b01111: 0, 0b10111: 1, 0b11011: 2, 0b11101: 3, 0b11110: 4}
# At the default 4 MB the grouping sets are sorted, spilling 85 MB to disk; with this much
# memory Postgres hashes all four sets in one pass (22 MB at 1,000 members x 2,000 hires).
WORK_MEM = "256MB"


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
    # (member id, submission id) of every submission read.
    segments: list[tuple[int, int]]

    @property
    def hires(self) -> int:
        return int(self.source.counts[0].sum()) if self.members else 0


def year_input(
    *, year: int, submission_ids: list[int] | None = None, opted_in: list[int] | None = None
) -> YearInput:
    """Read one year's hiring counts, per member, for every table at once.

    By default the year's accepted submissions and today's opt-ins; an earlier version is read
    again from the submissions it was built from (superseded files keep their counts) and the
    members whose own tables it published.
    """
    with transaction.atomic(), connection.cursor() as cursor:
        if submission_ids is None:
            cursor.execute(
                "SELECT id, member_id, is_synthetic FROM hiringdata_submission"
                " WHERE status = %s AND year = %s ORDER BY id",
                [SubmissionStatus.ACCEPTED, year],
            )
        else:
            cursor.execute(
                "SELECT id, member_id, is_synthetic FROM hiringdata_submission"
                " WHERE id = ANY(%s) ORDER BY id",
                [list(submission_ids)],
            )
        chosen = cursor.fetchall()
        cursor.execute(f"SET LOCAL work_mem = '{WORK_MEM}'")
        # Compiling this one query costs seconds and saves none.
        cursor.execute("SET LOCAL jit = off")
        cursor.execute(INPUT_SQL, {"submissions": [row[0] for row in chosen], "year": year})
        rows = cursor.fetchall()
    members = sorted({row[0] for row in rows})
    occupations = tuple(sorted({row[5] for row in rows if row[7] == 0b11101}))
    held = {row[6] for row in rows if row[7] == 0b11110 and row[6] is not None}
    slugs = dict(Credential.objects.filter(id__in=held).values_list("id", "slug"))
    credentials = (*sorted(slugs.values()), NO_CREDENTIAL)
    dimensions = {
        "training_pathway": tuple(TrainingPathway.values),
        "race_ethnicity": tuple(RaceEthnicity.values),
        "sex": tuple(Sex.values),
        "education": tuple(Education.values),
        "occupation_group": occupations,
        "credential": credentials,
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
        "credential": 6,
    }
    for row in rows:
        q = SET_OF_GROUPING[row[7]]
        values = {d: row[i] for d, i in column.items()}
        if q == 4:
            values["credential"] = slugs[row[6]] if row[6] is not None else NO_CREDENTIAL
        cell = tuple(index[d][values[d]] for d in CLIQUES[q])
        counts[q][(position[row[0]], *cell)] = row[8]
    if opted_in is None:
        opted_in = list(
            Member.objects.filter(id__in=members, publish_own_figures=True)
            .order_by("id")
            .values_list("id", flat=True)
        )
    opted_in = [m for m in opted_in if m in position]
    # Same cells and opt-ins, same fingerprint (whatever order the rows came in).
    digest = hashlib.sha256(repr((year, members, dimensions, opted_in)).encode())
    for array in counts:
        digest.update(array.tobytes())
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
        submissions=len(chosen),
        is_synthetic=any(row[2] for row in chosen),
        segments=[(row[1], row[0]) for row in chosen],
    )
