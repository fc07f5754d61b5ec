"""How the catalog's words map onto CTDL classes and concept schemes, one table per vocabulary.

Both directions read these tables, so an exported record imports back to the same values.
Concepts are from the CTDL concept schemes (Cost_Type, Credential_Status, Delivery_Type,
Audience_Level, Organization_Type); the tests check every one against the published schemes.
"""

import re
from decimal import Decimal

from ..models import CostKind, CredentialStatus, CredentialType, Delivery, Level, ProviderKind

CONTEXT = "https://credreg.net/ctdl/schema/context/json"
CTID_RE = re.compile(
    r"ce-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
)

# The catalog's kinds, most specific first; a CTDL class maps back to the first kind listed.
CREDENTIAL_CLASSES: dict[str, str] = {
    CredentialType.CERTIFICATION: "ceterms:Certification",
    CredentialType.CERTIFICATE: "ceterms:Certificate",
    CredentialType.PROFESSIONAL_CERTIFICATE: "ceterms:Certificate",
    CredentialType.BOOTCAMP_CERTIFICATE: "ceterms:Certificate",
    CredentialType.BADGE: "ceterms:Badge",
    CredentialType.APPRENTICESHIP: "ceterms:ApprenticeshipCertificate",
    CredentialType.DIPLOMA: "ceterms:Diploma",
    CredentialType.ASSOCIATE_DEGREE: "ceterms:AssociateDegree",
    # Programs without a credential of their own are learning opportunities in CTDL.
    CredentialType.TRAINING_PROGRAM: "ceterms:LearningOpportunityProfile",
    CredentialType.CURRICULUM: "ceterms:LearningOpportunityProfile",
}
CLASS_TO_TYPE: dict[str, str] = {}
for _kind, _cls in CREDENTIAL_CLASSES.items():
    CLASS_TO_TYPE.setdefault(_cls, _kind)
CLASS_TO_TYPE.update(
    {
        "ceterms:DigitalBadge": CredentialType.BADGE,
        "ceterms:OpenBadge": CredentialType.BADGE,
        "ceterms:LearningProgram": CredentialType.TRAINING_PROGRAM,
        "ceterms:JourneymanCertificate": CredentialType.APPRENTICESHIP,
        "ceterms:SecondarySchoolDiploma": CredentialType.DIPLOMA,
    }
)
# Every subclass of ceterms:Credential in CTDL (the validation schema's list and later ones):
# one the catalog has no kind for is kept as CredentialType.OTHER with its class.
CREDENTIAL_SUBCLASSES = frozenset(
    {
        "ceterms:Credential",
        "ceterms:ApprenticeshipCertificate",
        "ceterms:AssociateDegree",
        "ceterms:BachelorDegree",
        "ceterms:Badge",
        "ceterms:Certificate",
        "ceterms:CertificateOfCompletion",
        "ceterms:CertificateOfParticipation",
        "ceterms:Certification",
        "ceterms:Degree",
        "ceterms:DigitalBadge",
        "ceterms:Diploma",
        "ceterms:DoctoralDegree",
        "ceterms:GeneralEducationDevelopment",
        "ceterms:JourneymanCertificate",
        "ceterms:License",
        "ceterms:MasterCertificate",
        "ceterms:MasterDegree",
        "ceterms:MicroCredential",
        "ceterms:OpenBadge",
        "ceterms:ProfessionalCertificate",
        "ceterms:ProfessionalDoctorate",
        "ceterms:QualityAssuranceCredential",
        "ceterms:ResearchDoctorate",
        "ceterms:SecondarySchoolDiploma",
        "ceterms:AcademicCertificate",
        "ceterms:BasicTechnicalCertificate",
        "ceterms:AssociateOfAppliedArtsDegree",
        "ceterms:AssociateOfAppliedScienceDegree",
        "ceterms:AssociateOfArtsDegree",
        "ceterms:AssociateOfScienceDegree",
        "ceterms:BachelorOfArtsDegree",
        "ceterms:BachelorOfScienceDegree",
        "ceterms:PreApprenticeshipCertificate",
    }
)
LEARNING_CLASSES = frozenset(
    {"ceterms:LearningOpportunityProfile", "ceterms:LearningProgram", "ceterms:Course"}
)
ORGANIZATION_CLASSES = frozenset(
    {"ceterms:CredentialOrganization", "ceterms:QACredentialOrganization", "ceterms:Organization"}
)

STATUS_CONCEPTS: dict[str, str] = {
    CredentialStatus.PUBLISHED: "credentialStat:Active",
    CredentialStatus.RETIRED: "credentialStat:Deprecated",
}
CONCEPT_TO_STATUS = {
    "credentialStat:Active": CredentialStatus.PUBLISHED,
    "credentialStat:Probationary": CredentialStatus.PUBLISHED,
    "credentialStat:Deprecated": CredentialStatus.RETIRED,
    "credentialStat:Suspended": CredentialStatus.RETIRED,
}
DELIVERY_CONCEPTS: dict[str, str] = {
    Delivery.ONLINE: "deliveryType:OnlineOnly",
    Delivery.IN_PERSON: "deliveryType:InPerson",
    Delivery.HYBRID: "deliveryType:BlendedDelivery",
}
LEVEL_CONCEPTS: dict[str, str] = {
    Level.ENTRY: "audLevel:BeginnerLevel",
    Level.INTERMEDIATE: "audLevel:IntermediateLevel",
    Level.ADVANCED: "audLevel:AdvancedLevel",
}
COST_CONCEPTS: dict[str, str] = {
    CostKind.TUITION: "costType:Tuition",
    CostKind.EXAM_FEE: "costType:StandaloneAssessment",
    CostKind.MATERIALS: "costType:LearningResource",
    CostKind.SUBSCRIPTION: "costType:ProgramSpecificFee",
    CostKind.OTHER: "costType:MixedFees",
}
CONCEPT_TO_COST = {concept: kind for kind, concept in COST_CONCEPTS.items()}
CONCEPT_TO_COST["costType:ReexaminationFee"] = CostKind.EXAM_FEE
CONCEPT_TO_COST["costType:ScoringFee"] = CostKind.EXAM_FEE
ORGANIZATION_CONCEPTS: dict[str, str] = {
    ProviderKind.BOOTCAMP: "orgType:TrainingProvider",
    ProviderKind.COMMUNITY_COLLEGE: "orgType:TwoYear",
    ProviderKind.UNIVERSITY: "orgType:FourYear",
    ProviderKind.CERTIFICATION_BODY: "orgType:CertificationBody",
    ProviderKind.EMPLOYER: "orgType:Business",
    ProviderKind.ONLINE_PLATFORM: "orgType:PrimarilyOnline",
    ProviderKind.NONPROFIT: "orgType:NonTraditional",
    ProviderKind.APPRENTICESHIP_SPONSOR: "orgType:Business",
}
CONCEPT_TO_ORGANIZATION: dict[str, str] = {}
for _kind, _concept in ORGANIZATION_CONCEPTS.items():
    CONCEPT_TO_ORGANIZATION.setdefault(_concept, _kind)
CONCEPT_TO_ORGANIZATION.update(
    {
        "orgType:Technical": ProviderKind.COMMUNITY_COLLEGE,
        "orgType:Postsecondary": ProviderKind.UNIVERSITY,
        "orgType:AssessmentBody": ProviderKind.CERTIFICATION_BODY,
        "orgType:Vendor": ProviderKind.EMPLOYER,
    }
)

FRAMEWORKS = {
    "credentialStat": ("https://credreg.net/ctdl/terms/CredentialStatus", "CredentialStatus"),
    "deliveryType": ("https://credreg.net/ctdl/terms/Delivery", "Delivery"),
    "audLevel": ("https://credreg.net/ctdl/terms/AudienceLevel", "AudienceLevel"),
    "costType": ("https://credreg.net/ctdl/terms/CostType", "CostType"),
    "orgType": ("https://credreg.net/ctdl/terms/OrganizationType", "OrganizationType"),
}
SOC_FRAMEWORK = "https://www.bls.gov/soc/2018/"
SOC_FRAMEWORK_NAME = "Standard Occupational Classification"
CIP_FRAMEWORK = "https://nces.ed.gov/ipeds/cipcode/"
CIP_FRAMEWORK_NAME = "Classification of Instructional Programs"
SOC_RE = re.compile(r"^(\d{2}-\d{4})(?:\.\d{2})?$")

WEEKS_PER = {"Y": Decimal(52), "M": Decimal(52) / 12, "W": Decimal(1), "D": Decimal(1) / 7}
DURATION_RE = re.compile(
    r"^P(?:(?P<Y>\d+(?:\.\d+)?)Y)?(?:(?P<M>\d+(?:\.\d+)?)M)?(?:(?P<W>\d+(?:\.\d+)?)W)?"
    r"(?:(?P<D>\d+(?:\.\d+)?)D)?(?:T(?:(?P<H>\d+(?:\.\d+)?)H)?(?:(?P<MIN>\d+(?:\.\d+)?)M)?)?$"
)


def duration_weeks(iso: str) -> Decimal | None:
    """Weeks in an ISO 8601 duration's date part (P2Y = 104, P9M = 39), one decimal; None when
    it has no date part or cannot be read."""
    match = DURATION_RE.match(iso.strip())
    if not match:
        return None
    weeks = sum(
        (Decimal(match[unit]) * factor for unit, factor in WEEKS_PER.items() if match[unit]),
        Decimal(0),
    )
    return weeks.quantize(Decimal("0.1")) if weeks else None


def duration_hours(iso: str) -> int | None:
    """Hours in an ISO 8601 duration's time part (PT120H = 120); None when it has none."""
    match = DURATION_RE.match(iso.strip())
    return int(Decimal(match["H"])) if match and match["H"] else None


def weeks_iso(weeks: Decimal) -> str:
    """Weeks as an ISO 8601 duration: P12W, P2.5W."""
    return f"P{weeks.normalize():f}W"


def concept(scheme_concept: str, label: str) -> dict[str, object]:
    """A concept from a CTDL concept scheme, as a CredentialAlignmentObject."""
    framework, framework_name = FRAMEWORKS[scheme_concept.split(":")[0]]
    return {
        "@type": "ceterms:CredentialAlignmentObject",
        "ceterms:framework": framework,
        "ceterms:frameworkName": {"en": framework_name},
        "ceterms:targetNode": scheme_concept,
        "ceterms:targetNodeName": {"en": label},
    }


def ctid_in(value: object) -> str | None:
    """The CTID inside a reference (a registry URI, a bare CTID or {"@id": ...}); lower-cased."""
    if isinstance(value, dict):
        value = value.get("@id") or value.get("ceterms:ctid")
    if not isinstance(value, str):
        return None
    match = CTID_RE.search(value)
    return match.group(0).lower() if match else None


# A program's published cost parts (Program fields) and the cost types they are.
PROGRAM_COST_CONCEPTS: dict[str, str] = {
    "tuition_usd": "costType:Tuition",
    "fees_usd": "costType:EnrollmentFee",
    "books_usd": "costType:LearningResource",
    "supplies_usd": "costType:ProgramSpecificFee",
    "other_costs_usd": "costType:MixedFees",
    "total_cost_usd": "costType:AggregateCost",
}
CONCEPT_TO_PROGRAM_COST = {concept: field for field, concept in PROGRAM_COST_CONCEPTS.items()}
# Months after exit each of a program's employment figures is measured at (state WIOA files).
PROGRAM_OUTCOME_MONTHS = {
    6: ("employed_q2_pct", "wage_q2_usd", "completers_q2"),
    12: ("employed_q4_pct", "wage_q4_usd", "completers_q4"),
    24: ("employed_q8_pct", "wage_q8_usd", "completers_q8"),
}
# The ETPL's calendar-length codes as ISO 8601 ranges (minimum, maximum).
CALENDAR_DURATIONS: dict[int, tuple[str, str]] = {
    1: ("PT1H", "PT23H"),
    2: ("P1D", "P2D"),
    3: ("P3D", "P7D"),
    4: ("P2W", "P3W"),
    5: ("P4W", "P11W"),
    6: ("P3M", "P5M"),
    7: ("P6M", "P12M"),
    8: ("P13M", "P2Y"),
    9: ("P3Y", "P4Y"),
    10: ("P4Y", ""),
}
DURATIONS_TO_CALENDAR = {pair: code for code, pair in CALENDAR_DURATIONS.items()}
