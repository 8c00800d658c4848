"""The rule catalogue's layout: one package per family, one registered rule per module,
shared analysis in a helpers module that registers none (as ruff's rules/<plugin>/)."""

import importlib
import pkgutil
import re
from pathlib import Path
from types import ModuleType

import pytest

import noticelint.rules
from noticelint.rules import REGISTRY

RULES_DIR = Path(noticelint.rules.__file__).parent
FAMILIES = sorted(
    p.name for p in RULES_DIR.iterdir() if p.is_dir() and (p / "__init__.py").exists()
)
MODULES = [
    f"noticelint.rules.{family}.{info.name}"
    for family in FAMILIES
    for info in pkgutil.iter_modules([str(RULES_DIR / family)])
]


def _registered_in(module: ModuleType) -> list[str]:
    return sorted(code for code, cls in REGISTRY.items() if cls.__module__ == module.__name__)


def test_the_families_are_packages() -> None:
    assert {"typography", "consistency", "numbering"} <= set(FAMILIES)
    assert not [p.name for p in RULES_DIR.glob("*.py") if p.stem not in {"__init__", "base"}]


@pytest.mark.parametrize("name", [m for m in MODULES if not m.endswith(".helpers")])
def test_a_rule_module_defines_exactly_one_registered_rule(name: str) -> None:
    module = importlib.import_module(name)
    codes = _registered_in(module)
    assert len(codes) == 1, f"{name} registers {codes}"
    cls = REGISTRY[codes[0]]
    snake = re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower()
    assert name.rsplit(".", 1)[1] == snake, "a rule module is named for its class"


@pytest.mark.parametrize("name", [m for m in MODULES if m.endswith(".helpers")])
def test_a_helpers_module_registers_no_rule(name: str) -> None:
    assert _registered_in(importlib.import_module(name)) == []


def test_every_rule_lives_in_a_family_module() -> None:
    homes = {cls.__module__ for cls in REGISTRY.values()}
    assert homes <= set(MODULES)
    assert len(homes) == len(REGISTRY)


def test_a_code_is_found_in_one_file() -> None:
    """``grep -rn 'code = "NL801"' src/noticelint/rules`` finds the rule's module
    (besides the catalogue's docstring, which shows that search)."""
    for code in REGISTRY:
        files = [
            p
            for p in RULES_DIR.rglob("*.py")
            if f'code = "{code}"' in p.read_text("utf-8") and p != RULES_DIR / "__init__.py"
        ]
        assert [p.with_suffix("").parts[-2:] for p in files] == [
            tuple(REGISTRY[code].__module__.split(".")[-2:])
        ]
