"""The workbench's HTTP API (cli.md, ``serve``) under Starlette's TestClient."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

from serve_support import seed

import docx_drafts

Client = Any


def _cli_json(*args: str) -> Any:
    out = subprocess.run(
        [sys.executable, "-m", "noticelint", *args], capture_output=True, text=True, check=False
    )
    return json.loads(out.stdout)


def test_check_answers_equal_check_json_and_parse_json_for_pasted_text(
    client: Client, tmp_path: Path
) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(seed("002").read_text(encoding="utf-8"), encoding="utf-8")
    answer = client.post(
        "/api/check", json={"text": path.read_text(encoding="utf-8"), "filename": str(path)}
    ).json()
    assert answer["diagnostics"] == _cli_json("check", "--output-format", "json", str(path))
    assert answer["notice"] == _cli_json("parse", "--format", "json", str(path))
    assert answer["summary"]["problems"] == 11


def test_check_answers_equal_the_command_line_for_an_uploaded_docx(
    client: Client, tmp_path: Path
) -> None:
    path = tmp_path / "draft.docx"
    path.write_bytes(docx_drafts.draft_docx())
    files = {"file": ("draft.docx", path.read_bytes(), "application/octet-stream")}
    answer = client.post("/api/check", files=files, data={"filename": str(path)}).json()
    assert answer["diagnostics"] == _cli_json("check", "--output-format", "json", str(path))
    assert answer["notice"] == _cli_json("parse", "--format", "json", str(path))
    assert answer["medium"] == "docx"


def test_each_finding_has_ranges_and_a_file_level_finding_marks_every_mark(
    client: Client,
) -> None:
    answer = client.post("/api/check", json={"text": seed("000").read_text("utf-8")}).json()
    assert len(answer["ranges"]) == len(answer["diagnostics"])
    whole = next(  # NL801 once for the whole file: most of its marks are half-width
        i
        for i, d in enumerate(answer["diagnostics"])
        if d["code"] == "NL801" and d["message"].startswith("全文")
    )
    ranges = answer["ranges"][whole]
    assert len(ranges) == len(answer["diagnostics"][whole]["fix"]["edits"]) > 10
    lines = answer["text"].split("\n")
    for r in ranges:
        assert lines[r["line"] - 1][r["column"] - 1 : r["end_column"] - 1] in set(",:;()!?.")


def test_fix_returns_the_fixed_text_its_diff_and_what_was_applied(client: Client) -> None:
    text = seed("002").read_text("utf-8")
    answer = client.post("/api/fix", json={"text": text, "filename": "草稿.txt"}).json()
    assert answer["applied"] > 10
    assert "校服供应企业，6月26日" in answer["text"]
    assert "+" in answer["diff"]
    assert answer["filename"] == "草稿-已修复.txt"
    assert answer["text"].startswith("中共东港市教育局党组党组")  # NL103 is unsafe
    unsafe = client.post("/api/fix", json={"text": text, "unsafe": True}).json()
    assert unsafe["text"].startswith("中共东港市教育局党组关于")


def test_fix_of_a_docx_upload_answers_the_fixed_docx(client: Client) -> None:
    draft = docx_drafts.draft_docx()
    response = client.post("/api/fix", files={"file": ("草稿.docx", draft)})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/vnd.openxml")
    assert "filename*=UTF-8''" in response.headers["content-disposition"]
    assert int(response.headers["x-noticelint-not-applied"]) >= 1
    zipfile.ZipFile(io.BytesIO(response.content)).testzip()
    assert docx_drafts.run_formats(response.content) == docx_drafts.run_formats(draft)
    as_json = client.post("/api/fix?format=json", files={"file": ("草稿.docx", draft)}).json()
    assert as_json["not_applied"][0]["code"] == "NL503"


def test_rules_and_health(client: Client) -> None:
    rules = client.get("/api/rules").json()
    assert len(rules) == 54
    one = client.get("/api/rules/nl801").json()
    assert one["code"] == "NL801" and one["markdown"].startswith("# NL801")
    assert client.get("/api/rules/NL999").status_code == 404
    assert client.get("/healthz").json()["status"] == "ok"


def test_every_answer_carries_a_content_security_policy(client: Client) -> None:
    for url in ("/", "/static/app.js", "/healthz"):
        csp = client.get(url).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp
        assert "unsafe-inline" not in csp
    page = client.get("/").text
    assert "<script src=" in page and "<script>" not in page
    assert "http" not in page.split("<body>")[0].replace("http-equiv", "")


def test_a_body_over_the_cap_is_refused_with_413_without_reading_it_all(client: Client) -> None:
    sent = 0

    def chunks():  # type: ignore[no-untyped-def]
        nonlocal sent
        for _ in range(400):  # 400 × 64 KiB = 25 MiB, far over the 2 MiB cap
            sent += 1
            yield b"x" * 65536

    response = client.post(
        "/api/check", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert "超过上限" in response.json()["error"]
    declared = client.post(
        "/api/check",
        content=b"{}",
        headers={"content-type": "application/json", "content-length": str(50 * 2**20)},
    )
    assert declared.status_code == 413


def _zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<" + b"a" * (40 * 2**20) + b"/>")
    return out.getvalue()


def test_hostile_uploads_get_an_nl001_answer(client: Client) -> None:
    hostile = {
        "bomb.docx": _zip_bomb(),
        "broken.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 64,
        "binary.docx": bytes(range(256)) * 64,
        "truncated.docx": docx_drafts.draft_docx()[:3000],
    }
    for name, data in hostile.items():
        for url in ("/api/check", "/api/fix?format=json"):
            response = client.post(url, files={"file": (name, data)})
            assert response.status_code == 200, (name, url)
            codes = [d["code"] for d in response.json()["diagnostics"]]
            assert codes == ["NL001"], (name, url, codes)


def test_a_check_that_overruns_the_time_budget_is_stopped_with_nl001(tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    from noticelint.serve.app import create_app
    from noticelint.settings import Settings

    app = create_app(Settings(timeout=0.001), workers=1)
    with TestClient(app) as slow:
        (before,) = app.state.pool.workers
        answer = slow.post("/api/check", json={"text": seed("000").read_text("utf-8")}).json()
        assert [d["code"] for d in answer["diagnostics"]] == ["NL001"]
        assert "超时" in answer["diagnostics"][0]["message"]
        (after,) = app.state.pool.workers  # the overrunning worker was killed and replaced
        assert after is not before
        assert not before.process.is_alive()
        assert after.process.is_alive()


def test_bad_requests_are_400_or_415_never_500(client: Client) -> None:
    assert (
        client.post(
            "/api/check", content=b"{", headers={"content-type": "application/json"}
        ).status_code
        == 400
    )
    assert client.post("/api/check", json={"filename": "x"}).status_code == 400
    assert (
        client.post(
            "/api/check", content=b"text", headers={"content-type": "text/plain"}
        ).status_code
        == 415
    )
    bad = client.post(
        "/api/check",
        content=b"--x\r\n",
        headers={"content-type": "multipart/form-data; boundary=y"},
    )
    assert bad.status_code == 400


def test_uploads_are_not_written_to_disk(client: Client, tmp_path: Path, monkeypatch: Any) -> None:
    import tempfile

    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    big = docx_drafts.draft_docx() + b"\0" * (1024 * 1024)  # over python-multipart's spool size
    client.post("/api/check", files={"file": ("big.docx", big)})
    assert list(tmp_path.iterdir()) == []


def test_the_cap_is_enforced_while_the_body_streams_in() -> None:
    import asyncio

    import pytest

    from noticelint.serve.body import BodyError, read_capped

    consumed = 0

    async def stream():  # type: ignore[no-untyped-def]
        nonlocal consumed
        for _ in range(1000):
            consumed += 1
            yield b"x" * 1024

    with pytest.raises(BodyError) as refused:
        asyncio.run(read_capped(stream(), None, 10 * 1024))
    assert refused.value.status == 413
    assert consumed == 11  # stopped at the first chunk over the cap


def test_another_sites_page_cannot_post_to_the_workbench(client: Client) -> None:
    """A page elsewhere can send a simple POST to 127.0.0.1 (no preflight); it is refused."""
    body = {"text": "关于巡察整改进展情况的通报"}
    refused = client.post("/api/check", json=body, headers={"Origin": "http://evil.example"})
    assert refused.status_code == 403
    own = client.post("/api/check", json=body, headers={"Origin": "http://testserver"})
    assert own.status_code == 200


def test_the_download_name_says_fixed_and_keeps_what_the_file_is() -> None:
    from noticelint.serve.tasks import fixed_name

    assert fixed_name("草稿.docx", "docx") == "草稿-已修复.docx"
    assert fixed_name("通报.md", "text") == "通报-已修复.md"
    assert fixed_name("page.html", "html") == "page-已修复.txt"  # the extracted text
    assert fixed_name("C:\\\\x/../草稿.pdf", "pdf") == "草稿-已修复.txt"
