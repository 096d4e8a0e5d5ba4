"""The package's shape, checked: no import cycles (lazy imports included), and the project-wide URL map
outside the site renderer, so review and the handbook do not depend on it."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE_ROOT = Path(__file__).parents[2] / "plugins"


def _import_graph() -> dict[str, set[str]]:
    modules = {}
    for path in PACKAGE_ROOT.rglob("*.py"):
        name = ".".join(path.relative_to(PACKAGE_ROOT).with_suffix("").parts).removesuffix(".__init__")
        modules[name] = path
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # Imports under `if TYPE_CHECKING:` name types only; they never run, so they make no cycle.
        typing_only = {id(node) for block in ast.walk(tree)
                       if isinstance(block, ast.If) and getattr(block.test, "id", None) == "TYPE_CHECKING"
                       for node in ast.walk(block)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.ImportFrom) or id(node) in typing_only:
                continue
            if node.level:
                parts = package.split(".")
                target = ".".join(parts[: len(parts) - node.level + 1] + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                imported = f"{target}.{alias.name}"
                if imported in modules:
                    graph[name].add(imported)
                elif target in modules:
                    graph[name].add(target)
    return graph


def _depends(graph: dict[str, set[str]], start: str, target: str) -> bool:
    seen, todo = set(), [start]
    while todo:
        module = todo.pop()
        for imported in graph[module]:
            # A package's __init__ importing its own modules, or a module importing its package, is not a cycle.
            if imported.startswith(module + ".") or module.startswith(imported + "."):
                continue
            if imported == target:
                return True
            if imported not in seen:
                seen.add(imported)
                todo.append(imported)
    return False


def test_no_import_cycles():
    graph = _import_graph()
    cycles = sorted(module for module in graph if _depends(graph, module, module))
    assert cycles == [], f"modules that import themselves through others: {cycles}"


def test_review_and_handbook_do_not_need_the_site_urls():
    graph = _import_graph()
    assert "deskbook.site.urls" not in graph, "the URL map is project-wide: deskbook/urls.py"
    # review.rendered compares what both revisions render, so it alone runs the site's renderers.
    renderers = {"deskbook.site.pages", "deskbook.site.references"}
    for module, imported in graph.items():
        if module.startswith(("deskbook.review", "deskbook.urls")):
            allowed = renderers if module == "deskbook.review.rendered" else {"deskbook.site.pages"}
            assert not any(name.startswith("deskbook.site.") and name not in allowed for name in imported), \
                (module, imported)


def test_the_content_model_does_not_postpone_its_annotations():
    """The modules that define the content model's pydantic classes leave out ``from __future__ import
    annotations``: with it, pydantic compiles and evaluates every field's annotation string (336) when it
    builds the classes, which every ``check`` pays (bench/check_bench.py). A method's annotation naming its
    own class, or a name imported only for type checking, is quoted."""
    import __future__
    import importlib
    import inspect
    import pkgutil

    from pydantic import BaseModel

    import deskbook.model

    postponed = []
    for info in pkgutil.iter_modules(deskbook.model.__path__, "deskbook.model."):
        module = importlib.import_module(info.name)
        defines_models = any(issubclass(cls, BaseModel) and cls.__module__ == module.__name__
                             for _, cls in inspect.getmembers(module, inspect.isclass))
        if defines_models and getattr(module, "annotations", None) is __future__.annotations:
            postponed.append(info.name)
    assert postponed == []
