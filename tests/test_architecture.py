"""The package layout keeps its rules: stages import only the stages below them (setup.cfg's
import-linter contracts), no module imports itself back through others, only transdiff.cli knows click,
and no private name (``_x``) is imported from another module."""
from __future__ import annotations

import ast
from pathlib import Path

import grimp
from importlinter import configuration
from importlinter.application.use_cases import lint_imports

import transdiff

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path(transdiff.__file__).resolve().parent


def test_import_linter_contracts_hold():
    configuration.configure()  # what the lint-imports command does first: the readers of setup.cfg
    assert lint_imports(config_filename=str(ROOT / "setup.cfg"), cache_dir=None, no_logo=True), \
        "import-linter contracts broken (the report above says which import)"


def _strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    # Tarjan's algorithm, iterative: module chains can be deeper than the recursion limit likes.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    components.append(sorted(component))
    return components


def test_no_module_imports_itself_back():
    # The contracts compare packages; this also catches a cycle between a package's __init__ and its
    # own modules (e.g. a loader whose helper module imports the loader back).
    graph = grimp.build_graph("transdiff", cache_dir=None)
    edges = {m: set(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    assert _strongly_connected(edges) == []


def _python_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _module_name(path: Path) -> list[str]:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path)[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, None, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            for alias in node.names:
                yield module, alias.name, node.lineno


def test_only_the_cli_imports_click():
    found = [f"{path.relative_to(PACKAGE.parent)}:{line}" for path in _python_files()
             for module, _, line in _imports(path)
             if module.split(".")[0] == "click" and _module_name(path)[:2] != ["transdiff", "cli"]]
    assert found == []
    assert any(module == "click" for path in (PACKAGE / "cli").rglob("*.py") for module, _, _ in _imports(path)), \
        "the scan itself is broken: transdiff/cli imports click"


def test_no_private_name_is_imported_from_another_module():
    found = [f"{path.relative_to(PACKAGE.parent)}:{line} imports {name} from {module}"
             for path in _python_files() for module, name, line in _imports(path)
             if name and module.split(".")[0] == "transdiff" and name.startswith("_") and not name.startswith("__")]
    assert found == []
