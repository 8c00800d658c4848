"""The program's entry point. The common pre-commit and CI call — ``noticelint check
[--output-format F] [--no-cache] [--fix] [--diff] [--statistics] [-j N] PATH...`` —
runs without building the typer application (its import costs more than linting one
notice); anything else goes to :mod:`noticelint.cli`."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

_FORMATS = frozenset({"full", "concise", "json", "jsonl", "sarif", "github", "junit"})
_FLAGS = {
    "--no-cache": "no_cache",
    "--fix": "fix",
    "--diff": "diff",
    "--unsafe-fixes": "unsafe_fixes",
    "--statistics": "statistics",
}


def _is_count(value: str) -> bool:
    """A number of workers as typer reads it (anything else: typer says what is wrong)."""
    return value.isascii() and value.isdigit()


def _plain_check(args: list[str]) -> dict[str, object] | None:
    """The options of a plain ``check`` call, or None when typer must parse them."""
    found: dict[str, object] = {"targets": []}
    targets: list[Path] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in _FLAGS:
            found[_FLAGS[arg]] = True
        elif arg == "--output-format" and i + 1 < len(args) and args[i + 1] in _FORMATS:
            found["output"] = args[i + 1]
            i += 1
        elif arg.startswith("--output-format=") and arg.split("=", 1)[1] in _FORMATS:
            found["output"] = arg.split("=", 1)[1]
        elif arg in ("-j", "--jobs") and i + 1 < len(args) and _is_count(args[i + 1]):
            found["jobs"] = int(args[i + 1])
            i += 1
        elif arg.startswith("--jobs=") and _is_count(arg.split("=", 1)[1]):
            found["jobs"] = int(arg.split("=", 1)[1])
        elif arg.startswith("-"):
            return None
        else:
            targets.append(Path(arg))
        i += 1
    if not targets:
        return None
    found["targets"] = targets
    return found


def reconfigure_streams() -> None:
    # File names with undecodable bytes (kept by Python as lone surrogates) are
    # printed as \udcXX escapes instead of failing the run.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def main() -> None:
    args = sys.argv[1:]
    plain = _plain_check(args[1:]) if args[:1] == ["check"] else None
    if plain is None:
        from noticelint.cli import main as cli_main

        cli_main()
        return
    reconfigure_streams()
    # No automatic collection while the engine's modules load (~5% of a one-file run):
    # the batch runner collects once per chunk of files, --fix turns it back on.
    gc.disable()
    from noticelint.flows.check import EXIT_USAGE, CheckRequest, run_check
    from noticelint.flows.overrides import Overrides, UsageError

    def warn(message: str) -> None:
        print(message, file=sys.stderr)

    try:
        status = run_check(CheckRequest(**plain), Overrides(), warn)  # type: ignore[arg-type]
    except UsageError as exc:
        warn(f"noticelint: {exc}")
        status = EXIT_USAGE
    sys.stdout.flush()
    sys.exit(status)
