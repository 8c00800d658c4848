"""Configuration files and profiles: discovery, inheritance, overrides, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from noticelint.config import ConfigError, ConfigResolver, effective_settings, load_config
from noticelint.profile import ProfileError, available_profiles, load_profile
from noticelint.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SEED_002 = ROOT / "corpus" / "002_10fbd8575067efed.txt"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "noticelint", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        check=False,
    )


def codes_of(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [d["code"] for d in json.loads(result.stdout)]


def test_bundled_profiles_load_and_strict_raises_title_and_period_to_errors() -> None:
    assert {"xuncha", "xunshi", "strict"} <= set(available_profiles())
    strict = load_profile("strict")
    assert strict.severity == {"NL101": "error", "NL201": "error"}
    assert strict.problems.require_status is True
    # strict extends xuncha: everything else is inherited key by key
    assert strict.status.done == load_profile("xuncha").status.done
    assert load_profile("xunshi").inspection_word == "巡视"


def test_bad_profile_names_the_file_the_key_and_what_was_expected(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('extends = "xuncha"\n[disclosure]\nmin-days = "twenty"\n', encoding="utf-8")
    with pytest.raises(ProfileError) as err:
        load_profile(str(bad))
    message = str(err.value)
    assert str(bad) in message and "disclosure.min-days" in message and "integer" in message


def test_profile_with_a_broken_regex_is_rejected(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'extends = "xuncha"\n[closing]\nrequired = ["欢迎(", "监督"]\n', encoding="utf-8"
    )
    with pytest.raises(ProfileError, match=r"closing\.required"):
        load_profile(str(bad))


def test_closest_config_wins_and_pyproject_table_is_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.noticelint]\nignore = ["NL201"]\n', encoding="utf-8"
    )
    inner = tmp_path / "drafts"
    inner.mkdir()
    (inner / "noticelint.toml").write_text('ignore = ["NL302"]\n', encoding="utf-8")
    resolver = ConfigResolver()
    outer_cfg = resolver.for_path(tmp_path / "a.txt")
    inner_cfg = resolver.for_path(inner / "b.txt")
    assert outer_cfg is not None and outer_cfg.config.ignore == ["NL201"]
    assert inner_cfg is not None and inner_cfg.config.ignore == ["NL302"]


def test_extend_merges_key_by_key(tmp_path: Path) -> None:
    (tmp_path / "base.toml").write_text(
        'ignore = ["NL204"]\nfail-on = "error"\n[severity]\nNL101 = "error"\nNL201 = "error"\n',
        encoding="utf-8",
    )
    child = tmp_path / "noticelint.toml"
    child.write_text('extend = "base.toml"\n[severity]\nNL201 = "info"\n', encoding="utf-8")
    resolved = load_config(child)
    assert resolved is not None
    assert resolved.config.ignore == ["NL204"]
    assert resolved.config.fail_on == "error"
    assert resolved.config.severity == {"NL101": "error", "NL201": "info"}
    assert len(resolved.sources) == 2


def test_circular_extend_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text('extend = "b.toml"\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text('extend = "a.toml"\n', encoding="utf-8")
    with pytest.raises(ConfigError):
        load_config(tmp_path / "a.toml")


def test_per_file_ignores_apply_by_glob(tmp_path: Path) -> None:
    cfg = tmp_path / "noticelint.toml"
    cfg.write_text('[per-file-ignores]\n"old/*.txt" = ["NL2"]\n', encoding="utf-8")
    resolved = load_config(cfg)
    old = effective_settings(Settings(), resolved, tmp_path / "old" / "x.txt")
    new = effective_settings(Settings(), resolved, tmp_path / "new" / "x.txt")
    assert not old.enabled("NL201") and old.enabled("NL301")
    assert new.enabled("NL201")


def test_command_line_select_replaces_and_ignore_adds(tmp_path: Path) -> None:
    cfg = tmp_path / "noticelint.toml"
    cfg.write_text('select = ["NL3"]\nignore = ["NL306"]\n', encoding="utf-8")
    resolved = load_config(cfg)
    s = effective_settings(Settings(), resolved, tmp_path / "x.txt", cli_ignore=["NL302"])
    assert s.enabled("NL301") and not s.enabled("NL302") and not s.enabled("NL306")
    assert not s.enabled("NL201")
    s = effective_settings(Settings(), resolved, tmp_path / "x.txt", cli_select=["NL2"])
    assert s.enabled("NL201") and not s.enabled("NL301")


def test_check_uses_the_config_found_upward_from_each_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "notice.txt"
    target.parent.mkdir()
    target.write_bytes(SEED_002.read_bytes())
    (tmp_path / "noticelint.toml").write_text(
        'ignore = ["NL4"]\n[severity]\nNL302 = "error"\n', encoding="utf-8"
    )
    result = run("check", str(tmp_path), "--output-format", "json")
    data = json.loads(result.stdout)
    assert not any(d["code"].startswith("NL4") for d in data)
    assert {d["severity"] for d in data if d["code"] == "NL302"} == {"error"}
    assert result.returncode == 1


def test_severity_override_to_info_lets_fail_on_warning_pass(tmp_path: Path) -> None:
    target = tmp_path / "n.txt"
    target.write_bytes((ROOT / "corpus" / "004_c1a0f492ae13c4e0.txt").read_bytes())
    cfg = tmp_path / "noticelint.toml"
    cfg.write_text('select = ["NL2", "NL3"]\n[severity]\nNL201 = "info"\nNL302 = "info"\n')
    result = run("check", str(target), "--output-format", "json")
    assert result.returncode == 0, result.stdout
    assert sorted(set(codes_of(result))) == ["NL201", "NL302"]


def test_fail_on_from_config_and_overridden_on_the_command_line(tmp_path: Path) -> None:
    target = tmp_path / "n.txt"
    target.write_bytes(SEED_002.read_bytes())
    # seed 002's one error (NL501, 一 then 三) is ignored: warnings only remain
    (tmp_path / "noticelint.toml").write_text(
        'fail-on = "error"\nignore = ["NL501"]\n', encoding="utf-8"
    )
    assert run("check", str(target), "--output-format", "json").returncode == 0
    assert run("check", str(target), "--fail-on", "info", "--output-format", "json").returncode == 1


def test_invalid_config_is_exit_2_with_file_and_key(tmp_path: Path) -> None:
    target = tmp_path / "n.txt"
    target.write_bytes(SEED_002.read_bytes())
    (tmp_path / "noticelint.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    result = run("check", str(target))
    assert result.returncode == 2
    assert "noticelint.toml" in result.stderr and "fail-on" in result.stderr


def test_explicit_config_option_and_profile_path_relative_to_it(tmp_path: Path) -> None:
    (tmp_path / "mine.toml").write_text(
        'extends = "xuncha"\n[disclosure]\nmin-days = 30\n', encoding="utf-8"
    )
    cfg = tmp_path / "lint.toml"
    cfg.write_text('profile = "mine.toml"\nselect = ["NL205"]\n', encoding="utf-8")
    seed = ROOT / "corpus" / "003_fa3816b82ff57ea8.txt"  # 21 days
    result = run("check", str(seed), "--config", str(cfg), "--output-format", "json")
    assert codes_of(result) == ["NL205"]
    assert "30" in json.loads(result.stdout)[0]["message"]


def test_config_command_prints_the_effective_settings(tmp_path: Path) -> None:
    (tmp_path / "noticelint.toml").write_text(
        'profile = "strict"\nignore = ["NL204"]\n', encoding="utf-8"
    )
    result = run("config", str(tmp_path))
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["profile"] == "strict"
    assert data["ignore"] == ["NL204"]
    assert data["severity"]["NL101"] == "error"
    assert data["config-files"] == [str((tmp_path / "noticelint.toml").resolve())]


def test_profile_is_chosen_from_the_notice_when_not_named() -> None:
    from noticelint.profile import choose_profile

    assert (
        choose_profile("中共某省交通运输厅党组关于省委第三巡视组反馈意见整改进展情况的通报")
        == "xunshi"
    )
    assert choose_profile(SEED_002.read_text(encoding="utf-8")) == "xuncha"


def test_verbose_output_shows_the_profile_chosen_for_each_file() -> None:
    xunshi = ROOT / "tests" / "fixtures" / "compliant" / "c04_xunshi_province.txt"
    result = run("check", str(SEED_002), str(xunshi), "-v", "--output-format", "json")
    assert "规则配置 xuncha（按通报内容自动选择）" in result.stderr
    assert "规则配置 xunshi（按通报内容自动选择）" in result.stderr
    named = run("check", str(SEED_002), "-v", "--profile", "strict", "--output-format", "json")
    assert "规则配置 strict（指定）" in named.stderr


def test_config_errors_are_in_chinese_with_the_dotted_key_and_a_suggestion(
    tmp_path: Path,
) -> None:
    target = tmp_path / "n.txt"
    target.write_bytes(SEED_002.read_bytes())
    (tmp_path / "pyproject.toml").write_text(
        '[tool.noticelint]\nignor = ["NL201"]\nextends = "base.toml"\ntimeout = "abc"\n',
        encoding="utf-8",
    )
    result = run("check", str(target))
    assert result.returncode == 2
    err = result.stderr
    assert "pyproject.toml" in err
    assert "未知的配置项“tool.noticelint.ignor”，您是不是要写“tool.noticelint.ignore”？" in err
    assert "未知的配置项“tool.noticelint.extends”，您是不是要写“tool.noticelint.extend”？" in err
    assert "“tool.noticelint.timeout”应为一个数" in err
    for english in ("Extra inputs", "Input should", "Value error", "key '"):
        assert english not in err
    assert err.endswith("\n")
