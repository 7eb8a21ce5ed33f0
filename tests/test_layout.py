"""The package layout holds: one package per stage that imports only the data model, the shared
knowledge and the registry (never another stage), and no import circles anywhere."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import eventwire

PACKAGE = Path(eventwire.__file__).parent
STAGES = ("ingest", "clean", "parse", "actors", "temporal", "places", "quotes", "events")
# What every package may import besides itself.
COMMON = {"eventwire.model", "eventwire.errors", "eventwire.settings", "eventwire.registry"}
ALLOWED = {
    **{stage: COMMON | {"eventwire.knowledge"} for stage in STAGES},
    "knowledge": {"eventwire.model", "eventwire.errors"},
    "store": COMMON | {"eventwire.knowledge"},
    "serve": COMMON | {"eventwire.knowledge", "eventwire.store"},
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """The eventwire modules `path` imports anywhere in it (relative imports resolved)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("eventwire"):
                for alias in node.names:  # `from . import actors` imports the module eventwire.actors
                    candidate = f"{target}.{alias.name}"
                    found.add(candidate if _is_module(candidate) else target)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("eventwire"))
    return found


def _is_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_layout_package_imports_only_the_model_knowledge_and_itself(package):
    own = f"eventwire.{package}"
    allowed = ALLOWED[package] | {own}
    wrong = []
    for path in (PACKAGE / package).rglob("*.py"):
        for target in imports_of(path):
            if not any(target == a or target.startswith(a + ".") for a in allowed):
                wrong.append(f"{module_name(path)} imports {target}")
    assert wrong == []


def test_layout_has_no_import_circles():
    # imports inside functions count too: deferring an import hides a circle, it does not break it
    graph = {module_name(p): imports_of(p) - {"eventwire"} for p in MODULES}
    state: dict[str, str] = {}  # "open" while on the path being followed, "done" after
    circles = []

    def follow(node: str, path: list[str]) -> None:
        state[node] = "open"
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                circles.append(" -> ".join(path[path.index(target):] + [node, target]))
            elif target not in state:
                follow(target, path + [node])
        state[node] = "done"

    for start in sorted(graph):
        if start not in state:
            follow(start, [])
    assert circles == []


@pytest.mark.parametrize("init", sorted(PACKAGE.rglob("__init__.py")), ids=lambda p: module_name(p))
def test_layout_every_package_says_what_it_does(init):
    docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
    assert docstring and len(docstring.split()) >= 12


def test_layout_every_registered_stage_lives_in_its_own_package():
    from eventwire.pipeline import STAGES as registered

    built_in = [spec for spec in registered.values() if spec.factory.__module__.startswith("eventwire.")]
    homes = {spec.name: spec.factory.__module__ for spec in built_in}
    assert homes == {"clean": "eventwire.clean.stage", "verbatim": "eventwire.clean.stage",
                     "parse": "eventwire.parse.stage", "entities": "eventwire.actors.stage",
                     "time": "eventwire.temporal.stage", "places": "eventwire.places.stage",
                     "quotes": "eventwire.quotes.stage", "events": "eventwire.events.stage"}
