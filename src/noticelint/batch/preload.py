"""Imported by each pool worker as it starts: the engine and the bundled profiles,
loaded and warmed up while the parent walks the folders."""

from __future__ import annotations

from noticelint.batch import work  # noqa: F401  (the worker's entry point and its imports)
from noticelint.lint import check_document
from noticelint.profile import bundled_profile
from noticelint.read import Document
from noticelint.settings import Settings


def _warm_up() -> None:
    for name in ("xuncha", "xunshi"):
        bundled_profile(name)
    check_document(Document(path="warm-up.txt", text="关于巡察整改进展情况的通报\n"), Settings())


_warm_up()
