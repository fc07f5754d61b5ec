"""Any change to a credential, its provider, prices or outcomes marks its index row stale."""

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from pathways.models import FundingSource, Occupation, Skill

from .models import CostItem, Credential, OutcomeReport, Provider
from .services import comparison_index_mark_stale


def _credential_changed(sender: object, instance: Credential, **kwargs: Any) -> None:
    comparison_index_mark_stale(credential_ids=[instance.pk])


def _part_changed(sender: object, instance: CostItem | OutcomeReport, **kwargs: Any) -> None:
    comparison_index_mark_stale(credential_ids=[instance.credential_id])


def _provider_changed(sender: object, instance: Provider, **kwargs: Any) -> None:
    # The index copies the provider's name and states into every row of its credentials.
    if instance.pk is not None:
        comparison_index_mark_stale(
            credential_ids=Credential.objects.filter(provider=instance).values_list("pk", flat=True)
        )


def _links_changed(
    sender: Any, instance: Any, action: str, reverse: bool, pk_set: set[int] | None, **kwargs: Any
) -> None:
    if reverse and action == "pre_clear":  # from the other side: the credentials linked now
        linked = sender.objects.filter(**{f"{instance._meta.model_name}_id": instance.pk})
        comparison_index_mark_stale(credential_ids=linked.values_list("credential_id", flat=True))
    elif action in ("post_add", "post_remove", "post_clear"):
        comparison_index_mark_stale(credential_ids=pk_set or [] if reverse else [instance.pk])


def _vocabulary_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    """An occupation, funding source or skill: its title, wage or slug is copied into rows."""
    related = {Occupation: "occupations", FundingSource: "funding_sources", Skill: "skills"}
    comparison_index_mark_stale(
        credential_ids=Credential.objects.filter(**{related[sender]: instance}).values_list(
            "pk", flat=True
        )
    )


def connect() -> None:
    post_save.connect(_credential_changed, sender=Credential)
    post_delete.connect(_credential_changed, sender=Credential)
    for model in (CostItem, OutcomeReport):
        post_save.connect(_part_changed, sender=model)
        post_delete.connect(_part_changed, sender=model)
    post_save.connect(_provider_changed, sender=Provider)
    for through in (
        Credential.occupations.through,
        Credential.funding_sources.through,
        Credential.skills.through,
    ):
        m2m_changed.connect(_links_changed, sender=through)
    for vocabulary in (Occupation, FundingSource, Skill):
        post_save.connect(_vocabulary_changed, sender=vocabulary)
