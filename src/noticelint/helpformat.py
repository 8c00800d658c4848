"""``--help`` laid out in terminal cells, so Chinese help wraps instead of being cut.

Typer's rich panels measure Chinese text and then cut it with "…"; click's plain
formatter wraps by characters, and a Han character takes two cells. This module
keeps click's plain layout and wraps by cells: a line may break between any two
Han characters, never before a closing mark (。，）…) or after an opening one (（“…).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

from typer import _click as click  # typer's own copy of click; its commands use it
from typer.core import TyperCommand, TyperGroup, TyperOption

_NO_LINE_START = frozenset("。，、；：？！）】》」』”’…%")
_NO_LINE_END = frozenset("（【《「『“‘")
_HELP_OPTION_TEXT = "显示本帮助并退出（show this help）。"


def cell_width(text: str) -> int:
    """Terminal cells taken by ``text`` (wide and full-width characters count two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _units(text: str) -> Iterator[str]:
    """Unbreakable pieces: a Latin word, one space, or one wide character."""
    word = ""
    for ch in text:
        if ch == " " or cell_width(ch) == 2:
            if word:
                yield word
                word = ""
            yield ch
        else:
            word += ch
    if word:
        yield word


def _glued(text: str) -> list[str]:
    """The pieces of ``text`` with punctuation glued to its neighbour."""
    pieces: list[str] = []
    pending_open = ""
    for unit in _units(text):
        if pieces and unit[0] in _NO_LINE_START and pieces[-1] != " ":
            pieces[-1] += unit
        elif unit in _NO_LINE_END:
            pending_open += unit
        else:
            pieces.append(pending_open + unit)
            pending_open = ""
    if pending_open:
        pieces.append(pending_open)
    return pieces


_KEPT_TOGETHER = re.compile(r"\[[^\[\]]{1,30}\]")  # click's [default: tree], [required]
_GLUE = "\x00"


def wrap_cells(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` cells (a single longer piece keeps its own line)."""
    flat = _KEPT_TOGETHER.sub(lambda m: m.group(0).replace(" ", _GLUE), " ".join(text.split()))
    return [line.replace(_GLUE, " ") for line in _wrap(flat, width)]


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    line, used = "", 0
    for piece in _glued(text):
        size = cell_width(piece)
        if piece == " " and not line:
            continue
        if line and used + size > width:
            lines.append(line.rstrip())
            line, used = ("", 0) if piece == " " else (piece, size)
            continue
        line, used = line + piece, used + size
    if line.strip():
        lines.append(line.rstrip())
    return lines


class CellFormatter(click.HelpFormatter):
    """click's help layout, wrapped by terminal cells."""

    def write_text(self, text: str) -> None:
        width = max(self.width - self.current_indent, 20)
        for index, paragraph in enumerate(p for p in text.split("\n\n") if p.strip()):
            if index:
                self.write_paragraph()
            for line in wrap_cells(paragraph, width):
                self.write(f"{'':>{self.current_indent}}{line}\n")

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        first_col = min(max((cell_width(term) for term, _ in rows), default=0), col_max)
        first_col += col_spacing
        text_width = max(self.width - first_col - self.current_indent, 20)
        for term, definition in rows:
            self.write(f"{'':>{self.current_indent}}{term}")
            lines = wrap_cells(definition, text_width) if definition else []
            term_width = cell_width(term)
            if not lines:
                self.write("\n")
                continue
            if term_width <= first_col - col_spacing:
                self.write(" " * (first_col - term_width))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            self.write(f"{lines[0]}\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")


class CellContext(click.Context):
    formatter_class = CellFormatter


def _localised_help_option(option: TyperOption | None) -> TyperOption | None:
    if option is not None:
        option.help = _HELP_OPTION_TEXT
    return option


def _argument_record(param: click.Parameter, ctx: click.Context) -> tuple[str, str] | None:
    """An argument's help row named by its metavar alone (typer would add the
    Python type, such as ``<list[Path]>``)."""
    record = param.get_help_record(ctx)
    if record is None or param.metavar is None:
        return record
    name = param.metavar + ("..." if param.nargs != 1 else "")
    return name, record[1]


class NoticeCommand(TyperCommand):
    """A subcommand whose help wraps by cells and says ``--help`` in Chinese."""

    context_class = CellContext

    def get_help_option(self, ctx: click.Context) -> TyperOption | None:
        return _localised_help_option(super().get_help_option(ctx))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        arguments: list[tuple[str, str]] = []
        options: list[tuple[str, str]] = []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                record = _argument_record(param, ctx)
                if record is not None:
                    arguments.append(record)
            elif (record := param.get_help_record(ctx)) is not None:
                options.append(record)
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


class NoticeGroup(TyperGroup):
    """The root command: like :class:`NoticeCommand`, and lists every subcommand's
    first help paragraph whole (click would cut it to fit one line)."""

    context_class = CellContext

    def get_help_option(self, ctx: click.Context) -> TyperOption | None:
        return _localised_help_option(super().get_help_option(ctx))

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows: list[tuple[str, str]] = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            summary = command.short_help or (command.help or "").split("\n\n")[0]
            rows.append((name, " ".join(summary.split())))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)
