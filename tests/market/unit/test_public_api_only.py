"""Tests use the market's public API only: no test imports, reads, sets or patches a private name of `market`.

Process-wide state has public ways to reset or replace it (`reset_settings`, `reset_keyring`, `reset_hashing`,
`clock.freeze`, `queue.forget_pools`, `queue.use_runner`, …); a test that needs to reach past them shows a seam
the code is missing, to be added there rather than poked from here.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PATCHERS = {"setattr", "delattr", "getattr", "hasattr", "setitem", "delitem"}
CACHE_POKES = {"cache_clear", "cache_info", "cache_parameters"}


def is_private(name: str) -> bool:
    """`_x` but not `__x__`."""
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def private_names_of_market() -> set[str]:
    """Every private name `market` defines: module globals, functions, classes, and attributes set on `self`."""
    names: set[str] = set()
    for path in (ROOT / "market").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
    return {name for name in names if is_private(name)}


def reaches(source: str, where: str, private: set[str]) -> Iterator[str]:
    """Each place in the test module `source` (named `where`) that reaches into a private name of `market`."""
    for node in ast.walk(ast.parse(source)):
        line = f"{where}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "market":
            if any(is_private(part) for part in (node.module or "").split(".")):
                yield f"{line} imports from private module {node.module}"
            yield from (f"{line} imports {node.module}.{alias.name}" for alias in node.names if is_private(alias.name))
        elif isinstance(node, ast.Attribute) and node.attr in private:
            if not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")):
                yield f"{line} uses {ast.unparse(node)}"
        elif isinstance(node, ast.Attribute) and node.attr in CACHE_POKES:
            yield f"{line} pokes a cache: {ast.unparse(node)}"
        elif isinstance(node, ast.Call) and isinstance(node.func, (ast.Attribute, ast.Name)):
            called = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
            if called not in PATCHERS:
                continue
            for argument in node.args[:2]:
                if not (isinstance(argument, ast.Constant) and isinstance(argument.value, str)):
                    continue
                dotted = argument.value.split(".")
                if is_private(dotted[-1]) or (dotted[0] == "market" and any(map(is_private, dotted))):
                    yield f"{line} {called} on a private name: {ast.unparse(node)}"


def test_no_test_reaches_into_a_private_name_of_market():
    private = private_names_of_market()
    own = Path(__file__).resolve()
    found = [place for path in sorted((ROOT / "tests").rglob("*.py")) if path.resolve() != own
             for place in reaches(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)), private)]
    assert found == []


def test_the_scan_finds_each_kind_of_reach():
    sample = (
        "from market.core.validation import _TYPE_NAMES\n"
        "from market.background import queue\n"
        "queue._pools.clear()\n"
        "queue._runner = None\n"
        "monkeypatch.setattr(passwords, '_anything', None)\n"
        "monkeypatch.setattr('market.core.clock._frozen', None)\n"
        "get_settings.cache_clear()\n"
        "self._pools = {}\n"
        "parts._replace(path='/')\n"
        "monkeypatch.setattr(dispatch, 'sms_provider', None)\n")
    found = reaches(sample, "sample.py", private_names_of_market())
    assert sorted(int(place.split(" ", 1)[0].rsplit(":", 1)[1]) for place in found) == [1, 3, 4, 5, 6, 7]
