"""No import circles among the project's modules.

A circle (a imports b, b imports a, perhaps by way of others) means two modules
that cannot be read, tested or moved one without the other; it also makes the
order of imports matter. The graph is read from the source alone (no module is
imported, so the test takes a fraction of a second): every ``import`` and
``from … import`` anywhere in a module counts, inside functions and under
``if TYPE_CHECKING:`` too, relative ones resolved, and ``from package import name``
pointing at the module ``package.name`` where there is one, else at ``package``.

A package's ``__init__`` that re-exports its modules' names is not a circle with
them: importing ``package.module`` runs ``package/__init__.py`` first, but that
edge is the interpreter's, not one written in the source. A module of a package
that imports from the package itself (``from package import name``) is counted,
and closes a circle when the ``__init__`` imports that module.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("models", "exporters", "ui", "cli")
SCRIPTS = ("main.py",)


def module_files(root: Path = ROOT, packages=PACKAGES, scripts=SCRIPTS) -> dict[str, Path]:
    """{dotted module name: file} of every module of the packages and the top-level scripts."""
    found = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            found[".".join(parts).removesuffix(".__init__")] = path
    for script in scripts:
        if (root / script).is_file():
            found[Path(script).stem] = root / script
    return found


def import_graph(files: dict[str, Path]) -> dict[str, set[str]]:
    """{module: the project modules it imports}."""
    graph: dict[str, set[str]] = {}
    for module, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        is_package = path.name == "__init__.py"
        targets = {target for node in ast.walk(tree) for target in _imports(node, module, is_package, files)}
        graph[module] = {target for target in targets if target is not None and target != module}
    return graph


def _imports(node: ast.AST, module: str, is_package: bool, files: dict[str, Path]) -> list[str | None]:
    """The project modules one statement imports (none if it is no import, or only outside ones)."""
    if isinstance(node, ast.Import):
        return [_known_prefix(alias.name, files) for alias in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    base = node.module or ""
    if node.level:  # from . import x, from ..a import y
        here = module.split(".") if is_package else module.split(".")[:-1]
        anchor = here[:len(here) - (node.level - 1)]
        base = ".".join([*anchor, base] if base else anchor)
    # from a.b import c: the module a.b.c if there is one; names that are no module come from a.b
    modules: list[str | None] = [f"{base}.{alias.name}" for alias in node.names
                                 if f"{base}.{alias.name}" in files]
    if len(modules) < len(node.names):
        modules.append(_known_prefix(base, files))
    return modules


def _known_prefix(name: str, files: dict[str, Path]) -> str | None:
    """The longest leading part of ``name`` that is a project module (``import a.b.c``)."""
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in files:
            return candidate
    return None


def circles(graph: dict[str, set[str]]) -> list[tuple[str, ...]]:
    """One circle of each group of modules that import each other, as the modules in order:
    the shortest way from the group's first module back to it, a real path (a → b → c → a)."""
    return sorted(_path_round(group, graph) for group in tangles(graph))


def tangles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of two or more modules each reachable from every other (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return sorted(groups)


def _path_round(group: list[str], graph: dict[str, set[str]]) -> tuple[str, ...]:
    """The shortest path from the group's first module back to itself, within the group."""
    members, first = set(group), group[0]
    came_from: dict[str, str] = {}
    frontier = [first]
    while frontier:
        following = []
        for node in frontier:
            for child in sorted(graph[node] & members):
                if child == first:
                    path = [node]
                    while path[-1] != first:
                        path.append(came_from[path[-1]])
                    return tuple(reversed(path))
                if child not in came_from:
                    came_from[child] = node
                    following.append(child)
        frontier = following
    raise AssertionError(f"no way round {group}")  # a strongly connected group always has one


def _named(circle: tuple[str, ...] | list[str], graph: dict[str, set[str]] | None = None) -> str:
    """"a → b → c → a"; with ``graph``, ``circle`` is a tangle, named by one way round it."""
    if graph is None:
        return " → ".join((*circle, circle[0]))
    path = _path_round(list(circle), graph)
    rest = sorted(set(circle) - set(path))
    return _named(path) + (f" (tangled with {', '.join(rest)})" if rest else "")


_GRAPH: dict[str, set[str]] = {}


def _project_graph() -> dict[str, set[str]]:
    if not _GRAPH:
        _GRAPH.update(import_graph(module_files()))
    return _GRAPH


@pytest.mark.parametrize("package", [*PACKAGES, *(Path(s).stem for s in SCRIPTS)])
def test_no_import_circles(package):
    graph = _project_graph()
    assert any(module == package or module.startswith(package + ".") for module in graph), \
        f"no module of {package}: is PACKAGES out of date?"
    found = [group for group in tangles(graph)
             if any(m == package or m.startswith(package + ".") for m in group)]
    assert not found, "import circles: " + "; ".join(_named(g, graph) for g in found)


# --- the graph reader itself ---------------------------------------------------------------

def _tree(tmp_path: Path, files: dict[str, str]) -> dict[str, set[str]]:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return import_graph(module_files(tmp_path, ("pkg",), ("main.py",)))


def test_every_kind_of_import_is_an_edge(tmp_path):
    graph = _tree(tmp_path, {
        "pkg/__init__.py": "from pkg.a import A\n",
        "pkg/a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.b import B\n",
        "pkg/b.py": "def later():\n    from . import c\n",
        "pkg/c.py": "import pkg.sub.d\nfrom .sub import e\n",
        "pkg/sub/__init__.py": "from .. import a\nfrom ..c import name\n",
        "pkg/sub/d.py": "import os\nfrom pkg import thing\n",
        "pkg/sub/e.py": "",
        "main.py": "from pkg import sub\n",
    })
    assert graph == {
        "pkg": {"pkg.a"}, "pkg.a": {"pkg.b"}, "pkg.b": {"pkg.c"}, "pkg.c": {"pkg.sub.d", "pkg.sub.e"},
        "pkg.sub": {"pkg.a", "pkg.c"}, "pkg.sub.d": {"pkg"}, "pkg.sub.e": set(), "main": {"pkg.sub"}}
    assert circles(graph) == [("pkg", "pkg.a", "pkg.b", "pkg.c", "pkg.sub.d")]


def test_a_package_that_re_exports_its_modules_is_no_circle(tmp_path):
    graph = _tree(tmp_path, {
        "pkg/__init__.py": "from pkg.a import A\nfrom pkg.b import B\n",
        "pkg/a.py": "from pkg.b import B\n",
        "pkg/b.py": "",
    })
    assert circles(graph) == []


def test_a_circle_is_named_by_the_shortest_way_round():
    graph = {"a": {"b", "x"}, "b": {"c"}, "c": {"a"}, "x": {"y"}, "y": {"z"}, "z": {"a"},
             "p": {"q"}, "q": set()}
    assert tangles(graph) == [["a", "b", "c", "x", "y", "z"]]
    assert circles(graph) == [("a", "b", "c")]
    assert _named(tangles(graph)[0], graph) == "a → b → c → a (tangled with x, y, z)"
