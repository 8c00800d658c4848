"""NL503 and NL505 find exactly what the code they replaced found.

NL505 once found its enumerations with a pattern led by a look-behind (tried at
every character), NL503 parsed every heading marker into its parts before looking at
it. The references below are those, kept slow and simple; random text must give the
same enumerations, and the same verdict on each marker, from both.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from noticelint.parse.tokens import H1_RE, H2_RE, H3_RE, H4_RE
from noticelint.rules.numbering.enumeration_sequence import _enum_pattern, _enumerations
from noticelint.rules.numbering.numbering_punctuation import _is_good
from noticelint.text import WHITESPACE


def reference_enumerations(text: str, suffix: str) -> list[tuple[int, int]]:
    pattern = re.compile(rf"(?<!\w)([一二三四五六七八九十]{{1,3}}){re.escape(suffix)}")
    return [m.span() for m in pattern.finditer(text)]


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["是", "、", "要", "是要", "一是", "十"]),
    st.lists(
        st.sampled_from(
            [*"一二三四五六七八九十统之第是要、a1_ ，。\n", "一是", "十一是", "之一是"]
        ),
        max_size=30,
    ).map("".join),
)
def test_enumerations_are_those_the_look_behind_pattern_found(suffix: str, text: str) -> None:
    assert _enumerations(text, _enum_pattern(suffix)) == reference_enumerations(text, suffix)


_MARKER_RES = {"H1": H1_RE, "H2": H2_RE, "H3": H3_RE, "H4": H4_RE}
_MARKS = {"H1": "、", "H2": "", "H3": ".", "H4": ""}


def reference_is_good(kind: str, written: str, m: re.Match[str]) -> bool:
    """NL503 has nothing to say: the right mark after the number, no white space."""
    mark = m.group(2) if kind in ("H1", "H3") else m.group(4)
    spaced = any(ch in WHITESPACE for ch in written)
    return mark.strip(WHITESPACE) == _MARKS[kind] and not spaced


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(sorted(_MARKER_RES)),
    st.lists(
        st.sampled_from([*"一二十12（()）、．.，,:关于 \t\u3000\xa0\x1f\n", "（一）", "(1)", "1."]),
        min_size=1,
        max_size=10,
    ).map("".join),
)
def test_a_marker_passed_unparsed_is_one_the_parsed_marker_passed(kind: str, text: str) -> None:
    """``_is_good`` only lets NL503 skip parsing a marker: what it passes must pass (what
    it does not pass is parsed and judged as before)."""
    m = _MARKER_RES[kind].match(text)
    if m is not None and _is_good(kind, m.group(0)):
        assert reference_is_good(kind, m.group(0), m)


def test_the_references_see_bad_markers_and_enumerations() -> None:
    """The properties above are not vacuous: the written forms are passed unparsed."""
    for kind, text, good in [
        ("H1", "一、关于", True),
        ("H1", "一.关于", False),
        ("H2", "(一)关于", True),
        ("H2", "（一）、关于", False),
        ("H3", "1. 关于", False),
        ("H4", "（1） 对", False),
    ]:
        m = _MARKER_RES[kind].match(text)
        assert m is not None
        assert _is_good(kind, m.group(0)) is good is reference_is_good(kind, m.group(0), m)
    assert reference_enumerations("一是加强；统一是；十一是落实", "是") == [(0, 2), (9, 12)]
