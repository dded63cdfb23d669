"""The pipeline's import direction: later stages may use earlier ones, never the reverse."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "jeugddocs"

# -- module prefix → jeugddocs modules it must not import --
FORBIDDEN = {
    "jeugddocs.errors": ("jeugddocs.",),
    "jeugddocs.collector": ("jeugddocs.",),
    "jeugddocs.format": (
        "jeugddocs.markup",
        "jeugddocs.calc",
        "jeugddocs.content",
        "jeugddocs.compute",
        "jeugddocs.render",
        "jeugddocs.api",
        "jeugddocs.cli",
        "jeugddocs.output",
    ),
    # -- prose and expressions know the filters, nothing of YAML, models or Word --
    "jeugddocs.markup": (
        "jeugddocs.calc",
        "jeugddocs.content",
        "jeugddocs.compute",
        "jeugddocs.render",
        "jeugddocs.api",
        "jeugddocs.cli",
        "jeugddocs.output",
        "jinja2",
    ),
    "jeugddocs.calc": (
        "jeugddocs.content",
        "jeugddocs.compute",
        "jeugddocs.render",
        "jeugddocs.api",
        "jeugddocs.cli",
        "jeugddocs.output",
    ),
    "jeugddocs.content": (
        "jeugddocs.compute",
        "jeugddocs.render",
        "jeugddocs.api",
        "jeugddocs.cli",
        "jeugddocs.output",
    ),
    "jeugddocs.compute": ("jeugddocs.render", "jeugddocs.api", "jeugddocs.cli", "jeugddocs.output"),
    "jeugddocs.render": (
        "jeugddocs.api",
        "jeugddocs.cli",
        "jeugddocs.output",
        "jeugddocs.content.load",
        "jeugddocs.content.source",
    ),
    "jeugddocs.planning": (
        "jeugddocs.render",
        "jeugddocs.api",
        "jeugddocs.cli",
        "jeugddocs.output",
    ),
    # -- artefacts are bytes with a name: what made them, or writes them, is not their concern --
    "jeugddocs.artefact": ("jeugddocs.",),
    "jeugddocs.exporters": (
        "jeugddocs.content",
        "jeugddocs.compute",
        "jeugddocs.render",
        "jeugddocs.planning",
        "jeugddocs.api",
        "jeugddocs.cli",
        "jeugddocs.output",
    ),
    # -- the converter knows files and LibreOffice, nothing of content, templates or artefacts --
    "jeugddocs.libreoffice": (
        "jeugddocs.artefact",
        "jeugddocs.content",
        "jeugddocs.compute",
        "jeugddocs.render",
        "jeugddocs.planning",
        "jeugddocs.exporters",
        "jeugddocs.output",
        "jeugddocs.api",
        "jeugddocs.cli",
    ),
    "jeugddocs.output": (
        "jeugddocs.content",
        "jeugddocs.compute",
        "jeugddocs.render",
        "jeugddocs.planning",
        "jeugddocs.exporters",
        "jeugddocs.api",
    ),
    "jeugddocs.api": ("jeugddocs.cli", "click"),
    # -- Woo metadata is made from artefacts and the shipped value lists alone: content
    #    and profiles use it to check publishers, so it must not use them --
    "jeugddocs.woo": (
        "jeugddocs.content",
        "jeugddocs.compute",
        "jeugddocs.render",
        "jeugddocs.planning",
        "jeugddocs.exporters",
        "jeugddocs.api",
        "jeugddocs.cli",
        "jeugddocs.output",
    ),
    # -- the pool machinery knows nothing of content, templates or the command line --
    "jeugddocs.batch": ("jeugddocs.", "click"),
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_imports_flow_one_way() -> None:
    violations = []
    for path in PACKAGE.rglob("*.py"):
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        module = module.removesuffix(".__init__")
        for prefix, banned in FORBIDDEN.items():
            if module == prefix or module.startswith(prefix + "."):
                violations += [
                    f"{module} → {name}" for name in _imports(path) if name.startswith(banned)
                ]
    assert violations == []


def test_the_command_line_uses_only_the_public_api() -> None:
    tree = ast.parse((PACKAGE / "cli.py").read_text(encoding="utf-8"))
    used = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0, "relative import in cli.py"
            if node.module == "jeugddocs":
                used |= {f"jeugddocs.{alias.name}" for alias in node.names}
            elif node.module and node.module.startswith("jeugddocs."):
                used.add(node.module)
        elif isinstance(node, ast.Import):
            used |= {a.name for a in node.names if a.name.partition(".")[0] == "jeugddocs"}

    assert used == {"jeugddocs.api", "jeugddocs.__version__"}
