"""The engine's shape: modules import one way, and never the app."""

import ast
from pathlib import Path

LEDGER = Path(__file__).resolve().parent.parent / "ledger"


def _imports() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in LEDGER.glob("*.py"):
        name = path.stem
        graph[name] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
                graph[name].add(node.module.split(".")[0])
            elif isinstance(node, ast.ImportFrom) and node.level == 1:
                graph[name].update(alias.name for alias in node.names)
    return graph


def test_no_import_cycles_in_the_engine():
    graph = _imports()
    graph["__init__"] = set()  # the package's lazy facade imports on demand
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in graph.get(node, ()):
            if state.get(nxt) == 1:
                raise AssertionError(" -> ".join([*path, node, nxt]))
            if nxt not in state:
                visit(nxt, [*path, node])
        state[node] = 2

    for module in graph:
        if module not in state:
            visit(module, [])
