"""The analysis the contact rules share (scans, patterns, small helpers)."""

from __future__ import annotations

from collections.abc import Iterator

from noticelint.model import ContactField
from noticelint.rules.base import Context


def fields_of_kind(ctx: Context, kind: str) -> Iterator[ContactField]:
    """The contact block's fields of one kind (phone, address, postcode, email)."""
    contact = ctx.notice.contact
    if contact is not None:
        yield from (f for f in contact.fields if f.kind == kind)
