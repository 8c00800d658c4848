"""Cutting and wrapping by terminal cells (a Chinese character is two cells)."""

from __future__ import annotations

from rich.cells import cell_len

from noticelint.output.fit import take_left, take_right, window, wrap


def test_take_counts_cells_not_characters() -> None:
    assert take_left("整改措施abc", 5) == "整改"
    assert take_right("abc整改措施", 5) == "措施"
    assert take_left("整改", 10) == "整改"


def test_window_keeps_the_span_and_some_context_before_it() -> None:
    before, marked, after = "根据县委统一部署" * 10, ",", "扎实推进整改落实" * 10
    shown_before, shown_marked, shown_after, left, right = window(before, marked, after, 40)
    assert shown_marked == "," and left and right
    assert before.endswith(shown_before) and after.startswith(shown_after)
    assert cell_len(shown_before) >= 6
    assert cell_len(shown_before + shown_marked + shown_after) + 2 <= 40


def test_window_gives_the_unused_end_to_the_start() -> None:
    before, marked, after = "根据县委统一部署" * 10, ",", "落实。"
    shown_before, _, shown_after, left, right = window(before, marked, after, 40)
    assert shown_after == "落实。" and left and not right
    # the width is used, but for a cell a two-cell character does not fit in
    assert 39 <= cell_len(shown_before + "," + shown_after) + 1 <= 40


def test_wrap_never_starts_a_line_with_closing_punctuation() -> None:
    message = (
        "段落被压成一行：第4行（6402字）连写了72个段落（其中标题6个、编号条目39个），应每段另起一行"
    )
    for width in range(16, 60):
        lines = wrap(message, width, width)
        assert "".join(lines) == message
        assert all(cell_len(line) <= width for line in lines)
        assert not any(line[0] in "，。；：、）”" for line in lines[1:]), (width, lines)
