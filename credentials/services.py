"""Writes to the catalog: the comparison index and the compare tray kept in the session."""

import threading
from collections.abc import Iterable, MutableMapping
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from careerportal.public_cache import catalog_changed

from .models import ComparisonIndex, ComparisonIndexStale, OutcomeReport
from .signals import comparison_index_refreshed

# search_prior's bits: this layer's (outcomes 2, price 1) and the alliance's (certified 8,
# recognized by an employer 4).
CATALOG_PRIOR_BITS = 3
ALLIANCE_PRIOR_BITS = 12

COMPARE_TRAY_SESSION_KEY = "compare_tray"
COMPARE_MAX = 4

# Words for each category in both languages (English|Spanish), so "ciberseguridad" or "redes"
# finds rows on either language's page even when a credential has no Spanish summary yet.
_CATEGORY_WORDS_SQL = """
CASE c.category
    WHEN 'cybersecurity' THEN 'cybersecurity security|ciberseguridad seguridad informática'
    WHEN 'it_support' THEN 'IT support help desk|soporte técnico informático'
    WHEN 'networking' THEN 'networking networks|redes'
    WHEN 'cloud' THEN 'cloud computing|nube computación en la nube'
    WHEN 'web_development' THEN 'web development|desarrollo web'
    WHEN 'software_development'
        THEN 'software development programming|desarrollo de software programación'
    WHEN 'data' THEN 'data analytics|datos análisis de datos'
    WHEN 'ux' THEN 'UX design|diseño UX'
    ELSE '' END
"""

# One statement for the whole scope: every aggregate is a GROUP BY over the scope, so the cost
# is a handful of hash joins whether it is 1 row or 50,000. The certification and recognition
# columns belong to the alliance app (the layer above, which holds those facts): this statement
# inserts them empty for a new row and never overwrites them; alliance fills them when told the
# rows were refreshed (comparison_index_refreshed).
_REFRESH_SQL = f"""
WITH scope AS (
    SELECT c.id FROM credentials_credential c
    WHERE c.status = 'published' AND (%(all)s OR c.id = ANY(%(ids)s))
),
costs AS (
    SELECT ci.credential_id,
           SUM(ci.amount_min_usd * ci.count) AS cost_min,
           SUM(ci.amount_max_usd * ci.count) AS cost_max,
           string_agg(DISTINCT NULLIF(ci.source_date, ''), '; ') AS source_date,
           bool_or(ci.is_synthetic) AS synthetic
    FROM credentials_costitem ci JOIN scope s ON s.id = ci.credential_id
    GROUP BY ci.credential_id
),
outcome AS ({{outcome_sql}}),
funding AS (
    SELECT cf.credential_id, array_agg(f.slug ORDER BY f.slug) AS slugs
    FROM credentials_credential_funding_sources cf
    JOIN scope s ON s.id = cf.credential_id
    JOIN pathways_fundingsource f ON f.id = cf.fundingsource_id
    GROUP BY cf.credential_id
),
occupations AS (
    SELECT co.credential_id,
           array_agg(o.soc_code ORDER BY o.soc_code) AS codes,
           string_agg(o.title, ' ') AS titles,
           MIN(o.median_annual_wage) AS wage_min,
           MAX(o.median_annual_wage) AS wage_max
    FROM credentials_credential_occupations co
    JOIN scope s ON s.id = co.credential_id
    JOIN pathways_occupation o ON o.id = co.occupation_id
    GROUP BY co.credential_id
),
skills AS (
    SELECT cs.credential_id, string_agg(sk.name, ' ') AS names
    FROM credentials_credential_skills cs
    JOIN scope s ON s.id = cs.credential_id
    JOIN pathways_skill sk ON sk.id = cs.skill_id
    GROUP BY cs.credential_id
),
base AS (
    SELECT c.*, p.name AS provider_name,
           p.states_served AS provider_states, p.is_synthetic AS provider_synthetic,
           COALESCE(NULLIF(c.summary_en, ''), c.summary, '') AS summary_english,
           COALESCE(NULLIF(c.summary_es, ''), NULLIF(c.summary_en, ''), c.summary, '')
               AS summary_spanish,
           split_part({_CATEGORY_WORDS_SQL}, '|', 1) AS category_en,
           split_part({_CATEGORY_WORDS_SQL}, '|', 2) AS category_es
    FROM credentials_credential c
    JOIN scope s ON s.id = c.id
    JOIN credentials_provider p ON p.id = c.provider_id
)
INSERT INTO credentials_comparisonindex AS ci (
    credential_id, slug, name, name_unaccent,
    provider_name, credential_type, category, level,
    delivery, languages, states,
    total_cost_min_usd, total_cost_max_usd, cost_source_date, cost_is_synthetic,
    duration_weeks, total_hours,
    placement_rate_pct, median_salary_usd, outcome_period, outcome_source_name,
    outcome_source_url, outcome_is_synthetic, outcome_is_cirr,
    certification_status, certified, certification_decided_on, certification_expires_on,
    recognition_count, recognition_requires, recognition_prefers, recognition_accepts,
    recognition_has_hired,
    funding_slugs, occupation_codes, occupation_wage_min_usd, occupation_wage_max_usd,
    search_en, search_es, search_prior, is_synthetic, refreshed_at
)
SELECT
    b.id, b.slug, b.name, lower(immutable_unaccent(b.name)),
    b.provider_name, b.credential_type, b.category, b.level,
    b.delivery, b.languages, b.provider_states,
    costs.cost_min, costs.cost_max, COALESCE(costs.source_date, ''),
    COALESCE(costs.synthetic, false),
    b.duration_weeks, b.total_hours,
    outcome.placement, outcome.salary, COALESCE(outcome.period, ''),
    COALESCE(outcome.source_name, ''), COALESCE(outcome.source_url, ''),
    COALESCE(outcome.is_synthetic, false), COALESCE(outcome.is_cirr, false),
    '', false, NULL, NULL,
    0, 0, 0, 0, 0,
    COALESCE(funding.slugs, '{{{{}}}}'), COALESCE(occupations.codes, '{{{{}}}}'),
    occupations.wage_min, occupations.wage_max,
    setweight(to_tsvector('english_unaccent', b.name), 'A')
        || setweight(to_tsvector('english_unaccent', b.summary_english), 'B')
        || setweight(to_tsvector('english_unaccent',
               concat_ws(' ', b.provider_name, b.category_en, b.category_es, skills.names,
                         occupations.titles)),
               'C'),
    setweight(to_tsvector('spanish_unaccent', b.name), 'A')
        || setweight(to_tsvector('spanish_unaccent', b.summary_spanish), 'B')
        || setweight(to_tsvector('spanish_unaccent',
               concat_ws(' ', b.provider_name, b.category_es, b.category_en, skills.names,
                         occupations.titles)),
               'C'),
    -- search_prior, this layer's part: outcomes reported 2, price 1 (alliance adds 8 and 4)
    CASE WHEN outcome.placement IS NOT NULL OR outcome.salary IS NOT NULL THEN 2 ELSE 0 END
        + CASE WHEN costs.cost_min IS NOT NULL THEN 1 ELSE 0 END AS search_prior,
    b.is_synthetic, now()
FROM base b
LEFT JOIN costs ON costs.credential_id = b.id
LEFT JOIN outcome ON outcome.credential_id = b.id
LEFT JOIN funding ON funding.credential_id = b.id
LEFT JOIN occupations ON occupations.credential_id = b.id
LEFT JOIN skills ON skills.credential_id = b.id
-- Written in the order a broad search reads them (cred_index_prior), so that walk reads a few
-- hundred neighbouring pages instead of one page per row.
ORDER BY search_prior DESC, b.name, b.id
ON CONFLICT (credential_id) DO UPDATE SET
    {{update_set}},
    search_prior = EXCLUDED.search_prior | (ci.search_prior & {ALLIANCE_PRIOR_BITS}),
    refreshed_at = EXCLUDED.refreshed_at
-- An unchanged row is not rewritten: a nightly rebuild keeps the table in prior order.
WHERE ({{old_columns}}, ci.search_prior & {CATALOG_PRIOR_BITS})
    IS DISTINCT FROM ({{new_columns}}, EXCLUDED.search_prior)
"""

_DELETE_SQL = """
DELETE FROM credentials_comparisonindex ci
WHERE (%(all)s OR ci.credential_id = ANY(%(ids)s))
  AND NOT EXISTS (SELECT 1 FROM credentials_credential c
                  WHERE c.id = ci.credential_id AND c.status = 'published')
"""


def _refresh_sql(credential_ids: list[int] | None) -> str:
    columns = [
        "slug", "name", "name_unaccent", "provider_name", "credential_type", "category", "level",
        "delivery", "languages", "states", "total_cost_min_usd", "total_cost_max_usd",
        "cost_source_date", "cost_is_synthetic", "duration_weeks", "total_hours",
        "placement_rate_pct", "median_salary_usd", "outcome_period", "outcome_source_name",
        "outcome_source_url", "outcome_is_synthetic", "outcome_is_cirr", "funding_slugs",
        "occupation_codes", "occupation_wage_min_usd", "occupation_wage_max_usd", "search_en",
        "search_es", "is_synthetic",
    ]  # fmt: skip
    reports = OutcomeReport.objects.all()
    if credential_ids is not None:
        reports = reports.filter(credential_id__in=credential_ids)
    outcome_sql = reports.counted_sql()
    return _REFRESH_SQL.format(
        outcome_sql=outcome_sql.replace("%", "%%"),
        update_set=", ".join(f"{c} = EXCLUDED.{c}" for c in columns),
        old_columns=", ".join(f"ci.{c}" for c in columns),
        new_columns=", ".join(f"EXCLUDED.{c}" for c in columns),
    )


def comparison_index_refresh(*, credential_ids: list[int] | None = None) -> int:
    """Rebuild the index rows of these credentials (all when None); return the rows in scope.

    The one refresh path: this layer writes its columns (upsert; rows of credentials no longer
    published are deleted), then comparison_index_refreshed lets the alliance write its own, all
    in one transaction (readers keep seeing the old rows until commit). Stale marks of the scope
    are cleared in the same transaction.
    """
    # "Today" in the portal's time zone (TIME_ZONE), not the database session's UTC date.
    today = timezone.localdate()
    ids = sorted(set(credential_ids or []))
    scope_ids = None if credential_ids is None else ids
    params: dict[str, Any] = {"all": credential_ids is None, "ids": ids}
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(_DELETE_SQL, params)
        cursor.execute(_refresh_sql(scope_ids), params)
        stale = ComparisonIndexStale.objects.all()
        if credential_ids is not None:
            stale = stale.filter(credential_id__in=ids)
        stale.delete()
        comparison_index_refreshed.send(
            sender=ComparisonIndex, credential_ids=scope_ids, today=today
        )
        scope = ComparisonIndex.objects.all()
        # Raw SQL sends no model signals: say so after commit, or cached pages stay old.
        transaction.on_commit(catalog_changed)
        written = (scope if credential_ids is None else scope.filter(pk__in=ids)).count()
    if credential_ids is None and not connection.in_atomic_block:
        # A full rebuild may rewrite many rows: reclaim the old ones and refresh statistics and
        # the visibility map (result counts then read the small indexes, not the table).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE) credentials_comparisonindex")
    return written


def comparison_index_mark_stale(*, credential_ids: Iterable[int]) -> None:
    """Say these credentials' index rows are out of date; a refresh follows the commit.

    The mark is a row written in the caller's transaction, so it survives a broker outage: the
    sweep (comparison_index_refresh_stale, on the beat) picks up whatever the queue missed.
    """
    ids = sorted({int(i) for i in credential_ids if i is not None})
    if not ids:
        return
    ComparisonIndexStale.objects.bulk_create(
        [ComparisonIndexStale(credential_id=i) for i in ids], ignore_conflicts=True
    )
    # One message per commit however many rows it changes (a sample load saves thousands): the
    # first callback to run sends it for every mark made so far; the rest see that and stop.
    _queue.marked += 1
    marked = _queue.marked
    # robust: a broker outage is logged, not shown as a failed (committed) change.
    transaction.on_commit(lambda: _refresh_enqueue(marked), robust=True)


class _Queue(threading.local):
    marked = 0
    sent = 0


_queue = _Queue()


def _refresh_enqueue(marked: int) -> None:
    if marked <= _queue.sent:
        return
    _queue.sent = _queue.marked
    from .tasks import comparison_index_refresh_task

    comparison_index_refresh_task.delay()


def comparison_index_refresh_stale(*, limit: int = 50_000) -> int:
    """Refresh the rows marked stale (claimed with a lock, so two workers never share one)."""
    with transaction.atomic():
        claimed = list(
            ComparisonIndexStale.objects.select_for_update(skip_locked=True)
            .order_by("credential_id")
            .values_list("credential_id", flat=True)[:limit]
        )
        if not claimed:
            return 0
        return comparison_index_refresh(credential_ids=claimed)


def compare_tray_add(*, session: MutableMapping[str, Any], slug: str) -> tuple[list[str], bool]:
    """Add a credential slug to the session's compare tray; return (tray, added)."""
    tray = list(session.get(COMPARE_TRAY_SESSION_KEY, []))
    if slug in tray or len(tray) >= COMPARE_MAX:
        return tray, False
    tray.append(slug)
    session[COMPARE_TRAY_SESSION_KEY] = tray
    return tray, True


def compare_tray_remove(*, session: MutableMapping[str, Any], slug: str | None = None) -> list[str]:
    """Remove one slug from the compare tray (all of them when slug is None); return the tray."""
    tray = [s for s in session.get(COMPARE_TRAY_SESSION_KEY, []) if slug is not None and s != slug]
    session[COMPARE_TRAY_SESSION_KEY] = tray
    return tray
