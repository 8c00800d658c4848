"""Measuring what the streams of a PDF decode to, before PDFium sees the file.

Every ``stream`` keyword is found (whatever follows it on its line), its
dictionary's ``/Filter`` chain is read (a name or an array; ``FlateDecode``,
``ASCIIHexDecode``, ``ASCII85Decode``, ``RunLengthDecode`` and their
abbreviations) and the data is decoded layer by layer, chunk by chunk, keeping
nothing, counting every byte each layer produces and stopping as soon as a limit
is passed. When the chain cannot be read (an indirect ``/Filter``) or ends in data
that is itself a zlib stream, layers are recognised from the data. The size a
stream decodes to is kept per object number, so that content shared by many pages
(``/Contents 7 0 R`` on 2,000 pages) is counted once per page.
"""

from __future__ import annotations

import base64
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

_CHUNK = 1 << 20
MAX_LAYERS = 8
#: An object stream is kept (up to this size) to find the pages' /Contents in it.
MAX_OBJSTM = 16 * 1024 * 1024

# As PDFium reads it: after the keyword, anything up to and including the end of the
# line (``stream\r``, ``stream   \n``, ``stream\r\n``); the data starts on the next line.
_STREAM = re.compile(rb"(?<![A-Za-z])stream[^\r\n]*+(?:\r\n|\r|\n)?+")
_OBJ = re.compile(rb"(\d+)\s+\d+\s+obj\b")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9#]+)")
_NAME = re.compile(rb"/([A-Za-z0-9#]+)")
_CONTENTS = re.compile(rb"/Contents\s*(?:(\d+)\s+\d+\s+R|\[([^\]]*)\])")
_REF = re.compile(rb"(\d+)\s+\d+\s+R")
_HEX = frozenset(b"0123456789abcdefABCDEF")
_NOT_HEX = re.compile(rb"[^0-9A-Fa-f]+")
_NOT_A85 = re.compile(rb"[^!-uz]+")
_A85_GROUPS = re.compile(rb"(?:z|[!-u]{5})*")
_WS = frozenset(b"\x00\t\n\x0c\r ")

Decoder = Callable[[Iterable[bytes]], Iterator[bytes]]


@dataclass
class StreamSizes:
    """What the streams of one PDF decode to."""

    largest: int = 0
    total: int = 0
    by_object: dict[int, int] = field(default_factory=dict)
    contents: list[int] = field(default_factory=list)  # object numbers, once per page

    def page_content(self) -> int:
        return sum(self.by_object.get(number, 0) for number in self.contents)


def _flate(chunks: Iterable[bytes]) -> Iterator[bytes]:
    inflater = zlib.decompressobj()
    for chunk in chunks:
        piece = chunk
        while piece and not inflater.eof:
            try:
                out = inflater.decompress(piece, _CHUNK)
            except zlib.error:
                return  # corrupt from here on: PDFium stops too
            piece = inflater.unconsumed_tail
            if out:
                yield out
        if inflater.eof:
            return


def _hex(chunks: Iterable[bytes]) -> Iterator[bytes]:
    pending = b""
    for chunk in chunks:
        end = chunk.find(b">")
        digits = pending + _NOT_HEX.sub(b"", chunk[: end if end >= 0 else None])
        cut = len(digits) - len(digits) % 2
        pending = digits[cut:]
        if cut:
            yield bytes.fromhex(digits[:cut].decode("ascii"))
        if end >= 0:
            if pending:
                yield bytes.fromhex((pending + b"0").decode("ascii"))
            return


def _a85(chunks: Iterable[bytes]) -> Iterator[bytes]:
    carry = b""
    first = True
    for chunk in chunks:
        if first:
            chunk = chunk.lstrip(b"\x00\t\n\x0c\r ")
            chunk = chunk[2:] if chunk.startswith(b"<~") else chunk
            first = False
        end = chunk.find(b"~")
        text = carry + _NOT_A85.sub(b"", chunk[: end if end >= 0 else None])
        whole = _A85_GROUPS.match(text)
        cut = whole.end() if whole else 0
        carry = text[cut:]
        try:
            if cut:
                yield base64.a85decode(text[:cut])
            if end >= 0 or len(carry) > 4:
                if len(carry) > 1 and b"z" not in carry:
                    yield base64.a85decode(carry)
                return
        except ValueError:
            return


def _run_length(chunks: Iterable[bytes]) -> Iterator[bytes]:
    literal = 0  # bytes still to copy
    repeat = 0  # copies of the next byte still to make
    for chunk in chunks:
        out = bytearray()
        for b in chunk:
            if literal:
                out.append(b)
                literal -= 1
            elif repeat:
                out += bytes([b]) * repeat
                repeat = 0
            elif b < 128:
                literal = b + 1
            elif b > 128:
                repeat = 257 - b
            else:
                yield bytes(out)
                return
            if len(out) >= _CHUNK:
                yield bytes(out)
                out = bytearray()
        if out:
            yield bytes(out)


DECODERS: dict[bytes, Decoder] = {
    b"FlateDecode": _flate,
    b"Fl": _flate,
    b"ASCIIHexDecode": _hex,
    b"AHx": _hex,
    b"ASCII85Decode": _a85,
    b"A85": _a85,
    b"RunLengthDecode": _run_length,
    b"RL": _run_length,
}


def _zlib_header(head: bytes) -> bool:
    return len(head) >= 2 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0


def _sniffed(head: bytes) -> Decoder | None:
    """The layer the data looks like, when its filter is not known."""
    if _zlib_header(head):
        return _flate
    stripped = head.lstrip(b"\x00\t\n\x0c\r ")
    if stripped.startswith(b"<~"):
        return _a85
    if len(stripped) >= 16 and all(b in _HEX or b in _WS for b in stripped[:64]):
        return _hex
    return None


class _Counter:
    """Counts the bytes every layer produces; stops everything past ``limit``."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.total = 0
        self.over = False

    def counted(self, chunks: Iterator[bytes]) -> Iterator[bytes]:
        for chunk in chunks:
            self.total += len(chunk)
            if self.total > self.limit:
                self.over = True
                return
            yield chunk


def _chain(declared: list[bytes] | None, head: bytes) -> list[Decoder]:
    if not declared:  # unknown (indirect) or none found: judge by the data itself
        sniffed = _sniffed(head)
        return [sniffed] if sniffed is not None else []
    chain: list[Decoder] = []
    for name in declared:
        decoder = DECODERS.get(name)
        if decoder is None:
            break  # an image filter (DCT, JPX, CCITT…): not decoded for text
        chain.append(decoder)
    return chain[:MAX_LAYERS]


def _decode(
    source: Iterator[bytes], chain: list[Decoder], counter: _Counter, keep: int
) -> tuple[int, bytes]:
    """Run the layers; the size of the last layer's output and up to ``keep`` bytes
    of it. Layers found to hold zlib data at the end are added (up to MAX_LAYERS)."""
    stream: Iterator[bytes] = source
    for decoder in chain:
        stream = counter.counted(decoder(stream))
    size = 0
    kept = bytearray()
    first = next(stream, b"")
    layers = len(chain)
    while first and layers < MAX_LAYERS and chain and _zlib_header(first[:2]):
        stream = counter.counted(_flate(_prepend(first, stream)))
        layers += 1
        first = next(stream, b"")
    for chunk in _prepend(first, stream):
        size += len(chunk)
        if len(kept) < keep:
            kept += chunk[: keep - len(kept)]
    return size, bytes(kept)


def _prepend(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    if first:
        yield first
    yield from rest


def _slices(data: bytes, start: int, end: int) -> Iterator[bytes]:
    for pos in range(start, end, _CHUNK):
        yield data[pos : min(pos + _CHUNK, end)]


def measure(data: bytes, stream_limit: int, total_limit: int) -> StreamSizes:
    """The decoded sizes of the streams of ``data``; stops early once a limit is
    passed (``largest``/``total`` then exceed it)."""
    sizes = StreamSizes()
    previous_end = 0
    for match in _STREAM.finditer(data):
        start = match.end()
        end = data.find(b"endstream", start)
        end = len(data) if end < 0 else end
        window = data[max(previous_end, match.start() - 8192) : match.start()]
        previous_end = start
        objects = list(_OBJ.finditer(window))
        dictionary = window[objects[-1].end() :] if objects else window
        filt = _FILTER.search(dictionary)
        declared: list[bytes] | None
        if filt is None:
            declared = [] if b"/Filter" not in dictionary else None
        else:
            declared = _NAME.findall(filt.group(1)) if filt.group(1)[:1] in b"[/" else None
        chain = _chain(declared, data[start : start + 64])
        counter = _Counter(min(stream_limit, total_limit - sizes.total))
        is_objstm = b"/ObjStm" in dictionary
        if chain:
            size, kept = _decode(
                _slices(data, start, end), chain, counter, MAX_OBJSTM if is_objstm else 0
            )
        else:
            size, kept = end - start, data[start:end] if is_objstm else b""
        sizes.total += counter.total
        sizes.largest = max(sizes.largest, counter.total if counter.over else size)
        if counter.over or sizes.total > total_limit:
            sizes.largest = max(sizes.largest, stream_limit + 1)
            return sizes
        if objects:
            sizes.by_object[int(objects[-1].group(1))] = size
        if kept:
            _collect_contents(kept, sizes)
    _collect_contents(data, sizes)
    return sizes


def _collect_contents(data: bytes, sizes: StreamSizes) -> None:
    for match in _CONTENTS.finditer(data):
        if match.group(1) is not None:
            sizes.contents.append(int(match.group(1)))
        else:
            sizes.contents.extend(int(ref.group(1)) for ref in _REF.finditer(match.group(2)))
