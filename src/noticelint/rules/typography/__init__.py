"""NL8 — typography (GB/T 15834-2011).

The five rules share one scan of the text per document (:func:`scan`), made of
literal-prefixed regular expressions (the regex engine skips to the next ``,`` or
space at memchr speed) and a few ``str.count`` calls; the rules then only format
what the scan found. Typography never fires

* inside numbers (``1.5``, ``3,000``), dates (``2023-07-25``, ``2023.7.5``), times
  (``8:30``), ratios and phone numbers: a half-width mark only counts next to a
  Chinese character, and a hyphen only between a number and a Chinese unit;
* inside e-mail addresses and URLs, and inside scrape residue (NL003 removes it);
* on the sequence markers of headings (``1.`` ``(1)`` ``一,``: NL503/NL504), on the
  signature date (NL703) and on the gaps between the units of a line the segmenter
  split (NL004, NL704).
"""

from noticelint.rules.typography import (  # noqa: F401  (importing registers the rules)
    halfwidth_punctuation,  # NL801
    mixed_punctuation_width,  # NL804
    range_hyphen,  # NL805
    repeated_word,  # NL103
    straight_quotes,  # NL802
    stray_whitespace,  # NL803
)
