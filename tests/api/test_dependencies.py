"""The api app reads the other apps; they never import it (dependencies point one way)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("app", ["centers", "partners", "events", "accounts"])
def test_apps_never_import_the_api(app):
    offenders = []
    for path in (ROOT / app).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            if any(name == "api" or name.startswith("api.") for name in names):
                offenders.append(str(path.relative_to(ROOT)))
    assert not offenders
