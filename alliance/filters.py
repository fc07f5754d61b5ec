"""One FilterSet per list, shared by pages and the API."""

import django_filters
from django.utils import timezone

from .models import (
    CertificationDecision,
    CertificationStatus,
    Commitment,
    CommitmentKind,
    CommitmentStatus,
    CredentialRecognition,
    HiringStandard,
    HiringStandardStatus,
    Member,
    MemberKind,
    MemberSize,
    RecognitionKind,
)


class MemberFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=MemberKind.choices)
    size = django_filters.ChoiceFilter(choices=MemberSize.choices)
    state = django_filters.CharFilter(max_length=2)

    class Meta:
        model = Member
        fields = ["kind", "size", "state"]


class CommitmentFilter(django_filters.FilterSet):
    member = django_filters.CharFilter(field_name="member__slug", max_length=120)
    kind = django_filters.ChoiceFilter(choices=CommitmentKind.choices)
    status = django_filters.ChoiceFilter(
        choices=CommitmentStatus.choices, method="filter_status", label="status"
    )

    class Meta:
        model = Commitment
        fields = ["member", "kind", "status"]

    def filter_status(self, queryset, name, value):  # type: ignore[no-untyped-def]
        """Filter on the status against today's date (overdue is computed, never stored)."""
        return queryset.with_board_status(today=timezone.localdate()).filter(board_status=value)


class CertificationDecisionFilter(django_filters.FilterSet):
    credential = django_filters.CharFilter(field_name="credential__slug", max_length=120)
    status = django_filters.ChoiceFilter(choices=CertificationStatus.choices)

    class Meta:
        model = CertificationDecision
        fields = ["credential", "status"]


class RecognitionFilter(django_filters.FilterSet):
    credential = django_filters.CharFilter(field_name="credential__slug", max_length=120)
    member = django_filters.CharFilter(field_name="member__slug", max_length=120)
    kind = django_filters.ChoiceFilter(choices=RecognitionKind.choices)

    class Meta:
        model = CredentialRecognition
        fields = ["credential", "member", "kind"]


class HiringStandardFilter(django_filters.FilterSet):
    occupation = django_filters.CharFilter(field_name="occupation__soc_code", max_length=7)
    member = django_filters.CharFilter(field_name="member__slug", max_length=120)
    status = django_filters.ChoiceFilter(choices=HiringStandardStatus.choices)

    class Meta:
        model = HiringStandard
        fields = ["occupation", "member", "status"]
