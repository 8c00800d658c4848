"""The classifier's vocabulary, compiled from a profile.

Labels, heading words, title hints and organ endings are data (``rules/*.toml``);
this module turns them into the regular expressions the classifier and the builder
match with. A :class:`Lexicon` is built once per profile and cached on it
(``Profile.lexicon``), so classification pays no compilation per document.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from noticelint.model import StatusClass
from noticelint.parse.residue import residue_matcher

if TYPE_CHECKING:
    from noticelint.profile import Profile


def _alternation(words: list[str]) -> str:
    """``words`` as a regex alternation, longest first (so 整改进展情况 beats 整改进展)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _any(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def _status_classes(profile: Profile) -> tuple[tuple[StatusClass, re.Pattern[str]], ...]:
    """Each status class with its words as one pattern, in the order the classes are
    tried (one search instead of a ``word in text`` test per word). A lone 除 is
    no word of its own (除…外 is tested apart); a class left without words is dropped."""
    vocab = profile.status
    classes: tuple[tuple[StatusClass, list[str]], ...] = (
        ("partial", vocab.partial),
        ("in_progress", vocab.in_progress),
        ("long_term", vocab.long_term),
        ("done", vocab.done),
    )
    out: list[tuple[StatusClass, re.Pattern[str]]] = []
    for cls, words in classes:
        kept = [w for w in words if w != "除"]
        if kept:
            out.append((cls, re.compile(_alternation(kept))))
    return tuple(out)


def _contact_kinds(profile: Profile) -> dict[str, str]:
    """The field kind of every contact label (the first kind that lists it, as in
    ``Profile.contact_label_pattern``, whose group names hold the kinds)."""
    c = profile.contact
    kinds: dict[str, str] = {}
    for kind, words in (
        ("phone", c.phone_labels),
        ("address", c.address_labels),
        ("postcode", c.postcode_labels),
        ("email", c.email_labels),
    ):
        for word in words:
            kinds.setdefault(word, kind)
    return kinds


def _first_characters(words: list[str]) -> re.Pattern[str] | None:
    """A class of the first characters of ``words`` (``None`` when there are no words
    or one is empty: an empty word starts anywhere)."""
    if not words or not all(words):
        return None
    return re.compile("[" + "".join(re.escape(c) for c in sorted({w[0] for w in words})) + "]")


class Lexicon:
    """Compiled vocabulary of one profile (see ``rules/xuncha.toml`` for the data)."""

    __slots__ = (
        "closing",
        "contact_kinds",
        "contact_label",
        "contact_starts",
        "disclosure",
        "enumeration",
        "final_status",
        "general_problem",
        "label_starts",
        "measure_label",
        "next_steps_future",
        "next_steps_start",
        "opening_basis",
        "opening_feedback",
        "opening_inspector",
        "opening_slot",
        "opening_start",
        "organ_end",
        "organising_min",
        "organising_words",
        "problem_heading",
        "problem_sentence",
        "problem_sentence_with_label",
        "publication",
        "residue",
        "status_classes",
        "status_label",
        "summary",
        "title_end",
        "title_hint",
    )

    def __init__(self, profile: Profile) -> None:
        mlabels = _alternation(profile.problems.measure_labels)
        slabels = _alternation(profile.status.labels)
        # A label as a line's start: "整改措施：", "整改措施" alone, or "【整改措施】".
        self.measure_label = re.compile(rf"【\s*(?:{mlabels})\s*】|(?:{mlabels})\s*(?:[:：]|$|\s)")
        # The first characters a label line can start with (a cheap pre-test).
        self.label_starts = frozenset(
            ["【", *(w[0] for w in profile.problems.measure_labels + profile.status.labels)]
        )
        self.status_label = re.compile(rf"【\s*(?:{slabels})\s*】|(?:{slabels})\s*[:：]")
        self.closing = re.compile(profile.closing.detect)
        # The page-chrome matcher the segmenter cuts residue with (held here so a
        # document does not look it up by the profile's [artifacts] table again).
        self.residue = residue_matcher(profile.artifacts, tuple(profile.signature.organ_endings))
        self.disclosure = re.compile(_alternation(profile.disclosure.labels))
        c = profile.contact
        contact_words = c.phone_labels + c.address_labels + c.postcode_labels + c.email_labels
        self.contact_label = re.compile(
            rf"(?:{_alternation(contact_words)})\s*(?:[:：]|(?=[\dA-Za-z(（]))"
        )
        self.contact_kinds = _contact_kinds(profile)
        self.contact_starts = _first_characters(contact_words)
        self.title_hint = re.compile(_any(profile.title.hints))
        self.title_end = re.compile(rf"(?:{_alternation(profile.title.endings)})$")
        self.organ_end = re.compile(rf"(?:{_alternation(profile.signature.organ_endings)})$")
        self.opening_start = re.compile(profile.opening.start)
        self.publication = re.compile(profile.opening.publication)
        o = profile.opening
        self.opening_basis = re.compile(f"(?:{o.basis})[^。]{{0,40}}(?:{o.basis_object})")
        self.opening_inspector = re.compile(o.inspector)
        self.opening_feedback = re.compile(o.feedback)
        self.problem_sentence = re.compile(profile.problems.sentence)
        self.problem_sentence_with_label = re.compile(profile.problems.sentence_with_label)
        self.problem_heading = re.compile(profile.sections.problem_heading)
        self.general_problem = re.compile(profile.sections.general_problem)
        self.next_steps_start = re.compile(profile.sections.next_steps_start)
        self.next_steps_future = re.compile(profile.sections.next_steps_future)
        suffix = re.escape(profile.numbering.enumeration_suffix)
        self.enumeration = re.compile(rf"([一二三四五六七八九十]{{1,3}}){suffix}")
        self.final_status = re.compile(profile.status.final_sentence)
        self.summary = re.compile(profile.section_content.summary)
        self.opening_slot = re.compile(
            f"(?:{profile.opening.feedback})|(?:{profile.opening.inspector})"
        )
        self.organising_words = tuple(profile.section_content.leadership)
        self.status_classes = _status_classes(profile)
        self.organising_min = profile.section_content.min_score

    def is_organising(self, text: str) -> bool:
        """Whether ``text`` is about organising the rectification (成立…领导小组, 召开…)."""
        hits = 0
        for word in self.organising_words:
            if word in text:
                hits += 1
                if hits >= self.organising_min:
                    return True
        return False

    def names_problem(self, heading: str) -> bool:
        """Whether a heading names one problem (关于…问题), not the problems as a whole."""
        m = self.problem_heading.search(heading)
        return m is not None and self.general_problem.search(heading) is None
