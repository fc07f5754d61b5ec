# ruff: noqa: E501  (data: long sentences and URLs read better whole)
"""Shipped sample data: the 16 tech occupations, skills, the federal funding sources, pathways.

Every fact comes from data/ (tech_occupations.csv, funding_sources.md, tech_credentials.csv);
what those files do not say stays empty. Pathways are authored examples, marked is_sample.
"""

import csv
import datetime as dt
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from modeltranslation.translator import translator

from . import funding_facts
from .funding_facts import funding_facts_load
from .models import (
    AgencyLevel,
    AmountPeriod,
    Confidence,
    Coverage,
    EducationLevel,
    EmploymentStatus,
    FundingApplyStep,
    FundingKind,
    FundingSource,
    FundingStatus,
    IncomeTest,
    Occupation,
    Pathway,
    PathwayStep,
    PriorDegreeRule,
    Skill,
    StepKind,
)
from .services import (
    occupation_plain_descriptions_load,
    occupation_titles_portal_load,
    occupations_load,
)

DATA_DIR = Path(settings.BASE_DIR) / "data"
READ_ON = dt.date(2026, 11, 26)  # when data/funding_sources.md was compiled from its sources

# Spanish titles and plain descriptions for the shipped occupations (translations of the CSV).
SPANISH = {
    "15-1211": (
        "Analistas de sistemas informáticos",
        "Estudian cómo una empresa usa las computadoras y buscan formas de hacerlas funcionar mejor.",
    ),
    "15-1212": (
        "Analistas de seguridad de la información",
        "Protegen las computadoras y los datos de los hackers y actúan cuando hay un ataque.",
    ),
    "15-1221": (
        "Científicos de investigación en computación e información",
        "Buscan nuevas formas de usar las computadoras y de resolver problemas difíciles. Lo hacen con estudios.",
    ),
    "15-1231": (
        "Especialistas en soporte de redes informáticas",
        "Prueban y arreglan las redes que conectan las computadoras, para que la gente siga en línea.",
    ),
    "15-1232": (
        "Especialistas en soporte técnico a usuarios",
        "Ayudan a las personas cuando sus computadoras o aplicaciones dejan de funcionar bien.",
    ),
    "15-1241": (
        "Arquitectos de redes informáticas",
        "Planean y construyen las redes que permiten a las computadoras compartir datos.",
    ),
    "15-1242": (
        "Administradores de bases de datos",
        "Cuidan los sistemas que guardan datos y mantienen los datos seguros y fáciles de encontrar.",
    ),
    "15-1243": (
        "Arquitectos de bases de datos",
        "Diseñan grandes sistemas para guardar datos, para que la gente los guarde y los use bien.",
    ),
    "15-1244": (
        "Administradores de redes y sistemas informáticos",
        "Mantienen funcionando cada día las computadoras y redes del trabajo.",
    ),
    "15-1251": (
        "Programadores de computadoras",
        "Escriben y prueban el código que dice a las computadoras y aplicaciones qué hacer.",
    ),
    "15-1252": (
        "Desarrolladores de software",
        "Planean y construyen los programas y aplicaciones que la gente usa.",
    ),
    "15-1253": (
        "Analistas y probadores de calidad de software",
        "Prueban software nuevo para encontrar errores y los reportan para que se arreglen.",
    ),
    "15-1254": (
        "Desarrolladores web",
        "Construyen sitios web y se aseguran de que funcionen bien y carguen rápido.",
    ),
    "15-1255": (
        "Diseñadores web y de interfaces digitales",
        "Diseñan cómo se ven los sitios web y las aplicaciones y cómo se mueve la gente en ellos.",
    ),
    "15-1299": (
        "Ocupaciones de computación, todas las demás",
        "Este grupo reúne otros trabajos de computación. En algunos se dirigen proyectos de tecnología o se prueba qué tan seguro es un sistema.",
    ),
    "15-2051": (
        "Científicos de datos",
        "Usan las matemáticas y las computadoras para hallar patrones útiles en muchos datos.",
    ),
}

SKILLS = {
    # slug: (English, Spanish, SOC codes). Names of skills, linked by the compiler's judgement.
    "troubleshooting": (
        "Troubleshooting",
        "Resolución de problemas",
        ["15-1231", "15-1232", "15-1244"],
    ),
    "customer-service": ("Customer service", "Servicio al cliente", ["15-1232"]),
    "networking": ("Computer networks", "Redes de computadoras", ["15-1231", "15-1241", "15-1244"]),
    "security": ("Security basics", "Bases de seguridad", ["15-1212", "15-1244", "15-1299"]),
    "programming": (
        "Programming",
        "Programación",
        ["15-1251", "15-1252", "15-1253", "15-1254", "15-2051"],
    ),
    "web": ("HTML, CSS and JavaScript", "HTML, CSS y JavaScript", ["15-1254", "15-1255"]),
    "databases": ("Databases and SQL", "Bases de datos y SQL", ["15-1242", "15-1243", "15-2051"]),
    "statistics": ("Statistics", "Estadística", ["15-2051", "15-1221"]),
    "design": ("User interface design", "Diseño de interfaces", ["15-1255"]),
    "cloud": ("Cloud services", "Servicios en la nube", ["15-1241", "15-1244", "15-1299"]),
    "testing": ("Software testing", "Pruebas de software", ["15-1253"]),
    "systems-analysis": ("Systems analysis", "Análisis de sistemas", ["15-1211"]),
}

FUNDING: list[dict[str, Any]] = [
    {
        "slug": "wioa-ita",
        "name": (
            "WIOA Individual Training Account (ITA)",
            "Cuenta Individual de Capacitación de WIOA (ITA)",
        ),
        "summary": (
            "Money from your local workforce board to pay for a training program. The program must be on your state's list of approved programs (the ETPL). You ask for it at an American Job Center.",
            "Dinero de la junta laboral de su zona para pagar un programa de formación. El programa debe estar en la lista de programas aprobados de su estado (la ETPL). Se pide en un American Job Center.",
        ),
        "kind": FundingKind.WIOA_ITA,
        "agency": "U.S. Department of Labor, through local workforce boards (American Job Centers)",
        "agency_level": AgencyLevel.LOCAL,
        "max_amount_note": (
            "Set by each local board. Example: one board pays up to $7,500 (healthcare) or "
            "$5,000 (other) per program year, for up to 2 years, one ITA at a time.",
            "Lo fija cada junta local. Ejemplo: una junta paga hasta $7,500 (salud) o $5,000 "
            "(otros) por año del programa, hasta 2 años, una ITA a la vez.",
        ),
        "max_amount_period": AmountPeriod.VARIES,
        "amount_varies_by_place": True,
        "covers": [],
        "min_age": 16,
        "income_test": IncomeTest.PRIORITY,
        "dislocated_eligible": True,
        "eligibility_note": (
            "Dislocated workers (including trade-affected); adults 18 and over with low income, "
            "public assistance or low basic skills, or barriers such as disability, homelessness, "
            "justice involvement or no diploma; out-of-school youth 16 to 24. Priority goes to "
            "veterans and eligible spouses, then public-assistance recipients, low-income and "
            "basic-skills-deficient adults.",
            "Trabajadores desplazados (también por comercio exterior); adultos de 18 años o más "
            "con bajos ingresos, ayuda pública o pocas destrezas básicas, o con barreras como "
            "discapacidad, falta de vivienda, antecedentes penales o sin diploma; jóvenes fuera "
            "de la escuela de 16 a 24 años. Tienen prioridad los veteranos y sus cónyuges, luego "
            "quienes reciben ayuda pública, tienen bajos ingresos o pocas destrezas básicas.",
        ),
        "requires_etpl": True,
        "program_note": (
            "The program must be on the state's eligible training provider list (ETPL), lead to "
            "an in-demand occupation and a recognized credential. You must be shown the "
            "providers' cost and results.",
            "El programa debe estar en la lista estatal de proveedores (ETPL) y llevar a un "
            "trabajo con demanda y a una credencial reconocida. Le deben mostrar el costo y los "
            "resultados de los proveedores.",
        ),
        "source_url": funding_facts.CFR_680_300,
        "other_source_urls": [
            "https://nwwdb.org/administrative-and-program-procedures/p1/",
            "https://dwd.wisconsin.gov/wioa/policy/07/07.1.1.htm",
            "https://wdbpc.org/individual-training-accounts-itas",
            "https://blog.careeronestop.org/could-you-qualify-for-free-training",
        ],
        "source_confidence": Confidence.SECONDARY,
        "source_note": "The regulation (20 CFR 680); the amount example is one local board's policy (secondary); eligibility from CareerOneStop.",
        "steps": [
            ("Visit your local American Job Center.", "Vaya a su American Job Center local."),
            (
                "Complete an assessment and an Individual Employment Plan with a counselor.",
                "Haga una evaluación y un Plan Individual de Empleo con un consejero.",
            ),
            (
                "Choose a program on your state's eligible training provider list (ETPL) and compare its cost and results.",
                "Elija un programa de la lista estatal de proveedores (ETPL) y compare su costo y sus resultados.",
            ),
            (
                "The board approves the Individual Training Account and pays the provider.",
                "La junta aprueba la Cuenta Individual de Capacitación y le paga al proveedor.",
            ),
        ],
    },
    {
        "slug": "workforce-pell",
        "name": (
            "Workforce Pell (short-term Pell)",
            "Pell para la fuerza laboral (Pell de corto plazo)",
        ),
        "summary": (
            "A Pell Grant for short job training programs. The program must be short, and most of its students must finish and find jobs.",
            "Una Beca Pell para programas cortos de formación para el trabajo. El programa debe ser corto, y la mayoría de sus alumnos deben terminar y hallar trabajo.",
        ),
        "kind": FundingKind.WORKFORCE_PELL,
        "requires_title_iv": True,
        "agency": "U.S. Department of Education",
        "agency_level": AgencyLevel.FEDERAL,
        "status": FundingStatus.ACTIVE,
        "status_note": (
            "In the federal rules since July 20, 2026 (34 CFR part 690, subpart H). Ask the school whether its program is approved.",
            "En las reglas federales desde el 20 de julio de 2026 (34 CFR parte 690, subparte H). Pregunte a la escuela si su programa está aprobado.",
        ),
        "max_amount_note": ("Award amount not confirmed.", "Monto de la beca no confirmado."),
        "eligibility_note": (
            "A student in the program gets a Pell Grant and no other federal student aid for it (34 CFR 690.90).",
            "Quien está en el programa recibe una beca Pell y ninguna otra ayuda federal para él (34 CFR 690.90).",
        ),
        "program_note": (
            "At least 150 but fewer than 600 clock hours, over at least 8 but fewer than 15 weeks "
            "of instruction, having met those rules for the 12 months before the school applied; "
            "approved by the governor (in-demand or high-wage field, a stackable and portable "
            "credential, credit toward a further certificate or degree); at least 70% completion "
            "and 70% job placement; tuition no higher than the program's value-added earnings "
            "(34 CFR 690.92 to 690.95).",
            "Al menos 150 y menos de 600 horas reloj, en al menos 8 y menos de 15 semanas de "
            "clases, cumpliendo esas reglas los 12 meses antes de que la escuela lo pidiera; "
            "aprobado por el gobernador (campo con demanda o buen salario, una credencial "
            "acumulable y portátil, créditos para otro certificado o título); al menos 70% de "
            "finalización y 70% de empleo; matrícula no mayor que la ganancia en ingresos del "
            "programa (34 CFR 690.92 a 690.95).",
        ),
        "combine_note": (
            "Not at the same time as a Pell Grant for any other program, including another short one (34 CFR 690.11(b)).",
            "No a la vez que una beca Pell para otro programa, incluso otro corto (34 CFR 690.11(b)).",
        ),
        "source_url": funding_facts.ECFR_690_H,
        "other_source_urls": [
            "https://github.com/aion-context/aion-doe/blob/2649bf7ad34221f9b65b5cbbcce76104867bf592/data/part-690.json",
        ],
        "source_confidence": Confidence.VERIFIED,
        "source_note": "The regulation, 34 CFR 690.90 to 690.97, read in a copy of eCFR's text (second link); each fact below names its section.",
        "steps": [],
    },
    {
        "slug": "pell-grant",
        "name": ("Federal Pell Grant", "Beca Federal Pell"),
        "summary": (
            "Money from the U.S. government to help pay for college. It is for students who need help to pay and do not have a four-year degree. You ask for it with the FAFSA form. The school must take federal student aid. Most bootcamps do not.",
            "Dinero del gobierno de EE. UU. para ayudar a pagar la universidad. Es para alumnos que necesitan ayuda para pagar y no tienen un título de cuatro años. Se pide con la FAFSA. La escuela debe aceptar ayuda federal. Casi ningún bootcamp la acepta.",
        ),
        "kind": FundingKind.PELL,
        "requires_title_iv": True,
        "agency": "U.S. Department of Education",
        "agency_level": AgencyLevel.FEDERAL,
        "income_test": IncomeTest.NEED_BASED,
        "prior_degree_rule": PriorDegreeRule.NO_BACHELOR,
        "max_amount_period": AmountPeriod.PER_AWARD_YEAR,
        "max_amount_note": (
            "The most for a full year; less if your FAFSA shows less need or you study part time.",
            "Lo máximo por un año completo; menos si la FAFSA muestra menos necesidad o si estudia a tiempo parcial.",
        ),
        "program_note": (
            "The school must take federal student aid (Title IV). Most bootcamps do not.",
            "La escuela debe aceptar ayuda federal (Título IV). La mayoría de los bootcamps no.",
        ),
        "source_url": funding_facts.FSA_GEN_25_02,
        "source_confidence": Confidence.VERIFIED,
        "source_note": "U.S. Department of Education (FSA) letters on the award amounts; each fact below names its page.",
        "steps": [
            ("Fill out the FAFSA.", "Llene la FAFSA."),
            (
                "Choose a school that takes federal student aid (Title IV).",
                "Elija una escuela que acepte ayuda federal (Título IV).",
            ),
        ],
    },
    {
        "slug": "vet-tec",
        "name": ("VET TEC (GI Bill pilot)", "VET TEC (programa piloto del GI Bill)"),
        "summary": (
            "It paid for full-time tech training for veterans, with tuition and money for housing. It has not taken new requests since April 1, 2024.",
            "Pagaba cursos de tecnología a tiempo completo para veteranos, con la matrícula y dinero para vivienda. No acepta nuevas solicitudes desde el 1 de abril de 2024.",
        ),
        "kind": FundingKind.VETERANS,
        "agency": "U.S. Department of Veterans Affairs",
        "agency_level": AgencyLevel.FEDERAL,
        "status": FundingStatus.CLOSED,
        "status_since": dt.date(2024, 4, 1),
        "status_note": (
            "Closed to new applications since April 1, 2024.",
            "Cerrado a nuevas solicitudes desde el 1 de abril de 2024.",
        ),
        "covers": [Coverage.TUITION, Coverage.HOUSING],
        "veteran_required": True,
        "eligibility_note": (
            "Does not use GI Bill entitlement, but you need at least one day of it left.",
            "No usa sus derechos del GI Bill, pero necesita que le quede al menos un día.",
        ),
        "program_note": (
            "Full-time high-tech training. Providers were paid 25% at enrollment, 25% at "
            "graduation and 50% when the student found a job.",
            "Capacitación de alta tecnología a tiempo completo. A los proveedores se les pagaba "
            "25% al inscribir, 25% al graduarse y 50% cuando el estudiante conseguía empleo.",
        ),
        "source_url": funding_facts.VET_TEC_TN,
        "source_confidence": Confidence.SECONDARY,
        "source_note": "A state veterans agency's page (secondary).",
        "steps": [],
    },
    {
        "slug": "gi-bill",
        "name": ("Post-9/11 GI Bill", "GI Bill posterior al 11 de septiembre"),
        "summary": (
            "Money for school for people who served on active duty after September 10, 2001. It pays tuition and fees to the school. How much it pays depends on how long you served.",
            "Dinero para estudiar para quienes sirvieron en servicio activo después del 10 de septiembre de 2001. Paga la matrícula y las cuotas a la escuela. Cuánto paga depende de cuánto tiempo sirvió.",
        ),
        "kind": FundingKind.VETERANS,
        "agency": "U.S. Department of Veterans Affairs",
        "agency_level": AgencyLevel.FEDERAL,
        "veteran_required": True,
        "requires_va_approval": True,
        "covers": [Coverage.TUITION, Coverage.FEES],
        "max_amount_period": AmountPeriod.PER_YEAR,
        "max_amount_note": (
            "In-state tuition and fees at public schools, at your percentage (50% to 100%).",
            "Matrícula y cuotas del estado en escuelas públicas, según su porcentaje (50% a 100%).",
        ),
        "eligibility_note": (
            "At least 90 days of active duty after September 10, 2001 (or a service-connected "
            "disability discharge after 30 continuous days).",
            "Al menos 90 días de servicio activo después del 10 de septiembre de 2001 (o baja por "
            "discapacidad del servicio tras 30 días seguidos).",
        ),
        "program_note": (
            "The program must be approved for VA education benefits; ask the school's certifying official.",
            "El programa debe estar aprobado para beneficios de educación de VA; pregunte al funcionario certificador de la escuela.",
        ),
        "source_url": funding_facts.VA_RATES,
        "source_confidence": Confidence.VERIFIED,
        "source_note": "U.S. Department of Veterans Affairs pages; each fact below names its page.",
        "steps": [],
    },
    {
        "slug": "registered-apprenticeship",
        "name": ("Registered Apprenticeship", "Aprendizaje registrado"),
        "summary": (
            "A paid job where you learn at work and in class. Your pay goes up as your skills grow. At the end you earn a credential that is known across the country.",
            "Un trabajo pagado donde usted aprende en el trabajo y en clase. Su sueldo sube a medida que aprende. Al final recibe una credencial que se conoce en todo el país.",
        ),
        "kind": FundingKind.APPRENTICESHIP,
        "agency": "U.S. Department of Labor or a State Apprenticeship Agency",
        "agency_level": AgencyLevel.FEDERAL,
        "covers": [Coverage.WAGES],
        "covers_note": ("You are paid while you learn.", "Le pagan mientras aprende."),
        # It pays wages in an apprenticeship job, so only apprenticeship programs qualify
        # (the catalog's credential type value "apprenticeship").
        "credential_types": ["apprenticeship"],
        "eligibility_note": (
            "You are hired by an employer (the sponsor) into the apprenticeship.",
            "Un empleador (el patrocinador) lo contrata para el aprendizaje.",
        ),
        "program_note": (
            "Registered by the Department of Labor or a State Apprenticeship Agency. Every "
            "registered program follows the Department's standards (29 CFR 29.5): a written "
            "schedule of the work you learn on the job, classes related to the trade (usually "
            "about 144 hours a year), pay that rises on a set schedule, "
            "supervision, regular checks of your progress, and fair selection.",
            "Lo registra el Departamento de Trabajo o una agencia estatal de aprendizaje. Todo "
            "programa registrado sigue las normas del Departamento (29 CFR 29.5): un plan "
            "escrito del trabajo que aprende en el empleo, clases relacionadas con el oficio "
            "(normalmente unas 144 horas al año), un sueldo que sube según un plan "
            "fijo, supervisión, revisiones periódicas de su avance y una selección justa.",
        ),
        "source_url": funding_facts.DOL_OA_STANDARDS,
        "source_confidence": Confidence.VERIFIED,
        "source_note": "The Department of Labor's Office of Apprenticeship page on the standards of 29 CFR 29.5 (undated; read 2026-12-01 in a stored copy).",
        "steps": [
            (
                "Find apprenticeship openings on apprenticeship.gov.",
                "Busque vacantes de aprendizaje en apprenticeship.gov.",
            ),
            (
                "Apply to the employer (sponsor) like any job.",
                "Solicite al empleador (patrocinador) como a cualquier trabajo.",
            ),
        ],
    },
    {
        "slug": "employer-educational-assistance",
        "name": (
            "Employer educational assistance (IRC §127)",
            "Ayuda educativa del empleador (IRC §127)",
        ),
        "summary": (
            "Your employer may pay for your schooling, and up to a yearly limit you pay no tax on it. Your employer must have a written plan. The classes do not have to be about your job.",
            "Su empleador puede pagar sus estudios y, hasta un límite al año, usted no paga impuestos por eso. Su empleador debe tener un plan por escrito. Las clases no tienen que ser de su trabajo.",
        ),
        "kind": FundingKind.EMPLOYER,
        "agency": "Your employer (tax rule: Internal Revenue Code §127)",
        "agency_level": AgencyLevel.EMPLOYER,
        "max_amount_period": AmountPeriod.PER_YEAR,
        "max_amount_note": (
            "Tax-free up to $5,250 per employee per calendar year.",
            "Sin impuestos hasta $5,250 por empleado por año calendario.",
        ),
        "employment_statuses": [EmploymentStatus.EMPLOYED],
        "employer_required": True,
        "eligibility_note": (
            "Your employer must have a written educational assistance plan.",
            "Su empleador debe tener un plan de ayuda educativa por escrito.",
        ),
        "program_note": (
            "Courses need not be job-related.",
            "Los cursos no tienen que ser del trabajo.",
        ),
        "source_url": funding_facts.USC_127,
        "source_confidence": Confidence.SECONDARY,
        "source_note": "The text of the law, 26 U.S.C. §127, read in LexisNexis's copy: the official text was not among the pages we could read, so the amount is not counted.",
        "steps": [
            (
                "Ask your employer's HR office whether it has a written educational assistance plan.",
                "Pregunte a recursos humanos si hay un plan de ayuda educativa por escrito.",
            ),
        ],
    },
    {
        "slug": "scholarships",
        "name": ("Scholarships", "Becas privadas"),
        "summary": (
            "Money for school from groups and companies. CareerOneStop's Scholarship Finder lists each one with its link, level of study, amount and due date.",
            "Dinero para estudiar que dan grupos y empresas. El buscador de becas de CareerOneStop muestra cada una con su enlace, nivel de estudio, monto y fecha límite.",
        ),
        "kind": FundingKind.SCHOLARSHIP,
        "agency": "Many organizations",
        "agency_level": AgencyLevel.PRIVATE,
        "max_amount_period": AmountPeriod.VARIES,
        "max_amount_note": ("Varies by scholarship.", "Varía según la beca."),
        "source_url": "https://www.careeronestop.org/Toolkit/Training/find-scholarships.aspx",
        "source_confidence": Confidence.VERIFIED,
        "source_note": "CareerOneStop Scholarship Finder (verified: page structure).",
        "steps": [
            (
                "Search CareerOneStop's Scholarship Finder.",
                "Busque en el buscador de becas de CareerOneStop.",
            ),
            (
                "Check each scholarship's level of study, amount and deadline.",
                "Revise el nivel de estudio, el monto y la fecha límite de cada beca.",
            ),
        ],
    },
    {
        "slug": "nj-wioa-ita",
        "name": (
            "New Jersey WIOA training grant (ETPL programs)",
            "Beca de capacitación WIOA de Nueva Jersey (programas de la ETPL)",
        ),
        "summary": (
            "New Jersey's share of WIOA training money, for people who live in New Jersey. It pays for programs on the state's list of approved programs. You ask for it at a One-Stop Career Center, also called an American Job Center.",
            "La parte de Nueva Jersey del dinero de WIOA para formación, para quienes viven en Nueva Jersey. Paga programas de la lista de programas aprobados del estado. Se pide en un One-Stop Career Center, que es un American Job Center.",
        ),
        "kind": FundingKind.WIOA_ITA,
        "agency": "New Jersey Department of Labor and Workforce Development, through local workforce boards",
        "agency_level": AgencyLevel.STATE,
        "state": "NJ",
        "max_amount_period": AmountPeriod.VARIES,
        "amount_varies_by_place": True,
        "min_age": 16,
        "income_test": IncomeTest.PRIORITY,
        "dislocated_eligible": True,
        "requires_etpl": True,
        "eligibility_note": (
            "The same rules as WIOA everywhere: dislocated workers, adults with low income or "
            "other barriers, out-of-school youth 16 to 24.",
            "Las mismas reglas de WIOA en todo el país: trabajadores desplazados, adultos con "
            "bajos ingresos u otras barreras, jóvenes fuera de la escuela de 16 a 24 años.",
        ),
        "program_note": (
            "Programs on New Jersey's ETPL, as loaded from the state's file: each one says so on its page.",
            "Programas de la ETPL de Nueva Jersey, según el archivo del estado: cada uno lo dice en su página.",
        ),
        "source_url": funding_facts.CFR_680_300,
        "source_confidence": Confidence.VERIFIED,
        "source_note": "The WIOA regulation, applied to New Jersey's list as the state publishes it.",
        "steps": [
            (
                "Visit a New Jersey One-Stop Career Center (American Job Center).",
                "Vaya a un One-Stop Career Center de Nueva Jersey (American Job Center).",
            ),
            (
                "Complete an assessment and an Individual Employment Plan with a counselor.",
                "Haga una evaluación y un Plan Individual de Empleo con un consejero.",
            ),
            (
                "Choose a program on New Jersey's ETPL; the board pays the provider.",
                "Elija un programa de la ETPL de Nueva Jersey; la junta le paga al proveedor.",
            ),
        ],
    },
]


def _translated(rec: dict[str, Any], name: str) -> dict[str, Any]:
    value = rec.get(name)
    if value is None:
        return {}
    if isinstance(value, str):  # English only: its Spanish is in data/translations/es.csv
        return {name: value, f"{name}_en": value}
    english, spanish = value
    return {name: english, f"{name}_en": english, f"{name}_es": spanish}


def funding_sources_load() -> int:
    """Create or update the shipped federal funding sources and their application steps."""
    translated = translator.get_options_for_model(FundingSource).fields  # type: ignore[attr-defined]
    for rec in FUNDING:
        values: dict[str, Any] = {
            k: v for k, v in rec.items() if k not in {"slug", "steps", *translated}
        }
        for name in translated:
            values.update(_translated(rec, name))
        # A fact removed from FUNDING must not linger from an earlier load: reset the rest.
        for model_field in FundingSource._meta.concrete_fields:
            if model_field.name not in {"id", "slug"} and model_field.name not in values:
                values[model_field.name] = model_field.get_default()
        values["source_read_on"] = READ_ON
        source, _ = FundingSource.objects.update_or_create(slug=rec["slug"], defaults=values)
        source.apply_steps.all().delete()
        FundingApplyStep.objects.bulk_create(
            FundingApplyStep(funding_source=source, order=i, text=en, text_en=en, text_es=es)
            for i, (en, es) in enumerate(rec["steps"], start=1)
        )
    funding_facts_load()
    return len(FUNDING)


def _credential_facts() -> dict[str, dict[str, str]]:
    with (DATA_DIR / "tech_credentials.csv").open(encoding="utf-8") as handle:
        return {row["id"]: row for row in csv.DictReader(handle)}


# Authored sample pathways: {soc: {level: [(kind, title, slugs, category, level, weeks)]}}.
Step = tuple[str, str, list[str], str, str, tuple[int, int] | None]
# weeks=None takes the range of the listed credentials' published durations, when there is one.
GED: Step = (StepKind.TRAINING, "Earn a high-school equivalency (GED or HiSET)", [], "", "", None)
IT_ENTRY: Step = (
    StepKind.TRAINING,
    "Earn an entry IT support certificate",
    ["comptia-a-plus", "google-it-support", "per-scholas-it-support", "year-up"],
    "it_support",
    "entry",
    None,
)
HELP_DESK: Step = (
    StepKind.ENTRY_JOB,
    "Work as a help desk or user support technician",
    [],
    "",
    "",
    None,
)
HELP_DESK_EXP: Step = (
    StepKind.EXPERIENCE,
    "Gain a year or two of hands-on IT experience",
    [],
    "",
    "",
    (52, 104),
)
SEC_ENTRY: Step = (
    StepKind.TRAINING,
    "Earn an entry security certification",
    ["comptia-security-plus", "isc2-cc", "google-cybersecurity"],
    "cybersecurity",
    "entry",
    None,
)
SEC_APPRENTICE: Step = (
    StepKind.APPRENTICESHIP,
    "Join a cybersecurity apprenticeship",
    ["comptia-cat-cybersecurity-support-technician", "drexel-cybersecurity-apprenticeship"],
    "",
    "",
    None,
)
SEC_MID: Step = (
    StepKind.TRAINING,
    "Earn an intermediate security certification",
    ["comptia-cysa-plus", "comptia-pentest-plus", "giac-gsec"],
    "cybersecurity",
    "intermediate",
    None,
)
SEC_JOB: Step = (StepKind.ENTRY_JOB, "Work as a junior security analyst", [], "", "", None)
NET_ENTRY: Step = (
    StepKind.TRAINING,
    "Earn an entry networking certification",
    ["comptia-network-plus", "cisco-ccst-networking"],
    "networking",
    "entry",
    None,
)
NET_MID: Step = (
    StepKind.TRAINING,
    "Earn an intermediate networking certification",
    ["cisco-ccna"],
    "networking",
    "intermediate",
    None,
)
NET_APPRENTICE: Step = (
    StepKind.APPRENTICESHIP,
    "Join a network support apprenticeship",
    ["comptia-cat-network-support-specialist"],
    "",
    "",
    None,
)
NET_JOB: Step = (StepKind.ENTRY_JOB, "Work as a network support technician", [], "", "", None)
CLOUD: Step = (
    StepKind.TRAINING,
    "Earn a cloud administration certification",
    ["microsoft-az-104", "aws-solutions-architect-associate", "comptia-cloud-plus"],
    "cloud",
    "intermediate",
    None,
)
WEB_ENTRY: Step = (
    StepKind.TRAINING,
    "Learn web development and build a portfolio",
    [
        "freecodecamp-responsive-web-design",
        "the-odin-project",
        "freecodecamp-javascript-algorithms",
        "launchcode",
    ],
    "web_development",
    "entry",
    None,
)
WEB_BOOTCAMP: Step = (
    StepKind.TRAINING,
    "Take a coding bootcamp",
    [
        "flatiron-school-software-engineering",
        "hack-reactor-software-engineering",
        "general-assembly-software-engineering",
    ],
    "software_development",
    "",
    None,
)
WEB_JOB: Step = (StepKind.ENTRY_JOB, "Work as a junior web developer", [], "", "", None)
DATA_ENTRY: Step = (
    StepKind.TRAINING,
    "Earn an entry data analytics certificate",
    ["google-data-analytics", "comptia-data-plus", "freecodecamp-data-analysis-python"],
    "data",
    "entry",
    None,
)
DATA_SCI: Step = (
    StepKind.TRAINING,
    "Learn data science with Python and statistics",
    ["ibm-data-science", "freecodecamp-data-analysis-python"],
    "data",
    "",
    None,
)
DATA_JOB: Step = (StepKind.ENTRY_JOB, "Work as a data analyst", [], "", "", None)
ASSOC_IT: Step = (
    StepKind.TRAINING,
    "Finish a technical college IT program",
    ["oftc-computer-support-specialist-diploma", "oftc-cybersecurity-aas"],
    "",
    "",
    None,
)
BACHELOR: Step = (
    StepKind.TRAINING,
    "Earn a bachelor's degree in computer science or a related field",
    [],
    "",
    "",
    None,
)
FINISH_BACHELOR: Step = (
    StepKind.TRAINING,
    "Finish a bachelor's degree (your credits may count)",
    [],
    "",
    "",
    None,
)

SAMPLE_PATHWAYS: dict[str, dict[str, list[Step]]] = {
    "15-1232": {
        EducationLevel.NO_DIPLOMA: [GED, IT_ENTRY, HELP_DESK],
        EducationLevel.HIGH_SCHOOL: [IT_ENTRY, HELP_DESK],
        EducationLevel.SOME_COLLEGE: [IT_ENTRY, HELP_DESK],
        EducationLevel.ASSOCIATE: [IT_ENTRY, HELP_DESK],
        EducationLevel.BACHELOR: [IT_ENTRY, HELP_DESK],
    },
    "15-1212": {
        EducationLevel.NO_DIPLOMA: [GED, IT_ENTRY, HELP_DESK, SEC_ENTRY, SEC_JOB],
        EducationLevel.HIGH_SCHOOL: [IT_ENTRY, HELP_DESK, SEC_ENTRY, SEC_APPRENTICE, SEC_JOB],
        EducationLevel.SOME_COLLEGE: [IT_ENTRY, SEC_ENTRY, SEC_APPRENTICE, SEC_JOB],
        EducationLevel.ASSOCIATE: [SEC_ENTRY, HELP_DESK_EXP, SEC_MID, SEC_JOB],
        EducationLevel.BACHELOR: [SEC_ENTRY, SEC_MID, SEC_JOB],
    },
    "15-1231": {
        EducationLevel.NO_DIPLOMA: [GED, IT_ENTRY, HELP_DESK, NET_ENTRY, NET_JOB],
        EducationLevel.HIGH_SCHOOL: [IT_ENTRY, NET_ENTRY, NET_APPRENTICE, NET_JOB],
        EducationLevel.SOME_COLLEGE: [NET_ENTRY, NET_APPRENTICE, NET_JOB],
        EducationLevel.ASSOCIATE: [NET_ENTRY, NET_MID, NET_JOB],
        EducationLevel.BACHELOR: [NET_ENTRY, NET_MID, NET_JOB],
    },
    "15-1244": {
        EducationLevel.HIGH_SCHOOL: [IT_ENTRY, HELP_DESK, NET_ENTRY, HELP_DESK_EXP, CLOUD],
        EducationLevel.SOME_COLLEGE: [IT_ENTRY, HELP_DESK, NET_ENTRY, CLOUD],
        EducationLevel.ASSOCIATE: [ASSOC_IT, NET_MID, HELP_DESK_EXP, CLOUD],
        EducationLevel.BACHELOR: [NET_MID, HELP_DESK_EXP, CLOUD],
    },
    "15-1254": {
        EducationLevel.HIGH_SCHOOL: [WEB_ENTRY, WEB_JOB],
        EducationLevel.SOME_COLLEGE: [WEB_ENTRY, WEB_BOOTCAMP, WEB_JOB],
        EducationLevel.ASSOCIATE: [WEB_ENTRY, WEB_BOOTCAMP, WEB_JOB],
        EducationLevel.BACHELOR: [WEB_BOOTCAMP, WEB_JOB],
    },
    "15-1252": {
        EducationLevel.HIGH_SCHOOL: [WEB_ENTRY, WEB_JOB, BACHELOR],
        EducationLevel.SOME_COLLEGE: [WEB_ENTRY, FINISH_BACHELOR, WEB_JOB],
        EducationLevel.ASSOCIATE: [WEB_ENTRY, FINISH_BACHELOR, WEB_JOB],
        EducationLevel.BACHELOR: [WEB_BOOTCAMP, WEB_JOB],
    },
    "15-2051": {
        EducationLevel.HIGH_SCHOOL: [DATA_ENTRY, DATA_JOB, BACHELOR, DATA_SCI],
        EducationLevel.SOME_COLLEGE: [DATA_ENTRY, DATA_JOB, FINISH_BACHELOR, DATA_SCI],
        EducationLevel.ASSOCIATE: [DATA_ENTRY, FINISH_BACHELOR, DATA_SCI],
        EducationLevel.BACHELOR: [DATA_ENTRY, DATA_SCI, DATA_JOB],
    },
}

STEP_TITLES_ES = {
    GED[1]: "Obtenga un diploma equivalente a la secundaria (GED o HiSET)",
    IT_ENTRY[1]: "Obtenga un certificado inicial de soporte técnico",
    HELP_DESK[1]: "Trabaje como técnico de mesa de ayuda o soporte a usuarios",
    HELP_DESK_EXP[1]: "Gane uno o dos años de experiencia práctica en TI",
    SEC_ENTRY[1]: "Obtenga una certificación inicial de seguridad",
    SEC_APPRENTICE[1]: "Entre a un aprendizaje en ciberseguridad",
    SEC_MID[1]: "Obtenga una certificación intermedia de seguridad",
    SEC_JOB[1]: "Trabaje como analista de seguridad junior",
    NET_ENTRY[1]: "Obtenga una certificación inicial de redes",
    NET_MID[1]: "Obtenga una certificación intermedia de redes",
    NET_APPRENTICE[1]: "Entre a un aprendizaje en soporte de redes",
    NET_JOB[1]: "Trabaje como técnico de soporte de redes",
    CLOUD[1]: "Obtenga una certificación de administración de la nube",
    WEB_ENTRY[1]: "Aprenda desarrollo web y arme un portafolio",
    WEB_BOOTCAMP[1]: "Tome un bootcamp de programación",
    WEB_JOB[1]: "Trabaje como desarrollador web junior",
    DATA_ENTRY[1]: "Obtenga un certificado inicial de análisis de datos",
    DATA_SCI[1]: "Aprenda ciencia de datos con Python y estadística",
    DATA_JOB[1]: "Trabaje como analista de datos",
    ASSOC_IT[1]: "Termine un programa de TI en un colegio técnico",
    BACHELOR[1]: "Obtenga una licenciatura en informática o un campo parecido",
    FINISH_BACHELOR[1]: "Termine una licenciatura (sus créditos pueden contar)",
}
COST_NOTE_ES = (
    "Rango de los precios publicados de las credenciales de abajo; cada una muestra su fuente y "
    "fecha."
)

ENTRY_JOB_SOC = {
    HELP_DESK[1]: "15-1232",
    SEC_JOB[1]: "15-1212",
    NET_JOB[1]: "15-1231",
    WEB_JOB[1]: "15-1254",
    DATA_JOB[1]: "15-2051",
}


def _whole(value: str) -> int | None:
    try:
        return int(float(value))
    except ValueError:
        return None


def _step_ranges(slugs: list[str], facts: dict[str, dict[str, str]]) -> dict[str, Any]:
    """Time and cost ranges of a step, from the listed credentials' published facts only."""
    rows = [facts[s] for s in slugs if s in facts]
    costs: list[tuple[int, int]] = []
    for row in rows:
        low, high = _whole(row["price_total_min_usd"]), _whole(row["price_total_max_usd"])
        if low is not None:
            costs.append((low, high if high is not None else low))
    weeks = [w for r in rows if (w := _whole(r["duration_weeks"])) is not None]
    out: dict[str, Any] = {}
    if costs:
        out["min_cost_usd"] = min(c[0] for c in costs)
        out["max_cost_usd"] = max(c[1] for c in costs)
        out["cost_source_date"] = "2026-11-26"  # when the prices were read; the page says so
        out["cost_note_en"] = out["cost_note"] = (
            "Range of the published prices of the credentials below; each shows its own source "
            "and date. Some have no published price."
            if len(costs) < len(rows)
            else "Range of the published prices of the credentials below; each shows its own "
            "source and date."
        )
    if costs:
        out["cost_note_es"] = COST_NOTE_ES
    if weeks:
        out["min_weeks"], out["max_weeks"] = min(weeks), max(weeks)
    return out


def pathways_load() -> int:
    """Create or replace the sample pathways (only those marked is_sample)."""
    facts = _credential_facts()
    occupations = Occupation.objects.in_bulk(field_name="soc_code")
    count = 0
    for soc, by_level in SAMPLE_PATHWAYS.items():
        for level, steps in by_level.items():
            # get_or_create, not update_or_create: an existing authored pathway keeps its flag,
            # so the check below can skip it.
            pathway, _ = Pathway.objects.get_or_create(
                occupation=occupations[soc],
                education_level=level,
                defaults={"is_sample": True},
            )
            if not pathway.is_sample:
                continue  # an authored (non-sample) pathway is never overwritten
            pathway.steps.all().delete()
            PathwayStep.objects.bulk_create(
                PathwayStep(
                    pathway=pathway,
                    order=order,
                    kind=step[0],
                    title=step[1],
                    title_en=step[1],
                    title_es=STEP_TITLES_ES[step[1]],
                    credential_slugs=step[2],
                    credential_category=step[3],
                    credential_level=step[4],
                    job_occupation=occupations.get(ENTRY_JOB_SOC.get(step[1], "")),
                    **(
                        {"min_weeks": step[5][0], "max_weeks": step[5][1]}
                        if step[5]
                        else _step_ranges(step[2], facts)
                    ),
                )
                for order, step in enumerate(steps, start=1)
            )
            count += 1
    return count


def load() -> str:
    """Load occupations, skills, funding sources and sample pathways; safe to run again."""
    with transaction.atomic():
        occupations = occupations_load(path=DATA_DIR / "tech_occupations.csv")
        by_soc = Occupation.objects.in_bulk(field_name="soc_code")
        for soc, (title_es, description_es) in SPANISH.items():
            if soc in by_soc:
                by_soc[soc].title_es = title_es  # type: ignore[attr-defined]
                by_soc[soc].description_es = description_es  # type: ignore[attr-defined]
        Occupation.objects.bulk_update(
            [by_soc[soc] for soc in SPANISH if soc in by_soc], ["title_es", "description_es"]
        )
        occupation_titles_portal_load()
        occupation_plain_descriptions_load()
        for slug, (en, es, socs) in SKILLS.items():
            skill, _ = Skill.objects.update_or_create(
                slug=slug, defaults={"name": en, "name_en": en, "name_es": es}
            )
            skill.occupations.set([by_soc[s] for s in socs if s in by_soc])
        funding = funding_sources_load()
        pathways = pathways_load()
    return f"{occupations}, {len(SKILLS)} skills, {funding} funding sources, {pathways} sample pathways"
