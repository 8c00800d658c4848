"""The server's building blocks: UTF-16 positions, the minimal fix-all edit, and
framing that survives a misbehaving client."""

from __future__ import annotations

import io

from lsp_expect import apply_edits

from noticelint.lsp.actions import fix_all_edit
from noticelint.lsp.positions import LineMap
from noticelint.lsp.transport import FrameReader


def test_columns_become_utf16_units_and_back() -> None:
    lines = LineMap("标题\n𠀀😀某某单位,已完成\r\n末行")
    assert (lines.to_lsp(2, 7).line, lines.to_lsp(2, 7).character) == (1, 8)
    assert lines.from_lsp(1, 8) == (2, 7)
    assert lines.from_lsp(1, 1) == (2, 1)  # inside 𠀀's surrogate pair: that character
    assert (lines.to_lsp(3, 3).line, lines.to_lsp(3, 3).character) == (2, 2)


def test_other_encodings_count_their_own_units() -> None:
    assert LineMap("𠀀,", "utf-32").to_lsp(1, 2).character == 1
    assert LineMap("𠀀,", "utf-8").to_lsp(1, 2).character == 4


def test_a_bom_kept_by_the_editor_shifts_the_first_line_only() -> None:
    lines = LineMap("\ufeff标题,\n正文,")
    assert lines.to_lsp(1, 3).character == 3
    assert lines.to_lsp(2, 3).character == 2
    assert lines.from_lsp(0, 3) == (1, 3)


def test_positions_past_the_end_are_clamped() -> None:
    lines = LineMap("一行\n二行")
    end = lines.to_lsp(9, 1)
    assert (end.line, end.character) == (1, 2)


def edit_as_dict(before: str, after: str) -> dict[str, object]:
    edit = fix_all_edit(before, after, "utf-16")
    r = edit.range
    return {
        "range": {
            "start": {"line": r.start.line, "character": r.start.character},
            "end": {"line": r.end.line, "character": r.end.character},
        },
        "newText": edit.new_text,
    }


def test_the_fix_all_edit_covers_only_what_changed() -> None:
    before = "标题\n第一段,内容\n第二段,内容\n落款\n"
    after = "标题\n第一段，内容\n第二段，内容\n落款\n"
    edit = edit_as_dict(before, after)
    assert edit["newText"] == "，内容\n第二段，"
    assert apply_edits(before, [edit]) == after


def test_the_fix_all_edit_never_splits_a_crlf() -> None:
    before = "甲,\r\n乙\r\n"
    after = "甲，\r\n\r\n乙\r\n"
    edit = edit_as_dict(before, after)
    assert apply_edits(before, [edit]) == after
    assert not str(edit["newText"]).startswith("\n")


def frames(data: bytes) -> list[bytes]:
    reader = FrameReader(io.BytesIO(data).read)
    out = []
    while (body := reader.read()) is not None:
        out.append(body)
    return out


def test_frames_are_read_by_content_length() -> None:
    assert frames(
        b"Content-Length: 2\r\nContent-Type: x\r\n\r\n{}Content-Length: 3\r\n\r\n[1]"
    ) == [
        b"{}",
        b"[1]",
    ]


def test_a_bad_header_is_skipped_and_the_next_message_found() -> None:
    data = (
        b"Content-Length: abc\r\n\r\n{}"  # not a number: dropped, body left as garbage
        b"Content-Length: 2\r\n\r\n{}"  # found even after the garbage on its line
        b"garbage\r\n\r\n"
        b"Content-Length: 4\r\n\r\nnull"
    )
    assert frames(data) == [b"{}", b"null"]


def test_an_oversized_body_is_dropped_without_being_kept() -> None:
    reader = FrameReader(
        io.BytesIO(b"Content-Length: 10\r\n\r\n0123456789Content-Length: 2\r\n\r\n{}").read,
        max_body=5,
    )
    assert reader.read() == b"{}"
    assert reader.read() is None


def test_a_truncated_body_ends_the_input() -> None:
    assert frames(b"Content-Length: 10\r\n\r\n{}") == []
