"""The 整改台账 (`noticelint ledger`): one row per leaf problem, read back from the
xlsx, the CSV and the JSON it writes for the real corpus and the compliant fixtures."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from noticelint.ledger.deadlines import find_deadlines
from noticelint.ledger.writers import neutralise, write_csv
from noticelint.parse import parse_document
from noticelint.profile import bundled_profile
from noticelint.read import read_path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted((ROOT / "corpus").glob("*.txt"))
COMPLIANT = sorted((ROOT / "tests" / "fixtures" / "compliant").glob("*.txt"))
NOTICES = [*CORPUS, *COMPLIANT]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "noticelint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def leaf_count(path: Path) -> int:
    notice = parse_document(read_path(path)).notice
    return sum(len(s.leaf_problems()) for s in notice.progress_sections())


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The ledger of the corpus and the compliant fixtures, written in all three forms."""
    tmp = tmp_path_factory.mktemp("ledger")
    folder = tmp / "notices"
    folder.mkdir()
    for p in NOTICES:
        shutil.copy(p, folder / p.name)
    (folder / "readme.txt").write_text("这只是一段说明文字，不是通报。\n", encoding="utf-8")
    out = {"xlsx": tmp / "台账.xlsx", "csv": tmp / "台账.csv", "json": tmp / "台账.json"}
    result = run(
        "ledger", str(folder), "--xlsx", str(out["xlsx"]), "--csv", str(out["csv"]),
        "--json", str(out["json"]), "--no-cache",
    )  # fmt: skip
    return {"result": result, "folder": folder, **out}


def _rows_of(data: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return [r for r in data["rows"] if Path(r["path"]).name == name]


@pytest.mark.parametrize("notice", NOTICES, ids=lambda p: p.name)
def test_one_row_per_parsed_leaf_problem(ledger: dict[str, Any], notice: Path) -> None:
    data = json.loads(ledger["json"].read_text(encoding="utf-8"))
    rows = _rows_of(data, notice.name)
    assert len(rows) == leaf_count(notice) > 0
    lines = [r["line"] for r in rows]
    assert lines == sorted(lines), "rows follow the document order"


def test_exit_code_summary_line_and_skipped_file(ledger: dict[str, Any]) -> None:
    result = ledger["result"]
    assert result.returncode == 1, result.stderr  # the corpus has warnings, as `report` says
    total = sum(leaf_count(p) for p in NOTICES)
    assert f"{len(NOTICES)} 份通报，{total} 个问题；未列入 1 个" in result.stderr
    data = json.loads(ledger["json"].read_text(encoding="utf-8"))
    assert [Path(s["path"]).name for s in data["skipped"]] == ["readme.txt"]


def test_head_columns_from_the_opening_signature_and_disclosure(ledger: dict[str, Any]) -> None:
    data = json.loads(ledger["json"].read_text(encoding="utf-8"))
    first = _rows_of(data, "c01_xuncha_basic.txt")[0]
    assert first["organ"] == "中共桐溪县财政局党组"
    assert first["inspection_body"] == "县委第二巡察组"
    assert (first["inspection_start"], first["inspection_end"]) == ("2024-03-11", "2024-05-20")
    assert first["feedback_date"] == "2024-06-18"
    assert first["signature_date"] == "2024-09-02"
    assert (first["disclosure_start"], first["disclosure_end"]) == ("2024-09-02", "2024-09-23")
    assert first["area_number"] == 1
    assert first["area"].startswith("贯彻落实党的路线方针政策")
    assert first["problem_number"] == 1
    assert first["problem"].startswith("关于学习贯彻习近平新时代中国特色社会主义思想")
    assert first["status_class"] == "long_term"  # 已完成整改并长期坚持
    assert first["status_text"].startswith("已完成整改")
    assert first["measures"] >= 1 and "第一议题" in first["measures_text"]
    bodies = {Path(r["path"]).name[:3]: r["inspection_body"] for r in data["rows"]}
    assert bodies["000"] == "县委巡察一组"
    assert bodies["001"] == "区委4个巡察组"
    assert bodies["003"] == "市委第三巡察组"


def test_codes_are_the_findings_inside_the_problem(ledger: dict[str, Any]) -> None:
    data = json.loads(ledger["json"].read_text(encoding="utf-8"))
    check = run("check", str(CORPUS[1]), "--output-format", "json")
    found = json.loads(check.stdout)
    repeated = next(d for d in found if d["code"] == "NL103")  # “四是是”
    rows = _rows_of(data, CORPUS[1].name)
    owner = max((r for r in rows if r["line"] <= repeated["line"]), key=lambda r: r["line"])
    assert "NL103" in owner["codes"]
    assert all("NL103" not in r["codes"] for r in rows if r is not owner)


def test_flags_no_status_and_no_measures(ledger: dict[str, Any]) -> None:
    data = json.loads(ledger["json"].read_text(encoding="utf-8"))
    for row in data["rows"]:
        assert ("no_status" in row["flags"]) == (row["status_class"] is None)
        assert ("no_measures" in row["flags"]) == (row["measures"] == 0)


def test_xlsx_sheets_header_frozen_filter_colours(ledger: dict[str, Any]) -> None:
    book = openpyxl.load_workbook(ledger["xlsx"])
    assert book.sheetnames == ["台账", "汇总", "未列入"]
    sheet = book["台账"]
    header = [c.value for c in sheet[1]]
    assert header[:5] == ["文件", "行", "机关", "成文日期", "巡察组"]
    assert "问题" in header and "整改措施" in header and "进展类别" in header
    assert sheet.freeze_panes == "A2"
    data = json.loads(ledger["json"].read_text(encoding="utf-8"))
    assert sheet.max_row == len(data["rows"]) + 1
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(header)).column_letter}{sheet.max_row}"
    status_col = header.index("进展类别") + 1
    colours = {}
    for r in range(2, sheet.max_row + 1):
        cell = sheet.cell(r, status_col)
        colours.setdefault(cell.value, set()).add(cell.fill.fgColor.rgb)
    assert colours["已完成"] == {"FFC6EFCE"}
    assert colours["无整改进展"] == {"FFFFC7CE"}
    assert len({next(iter(c)) for c in colours.values()}) == len(colours), "a colour per class"
    problem = sheet.cell(2, header.index("整改措施") + 1)
    assert problem.alignment.wrap_text
    assert sheet.column_dimensions["P"].width > 30  # 整改措施 is wide
    date_cell = sheet.cell(2, header.index("成文日期") + 1)
    assert isinstance(date_cell.value, dt.datetime)


def test_xlsx_summary_sheet_per_organ(ledger: dict[str, Any]) -> None:
    data = json.loads(ledger["json"].read_text(encoding="utf-8"))
    sheet = openpyxl.load_workbook(ledger["xlsx"])["汇总"]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    c01 = _rows_of(data, "c01_xuncha_basic.txt")
    organ = rows["中共桐溪县财政局党组"]
    assert organ[1:3] == (1, len(c01))
    done = sum(r["status_class"] == "done" for r in c01) / len(c01)
    assert organ[3] == pytest.approx(done, abs=1e-4)
    assert sum(organ[3:]) == pytest.approx(1.0, abs=1e-3)
    total = rows["合计"]
    assert total[1:3] == (len(NOTICES), len(data["rows"]))


def test_csv_has_a_bom_and_reads_back(ledger: dict[str, Any]) -> None:
    raw = ledger["csv"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    data = json.loads(ledger["json"].read_text(encoding="utf-8"))
    assert len(rows) == len(data["rows"])
    assert rows[0]["path"] == data["rows"][0]["path"]
    assert rows[0]["problem"] == data["rows"][0]["problem"]
    assert rows[0]["measures_text"] == data["rows"][0]["measures_text"]


def test_csv_cells_never_start_a_formula(tmp_path: Path) -> None:
    assert neutralise('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert neutralise("+1") == "'+1" and neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise("-2") == "'-2" and neutralise("关于…的问题") == "关于…的问题"
    target = tmp_path / "x.csv"
    write_csv([{"path": "a.txt", "problem": "=1+1", "codes": ["NL103"]}], target)
    rows = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))
    header = rows[0]
    assert rows[1][header.index("problem")] == "'=1+1"
    assert rows[1][header.index("codes")] == "NL103"


def test_deadlines_named_in_the_measures() -> None:
    suffix = re.compile(bundled_profile("xuncha").ledger.deadline_suffix)
    anchor = dt.date(2024, 6, 18)
    text = "一是2024年11月底前完成制度修订；二是12月15日前完成清退；三是于3月完成培训。"
    assert find_deadlines(text, suffix, anchor) == [dt.date(2024, 11, 30), dt.date(2024, 12, 15)]
    assert find_deadlines("9月10日以前整改到位。", suffix, anchor) == [dt.date(2024, 9, 10)]
    assert find_deadlines("2025年1月前全部完成。", suffix, anchor) == [dt.date(2025, 1, 31)]
    # a bare month is a deadline only before 前: 12月份 and 3月 are not
    assert find_deadlines("12月份起实行，11月前完成。", suffix, anchor) == [dt.date(2024, 11, 30)]
    assert find_deadlines("于3月完成培训。", suffix, anchor) == []


def test_done_with_a_deadline_after_the_signature_is_flagged(tmp_path: Path) -> None:
    text = COMPLIANT[0].read_text(encoding="utf-8")
    text = text.replace(
        "方便企业查询申报。",
        "方便企业查询申报，2024年12月底前完成全部清单公开。",
        1,
    )
    notice = tmp_path / "n.txt"
    notice.write_text(text, encoding="utf-8")
    out = tmp_path / "l.json"
    run("ledger", str(notice), "--json", str(out), "--no-cache")
    rows = json.loads(out.read_text(encoding="utf-8"))["rows"]
    third = rows[2]  # 3.关于助企纾困政策落实不够精准的问题 — 已完成整改。
    assert third["deadlines"] == ["2024-12-31"]
    assert third["status_class"] == "done"
    assert third["flags"] == ["done_before_deadline"]
    assert [r for r in rows if "done_before_deadline" in r["flags"]] == [third]


def test_parallel_cached_and_serial_ledgers_agree(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(5):  # 55 files: above the pool's threshold
        for p in NOTICES:
            shutil.copy(p, folder / f"{i}_{p.name}")
    outs = []
    for extra in (["--jobs", "1", "--no-cache"], ["--jobs", "2", "--cache-dir", str(tmp_path / "c")],
                  ["--jobs", "2", "--cache-dir", str(tmp_path / "c")]):  # fmt: skip
        out = tmp_path / f"l{len(outs)}.json"
        result = run("ledger", str(folder), "--json", str(out), *extra)
        assert result.returncode == 1, result.stderr
        outs.append(out.read_text(encoding="utf-8"))
    assert outs[0] == outs[1] == outs[2]
    assert len(json.loads(outs[0])["rows"]) == 5 * sum(leaf_count(p) for p in NOTICES)


def test_compliant_notices_exit_zero_and_usage_errors(tmp_path: Path) -> None:
    result = run("ledger", *(str(p) for p in COMPLIANT), "--csv", str(tmp_path / "x.csv"))
    assert result.returncode == 0, result.stderr
    assert run("ledger", str(tmp_path / "nothing")).returncode == 2
    missing_dir = tmp_path / "no" / "such" / "l.xlsx"
    result = run("ledger", str(COMPLIANT[0]), "--xlsx", str(missing_dir))
    assert result.returncode == 2 and "无法写入" in result.stderr


def test_dask_cluster_gives_the_identical_ledger(tmp_path: Path) -> None:
    import distributed  # a dev dependency: the dask path is tested, never skipped

    local = tmp_path / "local.json"
    assert run("ledger", *map(str, NOTICES), "--json", str(local), "--no-cache").returncode == 1
    on_dask = tmp_path / "dask.json"
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        result = run(
            "ledger", *map(str, NOTICES), "--json", str(on_dask), "--no-cache",
            "--dask-scheduler", cluster.scheduler_address,
        )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert on_dask.read_text(encoding="utf-8") == local.read_text(encoding="utf-8")
