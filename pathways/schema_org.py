"""schema.org for career pages: an Occupation with its OEWS wages, and the page's share tags."""

from typing import Any

from django.urls import reverse

from careerportal.sharing import page_share

from .models import Occupation
from .publicdata.oews import SOURCE as OEWS

SOC_CODE_SET = "https://www.bls.gov/soc/2018/"
# schema.org's percentile properties and the Wage columns they come from (annual USD).
PERCENTILES = {
    "percentile10": "annual_pct10",
    "percentile25": "annual_pct25",
    "median": "annual_median",
    "percentile75": "annual_pct75",
    "percentile90": "annual_pct90",
}


def occupation_salary(occupation: Occupation, national_wage: Any) -> dict[str, Any] | None:
    """estimatedSalary: the national OEWS distribution (or the median we carry), with source."""
    if national_wage is not None and national_wage.annual_median is not None:
        figures = {
            prop: getattr(national_wage, column)
            for prop, column in PERCENTILES.items()
            if getattr(national_wage, column) is not None
        }
        vintage = national_wage.vintage
    elif occupation.median_annual_wage:
        figures, vintage = {"median": occupation.median_annual_wage}, occupation.wage_vintage
    else:
        return None
    return {
        "@type": "MonetaryAmountDistribution",
        "name": f"Annual wages, United States, {OEWS.publisher} OEWS {vintage}",
        "description": f"Source: {OEWS.credit}, {vintage}. Percentiles of annual wages.",
        "url": occupation.wage_source_url or OEWS.home_url,
        "currency": "USD",
        "duration": "P1Y",
        **figures,
    }


def occupation_schema(occupation: Occupation, *, url: str, national_wage: Any) -> dict[str, Any]:
    """Occupation with its SOC code and estimatedSalary from BLS OEWS."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Occupation",
        "@id": url,
        "url": url,
        "name": occupation.title,
        "description": occupation.description or occupation.onet_description,
        "occupationalCategory": {
            "@type": "CategoryCode",
            "codeValue": occupation.soc_code,
            "inCodeSet": SOC_CODE_SET,
        },
        "occupationLocation": {"@type": "Country", "name": "United States"},
    }
    if salary := occupation_salary(occupation, national_wage):
        data["estimatedSalary"] = [salary]
    return data


def occupation_share(occupation: Occupation, *, site: str, national_wage: Any) -> dict[str, Any]:
    """What the career page needs to be shared: the wage card, tags and JSON-LD."""
    path = reverse("pathways:career-detail", args=[occupation.soc_code])
    return page_share(
        site=site,
        url=path,
        title=occupation.title,
        description=occupation.description or occupation.onet_description,
        image=reverse("pathways:career-card", args=[occupation.soc_code]),
        schema=occupation_schema(occupation, url=site + path, national_wage=national_wage),
    )
