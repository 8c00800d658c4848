"""`noticelint server`: a real client talks LSP to the real server process over stdio.

Every expectation comes from outside the server: ``noticelint check`` run as a
subprocess on the same text and configuration, converted to LSP positions (UTF-16)
by the helpers in ``lsp_expect``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import pytest
from lsp_client import LspClient, frame, uri_of
from lsp_expect import (
    apply_edits,
    as_lsp,
    check_fix,
    check_json,
    edits_of,
    expected_for,
    lines_of,
    position,
    utf16,
    without_links,
)

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SEEDS = sorted(CORPUS.glob("*.txt"))
SEED_002 = CORPUS / "002_10fbd8575067efed.txt"  # half-width throughout: many fixes
LARGEST = max(SEEDS, key=lambda p: p.stat().st_size)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LspClient]:
    client = LspClient(cwd=tmp_path)
    client.initialize(tmp_path)
    yield client
    client.kill()


def copy_seed(seed: Path, folder: Path, name: str = "通报.txt") -> tuple[Path, str, str]:
    path = folder / name
    shutil.copyfile(seed, path)
    return path, uri_of(path), path.read_text(encoding="utf-8")


def whole(text: str) -> dict[str, Any]:
    lines = lines_of(text)
    return {
        "start": {"line": 0, "character": 0},
        "end": {"line": len(lines) - 1, "character": utf16(lines[-1])},
    }


def code_actions(
    client: LspClient, uri: str, where: dict[str, Any], only: list[str] | None = None
) -> list[dict[str, Any]]:
    context: dict[str, Any] = {"diagnostics": []}
    if only:
        context["only"] = only
    params = {"textDocument": {"uri": uri}, "range": where, "context": context}
    return list(client.request("textDocument/codeAction", params) or [])


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_opening_a_seed_publishes_what_check_finds(
    server: LspClient, tmp_path: Path, seed: Path
) -> None:
    path, uri, text = copy_seed(seed, tmp_path)
    server.open(uri, text)
    published = server.diagnostics(uri, version=1)
    assert published, "every seed has findings"
    assert without_links(published) == expected_for(text, path)
    for d in published:
        href = d["codeDescription"]["href"]
        assert href.endswith(f"docs/rules/{d['code']}.md")
        if href.startswith("file://"):
            assert Path(unquote(urlparse(href).path)).is_file()


def test_ranges_count_utf16_units_for_characters_outside_the_bmp(
    server: LspClient, tmp_path: Path
) -> None:
    path = tmp_path / "生僻字.txt"
    text = "关于某某巡察整改进展情况的通报\n𠀀😀某某单位,已完成整改。\n"
    path.write_text(text, encoding="utf-8")
    uri = uri_of(path)
    server.open(uri, text)
    published = server.diagnostics(uri)
    [comma] = [d for d in published if d["code"] == "NL801"]
    # 𠀀 (U+20000) and 😀 are two UTF-16 units each: the comma is at unit 8, not 6
    assert comma["range"] == {
        "start": {"line": 1, "character": 8},
        "end": {"line": 1, "character": 9},
    }
    line = lines_of(text)[1].encode("utf-16-le")
    assert line[8 * 2 : 9 * 2].decode("utf-16-le") == ","
    assert without_links(published) == expected_for(text, path)


def test_a_client_preferring_utf8_gets_utf8_offsets(tmp_path: Path) -> None:
    client = LspClient("--stdio", cwd=tmp_path)  # as vscode-languageclient starts it
    try:
        reply = client.initialize(tmp_path, {"general": {"positionEncodings": ["utf-8", "utf-16"]}})
        assert reply["capabilities"]["positionEncoding"] == "utf-8"
        path = tmp_path / "生僻字.txt"
        text = "关于某某巡察整改进展情况的通报\n𠀀😀某某单位,已完成整改。\n"
        path.write_text(text, encoding="utf-8")
        client.open(uri_of(path), text)
        [comma] = [d for d in client.diagnostics(uri_of(path)) if d["code"] == "NL801"]
        start = len("𠀀😀某某单位".encode())  # 4 + 4 + 12 bytes
        assert comma["range"]["start"] == {"line": 1, "character": start}
    finally:
        client.kill()


def test_a_seed_with_astral_characters_before_findings_matches_check(
    server: LspClient, tmp_path: Path
) -> None:
    lines = SEED_002.read_text(encoding="utf-8").split("\n")
    lines = [("𠀀😀" + line if "," in line else line) for line in lines]
    text = "\n".join(lines)
    path = tmp_path / "astral.txt"
    path.write_text(text, encoding="utf-8")
    uri = uri_of(path)
    server.open(uri, text)
    published = server.diagnostics(uri)
    assert without_links(published) == expected_for(text, path)


def test_quick_fixes_list_safe_fixes_first_and_label_unsafe_ones(
    server: LspClient, tmp_path: Path
) -> None:
    path, uri, text = copy_seed(SEED_002, tmp_path)
    server.open(uri, text)
    server.diagnostics(uri)
    actions = code_actions(server, uri, whole(text), only=["quickfix"])
    fixes = [a for a in actions if "edit" in a]
    kinds = [("不安全" in a["title"]) for a in fixes]
    assert True in kinds and False in kinds
    assert kinds == sorted(kinds), "safe fixes come before unsafe ones"
    assert all(a["isPreferred"] is (not unsafe) for a, unsafe in zip(fixes, kinds, strict=True))
    # one quick fix per fixable finding
    fixable = [d for d in check_json(path) if d.get("fix")]
    assert len(fixes) == len(fixable)


def at(pos: dict[str, int]) -> tuple[int, int]:
    return pos["line"], pos["character"]


def test_every_quick_fix_carries_the_edits_of_check_s_fix(
    server: LspClient, tmp_path: Path
) -> None:
    text = SEED_002.read_text(encoding="utf-8").replace("\n", "\r\n")  # CRLF as well
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.encode("utf-8"))
    uri = uri_of(path)
    server.open(uri, text)
    server.diagnostics(uri)
    lines = lines_of(text)
    expected = {}
    for d in check_json(path):
        if d.get("fix"):
            start = position(lines, d["line"], d["column"])
            key = (d["code"], start["line"], start["character"])
            expected[key] = sorted(
                (
                    at(position(lines, e["line"], e["column"])),
                    at(position(lines, e["end_line"], e["end_column"])),
                    e["content"].replace("\n", "\r\n"),
                )
                for e in d["fix"]["edits"]
            )
    actions = code_actions(server, uri, whole(text), only=["quickfix"])
    got = {}
    for action in actions:
        if "edit" not in action:
            continue
        [d] = action["diagnostics"]
        key = (d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"])
        got[key] = sorted(
            (at(e["range"]["start"]), at(e["range"]["end"]), e["newText"])
            for e in edits_of(action, uri)
        )
    assert got == expected


def test_a_quick_fix_removes_its_finding(server: LspClient, tmp_path: Path) -> None:
    path, uri, text = copy_seed(SEED_002, tmp_path)
    server.open(uri, text)
    published = server.diagnostics(uri)
    [repeated] = [d for d in published if d["code"] == "NL103"]  # 党组党组
    [action] = [
        a
        for a in code_actions(server, uri, repeated["range"], only=["quickfix"])
        if "edit" in a and "NL103" in a["title"]
    ]
    assert "不安全" in action["title"]  # deleting a word may change the meaning
    fixed = apply_edits(text, edits_of(action, uri))
    assert fixed.startswith("中共东港市教育局党组关于")
    server.change(uri, fixed, version=2)
    after = server.diagnostics(uri, version=2)
    assert "NL103" not in {d["code"] for d in after}
    assert without_links(after) == expected_for(fixed, path)


def test_fix_all_gives_the_text_check_fix_writes(server: LspClient, tmp_path: Path) -> None:
    path, uri, text = copy_seed(SEED_002, tmp_path)
    server.open(uri, text)
    server.diagnostics(uri)
    [action] = code_actions(server, uri, whole(text), only=["source.fixAll"])
    assert action["kind"] == "source.fixAll.noticelint"
    resolved = server.request("codeAction/resolve", action)
    fixed = apply_edits(text, edits_of(resolved, uri))
    assert fixed != text
    assert fixed == check_fix(path)


def test_fix_all_keeps_crlf_line_breaks_as_check_fix_does(
    server: LspClient, tmp_path: Path
) -> None:
    text = SEED_002.read_text(encoding="utf-8").replace("\n", "\r\n")
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.encode("utf-8"))
    uri = uri_of(path)
    server.open(uri, text)
    assert without_links(server.diagnostics(uri)) == expected_for(text, path)
    [action] = code_actions(server, uri, whole(text), only=["source.fixAll.noticelint"])
    fixed = apply_edits(text, edits_of(server.request("codeAction/resolve", action), uri))
    assert fixed == check_fix(path)
    assert "\r\n" in fixed and "\n" not in fixed.replace("\r\n", "")


def test_fix_all_is_filled_in_at_once_for_a_client_without_resolve(tmp_path: Path) -> None:
    client = LspClient(cwd=tmp_path)
    try:
        client.initialize(tmp_path, capabilities={})
        path, uri, text = copy_seed(SEED_002, tmp_path)
        client.open(uri, text)
        client.diagnostics(uri)
        [action] = code_actions(client, uri, whole(text), only=["source.fixAll"])
        assert apply_edits(text, edits_of(action, uri)) == check_fix(path)
    finally:
        client.kill()


def test_hover_on_a_finding_shows_its_rule_documentation(server: LspClient, tmp_path: Path) -> None:
    _, uri, text = copy_seed(SEED_002, tmp_path)
    server.open(uri, text)
    published = server.diagnostics(uri)
    [repeated] = [d for d in published if d["code"] == "NL103"]
    hover = server.request(
        "textDocument/hover",
        {"textDocument": {"uri": uri}, "position": repeated["range"]["start"]},
    )
    value = hover["contents"]["value"]
    assert hover["contents"]["kind"] == "markdown"
    assert "NL103" in value and repeated["message"] in value
    for section in ("检查什么", "为什么", "错误示例", "正确示例"):
        assert section in value
    assert hover["range"] == repeated["range"]
    # no finding, no hover
    covered = {
        line
        for d in published
        for line in range(d["range"]["start"]["line"], d["range"]["end"]["line"] + 1)
    }
    quiet = min(set(range(len(lines_of(text)))) - covered)
    nothing = server.request(
        "textDocument/hover",
        {"textDocument": {"uri": uri}, "position": {"line": quiet, "character": 0}},
    )
    assert nothing is None


def test_a_change_publishes_the_new_findings(server: LspClient, tmp_path: Path) -> None:
    path, uri, text = copy_seed(LARGEST, tmp_path)
    server.open(uri, text)
    server.diagnostics(uri, version=1)
    changed = text.replace("。", ".", 3)  # three new half-width full stops
    server.change(uri, changed, version=2)
    after = server.diagnostics(uri, version=2)
    assert without_links(after) == expected_for(changed, path)
    assert without_links(after) != expected_for(text, path)


def test_a_burst_of_changes_publishes_only_the_last_version(
    server: LspClient, tmp_path: Path
) -> None:
    path, uri, text = copy_seed(SEED_002, tmp_path)
    server.open(uri, text)
    server.diagnostics(uri, version=1)
    versions = {}
    burst = b""
    for version in range(2, 7):
        versions[version] = text.replace("党组党组", "党组" * version, 1)
        burst += frame(
            {
                "jsonrpc": "2.0",
                "method": "textDocument/didChange",
                "params": {
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": [{"text": versions[version]}],
                },
            }
        )
    server.write(burst)  # five changes at once, as fast typing sends them
    last = server.diagnostics(uri, version=6)
    assert without_links(last) == expected_for(versions[6], path)
    later = server.collected(quiet=1.5)
    published = [m for m in later if m.get("method") == "textDocument/publishDiagnostics"]
    assert published == [], "nothing after the last version"
    assert server.published_versions(uri) == [1, 6], "no stale version was ever published"


def test_configuration_changes_are_picked_up(server: LspClient, tmp_path: Path) -> None:
    path, uri, text = copy_seed(SEED_002, tmp_path)
    server.open(uri, text)
    before = server.diagnostics(uri)
    assert "NL801" in {d["code"] for d in before}
    # the server asked to be told about configuration files
    [registration] = server.server_requests[0]["params"]["registrations"]
    globs = {w["globPattern"] for w in registration["registerOptions"]["watchers"]}
    assert globs == {"**/noticelint.toml", "**/pyproject.toml"}

    config = tmp_path / "noticelint.toml"
    config.write_text('ignore = ["NL801"]\n[severity]\nNL103 = "error"\n', encoding="utf-8")
    server.notify(
        "workspace/didChangeWatchedFiles", {"changes": [{"uri": uri_of(config), "type": 1}]}
    )
    after = server.diagnostics(uri)
    assert "NL801" not in {d["code"] for d in after}
    assert without_links(after) == expected_for(text, path)

    # a client that does not watch files: saving re-reads the configuration too
    config.write_text('ignore = ["NL8"]\n', encoding="utf-8")
    server.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    saved = server.diagnostics(uri)
    assert not any(d["code"].startswith("NL8") for d in saved)
    assert without_links(saved) == expected_for(text, path)


def test_a_broken_configuration_is_reported_not_fatal(server: LspClient, tmp_path: Path) -> None:
    _, uri, text = copy_seed(SEED_002, tmp_path)
    (tmp_path / "noticelint.toml").write_text("ignore = [\n", encoding="utf-8")
    server.open(uri, text)
    [problem] = server.diagnostics(uri)
    assert problem["severity"] == 1 and "noticelint.toml" in problem["message"]
    (tmp_path / "noticelint.toml").write_text('ignore = ["NL8"]\n', encoding="utf-8")
    server.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert len(server.diagnostics(uri)) > 1


def test_ignoring_a_rule_in_a_file_writes_the_configuration(
    server: LspClient, tmp_path: Path
) -> None:
    folder = tmp_path / "通报"
    folder.mkdir()
    (tmp_path / "noticelint.toml").write_text(
        '# 本单位的配置\nprofile = "xuncha"\n', encoding="utf-8"
    )
    path, uri, text = copy_seed(SEED_002, folder, name="东港[2023].txt")
    server.open(uri, text)
    published = server.diagnostics(uri)
    [repeated] = [d for d in published if d["code"] == "NL103"]
    [action] = [
        a
        for a in code_actions(server, uri, repeated["range"], only=["quickfix"])
        if a["title"] == "在此文件中忽略规则 NL103"
    ]
    command = action["command"]
    written = server.request(
        "workspace/executeCommand",
        {"command": command["command"], "arguments": command["arguments"]},
    )
    config = tmp_path / "noticelint.toml"
    assert Path(written) == config
    content = config.read_text(encoding="utf-8")
    assert content.startswith("# 本单位的配置\n")  # comments and layout kept
    assert '"通报/东港[[]2023].txt" = ["NL103"]' in content
    after = server.diagnostics(uri)
    assert "NL103" not in {d["code"] for d in after}
    assert without_links(after) == as_lsp(check_json(path), text)  # check agrees


def test_ignoring_a_rule_without_configuration_creates_one_next_to_the_file(
    server: LspClient, tmp_path: Path
) -> None:
    path, uri, text = copy_seed(SEED_002, tmp_path)
    server.open(uri, text)
    server.diagnostics(uri)
    written = server.request(
        "workspace/executeCommand",
        {"command": "noticelint.ignoreRuleInFile", "arguments": [uri, "NL801"]},
    )
    assert Path(written) == tmp_path / "noticelint.toml"
    assert "NL801" not in {d["code"] for d in server.diagnostics(uri)}
    assert "NL801" not in {d["code"] for d in check_json(path)}


def test_an_unsaved_buffer_is_checked_but_never_writes_configuration(
    server: LspClient, tmp_path: Path
) -> None:
    text = SEED_002.read_text(encoding="utf-8")
    server.open("untitled:Untitled-1", text)
    assert without_links(server.diagnostics("untitled:Untitled-1")) == expected_for(
        text, tmp_path / "Untitled-1"
    )
    written = server.request(
        "workspace/executeCommand",
        {"command": "noticelint.ignoreRuleInFile", "arguments": ["untitled:Untitled-1", "NL801"]},
    )
    assert written is None
    message = server.notification("window/showMessage")
    assert message["type"] == 1 and "配置" in message["message"]
    assert not (tmp_path / "noticelint.toml").exists()


def test_shutdown_then_exit_ends_the_process_with_code_0(server: LspClient, tmp_path: Path) -> None:
    _, uri, text = copy_seed(SEED_002, tmp_path)
    server.open(uri, text)
    server.diagnostics(uri)
    assert server.shutdown() == 0
    assert b"Traceback" not in server.stderr


def test_exit_without_shutdown_ends_with_code_1(server: LspClient) -> None:
    server.notify("exit", None)
    assert server.proc.wait(timeout=60) == 1


def test_malformed_messages_never_kill_the_server(server: LspClient, tmp_path: Path) -> None:
    path, uri, text = copy_seed(SEED_002, tmp_path)
    server.write(b"Content-Length: 9\r\n\r\n{not json")  # bad JSON
    server.write(b"Content-Length: many\r\n\r\n" + b'{"jsonrpc": "2.0", "method": "x"}')
    server.write(b"Content-Length: 3\r\n\r\n" + b'{"jsonrpc": "2.0"}')  # too short
    server.write(b"\r\n\r\ngarbage between messages\r\n")
    server.write(frame({"jsonrpc": "2.0", "method": "noticelint/unknown", "params": {}}))
    server.write(frame([1, 2, 3]))  # JSON, but not a message
    unknown = server.response(server.send_request("noticelint/unknown", {}))
    assert unknown["error"]["code"] == -32601  # method not found
    bad_params = server.response(server.send_request("textDocument/hover", {"x": 1}))
    assert bad_params["error"]["code"] == -32602  # invalid params
    binary = tmp_path / "binary.txt"
    server.open(uri_of(binary), "\x00\x01\x02垃圾\ud800\x00" * 50)
    [unreadable] = server.diagnostics(uri_of(binary))
    assert unreadable["code"] == "NL001"
    server.notify("textDocument/didChange", {"textDocument": {"uri": "file:///nowhere.txt"}})
    # still serving
    server.open(uri, text)
    assert without_links(server.diagnostics(uri)) == expected_for(text, path)
    assert server.shutdown() == 0
