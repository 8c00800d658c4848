"""Page chrome that web pages leave around a notice, recognised line by line.

The vocabulary (labels, separators, tool words) is the profile's ``[artifacts]`` table;
this module compiles it once into a :class:`ResidueMatcher` and classifies whole lines:

``breadcrumb``  当前位置：首页 > 巡视巡察 > …, or a short path 首页 > 巡视巡察 > 整改通报
``date-line``   a standalone 发布时间：2024-07-25 (the value must be a date)
``counter``     浏览次数：356
``page-tools``  分享到：微信 微博, 朗读, 字号：大 中 小, 【打印】【关闭】
``meta``        several page fields on one line (来源：… 发布时间：… 浏览量：… 字号：)
``metadata``    the government-information block (索引号, 主题分类, 成文日期, …); a label
                alone on its line takes the next line as its value, but never a date or
                an organ line that ends the block (the real signature stays text)
``site``        a line matching one of the profile's ``line-patterns``

A breadcrumb word or a field label inside a sentence is not residue: every kind must
start the line and fill it. All patterns are anchored alternations without nested
repetition, so classification is linear in the line's length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from noticelint.profile import ArtifactSettings
from noticelint.text import WHITESPACE

_SENTENCE = re.compile(r"[。；;，,！？!?]")
_DATE_VALUE = re.compile(
    r"(?:\d{4}\s*[-/.．年]\s*\d{1,2}\s*[-/.．月]\s*\d{1,2}\s*日?"
    r"|\d{4}\s*年\s*\d{1,2}\s*月)"
    r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
)
_COUNTER_VALUE = re.compile(r"\d{0,9}\s*次?")
_FREE_VALUE_MAX = 30
_BRACKETS = "|｜【】[]［］"  # around page tools: 【打印】 [关闭] ［收藏］
_BREADCRUMB_ITEM_MAX = 20
_METADATA_LINE_MAX = 150
_LAST_VALUE_MAX = 12
# A numbered heading or item is text of the notice, never a metadata value.
_NUMBERED = re.compile(
    r"[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d)"
)
# A date line (the signature's) after a metadata block is never a label's value.
_DATE_LINE = (
    r"(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年.*日|\d{4}\s*[-./．]\s*\d{1,2}\s*[-./．]\s*\d{1,2}"
)


def _alternation(words: list[str], spaced: bool = False) -> str:
    """``words`` as a regex alternation, longest first; ``spaced`` lets white space
    sit between the characters (索 引 号)."""
    ordered = sorted(set(words), key=len, reverse=True)
    if spaced:
        return "|".join("[ \t\u3000]*".join(re.escape(c) for c in w) for w in ordered)
    return "|".join(re.escape(w) for w in ordered)


@dataclass(frozen=True, slots=True)
class ResidueMatcher:
    """The profile's residue vocabulary, compiled."""

    head: frozenset[str]  # the characters a residue line can start with (prefilter)
    breadcrumb_label: re.Pattern[str] | None
    breadcrumb_home: frozenset[str]
    breadcrumb_split: re.Pattern[str] | None
    separator: str  # the first character of every separator
    field: re.Pattern[str] | None  # page-field labels and tool words, anywhere on a line
    field_class: dict[str, str]
    font_value: re.Pattern[str]
    metadata: re.Pattern[str] | None
    metadata_block: re.Pattern[str] | None
    lines: re.Pattern[str] | None  # the profile's line-patterns
    signature_like: re.Pattern[str]  # a date or an organ line (never a metadata value)
    organ_line: re.Pattern[str] | None  # a signing organ's line

    def kind(self, line: str, in_metadata: bool = False) -> tuple[str | None, bool]:
        """The residue kind of a trimmed ``line`` (``None``: text of the notice), and
        whether it is a metadata label waiting for its value on the next line."""
        if self.metadata is not None:
            m = self.metadata.match(line)
            if m is None and in_metadata and self.metadata_block is not None:
                m = self.metadata_block.match(line)
            if m is not None and len(line) <= _METADATA_LINE_MAX and "。" not in line:
                return "metadata", not line[m.end() :].strip(WHITESPACE + ":：")
        if _SENTENCE.search(line):  # a sentence: no chrome, unless a site's own line
            return self._site(line), False
        if self._breadcrumb(line):
            return "breadcrumb", False
        fields = self._fields(line)
        if fields is not None:
            return fields, False
        return self._site(line), False

    def _site(self, line: str) -> str | None:
        return "site" if self.lines is not None and self.lines.fullmatch(line) else None

    def may_start(self, line: str) -> bool:
        """Cheap pre-test: could ``line`` be page chrome at all?"""
        if line[:1] in self.head:
            return True
        for first in self.separator:  # (one character found much faster than a class)
            if first in line:
                return True
        return self.lines is not None

    def _breadcrumb(self, line: str) -> bool:
        """当前位置：… or a short path 首页 > … > … (``line`` holds no sentence)."""
        if self.breadcrumb_label is not None and self.breadcrumb_label.match(line):
            return True
        if self.breadcrumb_split is None:
            return False
        items = [i.strip(WHITESPACE) for i in self.breadcrumb_split.split(line)]
        if len(items) < 2 or any(not i or len(i) > _BREADCRUMB_ITEM_MAX for i in items):
            return False
        return len(items) >= 3 or items[0] in self.breadcrumb_home

    def _fields(self, line: str) -> str | None:
        """A line made only of page fields (label：value) and tool words: its kind."""
        if self.field is None:
            return None
        matches = list(self.field.finditer(line))
        if not matches or line[: matches[0].start()].strip(WHITESPACE + _BRACKETS):
            return None
        classes: set[str] = set()
        for i, m in enumerate(matches):
            end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
            value = line[m.end() : end].strip(WHITESPACE + _BRACKETS)
            label = m.group("label")
            cls = self.field_class[label]
            if not self._value_ok(cls, value, bool(m.group("colon"))):
                return None
            classes.add(cls)
        if classes == {"date"}:
            return "date-line"
        if classes == {"counter"}:
            return "counter"
        if classes <= {"font", "share", "tool"}:
            return "page-tools"
        return "meta"

    def _value_ok(self, cls: str, value: str, colon: bool) -> bool:
        if cls == "tool":
            return not value
        if not colon and cls not in ("font", "counter") and (value or cls in ("date", "source")):
            return False  # 时间 without a colon is a word of a sentence
        if cls == "date":
            return not value or _DATE_VALUE.fullmatch(value) is not None
        if cls == "counter":
            return _COUNTER_VALUE.fullmatch(value) is not None
        if cls == "font":
            return self.font_value.fullmatch(value) is not None
        return len(value) <= _FREE_VALUE_MAX and not _SENTENCE.search(value)


def _build(settings: ArtifactSettings, organ_endings: tuple[str, ...]) -> ResidueMatcher:
    s = settings
    organ = rf"|.*(?:{_alternation(list(organ_endings))})$" if organ_endings else ""
    field_class: dict[str, str] = {}
    for cls, words in (
        ("tool", s.page_tools),
        ("share", s.share_labels),
        ("font", s.font_labels),
        ("counter", s.counter_labels),
        ("source", s.source_labels),
        ("date", s.date_labels),
    ):
        field_class.update((w, cls) for w in words)
    field = None
    if field_class:
        field = re.compile(rf"(?P<label>{_alternation(list(field_class))})\s*(?P<colon>[:：])?")
    sizes = _alternation(s.font_sizes) or "大|中|小"
    font_value = re.compile(rf"(?:[\s\[\]【】()（）|｜/]*(?:{sizes}))*[\s\[\]【】()（）|｜/]*")
    crumb_label = None
    if s.breadcrumb_labels:
        crumb_label = re.compile(
            rf"(?:{_alternation(s.breadcrumb_labels)})\s*(?:[:：]|$|[ \t\u3000]|(?:{_alternation(s.breadcrumb_home)})|[>＞»›→])"
        )
    split = (
        re.compile(rf"\s*(?:{_alternation(s.breadcrumb_separators)})\s*")
        if s.breadcrumb_separators
        else None
    )
    metadata = None
    if s.metadata_labels:
        metadata = re.compile(
            rf"(?:{_alternation(s.metadata_labels, spaced=True)})[ \t\u3000]*(?:[:：]|$|[ \t\u3000])"
        )
    block = None
    if s.metadata_block_labels:
        block = re.compile(
            rf"(?:{_alternation(s.metadata_block_labels, spaced=True)})[ \t\u3000]*(?:[:：]|$)"
        )
    heads = [
        *s.breadcrumb_labels,
        *s.breadcrumb_home,
        *field_class,
        *s.metadata_labels,
        *s.metadata_block_labels,
    ]
    # (with no labels at all, no line can start residue: bracketed tools need a label)
    head = frozenset({w[0] for w in heads} | set("【[［|｜")) if heads else frozenset()
    lines = None
    if s.line_patterns:
        lines = re.compile("|".join(f"(?:{p})" for p in s.line_patterns))
    return ResidueMatcher(
        head=head,
        breadcrumb_label=crumb_label,
        breadcrumb_home=frozenset(s.breadcrumb_home),
        breadcrumb_split=split,
        separator="".join(sorted({x[0] for x in s.breadcrumb_separators})),
        field=field,
        field_class=field_class,
        font_value=font_value,
        metadata=metadata,
        metadata_block=block,
        lines=lines,
        signature_like=re.compile(_DATE_LINE + organ),
        organ_line=(
            re.compile(rf"[^，,。；;：:\s]{{2,40}}(?:{_alternation(list(organ_endings))})")
            if organ_endings
            else None
        ),
    )


@lru_cache(maxsize=16)
def _cached(settings_json: str, organ_endings: tuple[str, ...]) -> ResidueMatcher:
    return _build(ArtifactSettings.model_validate_json(settings_json), organ_endings)


def residue_matcher(
    settings: ArtifactSettings, organ_endings: tuple[str, ...] = ()
) -> ResidueMatcher:
    """The compiled matcher of a profile's ``[artifacts]`` table (built once per table);
    ``organ_endings`` (the profile's ``[signature] organ-endings``) tell an organ line,
    which a metadata label alone at the end of a block never takes as its value."""
    return _cached(settings.model_dump_json(by_alias=True), organ_endings)


@dataclass(slots=True)
class ResidueLines:
    """Line-by-line classification with the little state the metadata block needs
    (a label alone on its line waits for its value on the next line)."""

    matcher: ResidueMatcher
    waiting: bool = False  # the previous line was a metadata label without its value
    in_metadata: bool = False
    previous: str = ""  # the previous line when it was text of the notice

    def other_line(self) -> None:
        """A line that is not classified (too long to be chrome) ends any block."""
        self.waiting = self.in_metadata = False
        self.previous = ""

    def kind(self, line: str, text: str, next_at: int) -> str | None:
        """The residue kind of the trimmed ``line``; the next non-blank line, when the
        decision needs it, is the one at or after offset ``next_at`` of ``text``."""
        if not self.waiting and not self.matcher.may_start(line):
            self.in_metadata = False
            self.previous = line
            return None
        previous, self.previous = self.previous, ""
        if self.waiting:
            self.waiting = False
            if self._is_value(line, text, next_at):
                self.in_metadata = True
                return "metadata"
        if not self.matcher.may_start(line):
            self.in_metadata = False
            self.previous = line
            return None
        kind, self.waiting = self.matcher.kind(line, self.in_metadata)
        if kind == "date-line" and "年" in line and self._signature_date(previous, text, next_at):
            kind = None  # 日期：2024年9月2日 under the organ: the signature's own date
        self.in_metadata = kind == "metadata"
        if kind is None:
            self.previous = line
        return kind

    def _signature_date(self, previous: str, text: str, next_at: int) -> bool:
        """Whether a labelled date stands right under the signing organ with no date
        after it (then it is the signature's own date)."""
        organ = self.matcher.organ_line
        if organ is None or not previous or organ.fullmatch(previous) is None:
            return False
        return not self.matcher.signature_like.fullmatch(next_nonblank(text, next_at))

    def _is_value(self, line: str, text: str, next_at: int) -> bool:
        """A metadata label's value on the next line: short, no sentence; at the end of
        the block (no label follows) only a short word that is neither a date nor an
        organ, so the signature after a block is never taken."""
        if len(line) > _FREE_VALUE_MAX * 2 or "。" in line or _NUMBERED.match(line):
            return False
        if self.matcher.metadata is not None and self.matcher.metadata.match(line):
            return False  # another label: the value was empty
        following = next_nonblank(text, next_at)
        if following and self.matcher.kind(following, True)[0] == "metadata":
            return True
        return len(line) <= _LAST_VALUE_MAX and not self.matcher.signature_like.fullmatch(line)


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """Trimmed non-blank lines of ``text`` as (start, end)."""
    pos = 0
    length = len(text)
    while pos < length:
        nl = text.find("\n", pos)
        if nl == -1:
            nl = length
        s, e = pos, nl
        while s < e and text[s] in WHITESPACE:
            s += 1
        while e > s and text[e - 1] in WHITESPACE:
            e -= 1
        if s < e:
            yield s, e
        pos = nl + 1


def next_nonblank(text: str, pos: int) -> str:
    """The first non-blank line at or after offset ``pos``, trimmed ("" at the end)."""
    length = len(text)
    while pos < length:
        nl = text.find("\n", pos)
        if nl == -1:
            nl = length
        line = text[pos:nl].strip(WHITESPACE)
        if line:
            return line
        pos = nl + 1
    return ""


def content_lines(text: str, matcher: ResidueMatcher) -> list[tuple[int, int]]:
    """The (start, end) offsets of the lines of ``text`` that are not page chrome —
    what the profile choice and other whole-text votes should read (residue such as a
    breadcrumb 首页 > 巡视巡察 > … must not vote)."""
    lines = ResidueLines(matcher)
    out: list[tuple[int, int]] = []
    for s, e in _lines(text):
        line = text[s:e]
        if len(line) >= 200:
            lines.other_line()
        elif lines.kind(line, text, e + 1) is not None:
            continue
        out.append((s, e))
    return out


def content_text(text: str, matcher: ResidueMatcher) -> str:
    """The lines of ``text`` that are not page chrome, joined by line breaks."""
    return "\n".join(text[s:e] for s, e in content_lines(text, matcher))
