"""Writes to the catalog: the comparison index and the compare tray kept in the session."""

from collections.abc import MutableMapping
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from careerportal.public_cache import catalog_changed

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
# is a handful of hash joins whether it is 1 row or 50,000. Certification and recognition come
# from the alliance tables by SQL (the alliance app sits above this one and is not imported).
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
outcome AS (
    SELECT DISTINCT ON (o.credential_id)
           o.credential_id,
           COALESCE(o.employed_in_field_180_days_pct, o.reported_employment_pct) AS placement,
           COALESCE(o.median_starting_salary_usd, o.reported_salary_usd) AS salary,
           o.period, o.source_name, o.source_url, o.is_synthetic,
           (o.vocabulary = 'cirr' AND o.employed_in_field_180_days_pct IS NOT NULL) AS is_cirr
    FROM credentials_outcomereport o JOIN scope s ON s.id = o.credential_id
    WHERE COALESCE(o.employed_in_field_180_days_pct, o.reported_employment_pct,
                   o.median_starting_salary_usd, o.reported_salary_usd) IS NOT NULL
    -- real figures before synthetic ones, then the newest report
    ORDER BY o.credential_id, o.is_synthetic, o.id DESC
),
cert AS (
    SELECT DISTINCT ON (d.credential_id)
           d.credential_id, d.status, d.decided_on, d.expires_on
    FROM alliance_certificationdecision d JOIN scope s ON s.id = d.credential_id
    ORDER BY d.credential_id, d.decided_on DESC, d.created_at DESC
),
recognition AS (
    SELECT r.credential_id,
           COUNT(DISTINCT r.member_id) AS total,
           COUNT(DISTINCT r.member_id) FILTER (WHERE r.kind = 'requires') AS requires,
           COUNT(DISTINCT r.member_id) FILTER (WHERE r.kind = 'prefers') AS prefers,
           COUNT(DISTINCT r.member_id) FILTER (WHERE r.kind = 'accepts') AS accepts,
           COUNT(DISTINCT r.member_id) FILTER (WHERE r.kind = 'has_hired') AS has_hired
    FROM alliance_credentialrecognition r JOIN scope s ON s.id = r.credential_id
    GROUP BY r.credential_id
),
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
INSERT INTO credentials_comparisonindex (
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
    COALESCE(cert.status, ''),
    COALESCE(cert.status = 'certified'
             AND (cert.expires_on IS NULL OR cert.expires_on >= %(today)s), false),
    cert.decided_on, cert.expires_on,
    COALESCE(recognition.total, 0), COALESCE(recognition.requires, 0),
    COALESCE(recognition.prefers, 0), COALESCE(recognition.accepts, 0),
    COALESCE(recognition.has_hired, 0),
    COALESCE(funding.slugs, '{{}}'), COALESCE(occupations.codes, '{{}}'),
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
    -- search_prior: certified 8, recognized by an employer 4, outcomes reported 2, price 1
    CASE WHEN COALESCE(cert.status = 'certified'
                       AND (cert.expires_on IS NULL OR cert.expires_on >= %(today)s), false)
         THEN 8 ELSE 0 END
        + CASE WHEN COALESCE(recognition.total, 0) > 0 THEN 4 ELSE 0 END
        + CASE WHEN outcome.placement IS NOT NULL OR outcome.salary IS NOT NULL THEN 2 ELSE 0 END
        + CASE WHEN costs.cost_min IS NOT NULL THEN 1 ELSE 0 END AS search_prior,
    b.is_synthetic, now()
FROM base b
LEFT JOIN costs ON costs.credential_id = b.id
LEFT JOIN outcome ON outcome.credential_id = b.id
LEFT JOIN cert ON cert.credential_id = b.id
LEFT JOIN recognition ON recognition.credential_id = b.id
LEFT JOIN funding ON funding.credential_id = b.id
LEFT JOIN occupations ON occupations.credential_id = b.id
LEFT JOIN skills ON skills.credential_id = b.id
-- Written in the order a broad search reads them (cred_index_prior), so that walk reads a few
-- hundred neighbouring pages instead of one page per row.
ORDER BY search_prior DESC, b.name, b.id
"""

_DELETE_SQL = """
DELETE FROM credentials_comparisonindex
WHERE %(all)s OR credential_id = ANY(%(ids)s)
"""


def comparison_index_refresh(*, credential_ids: list[int] | None = None) -> int:
    """Rebuild the comparison-index rows for these credentials (all when None); return rows written.

    Rows in scope are deleted and re-inserted in one transaction (readers keep seeing the old
    rows until commit); a credential that is no longer published simply gets no new row.
    """
    # "Today" in the portal's time zone (TIME_ZONE), not the database session's UTC date.
    params: dict[str, Any] = {
        "all": credential_ids is None,
        "ids": list(credential_ids or []),
        "today": timezone.localdate(),
    }
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(_DELETE_SQL, params)
        cursor.execute(_REFRESH_SQL, params)
        written = cursor.rowcount
        # Raw SQL sends no model signals: say so after commit, or cached pages stay old.
        transaction.on_commit(catalog_changed)
    if credential_ids is None and not connection.in_atomic_block:
        # A full rebuild rewrites every row: reclaim the old ones and refresh statistics and
        # the visibility map (result counts then read the small indexes, not the table).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE) credentials_comparisonindex")
    return written


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
