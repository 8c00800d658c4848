"""Every profile key is read by some code: a key no code reads is a promise the tool
does not keep (a user edits it and nothing changes). The test walks the profile model
and looks for an attribute read (``.name``) of each field anywhere in the package."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel

from noticelint.profile import Profile

SRC = Path(__file__).resolve().parents[2] / "src" / "noticelint"
# Keys about the profile file itself, read while loading it (profile.py).
FILE_KEYS = {"name", "extends", "source"}


def _fields(model: type[BaseModel], prefix: str = "") -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for name, info in model.model_fields.items():
        key = f"{prefix}{info.alias or name}"
        annotation = info.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            out.extend(_fields(annotation, f"{key}."))
        else:
            out.append((key, name))
    return out


def _code() -> str:
    # A declaration (``name: type = Field(…)``) is no ``.name`` read; a method of a
    # settings model reading ``self.name`` is.
    return "\n".join(path.read_text(encoding="utf-8") for path in SRC.rglob("*.py"))


def test_every_profile_key_is_read_by_some_code() -> None:
    code = _code()
    unread = [
        key
        for key, attr in _fields(Profile)
        if attr not in FILE_KEYS and not re.search(rf"\.{attr}\b", code)
    ]
    assert not unread, f"profile keys no code reads (remove them or read them): {unread}"


def test_the_walk_sees_nested_keys() -> None:
    keys = dict(_fields(Profile))
    assert keys["problems.measure-labels"] == "measure_labels"
    assert keys["status.final-sentence"] == "final_sentence"
