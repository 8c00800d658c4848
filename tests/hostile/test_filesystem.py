"""The file system as an attacker arranges it (issue 12, classes 5, 7, 8 and 12):
FIFOs swapped in, links out of the corpus, deep trees, and --fix against other
writers, links, owners and signals."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hostile_files import compliant, running_as_root

from noticelint import atomic
from noticelint.atomic import Stamp, WriteRefused, write_atomic
from noticelint.discover import discover
from noticelint.lint import check_path, fix_file, fix_path
from noticelint.read import Document, ReadError, load_bytes
from noticelint.settings import DEFAULT_SUFFIXES, Settings

ROOT = Path(__file__).resolve().parents[2]
#: A draft with safe fixes (half-width punctuation between Chinese characters).
DRAFT = compliant().replace("，", ",", 3)


def _skips(paths: list[Path]) -> tuple[list[Path], dict[str, str]]:
    skipped: dict[str, str] = {}
    found = list(
        discover(paths, DEFAULT_SUFFIXES, on_skip=lambda p, why: skipped.setdefault(p.name, why))
    )
    return found, skipped


# --- reading -------------------------------------------------------------------------------


def test_a_fifo_swapped_in_after_the_walk_never_blocks(tmp_path: Path) -> None:
    path = tmp_path / "通报.txt"
    path.write_text(compliant(), encoding="utf-8")
    (found,) = discover([tmp_path], DEFAULT_SUFFIXES)
    path.unlink()
    os.mkfifo(path)  # nobody will ever write to it
    started = time.monotonic()
    with pytest.raises(ReadError, match="不是普通文件"):  # opened O_NONBLOCK, then fstat
        load_bytes(found)
    (d,) = check_path(found, Settings())
    assert d.code == "NL001" and "不是普通文件" in d.message
    assert time.monotonic() - started < 10


def test_a_pipe_named_on_the_command_line_is_read() -> None:
    # bash's process substitution: /dev/fd/63, a link to a pipe the process holds.
    proc = subprocess.run(
        ["bash", "-c", f"{sys.executable} -c 'import sys; from pathlib import Path; "
         "from noticelint.read import load_bytes; "
         "sys.stdout.buffer.write(load_bytes(Path(sys.argv[1])))' <(printf 关于整改)"],
        capture_output=True,
        timeout=60,
        check=True,
    )  # fmt: skip
    assert proc.stdout.decode() == "关于整改"


def test_links_out_of_the_corpus_are_skipped_with_a_reason_never_read(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ok.txt").write_text(compliant(), encoding="utf-8")
    outside = tmp_path / "secret.txt"
    outside.write_text("机密", encoding="utf-8")
    (corpus / "passwd.txt").symlink_to("/etc/passwd")
    (corpus / "secret.txt").symlink_to(outside)
    (corpus / "etc").symlink_to("/etc", target_is_directory=True)
    (corpus / "inner.txt").symlink_to(corpus / "ok.txt")  # inside: its target, once
    found, skipped = _skips([corpus])
    assert [p.name for p in found] == ["ok.txt"]
    for name in ("passwd.txt", "secret.txt", "etc"):
        assert "之外" in skipped[name]


def test_a_link_inside_the_corpus_is_read_through_its_target(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "notice.txt").write_text(compliant(), encoding="utf-8")
    (tmp_path / "b").symlink_to(tmp_path / "a", target_is_directory=True)
    (tmp_path / "alias.txt").symlink_to(tmp_path / "a" / "notice.txt")
    found, _ = _skips([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a/notice.txt"]


def test_a_reader_never_follows_a_link_itself(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to("/etc/passwd")
    with pytest.raises(ReadError, match="符号链接"):
        load_bytes(link)


def test_a_thousand_nested_folders_are_walked(tmp_path: Path) -> None:
    deep = tmp_path
    for _ in range(1200):  # (os.makedirs itself recurses too deep for this)
        deep = deep / "d"
        deep.mkdir()
    (deep / "通报.txt").write_text(compliant(), encoding="utf-8")
    try:
        (found,) = discover([tmp_path], DEFAULT_SUFFIXES)
        assert found.name == "通报.txt"
        assert [d.code for d in check_path(found, Settings()) if d.severity != "info"] == []
    finally:  # bottom-up: shutil.rmtree (pytest's clean-up) recurses too deep here
        (deep / "通报.txt").unlink()
        while deep != tmp_path:
            deep.rmdir()
            deep = deep.parent


def test_a_huge_size_limit_never_preallocates(tmp_path: Path) -> None:
    path = tmp_path / "通报.txt"
    path.write_text(compliant(), encoding="utf-8")
    assert load_bytes(path, max_bytes=100 * 1024**3) == path.read_bytes()
    code = (
        "import resource, sys; from pathlib import Path\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
        "from noticelint.read import load_bytes\n"
        "print(len(load_bytes(Path(sys.argv[1]), max_bytes=100 * 1024**3)))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout) == path.stat().st_size


# --- --fix on the file system --------------------------------------------------------------


def _draft(folder: Path, name: str = "draft.txt") -> Path:
    path = folder / name
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_an_edit_made_just_before_the_rename_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _draft(tmp_path)
    real = atomic._same_owner

    def other_writer_meanwhile(fd: int, st: os.stat_result) -> None:
        real(fd, st)
        with path.open("r+b") as fh:  # same size, same second: only the bytes differ
            fh.write("关".encode())
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))

    monkeypatch.setattr(atomic, "_same_owner", other_writer_meanwhile)
    outcome = fix_path(path, Settings(), unsafe=False, write=True)
    assert not outcome.written and outcome.note and "被修改" in outcome.note
    assert path.read_bytes().startswith("关".encode())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt"]


def test_a_symlink_is_never_replaced_by_a_file(tmp_path: Path) -> None:
    target = _draft(tmp_path)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    with pytest.raises(WriteRefused, match="符号链接"):
        write_atomic(link, b"x")
    assert link.is_symlink()
    # Through the CLI, the walk names the target: the target is fixed, the link stays.
    proc = subprocess.run(
        [sys.executable, "-m", "noticelint", "check", "--fix", str(link)],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert link.is_symlink() and "," not in target.read_text(encoding="utf-8")[:2000]


def test_hard_links_are_kept(tmp_path: Path) -> None:
    path = _draft(tmp_path)
    other = tmp_path / "other.txt"
    os.link(path, other)
    outcome = fix_path(path, Settings(), unsafe=False, write=True)
    assert not outcome.written and outcome.note and "硬链接" in outcome.note
    assert os.stat(path).st_ino == os.stat(other).st_ino
    assert path.read_text(encoding="utf-8") == DRAFT


def test_a_read_only_file_is_not_overwritten(tmp_path: Path) -> None:
    path = _draft(tmp_path)
    path.chmod(0o444)
    outcome = fix_path(path, Settings(), unsafe=False, write=True)
    assert not outcome.written and outcome.note and "只读" in outcome.note
    assert path.read_text(encoding="utf-8") == DRAFT and (path.stat().st_mode & 0o777) == 0o444


def test_mode_owner_and_group_are_kept(tmp_path: Path) -> None:
    path = _draft(tmp_path)
    path.chmod(0o640)
    if running_as_root():
        os.chown(path, 4321, 8765)  # a user's file fixed by root stays the user's
    before = path.stat()
    outcome = fix_path(path, Settings(), unsafe=False, write=True)
    assert outcome.written
    after = path.stat()
    assert (after.st_uid, after.st_gid, after.st_mode) == (
        before.st_uid,
        before.st_gid,
        before.st_mode,
    )


def test_an_unencodable_fix_is_reported_and_the_next_file_is_still_fixed(tmp_path: Path) -> None:
    cp = tmp_path / "latin.txt"
    cp.write_bytes(b"x")
    # A file detected as cp1252 whose fixed text (full-width ，) cannot be cp1252.
    document = Document(path=str(cp), text=DRAFT, encoding="cp1252")
    outcome = fix_file(
        document, Settings(), unsafe=False, write=True, path=cp, stamp=Stamp.of(cp, b"x")
    )
    assert not outcome.written and outcome.note and "cp1252" in outcome.note
    assert cp.read_bytes() == b"x"
    good = _draft(tmp_path)
    assert fix_path(good, Settings(), unsafe=False, write=True).written


def test_sigterm_during_the_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = _draft(tmp_path)
    script = textwrap.dedent(
        f"""
        import time
        from pathlib import Path
        from noticelint import atomic
        def slow(tmp, target):
            print("writing", flush=True)
            time.sleep(60)
        atomic._replace = slow
        atomic.write_atomic(Path({str(path)!r}), b"x" * 9_000_000)
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None
    assert proc.stdout.readline() == b"writing\n"
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGTERM
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt"]
    assert path.read_text(encoding="utf-8") == DRAFT


def test_a_stray_byte_is_reported_where_it_is_and_the_file_is_checked(tmp_path: Path) -> None:
    data = compliant().encode()
    cut = data.index("一、".encode())
    path = tmp_path / "stray.txt"
    path.write_bytes(data[:cut] + b"\xff" + data[cut:])
    found = check_path(path, Settings())
    stray = [d for d in found if d.code == "NL001"]
    assert len(stray) == 1 and stray[0].severity == "warning" and "0xFF" in stray[0].message
    line = data[:cut].count(b"\n") + 1
    assert (stray[0].line, stray[0].column) == (line, 1)
    outcome = fix_path(path, Settings(), unsafe=False, write=True)
    assert not outcome.written  # writing back would change the bad byte


# --- settings ------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["nan", "inf", "1e300", "-1"])
def test_a_bad_timeout_is_a_usage_error(tmp_path: Path, value: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(compliant(), encoding="utf-8")
    flag = subprocess.run(
        [sys.executable, "-m", "noticelint", "check", f"--timeout={value}", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    (tmp_path / "noticelint.toml").write_text(f"timeout = {value}\n", encoding="utf-8")
    config = subprocess.run(
        [sys.executable, "-m", "noticelint", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    for proc in (flag, config):
        assert proc.returncode == 2 and "Traceback" not in proc.stderr
        assert "timeout" in proc.stderr


def test_isolated_ignores_config_files_and_report_names_the_configs(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    sub = corpus / "sub"
    sub.mkdir(parents=True)
    (corpus / "a.txt").write_text(compliant(), encoding="utf-8")
    (sub / "b.txt").write_text(compliant(), encoding="utf-8")
    (sub / "noticelint.toml").write_text('select = ["NL8"]\n', encoding="utf-8")

    def report(*extra: str) -> dict[str, object]:
        import json

        out = tmp_path / "r.json"
        subprocess.run(
            [sys.executable, "-m", "noticelint", "report", str(corpus), "--json", str(out),
             "--no-cache", "--jobs", "1", *extra],
            capture_output=True,
            timeout=300,
            check=False,
        )  # fmt: skip
        data: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
        return data

    governed = report()
    assert governed["configs"] == [str((sub / "noticelint.toml").resolve())]
    isolated = report("--isolated")
    assert isolated["configs"] == [] and isolated["isolated"] is True
    both = subprocess.run(
        [sys.executable, "-m", "noticelint", "check", "--isolated", "--config",
         str(sub / "noticelint.toml"), str(corpus)],
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    assert both.returncode == 2 and "--isolated" in both.stderr
