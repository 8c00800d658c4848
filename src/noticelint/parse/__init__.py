"""Stages 2–5: segment → classify → grammar → typed :class:`~noticelint.model.Notice`."""

from noticelint.parse.pipeline import Parsed, parse_document, parse_text

__all__ = ["Parsed", "parse_document", "parse_text"]
