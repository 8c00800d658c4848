"""Decoding of plain-text notices (.txt, .md).

Fast path: BOM → strict UTF-8 → GB18030 (covers GBK/GB2312). UTF-16 without a BOM
and anything else fall back to charset-normalizer. A decoded text that is mostly
control characters is binary, not a notice.
"""

from __future__ import annotations

import codecs
import re

from noticelint.read.document import DEFAULT_MAX_BYTES, Document, ReadError
from noticelint.text import is_han

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BOM_STARTS = tuple(mark for mark, _ in _BOMS)


def _detect_newline(text: str) -> str:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    best = max((crlf, "\r\n"), (cr, "\r"), (lf, "\n"))
    return best[1] if best[0] else "\n"


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:4096]
    if not sample:
        return False
    return len(_CONTROL.findall(sample)) / len(sample) > 0.05


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess UTF-16 from the zero bytes of ASCII characters (newlines, digits)."""
    if len(data) < 200 or len(data) % 2:  # too little to tell from binary
        return None
    even_zero = data[0::2].count(0)
    odd_zero = data[1::2].count(0)
    half = len(data) // 2
    if odd_zero > half * 0.02 and even_zero == 0:
        encoding = "utf-16-le"
    elif even_zero > half * 0.02 and odd_zero == 0:
        encoding = "utf-16-be"
    else:
        return None
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return encoding


#: At most this many invalid sequences (and one per 10,000 bytes) in otherwise valid
#: UTF-8: a stray byte, decoded with replacement and reported, not the whole file lost.
MAX_STRAY_BYTES = 8


def _mostly_utf8(data: bytes) -> tuple[str, list[tuple[int, int]]] | None:
    """``data`` decoded as UTF-8 with each invalid sequence replaced by U+FFFD, and
    where those are (character offset, first bad byte), when it is UTF-8 text with a
    few stray bytes; ``None`` when it is not UTF-8 at all."""
    allowed = max(MAX_STRAY_BYTES, len(data) // 10_000)
    parts: list[str] = []
    bad: list[tuple[int, int]] = []
    length = 0
    pos = 0
    while True:
        try:
            rest = data[pos:].decode("utf-8")
        except UnicodeDecodeError as exc:
            if len(bad) >= allowed:
                return None
            good = data[pos : pos + exc.start].decode("utf-8")
            parts.append(good + "\ufffd")
            length += len(good)
            bad.append((length, data[pos + exc.start]))
            length += 1
            pos += exc.end
            continue
        parts.append(rest)
        break
    text = "".join(parts)
    if not any(is_han(ch) for ch in text[:4096]):
        return None  # no Chinese read as UTF-8: some other encoding
    return text, bad


def _valid_utf8(data: bytes) -> bool:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True  # not UTF-8, and not to be judged as such
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _detect(data: bytes) -> tuple[str, bool]:
    """The encoding of ``data`` and whether it starts with a BOM."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, True
    if not data:
        return "utf-8", False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8", False
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16, False
    if b"\x00" not in data:
        try:
            data.decode("gb18030")
        except UnicodeDecodeError:
            pass
        else:
            return "gb18030", False
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReadError("无法识别文件编码，可能是二进制文件 (unknown encoding or binary file)")
    return best.encoding, False


def _plain_utf8(data: bytes) -> str | None:
    """The text of ``data`` when it is UTF-8 without a byte-order mark, as most notices
    are: decoded once (instead of once to test, once to detect, once to read)."""
    if not data or data.startswith(_BOM_STARTS):
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _decode_any(data: bytes) -> tuple[str, str, bool, list[tuple[int, int]]]:
    """The text, encoding, whether a BOM led, and the stray bytes (UTF-8 with a few
    invalid bytes: offset and byte) of ``data`` in any encoding we read."""
    stray: list[tuple[int, int]] = []
    mostly = None if _valid_utf8(data) else _mostly_utf8(data)
    if mostly is not None:  # before GB18030 and guessing: a stray byte in UTF-8
        encoding, bom = "utf-8", False
        stray = mostly[1]
    else:
        encoding, bom = _detect(data)
    body = data
    if bom:
        for mark, enc in _BOMS:
            if enc == encoding and data.startswith(mark):
                body = data[len(mark) :]
                break
    try:
        text = body.decode(encoding, "replace" if stray else "strict")
    except (UnicodeDecodeError, LookupError) as exc:
        raise ReadError(f"无法按 {encoding} 解码：{exc} (cannot decode)") from exc
    return text, encoding, bom, stray


def decode_text(data: bytes, path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Decode the bytes of a plain-text notice."""
    if len(data) > max_bytes:
        raise ReadError(
            f"文件过大：{len(data)} 字节，超过上限 {max_bytes} 字节 (file exceeds the size limit)"
        )
    plain = _plain_utf8(data)
    stray: list[tuple[int, int]] = []
    if plain is not None:
        text, encoding, bom = plain, "utf-8", False
    else:
        text, encoding, bom, stray = _decode_any(data)
    if _looks_binary(text):
        raise ReadError("文件含大量控制字符，是二进制文件而非文本 (binary file)")
    newline = _detect_newline(text)
    raw = text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    if stray:
        stray = _normalised_offsets(raw, stray)
    return Document(
        path=path,
        text=text,
        encoding="utf-8" if encoding == "utf_8" else encoding,
        bom=bom,
        newline=newline,
        raw=raw if raw != text else None,
        bad_bytes=tuple(stray),
    )


def _normalised_offsets(raw: str, stray: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Offsets in the raw decoded text → offsets after CRLF → LF and BOM removal."""
    lead = 1 if raw.startswith("\ufeff") else 0
    return [(offset - raw.count("\r\n", 0, offset) - lead, byte) for offset, byte in stray]
