"""The parse pipeline for one document: segment → classify → grammar → model."""

from __future__ import annotations

from dataclasses import dataclass

from noticelint.model import Notice
from noticelint.parse.build import build_notice
from noticelint.parse.grammar import parse_tokens
from noticelint.parse.labels import restore_bracket_labels
from noticelint.parse.script import simplified_view
from noticelint.parse.segment import Segmentation, segment
from noticelint.parse.titles import drop_repeated_titles
from noticelint.parse.tokens import Token, classify
from noticelint.profile import Profile, bundled_profile, choose_profile
from noticelint.read import Document
from noticelint.span import LineIndex


@dataclass(slots=True)
class Parsed:
    """Everything the rules may look at for one document."""

    document: Document
    index: LineIndex
    segmentation: Segmentation
    tokens: list[Token]
    notice: Notice
    profile: Profile

    @property
    def text(self) -> str:
        return self.document.text


def parse_document(document: Document, profile: Profile | None = None) -> Parsed:
    if profile is None:
        profile = bundled_profile(choose_profile(document.text))
    text = simplified_view(document.text)  # S12: same length, spans shared
    index = LineIndex(text)
    seg = segment(text, profile.lexicon.residue)
    restore_bracket_labels(seg, index, profile.lexicon)
    tokens = drop_repeated_titles(classify(seg.segments, profile.lexicon), seg)
    tree = parse_tokens(tokens)
    notice = build_notice(document.path, tokens, tree, index, profile)
    return Parsed(document, index, seg, tokens, notice, profile)


def parse_text(text: str, path: str = "<text>", profile: Profile | None = None) -> Parsed:
    return parse_document(Document(path=path, text=text), profile)
