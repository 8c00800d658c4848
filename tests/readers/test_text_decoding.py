"""Plain UTF-8 (most notices) is decoded once; what that shortcut reads is exactly
what the general path — test, detect, decode — reads."""

from __future__ import annotations

import codecs

from hypothesis import given, settings
from hypothesis import strategies as st

from noticelint.read.text import _decode_any, _plain_utf8, decode_text

NOTICE_TEXT = st.text(alphabet="关于巡察整改进展情况的通报，。；：“”（一）1.\r\n \t", max_size=200)


@settings(max_examples=300, deadline=None)
@given(st.one_of(NOTICE_TEXT.map(lambda t: t.encode("utf-8")), st.binary(max_size=200)))
def test_the_utf8_shortcut_reads_what_the_general_path_reads(data: bytes) -> None:
    plain = _plain_utf8(data)
    if plain is not None:
        assert _decode_any(data) == (plain, "utf-8", False, [])


def test_a_byte_order_mark_or_another_encoding_takes_the_general_path() -> None:
    text = "关于巡察整改进展情况的通报\n"
    assert _plain_utf8(codecs.BOM_UTF8 + text.encode("utf-8")) is None
    assert _plain_utf8(text.encode("utf-16")) is None
    assert _plain_utf8(text.encode("gb18030")) is None
    document = decode_text(codecs.BOM_UTF8 + text.encode("utf-8"), "a.txt")
    assert (document.text, document.bom, document.encoding) == (text, True, "utf-8")
    assert decode_text(text.encode("gb18030"), "b.txt").encoding == "gb18030"
