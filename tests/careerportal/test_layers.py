"""Layers hold in SQL strings and templates too: pathways <- credentials <- alliance <- hiringdata.

A lower app never names a higher app's tables in its SQL, and its templates never include or
extend a higher app's templates (the higher app fills an extension point or a read model).
"""

import ast
import re
from pathlib import Path

from django.apps import apps
from django.conf import settings

LAYERS = ("pathways", "credentials", "alliance", "hiringdata")
ROOT = Path(settings.BASE_DIR)
TEMPLATE_TAG = re.compile(r"""{%\s*(?:include|extends)\s+["']([^"']+)["']""")


# Apps that sit inside a layer's package (the transparency report is part of hiringdata, the
# training providers' app and the task force's part of alliance, videos part of pathways).
PART_OF = {
    "pathways": ("pathways", "videos"),
    "alliance": ("alliance", "providers", "taskforce", "reconvening"),
    "hiringdata": ("hiringdata", "transparency"),
}


def _tables(label: str) -> set[str]:
    tables: set[str] = set()
    for part in PART_OF.get(label, (label,)):
        config = apps.get_app_config(part)
        tables |= {m._meta.db_table for m in config.get_models(include_auto_created=True)}
    return tables


def _strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def _higher(label: str) -> tuple[str, ...]:
    return LAYERS[LAYERS.index(label) + 1 :]


def test_no_lower_app_names_a_higher_apps_tables_in_sql():
    found = []
    for label in LAYERS[:-1]:
        higher_tables = set().union(*(_tables(h) for h in _higher(label)))
        pattern = re.compile(r"\b(" + "|".join(sorted(higher_tables)) + r")\b")
        for path in sorted((ROOT / label).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for line, text in _strings(path):
                for table in pattern.findall(text):
                    found.append(f"{path.relative_to(ROOT)}:{line} names {table}")
    assert not found, "\n".join(found)


def test_no_lower_app_template_includes_a_higher_apps_template():
    found = []
    for label in LAYERS[:-1]:
        for path in sorted((ROOT / "templates" / label).rglob("*.html")):
            for name in TEMPLATE_TAG.findall(path.read_text(encoding="utf-8")):
                if name.split("/")[0] in _higher(label):
                    found.append(f"{path.relative_to(ROOT)} uses {name}")
    assert not found, "\n".join(found)


def test_the_scan_sees_what_it_looks_for(tmp_path):
    """Guard against a scan that finds nothing because it reads nothing."""
    assert "alliance_credentialrecognition" in _tables("alliance")
    assert "hiringdata_transparencyreport" in _tables("hiringdata")
    sample = tmp_path / "sample.py"
    sample.write_text('SQL = "SELECT 1 FROM alliance_member"\n')
    assert (1, "SELECT 1 FROM alliance_member") in _strings(sample)
    assert TEMPLATE_TAG.findall('{% include "credentials/x.html" with a=1 %}') == [
        "credentials/x.html"
    ]


def test_no_app_glues_models_on_with_a_star_import():
    found = []
    for label in LAYERS:
        for path in sorted((ROOT / label).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and any(a.name == "*" for a in node.names):
                    found.append(str(path.relative_to(ROOT)))
    assert not found, found


def test_counselor_plans_live_in_their_own_package():
    from credentials.plans.models import Plan, PlanItem

    assert Plan._meta.db_table == "credentials_plan"  # the same table: no data moved
    assert PlanItem._meta.app_label == "credentials"
    for module in ("models", "services", "selectors", "views", "urls", "api", "admin"):
        assert (ROOT / "credentials" / "plans" / f"{module}.py").exists(), module
