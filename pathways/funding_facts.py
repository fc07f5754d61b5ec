# ruff: noqa: E501  (data: long sentences and URLs read better whole)
"""The shipped funding facts: one row per fact, each as read from a named page on a named day.

A fact read from the agency's own page or the text of the law (or a faithful snapshot of the
official text, cited with both addresses) is "verified"; one read from a copy or a third party's
summary is "secondary"; one we could not read is left unconfirmed (value None) and says so. Only a
verified figure enters a computed amount: a secondary one is shown, says why, and is not counted. A new award year's figure is a new entry here (or a row in the admin), not a
code change: the screener picks the fact in effect on the day.
"""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction

from .models import Confidence, FactKey, FactUnit, FundingFact, FundingSource

READ_TODAY = dt.date(2026, 12, 1)  # when these pages were read for issue 17
COMPILED = dt.date(2026, 11, 26)  # when data/funding_sources.md was compiled

FSA_GEN_25_02 = "https://fsapartners.ed.gov/knowledge-center/library/dear-colleague-letters/2025-01-31/2025-2026-federal-pell-grant-maximum-and-minimum-award-amounts"
GEN_26_01_COPY = "https://www.collegeaidservices.net/2026/01/30/2026-27-federal-pell-grant-maximum-and-minimum-award-amounts"
# The Department's own letter on the Pell lifetime limit (IFAP, the Department's site for
# financial aid offices before FSA Partner Connect).
FSA_GEN_13_14 = "http://ifap.ed.gov/dpcletters/GEN1314.html"
# Workforce Pell: the regulation itself, 34 CFR part 690 subpart H (sections 690.90 to 690.97),
# as eCFR publishes it. Read in a copy of eCFR's XML for part 690 (pinned by date through eCFR's
# versioner API) kept in a public repository, paragraph text unchanged; eCFR's own amendment
# ledger, in the same repository, dates sections 690.90 to 690.97 (and 690.2, 690.6, 690.11) to
# 2026-07-20, and credits the part's Workforce Pell amendments to 91 FR 29334 (May 19, 2026).
ECFR_690_H = "https://www.ecfr.gov/current/title-34/subtitle-B/chapter-VI/part-690/subpart-H"
ECFR_690_COPY = "https://github.com/aion-context/aion-doe/blob/2649bf7ad34221f9b65b5cbbcce76104867bf592/data/part-690.json"
ECFR_LEDGER_COPY = "https://github.com/aion-context/aion-doe/blob/0414e57acd99f183653a1ff0ea220df104fcb27c/data/ledger.json"
CFR_680_300 = "https://www.law.cornell.edu/cfr/text/20/680.300"
CFR_680_310_COPY = "https://self-law.org/code/us/cfr/t20/s%C2%A7%20680.310"
CFR_680_330_COPY = "https://lexbuild.dev/ecfr/title-20/chapter-V/part-680/section-680.330"
VA_RATES = "https://www.va.gov/education/benefit-rates/post-9-11-gi-bill-rates/"
VA_COVERAGE = "https://www.va.gov/resources/how-we-determine-your-post-911-gi-bill-coverage/"
VET_TEC_TN = (
    "https://www.tn.gov/military/programs-benefits/education-incentives/gi-bill/vet-tec.html"
)
VET_TEC_VA_PROVIDERS = "https://benefits.va.gov/GIBILL/fgib/VetTec_Providers.asp"
# The Department of Labor's Office of Apprenticeship on the standards every registered program
# meets (29 CFR 29.5); the page is undated and was read in a stored copy.
DOL_OA_STANDARDS = "https://www.doleta.gov/oa/characte.cfm"
VET_TEC_VA_NEWS = (
    "https://news.va.gov/56949/high-tech-industry-trainers-want-train-veterans-career-industry/"
)
USC_127 = "https://advance.lexis.com/open/document/openwebdocview/26-USCS-127/?pdcomponentid=6362&pddocfullpath=%2Fshared%2Fdocument%2Fstatutes-legislation%2Furn%3AcontentItem%3A620X-PB13-GXJ9-353B-00000-00&pdmfid=1000522"

V, S, U = Confidence.VERIFIED, Confidence.SECONDARY, Confidence.UNCONFIRMED

# Why a fact stays "secondary": the agency's own page was searched for on READ_TODAY and was not
# among the stored pages we could read. Only a verified fact enters a computed amount.
CFR_NOT_OFFICIAL = (
    "Read in a copy of the regulation: the section's text on ecfr.gov or law.cornell.edu, or a snapshot of eCFR's title 20, was not among what we could read on 2026-12-01.",
    "Leído en una copia del reglamento: el texto de la sección en ecfr.gov o law.cornell.edu, o una copia de eCFR del título 20, no estaba entre lo que pudimos leer el 2026-12-01.",
)
# Where the Workforce Pell rules were read: the official page, and the copy of eCFR's text.
WFP_READ_IN = (
    "Read in eCFR's text of 34 CFR part 690 as kept in aion-context/aion-doe (data/part-690.json, commit 2649bf7): "
    + ECFR_690_COPY,
    "Leído en el texto de eCFR de 34 CFR parte 690 guardado en aion-context/aion-doe (data/part-690.json, commit 2649bf7): "
    + ECFR_690_COPY,
)
USC_127_NOT_OFFICIAL = (
    "Not counted: read only in LexisNexis's copy of 26 U.S.C. 127; the official text (uscode.house.gov) and the IRS's pages were not among what we could read on 2026-12-01.",
    "No se cuenta: leído solo en la copia de LexisNexis de 26 U.S.C. 127; el texto oficial (uscode.house.gov) y las páginas del IRS no estaban entre lo que pudimos leer el 2026-12-01.",
)

# {source slug: [fact]}; text and note are (English, Spanish).
FACTS: dict[str, list[dict[str, Any]]] = {
    "pell-grant": [
        {
            "key": FactKey.MAX_AWARD,
            "value": 7395,
            "unit": FactUnit.USD,
            "award_year": "2025-26",
            "effective_from": dt.date(2025, 7, 1),
            "effective_until": dt.date(2026, 6, 30),
            "text": (
                "Up to $7,395 for the 2025-26 award year (July 1, 2025 to June 30, 2026).",
                "Hasta $7,395 para el año de ayuda 2025-26 (del 1 de julio de 2025 al 30 de junio de 2026).",
            ),
            "source_url": FSA_GEN_25_02,
            "source_title": "FSA Dear Colleague Letter GEN-25-02",
            "read_on": READ_TODAY,
            "confidence": V,
        },
        {
            "key": FactKey.MAX_AWARD,
            "value": 7395,
            "unit": FactUnit.USD,
            "award_year": "2026-27",
            "effective_from": dt.date(2026, 7, 1),
            "effective_until": dt.date(2027, 6, 30),
            "text": (
                "Up to $7,395 for the 2026-27 award year (July 1, 2026 to June 30, 2027).",
                "Hasta $7,395 para el año de ayuda 2026-27 (del 1 de julio de 2026 al 30 de junio de 2027).",
            ),
            "source_url": GEN_26_01_COPY,
            "source_title": "Copy of FSA Dear Colleague Letter GEN-26-01 (January 30, 2026)",
            "read_on": READ_TODAY,
            "confidence": S,
            "note": (
                "Not counted: read only in a college's copy of the letter; the Department's own page for GEN-26-01 (fsapartners.ed.gov) was not among the pages we could read on 2026-12-01. The letter says the amount could change if Congress acts.",
                "No se cuenta: leído solo en la copia de una universidad; la página del Departamento para GEN-26-01 (fsapartners.ed.gov) no estaba entre las que pudimos leer el 2026-12-01. La carta dice que el monto podría cambiar si el Congreso actúa.",
            ),
        },
        {
            "key": FactKey.LIFETIME_LIMIT,
            "value": 12,
            "unit": FactUnit.TEXT,
            "text": (
                "Up to 12 semesters (or the equivalent, six years) of Pell Grants over your lifetime.",
                "Hasta 12 semestres (o el equivalente, seis años) de becas Pell en toda la vida.",
            ),
            "source_url": FSA_GEN_13_14,
            "source_title": "FSA Dear Colleague Letter GEN-13-14, Federal Pell Grant Duration of Eligibility and Lifetime Eligibility Used (May 16, 2013); HEA section 401(c)(5)",
            "read_on": READ_TODAY,
            "confidence": V,
        },
    ],
    "workforce-pell": [
        # 34 CFR 690 subpart H, in force in eCFR since 2026-07-20 (eCFR's amendment ledger).
        # Each rule row applies from that day: the award year 2026-27 is the first it names.
        {
            "key": FactKey.STARTS_ON,
            "value_date": dt.date(2026, 7, 20),
            "unit": FactUnit.DATE,
            "award_year": "2026-27",
            "text": (
                "In the federal rules since July 20, 2026 (34 CFR part 690, subpart H), from the 2026-27 award year.",
                "En las reglas federales desde el 20 de julio de 2026 (34 CFR parte 690, subparte H), desde el año de ayuda 2026-27.",
            ),
            "source_url": ECFR_690_H,
            "source_title": "34 CFR 690.90-690.97 (eCFR; in the text since 2026-07-20 per eCFR's amendment ledger); final rule FR Doc 2026-10013, 91 FR 29254 (May 19, 2026), effective July 20, 2026",
            "read_on": READ_TODAY,
            "confidence": V,
            "note": (
                "eCFR's amendment ledger, as kept in aion-context/aion-doe: " + ECFR_LEDGER_COPY,
                "Registro de enmiendas de eCFR, guardado en aion-context/aion-doe: "
                + ECFR_LEDGER_COPY,
            ),
        },
        {
            "key": FactKey.MIN_CLOCK_HOURS,
            "value": 150,
            "unit": FactUnit.CLOCK_HOURS,
            "award_year": "2026-27 on",
            "effective_from": dt.date(2026, 7, 20),
            "text": (
                "At least 150 clock hours (or 4 semester or 6 quarter hours).",
                "Al menos 150 horas reloj (o 4 horas semestrales o 6 trimestrales).",
            ),
            "source_url": ECFR_690_H,
            "source_title": "34 CFR 690.92(b) (eCFR)",
            "read_on": READ_TODAY,
            "confidence": V,
            "note": WFP_READ_IN,
        },
        {
            # "less than 600 clock hours": program clock hours are whole numbers, so at most 599.
            "key": FactKey.MAX_CLOCK_HOURS,
            "value": 599,
            "unit": FactUnit.CLOCK_HOURS,
            "award_year": "2026-27 on",
            "effective_from": dt.date(2026, 7, 20),
            "text": (
                "Fewer than 600 clock hours (or fewer than 16 semester or 24 quarter hours).",
                "Menos de 600 horas reloj (o menos de 16 horas semestrales o 24 trimestrales).",
            ),
            "source_url": ECFR_690_H,
            "source_title": "34 CFR 690.92(b) (eCFR)",
            "read_on": READ_TODAY,
            "confidence": V,
            "note": WFP_READ_IN,
        },
        {
            "key": FactKey.MIN_WEEKS,
            "value": 8,
            "unit": FactUnit.WEEKS,
            "award_year": "2026-27 on",
            "effective_from": dt.date(2026, 7, 20),
            "text": ("At least 8 weeks of instruction.", "Al menos 8 semanas de clases."),
            "source_url": ECFR_690_H,
            "source_title": "34 CFR 690.92(a) (eCFR)",
            "read_on": READ_TODAY,
            "confidence": V,
            "note": WFP_READ_IN,
        },
        {
            "key": FactKey.WEEKS_LESS_THAN,
            "value": 15,
            "unit": FactUnit.WEEKS,
            "award_year": "2026-27 on",
            "effective_from": dt.date(2026, 7, 20),
            "text": (
                "Fewer than 15 weeks of instruction.",
                "Menos de 15 semanas de clases.",
            ),
            "source_url": ECFR_690_H,
            "source_title": "34 CFR 690.92(a) (eCFR)",
            "read_on": READ_TODAY,
            "confidence": V,
            "note": WFP_READ_IN,
        },
        # 690.94(a)(2): the same 70% thresholds, certified by the Governor for 2026-27 to
        # 2028-29, then measured in the occupation the program prepares for.
        {
            "key": FactKey.MIN_COMPLETION_PCT,
            "value": 70,
            "unit": FactUnit.PERCENT,
            "award_year": "2026-27 to 2028-29",
            "effective_from": dt.date(2026, 7, 20),
            "effective_until": dt.date(2029, 6, 30),
            "text": (
                "At least 70% of students finish within 150% of the normal time.",
                "Al menos el 70% de los estudiantes termina en el 150% del tiempo normal.",
            ),
            "source_url": ECFR_690_H,
            "source_title": "34 CFR 690.94(a)(2)(i)(A) (eCFR)",
            "read_on": READ_TODAY,
            "confidence": V,
            "note": WFP_READ_IN,
        },
        {
            "key": FactKey.MIN_COMPLETION_PCT,
            "value": 70,
            "unit": FactUnit.PERCENT,
            "award_year": "2029-30 on",
            "effective_from": dt.date(2029, 7, 1),
            "text": (
                "At least 70% of students finish within 150% of the normal time.",
                "Al menos el 70% de los estudiantes termina en el 150% del tiempo normal.",
            ),
            "source_url": ECFR_690_H,
            "source_title": "34 CFR 690.94(a)(2)(ii)(A) (eCFR)",
            "read_on": READ_TODAY,
            "confidence": V,
            "note": WFP_READ_IN,
        },
        {
            "key": FactKey.MIN_PLACEMENT_PCT,
            "value": 70,
            "unit": FactUnit.PERCENT,
            "award_year": "2026-27 to 2028-29",
            "effective_from": dt.date(2026, 7, 20),
            "effective_until": dt.date(2029, 6, 30),
            "text": (
                "At least 70% of students are employed in the second quarter after leaving the program.",
                "Al menos el 70% de los estudiantes tiene empleo en el segundo trimestre después de dejar el programa.",
            ),
            "source_url": ECFR_690_H,
            "source_title": "34 CFR 690.94(a)(2)(i)(B) (eCFR)",
            "read_on": READ_TODAY,
            "confidence": V,
            "note": WFP_READ_IN,
        },
        {
            "key": FactKey.MIN_PLACEMENT_PCT,
            "value": 70,
            "unit": FactUnit.PERCENT,
            "award_year": "2029-30 on",
            "effective_from": dt.date(2029, 7, 1),
            "text": (
                "At least 70% of students who finish are employed in the occupation it prepares for (or a comparable in-demand one) in the second quarter after finishing.",
                "Al menos el 70% de quienes terminan tiene empleo en la ocupación para la que prepara (u otra comparable con demanda) en el segundo trimestre después de terminar.",
            ),
            "source_url": ECFR_690_H,
            "source_title": "34 CFR 690.94(a)(2)(ii)(B) (eCFR)",
            "read_on": READ_TODAY,
            "confidence": V,
            "note": WFP_READ_IN,
        },
        {
            "key": FactKey.PROVIDER_RULE,
            "unit": FactUnit.TEXT,
            "award_year": "2026-27 on",
            "effective_from": dt.date(2026, 7, 20),
            "text": (
                "An undergraduate program of a school that takes federal student aid (a college, a for-profit school or a postsecondary vocational school), approved by the governor, that met the length rules for the 12 months before the school applied; not by correspondence, study abroad or direct assessment; tuition no higher than the program's value-added earnings.",
                "Un programa de pregrado de una escuela que acepta ayuda federal (universidad, escuela con fines de lucro o escuela vocacional), aprobado por el gobernador, que cumplió las reglas de duración los 12 meses antes de que la escuela lo pidiera; no por correspondencia, en el extranjero ni por evaluación directa; matrícula no mayor que la ganancia en ingresos del programa.",
            ),
            "source_url": ECFR_690_H,
            "source_title": "34 CFR 690.92, 690.93, 690.94(a)(1), 690.95; 690.2(c) (eCFR)",
            "read_on": READ_TODAY,
            "confidence": V,
            "note": WFP_READ_IN,
        },
        {
            "key": FactKey.MAX_AWARD,
            "unit": FactUnit.USD,
            "text": (
                "Award amount not confirmed: it is a Pell Grant for a short program, paid under the Pell rules, and the 2026-27 Pell maximum is not confirmed at the Department's own page.",
                "Monto no confirmado: es una beca Pell para un programa corto, pagada con las reglas de Pell, y el máximo de Pell 2026-27 no está confirmado en la página del Departamento.",
            ),
            "source_url": ECFR_690_H,
            "source_title": "34 CFR 690.90 (eCFR)",
            "confidence": U,
        },
    ],
    "wioa-ita": [
        {
            "key": FactKey.PROVIDER_RULE,
            "unit": FactUnit.TEXT,
            "text": (
                "Pays training providers on the state's list of eligible training providers, chosen with a career planner.",
                "Paga a proveedores de la lista estatal de proveedores elegibles, elegidos con un planificador de carrera.",
            ),
            "source_url": CFR_680_300,
            "source_title": "20 CFR 680.300 (Cornell LII)",
            "read_on": READ_TODAY,
            "confidence": V,
        },
        {
            "key": FactKey.AMOUNT_RULE,
            "unit": FactUnit.TEXT,
            "text": (
                "The state or local workforce board may limit how much and for how long; other money, such as a Pell Grant, can add to it.",
                "La junta laboral estatal o local puede limitar cuánto y por cuánto tiempo; otro dinero, como la beca Pell, puede sumarse.",
            ),
            "source_url": CFR_680_310_COPY,
            "source_title": "20 CFR 680.310 (copy)",
            "read_on": READ_TODAY,
            "confidence": S,
            "note": CFR_NOT_OFFICIAL,
        },
        {
            "key": FactKey.MAX_AWARD,
            "unit": FactUnit.USD,
            "text": (
                "No national amount: your local board sets it. Ask your American Job Center.",
                "No hay un monto nacional: lo fija su junta local. Pregunte en su American Job Center.",
            ),
            "source_url": CFR_680_310_COPY,
            "source_title": "20 CFR 680.310 (copy)",
            "read_on": READ_TODAY,
            "confidence": U,
        },
    ],
    "gi-bill": [
        {
            "key": FactKey.BENEFIT_SHARE,
            "unit": FactUnit.TEXT,
            "value": 100,
            "text": (
                "You get 50% to 100% of the full benefit, by time on active duty: 100% after 36 months (or a Purple Heart, or a service-connected disability discharge after 30 days); 50% for 90 to 179 days.",
                "Recibe del 50% al 100% del beneficio completo según su tiempo en servicio activo: 100% con 36 meses (o Corazón Púrpura, o baja por discapacidad del servicio tras 30 días); 50% con 90 a 179 días.",
            ),
            "source_url": VA_RATES,
            "source_title": "VA, Post-9/11 GI Bill (Chapter 33) rates, August 1, 2025 to July 31, 2026",
            "read_on": READ_TODAY,
            "confidence": V,
        },
        {
            "key": FactKey.PUBLIC_TUITION,
            "unit": FactUnit.TEXT,
            "text": (
                "At a public school it pays in-state tuition and fees, at your percentage; at a private school, up to a national yearly maximum.",
                "En una escuela pública paga la matrícula y cuotas del estado, según su porcentaje; en una privada, hasta un máximo nacional por año.",
            ),
            "source_url": VA_COVERAGE,
            "source_title": "VA, How we determine your Post-9/11 GI Bill coverage",
            "read_on": READ_TODAY,
            "confidence": V,
        },
        {
            "key": FactKey.MAX_AWARD,
            "unit": FactUnit.USD,
            "text": (
                "The yearly maximum at private schools was not read: check va.gov.",
                "No leímos el máximo anual en escuelas privadas: consulte va.gov.",
            ),
            "source_url": VA_RATES,
            "confidence": U,
        },
    ],
    "vet-tec": [
        {
            "key": FactKey.STATUS,
            "unit": FactUnit.TEXT,
            "text": (
                "Closed to new applications since April 1, 2024.",
                "Cerrado a nuevas solicitudes desde el 1 de abril de 2024.",
            ),
            "source_url": VET_TEC_TN,
            "source_title": "Tennessee Department of Veterans Services",
            "read_on": COMPILED,
            "confidence": S,
            "note": (
                "VA's own notice of the closing was not among the pages we could read on 2026-12-01 (only news reports of the pilot ending in April 2024 and of bills to renew it).",
                "El aviso del propio VA sobre el cierre no estaba entre las páginas que pudimos leer el 2026-12-01 (solo noticias del fin del piloto en abril de 2024 y de proyectos de ley para renovarlo).",
            ),
        },
        {
            "key": FactKey.PROVIDER_RULE,
            "unit": FactUnit.TEXT,
            "text": (
                "VA paid approved training providers in steps: 25% of tuition and mandatory fees when the veteran started, 25% at graduation and 50% when the veteran found meaningful work in the field.",
                "El VA pagaba a los proveedores aprobados por etapas: 25% de la matrícula y cuotas obligatorias al empezar, 25% al graduarse y 50% cuando el veterano conseguía un trabajo en su campo.",
            ),
            "source_url": VET_TEC_VA_NEWS,
            "source_title": "VA News (news.va.gov), VET TEC for high-tech training providers",
            "read_on": READ_TODAY,
            "confidence": V,
            "note": (
                "VA's page for training providers also describes this pay-for-performance model: "
                + VET_TEC_VA_PROVIDERS,
                "La página del VA para proveedores también describe este pago según resultados: "
                + VET_TEC_VA_PROVIDERS,
            ),
        },
    ],
    "registered-apprenticeship": [
        {
            "key": FactKey.AMOUNT_RULE,
            "unit": FactUnit.TEXT,
            "text": (
                "Your employer pays you a wage while you learn. A registered program must have a schedule of wages that rises as you progress, and related classes (usually about 144 hours a year).",
                "Su empleador le paga un sueldo mientras aprende. Un programa registrado debe tener un plan de sueldos que sube a medida que avanza, y clases relacionadas (normalmente unas 144 horas al año).",
            ),
            "source_url": DOL_OA_STANDARDS,
            "source_title": "U.S. Department of Labor, Office of Apprenticeship: Program Standards (29 CFR 29.5)",
            "read_on": READ_TODAY,
            "confidence": V,
        },
        {
            "key": FactKey.PROVIDER_RULE,
            "unit": FactUnit.TEXT,
            "text": (
                "Registered apprenticeships qualify for a state's eligible training provider list automatically, so WIOA money can support them.",
                "Los aprendizajes registrados entran automáticamente en la lista estatal de proveedores, así que el dinero de WIOA puede apoyarlos.",
            ),
            "source_url": CFR_680_330_COPY,
            "source_title": "20 CFR 680.330 (copy)",
            "read_on": READ_TODAY,
            "confidence": S,
            "note": CFR_NOT_OFFICIAL,
        },
    ],
    "employer-educational-assistance": [
        {
            "key": FactKey.MAX_AWARD,
            "value": 5250,
            "unit": FactUnit.USD,
            "award_year": "2026",
            "effective_from": dt.date(2026, 1, 1),
            "effective_until": dt.date(2026, 12, 31),
            "text": (
                "Tax-free up to $5,250 per employee in calendar year 2026, under the employer's separate written plan.",
                "Sin impuestos hasta $5,250 por empleado en el año 2026, con un plan escrito aparte del empleador.",
            ),
            "source_url": USC_127,
            "source_title": "26 U.S.C. 127(a)(2), (b)(1) (LexisNexis copy)",
            "read_on": READ_TODAY,
            "confidence": S,
            "note": USC_127_NOT_OFFICIAL,
        },
        {
            "key": FactKey.PROVIDER_RULE,
            "unit": FactUnit.TEXT,
            "text": (
                "Covers tuition, fees, books, supplies and equipment; not meals, lodging, transportation or tools you keep.",
                "Cubre matrícula, cuotas, libros, materiales y equipo; no comidas, alojamiento, transporte ni herramientas que usted se queda.",
            ),
            "source_url": USC_127,
            "source_title": "26 U.S.C. 127(c)(1) (LexisNexis copy)",
            "read_on": READ_TODAY,
            "confidence": S,
            "note": USC_127_NOT_OFFICIAL,
        },
    ],
    "nj-wioa-ita": [
        {
            "key": FactKey.PROVIDER_RULE,
            "unit": FactUnit.TEXT,
            "text": (
                "Pays providers on New Jersey's Eligible Training Provider List (WIOA).",
                "Paga a proveedores de la Lista de Proveedores Elegibles de Nueva Jersey (WIOA).",
            ),
            "source_url": CFR_680_300,
            "source_title": "20 CFR 680.300, applied to New Jersey's list",
            "read_on": READ_TODAY,
            "confidence": V,
        },
        {
            "key": FactKey.MAX_AWARD,
            "unit": FactUnit.USD,
            "text": (
                "New Jersey's training grant limit was not read: ask your One-Stop Career Center.",
                "No leímos el límite de Nueva Jersey: pregunte en su One-Stop Career Center.",
            ),
            "confidence": U,
        },
    ],
}


def _bilingual(name: str, value: tuple[str, str] | None) -> dict[str, str]:
    english, spanish = value or ("", "")
    return {name: english, f"{name}_en": english, f"{name}_es": spanish}


@transaction.atomic
def funding_facts_load() -> int:
    """Replace the shipped facts of the shipped sources and set each source's last-verified day."""
    sources = FundingSource.objects.in_bulk(list(FACTS), field_name="slug")
    FundingFact.objects.filter(source__in=sources.values()).delete()
    rows = []
    for slug, facts in FACTS.items():
        for fact in facts:
            values = {k: v for k, v in fact.items() if k not in {"text", "note", "value"}}
            value = fact.get("value")
            rows.append(
                FundingFact(
                    source=sources[slug],
                    value=Decimal(value) if value is not None else None,
                    **values,
                    **_bilingual("text", fact["text"]),
                    **_bilingual("note", fact.get("note")),
                )
            )
    FundingFact.objects.bulk_create(rows)
    # "Last verified" is the last day a fact was read at the agency's own page or the law.
    for source in sources.values():
        read = [f for f in FACTS[source.slug] if f.get("read_on")]
        verified = [f["read_on"] for f in read if f.get("confidence") == V]
        source.last_verified_on = max(verified) if verified else None
        source.source_read_on = max(f["read_on"] for f in read) if read else source.source_read_on
        source.save(update_fields=["last_verified_on", "source_read_on"])
    return len(rows)
