"""The project's layers, checked from its source: no import circles, and each folder
imports only what its `__init__` docstring says it may (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from config import PROJECT_ROOT

SKIPPED = {"tests", "bench", "stubs", "migrations", "docs", "data", "knowledge_base"}
# folder -> the project's top-level parts (or knowledge's folders) it may import
ALLOWED = {
    "knowledge.documents": {"config", "utils"},
    "knowledge.encoders": {"config"},
    "knowledge.vectors": {"config", "utils", "knowledge.encoders"},
    "ingestion": {"config", "utils", "knowledge"},
    "webchat": {"config", "utils"},
    "utils": {"config"},
    "mcp_tools": {"config", "utils", "tenancy"},
}
# the platform layer never reaches up into the agent, the data sources or the API, nor
# the data sources into the agent that calls them
FORBIDDEN = {
    "tenancy": {"agents", "data_sources", "api", "voice", "webchat", "composition"},
    "data_sources": {"agents", "api", "voice", "webchat", "composition"},
    "agents": {"api", "voice", "webchat", "composition"},
}


def project_modules(root: Path) -> dict[str, Path]:
    modules = {}
    for entry in sorted(root.iterdir()):
        if entry.name in SKIPPED or entry.name.startswith((".", "__")):
            continue
        for path in [entry] if entry.suffix == ".py" else sorted(entry.rglob("*.py")):
            name = ".".join(path.relative_to(root).parts)[:-3].removesuffix(".__init__")
            modules[name] = path
    return modules


def imports_of(path: Path, modules: dict[str, Path]) -> set[str]:
    """Every project module `path` imports, at any depth of the file (a function's
    import included: it is a dependency all the same)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names] + [node.module]
        for name in names:
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name:
                found.add(name)
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    modules = project_modules(PROJECT_ROOT)
    return {m: imports_of(p, modules) - {m} for m, p in modules.items()}


def part(module: str) -> str:
    top = module.split(".")
    return ".".join(top[:2]) if top[0] == "knowledge" and len(top) > 1 else top[0]


def test_no_module_imports_itself_through_others(graph: dict[str, set[str]]) -> None:
    circles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the path, 2: done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for dependency in sorted(graph.get(module, ())):
            if state.get(dependency) == 1:
                circles.append(path[path.index(dependency) :] + [dependency])
            elif dependency not in state:
                visit(dependency)
        path.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)
    assert circles == []


@pytest.mark.parametrize("folder", sorted(ALLOWED))
def test_a_folder_imports_only_the_layers_below_it(graph: dict[str, set[str]], folder: str) -> None:
    allowed = ALLOWED[folder] | {folder}
    wrong = {
        f"{module} -> {dependency}"
        for module, dependencies in graph.items()
        if part(module) == folder or module.startswith(folder + ".")
        for dependency in dependencies
        if part(dependency) not in allowed and dependency.split(".")[0] not in allowed
        and not dependency.startswith(folder + ".")
    }  # fmt: skip
    assert wrong == set()


def test_the_platform_and_data_layers_do_not_reach_up(graph: dict[str, set[str]]) -> None:
    wrong = {
        f"{module} -> {dependency}"
        for folder, above in FORBIDDEN.items()
        for module, dependencies in graph.items()
        if module.split(".")[0] == folder
        for dependency in dependencies
        if dependency.split(".")[0] in above
    }
    assert wrong == set()
