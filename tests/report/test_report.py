"""The corpus report: aggregates, JSON/CSV outputs, parallel and cached runs, dask."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from noticelint.batch import work
from noticelint.batch.job import Job, Options
from noticelint.batch.runner import run_jobs
from noticelint.report.aggregate import Aggregator
from noticelint.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted((ROOT / "corpus").glob("*.txt"))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "noticelint", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for p in CORPUS:
        shutil.copy(p, folder / p.name)
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 200)
    return folder


def _without_time(report: dict[str, Any]) -> dict[str, Any]:
    out = dict(report)
    out.pop("generated")
    out["per_file"] = [{**f, "seconds": 0} for f in out["per_file"]]
    return out


def test_report_json_and_csv_agree_with_check(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    out_json, out_csv = tmp_path / "r.json", tmp_path / "r.csv"
    result = run(
        "report", str(folder), "--json", str(out_json), "--csv", str(out_csv), "--no-cache"
    )
    assert result.returncode == 1
    assert "报告：6 个文件" in result.stderr
    report = json.loads(out_json.read_text(encoding="utf-8"))
    check = json.loads(run("check", str(folder), "--output-format", "json").stdout)
    assert report["files"] == 6 and report["readable"] == 5 and report["unreadable"] == 1
    assert report["errors"] + report["warnings"] + report["infos"] == len(check)
    by_rule = {r["code"]: r for r in report["rules"]}
    for code in {d["code"] for d in check}:
        assert by_rule[code]["diagnostics"] == sum(d["code"] == code for d in check)
        files = {d["path"] for d in check if d["code"] == code}
        assert by_rule[code]["files"] == len(files)
    assert by_rule["NL001"]["files"] == 1
    assert by_rule["NL101"]["pass_rate"] == pytest.approx(3 / 5)  # 000 and 001 lack a title
    assert report["completeness"]["disclosure"] == pytest.approx(2 / 5)  # 001 and 003
    organs = {o["key"]: o["files"] for o in report["organs"]}
    assert organs["中共惠安县教育局党组"] == 1
    years = {y["key"] for y in report["years"]}
    assert {"2023", "2024", "2025"} <= years
    assert report["top"][0]["files"] >= report["top"][-1]["files"]
    paths = [f["path"] for f in report["per_file"]]
    assert paths == sorted(paths)
    rows = list(csv.DictReader(io.StringIO(out_csv.read_text(encoding="utf-8-sig"))))
    assert [r["path"] for r in rows] == paths
    broken = next(r for r in rows if r["path"].endswith("broken.txt"))
    assert broken["readable"] == "0" and broken["codes"] == "NL001"
    # the documented score: the sum of its parts; the unreadable file has none
    assert broken["score"] == "" and report["unscored"] == [broken["path"]]
    for f in report["per_file"]:
        if f["readable"]:
            parts = f["score_parts"]
            assert f["score"] == round(parts["parts"] + parts["structure"] + parts["typography"], 2)


def _jobs(folder: Path) -> list[Job]:
    return [Job(str(p), Settings()) for p in sorted(folder.glob("*.txt"))]


def _report(results: Any) -> dict[str, Any]:
    with Aggregator() as agg:
        for r in results:
            agg.add(r)
        header = agg.header()
        header["per_file"] = [r["summary"] for r in agg.results()]
    return _without_time(header)


def test_parallel_workers_give_the_same_report(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    jobs = _jobs(folder) * 10  # enough to use the pool
    options = Options(cache_dir=None, include_text=False)
    serial = _report(run_jobs(jobs, options, workers=1))
    parallel = _report(run_jobs(jobs, options, workers=2))
    assert parallel == serial


def test_second_run_comes_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _corpus(tmp_path)
    options = Options(cache_dir=str(tmp_path / "cache"), include_text=True)
    first = _report(run_jobs(_jobs(folder), options))
    assert len(list((tmp_path / "cache").rglob("*.json.z"))) == 6  # one entry per file

    import noticelint.lint

    def no_linting(*args: object, **kwargs: object) -> None:
        raise AssertionError("a cached file was linted again")

    monkeypatch.setattr(noticelint.lint, "check_document", no_linting)
    second = _report(run_jobs(_jobs(folder), options))
    assert second == first
    # a changed file is linted again
    (folder / CORPUS[0].name).write_text("改动后的文本", encoding="utf-8")
    with pytest.raises(AssertionError, match="linted again"):
        list(run_jobs(_jobs(folder), options))


def test_the_same_bytes_under_another_name_reuse_the_cache(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    options = Options(cache_dir=str(tmp_path / "cache"), include_text=False)
    list(run_jobs(_jobs(folder), options))
    copy = folder / "copy.txt"
    shutil.copy(CORPUS[2], copy)
    (result,) = list(run_jobs([Job(str(copy), Settings())], options))
    assert result.summary is not None and result.summary["path"] == str(copy)
    assert {d["path"] for d in result.summary["diagnostics"]} == {str(copy)}


def test_aggregation_keeps_only_an_index_per_file_in_memory(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    options = Options(cache_dir=None, include_text=True)
    with Aggregator() as agg:
        for r in run_jobs(_jobs(folder), options):
            agg.add(r)
        index = agg._spill._index
        assert all(len(entry) == 3 for entry in index)  # path, offset, length
        per_file = [v for o in (agg, agg._spill) for v in vars(o).values() if isinstance(v, list)]
        # no per-file diagnostics or texts in memory; only the paths of the files that
        # get no score (not notices: here the broken one) are listed apart
        assert per_file == [agg.unscored, index]
        assert [Path(p).name for p in agg.unscored] == ["broken.txt"]
        texts = [r["text"] for r in agg.results()]
    assert all(t is None or "巡察" in t for t in texts)


def test_dask_local_cluster_gives_the_identical_report(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    folder = _corpus(tmp_path)
    options = Options(cache_dir=None, include_text=False)
    local = _report(run_jobs(_jobs(folder), options))
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        on_dask = _report(
            run_jobs(_jobs(folder), options, dask_scheduler=cluster.scheduler_address)
        )
        cli_json = tmp_path / "dask.json"
        result = run(
            "report", str(folder), "--json", str(cli_json), "--no-cache",
            "--dask-scheduler", cluster.scheduler_address,
        )  # fmt: skip
    assert on_dask == local
    assert result.returncode == 1, result.stderr
    assert json.loads(cli_json.read_text(encoding="utf-8"))["files"] == 6


def test_report_without_input_is_a_usage_error(tmp_path: Path) -> None:
    assert run("report", str(tmp_path / "missing")).returncode == 2


def test_summary_unreadable_file_is_nl001(tmp_path: Path) -> None:
    bad = tmp_path / "x.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    result = work.process(Job(str(bad), Settings()), Options(None, False))
    s = result.summary
    assert s is not None
    assert not s["readable"] and [d["code"] for d in s["diagnostics"]] == ["NL001"]
