"""The alliance's columns of the catalog's comparison index: certification and recognition.

The index is a read model in the catalog (credentials, the layer below). The alliance holds the
facts, so it writes these columns, set-based, whenever the catalog refreshes rows
(credentials.signals.comparison_index_refreshed), and marks rows stale when its facts change.
"""

from datetime import date
from typing import Any

from django.db import connection
from django.db.models import Count, Q

from careerportal.queryset_sql import queryset_sql
from credentials.services import (
    ALLIANCE_PRIOR_BITS,
    CATALOG_PRIOR_BITS,
    comparison_index_mark_stale,
)

from .models import CertificationDecision, CredentialRecognition, RecognitionKind

_UPDATE_SQL = """
UPDATE credentials_comparisonindex ci SET
    certification_status = f.status,
    certified = f.active,
    certification_decided_on = f.decided_on,
    certification_expires_on = f.expires_on,
    recognition_count = f.total,
    recognition_requires = f.requires,
    recognition_prefers = f.prefers,
    recognition_accepts = f.accepts,
    recognition_has_hired = f.has_hired,
    -- certified 8, recognized by an employer 4; the catalog's own bits kept
    search_prior = (ci.search_prior & {catalog_bits})
        | CASE WHEN f.active THEN 8 ELSE 0 END | CASE WHEN f.total > 0 THEN 4 ELSE 0 END
FROM (
    SELECT idx.credential_id,
           COALESCE(cert.status, '') AS status, COALESCE(cert.is_active, false) AS active,
           cert.decided_on, cert.expires_on,
           COALESCE(rec.total, 0) AS total, COALESCE(rec.requires, 0) AS requires,
           COALESCE(rec.prefers, 0) AS prefers, COALESCE(rec.accepts, 0) AS accepts,
           COALESCE(rec.has_hired, 0) AS has_hired
    FROM credentials_comparisonindex idx
    LEFT JOIN ({cert_sql}) cert ON cert.credential_id = idx.credential_id
    LEFT JOIN ({recognition_sql}) rec ON rec.credential_id = idx.credential_id
    WHERE {scope}
) f
WHERE ci.credential_id = f.credential_id
  -- an unchanged row is not rewritten
  AND (ci.certification_status, ci.certified, ci.certification_decided_on,
       ci.certification_expires_on, ci.recognition_count, ci.recognition_requires,
       ci.recognition_prefers, ci.recognition_accepts, ci.recognition_has_hired,
       ci.search_prior & {alliance_bits})
      IS DISTINCT FROM
      (f.status, f.active, f.decided_on, f.expires_on, f.total, f.requires, f.prefers,
       f.accepts, f.has_hired,
       CASE WHEN f.active THEN 8 ELSE 0 END | CASE WHEN f.total > 0 THEN 4 ELSE 0 END)
"""


def comparison_index_write(*, credential_ids: list[int] | None, today: date) -> int:
    """Write the certification and recognition columns of these index rows (all when None)."""
    decisions = CertificationDecision.objects.all()
    recognitions = CredentialRecognition.objects.all()
    if credential_ids is not None:
        decisions = decisions.filter(credential_id__in=credential_ids)
        recognitions = recognitions.filter(credential_id__in=credential_ids)
    cert = (
        decisions.current()
        .with_active_on(today)
        .values("credential_id", "status", "decided_on", "expires_on", "is_active")
    )

    def members(kind: str | None = None) -> Count:
        return Count("member_id", distinct=True, filter=Q(kind=kind) if kind else None)

    per_credential = (
        recognitions.order_by()
        .values("credential_id")
        .annotate(
            total=members(),
            requires=members(RecognitionKind.REQUIRES),
            prefers=members(RecognitionKind.PREFERS),
            accepts=members(RecognitionKind.ACCEPTS),
            has_hired=members(RecognitionKind.HAS_HIRED),
        )
    )
    if credential_ids is None:
        scope = "true"
    else:
        scope = f"idx.credential_id IN ({', '.join(str(int(i)) for i in credential_ids) or 'NULL'})"
    sql = _UPDATE_SQL.format(
        cert_sql=queryset_sql(cert),
        recognition_sql=queryset_sql(per_credential),
        scope=scope,
        catalog_bits=CATALOG_PRIOR_BITS,
        alliance_bits=ALLIANCE_PRIOR_BITS,
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.rowcount


def on_index_refreshed(
    sender: object, *, credential_ids: list[int] | None, today: date, **kwargs: object
) -> None:
    comparison_index_write(credential_ids=credential_ids, today=today)


def on_fact_changed(sender: object, instance: Any, **kwargs: object) -> None:
    """A decision or recognition was saved or deleted: its credential's row is stale."""
    comparison_index_mark_stale(credential_ids=[instance.credential_id])
