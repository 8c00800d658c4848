"""The HTML report: a self-contained page (plus, for a large corpus, its sidecar
folder of drill-downs), streamed.

The page works offline (no network URL is ever fetched: a Content-Security-Policy forbids
it, and only the page's own inline script, pinned by its hash, and the sidecar's shard
scripts beside it may run). Everything the header
describes (key figures, charts, the rule/organ/year tables) is rendered here, in Python,
as escaped HTML and inline SVG. The per-file data is streamed into a
``<script type="application/json" id="files">`` island, one file at a time, and a small
inline script renders the file list from it (paginated, sortable, filterable) and the
drill-down of one notice (its text with every diagnostic's span in a ``<mark>``).
A file's text and diagnostics are packed and either embedded in its row or, for a large
corpus, written to the :class:`Sidecar` folder's shards, which the script loads (as
scripts from the page's own location) only when a drill-down of theirs opens.

Every string from the data is escaped: ``html.escape`` in the markup, and in the JSON
island ``<``, ``>`` and ``&`` are written as ``\\u003c`` ``\\u003e`` ``\\u0026`` so that no
``</script>`` can close it. The script builds the DOM with ``textContent``/``append``
only, never ``innerHTML``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from html import escape
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from noticelint.report.model import PART_NAMES, SCORE_PART_NAMES

__all__ = ["SCORE_DEFINITION", "Sidecar", "pack", "render_html", "script_json", "unpack"]

SEVERITY_NAMES: dict[str, str] = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_COLORS: dict[str, str] = {"error": "#c0392b", "warning": "#d4880f", "info": "#2f80c4"}

#: The compliance score, as documented in :mod:`noticelint.report.model` and docs/report.md.
SCORE_DEFINITION: tuple[str, ...] = (
    "单份通报的得分由三部分相加（默认权重，可在规则配置 [score] 中调整）："
    "必备要素 45 分（标题、开头、整改进展部分、每个问题的整改进展、结束语、公开期限、"
    "完整联系方式、落款机关、成文日期，按具备的比例计分）；"
    "结构与内容 45 分（结构性规则的每处诊断扣分：错误 6 分、警告 3 分、提示 1 分，扣完为止）；"
    "文字规范 10 分（标点、空白、序号括号等文字规范问题按种类扣分，每种 2 分，同一种出现多少处都只扣一次）。",
    "无法读取（NL001）或不是整改进展情况通报（NL002）的文件不评分，不计入任何平均值，单独列出。",
    "总体合规得分是评分文件得分的算术平均值；按机关、按年份统计中的得分是该组评分文件得分的平均值。",
    "规则的通过率是可读取的文件中没有该规则任何诊断的文件所占的比例；要素完整率是可读取的文件中"
    "具备该要素的文件所占的比例。",
)


@cache
def asset(name: str) -> str:
    """A stylesheet or script of the page (``report/assets/``, package data)."""
    return resources.files("noticelint.report").joinpath("assets", name).read_text("utf-8")


@cache
def script_hash() -> str:
    """The CSP hash that lets exactly the page's own script run."""
    digest = hashlib.sha256(asset("report.js").encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


_DIAGNOSTIC_KEYS = ("code", "severity", "message", "line", "column", "end_line", "end_column")


def _e(value: object) -> str:
    """``value`` as escaped HTML text (also safe inside a quoted attribute)."""
    return escape("" if value is None else str(value), quote=True)


def script_json(value: object) -> str:
    """JSON that is safe inside a ``<script>`` element (no ``<``, ``>`` or ``&`` at all)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _ranges(d: Mapping[str, Any]) -> list[list[int]] | None:
    """The marks a finding is about: its fix's non-empty edits (NL801: each half-width
    comma), or None when the finding's own span says it best."""
    fix = d.get("fix") or {}
    out = [
        [e["line"], e["column"], e["end_line"], e["end_column"]]
        for e in fix.get("edits") or ()
        if (e["line"], e["column"]) != (e["end_line"], e["end_column"])
    ]
    return out or None


def _slim(file: Mapping[str, Any]) -> dict[str, Any]:
    """What the page needs of one file, compact: the list's fields in the clear, the
    text and the diagnostics packed (zlib, base64) as ``"z"`` until a drill-down opens.

    Each diagnostic becomes ``[code, severity, message, line, column, end_line,
    end_column, fix, ranges]``: ``fix`` the fix's applicability or null, ``ranges`` the
    marks it is about (see :func:`_ranges`); the rule's name comes from the page's rule
    table.
    """
    skip = ("diagnostics", "seconds", "text")
    out = {k: v for k, v in file.items() if k not in skip}
    found = list(file.get("diagnostics") or ())
    diagnostics = [
        [
            *(d.get(k) for k in _DIAGNOSTIC_KEYS),
            (d.get("fix") or {}).get("applicability"),
            _ranges(d),
        ]
        for d in found
    ]
    out["codes"] = sorted({str(d.get("code")) for d in found})
    out["z"] = pack({"text": file.get("text"), "diagnostics": diagnostics})
    return out


def pack(value: object) -> str:
    """``value`` as zlib-compressed JSON in base64 (the page unpacks it with
    ``DecompressionStream("deflate")``)."""
    raw = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "replace")
    return base64.b64encode(zlib.compress(raw, 6)).decode("ascii")


def unpack(text: str) -> Any:
    """The inverse of :func:`pack` (for tests and tools)."""
    return json.loads(zlib.decompress(base64.b64decode(text)).decode("utf-8"))


def _inline_code(text: object) -> str:
    """Escaped text whose `backticked` pieces are shown as ``<code>``."""
    pieces = str(text or "").split("`")
    return "".join(f"<code>{_e(p)}</code>" if i % 2 else _e(p) for i, p in enumerate(pieces))


_CLAUSE_END = re.compile(r"[，。；：（`]")


def short_summary(summary: object) -> str:
    """A rule summary's first clause, for a chart label (中文文本中使用了半角标点)."""
    text = str(summary or "")
    return _CLAUSE_END.split(text, maxsplit=1)[0].strip() or text


def _num(value: object, digits: int = 1) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "—"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.{digits}f}"


def _pct(share: object) -> str:
    if isinstance(share, bool) or not isinstance(share, int | float):
        return "—"
    return f"{share * 100:.1f}%"


def _score_color(score: float) -> str:
    if score >= 90:
        return "#1e8449"
    if score >= 60:
        return "#d4880f"
    return "#c0392b"


def _score_class(score: float) -> str:
    return "good" if score >= 90 else "fair" if score >= 60 else "poor"


def _text_width(text: str) -> float:
    """An estimate of ``text``'s width in px at the charts' 12px font."""
    return sum(12.0 if ord(ch) >= 0x2E80 else 6.8 for ch in text)


def _configs(header: Mapping[str, Any]) -> str:
    """Which configuration files governed the files of the report (--isolated: none)."""
    if header.get("isolated"):
        return "无（--isolated，忽略所有配置文件）"
    return "、".join(header.get("configs") or []) or "无（默认设置）"


def _when(iso: object) -> str:
    """An ISO timestamp as "2025-01-01 08:00（UTC+08:00）"."""
    import datetime as dt

    try:
        moment = dt.datetime.fromisoformat(str(iso))
    except ValueError:
        return str(iso or "")
    text = f"{moment:%Y-%m-%d %H:%M}"
    offset = moment.strftime("%z")
    if offset:
        text += f"（UTC{offset[:3]}:{offset[3:]}）"
    return text


# ---------------------------------------------------------------- charts (inline SVG)


def _svg_empty(title: str) -> str:
    return (
        f'<svg class="chart" viewBox="0 0 560 80" role="img" aria-label="{_e(title)}">'
        '<text x="280" y="45" text-anchor="middle" class="muted">暂无数据</text></svg>'
    )


_UNBREAKABLE = re.compile(r"[A-Za-z0-9]+|.", re.S)


def _wrap(text: str, width: float) -> list[str]:
    """``text`` broken into lines of at most ``width`` px (never cut: every character
    is shown, at any page width)."""
    lines, line = [], ""
    for piece in _UNBREAKABLE.findall(text):  # Latin words and numbers stay whole
        if line and _text_width(line + piece) > width:
            lines.append(line)
            line = ""
        line += piece
    return [*lines, line] if line or not lines else lines


def _hbar_chart(
    title: str,
    rows: list[tuple[str, float, str, str, str]],
    maximum: float,
) -> str:
    """Horizontal bars: (label, value, value text, colour, tooltip) per row. Long labels
    wrap onto more lines (the row grows) instead of being cut."""
    if not rows:
        return _svg_empty(title)
    width, label_w, value_w, line_h, top = 560, 190, 92, 14, 6
    bar_w = width - label_w - value_w - 8
    wrapped = [_wrap(label, label_w - 36) for label, *_ in rows]  # margin: font metrics vary
    heights = [max(26, line_h * len(lines) + 12) for lines in wrapped]
    height = top * 2 + sum(heights)
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{_e(title)}">'
    ]
    scale = bar_w / maximum if maximum > 0 else 0.0
    y = top
    for (_, value, value_text, color, tip), lines, row_h in zip(
        rows, wrapped, heights, strict=True
    ):
        w = max(0.0, value * scale)
        mid = y + row_h / 2
        first = mid - line_h * (len(lines) - 1) / 2 + 4
        label = "".join(
            f'<tspan x="{label_w - 8}" y="{first + k * line_h:.1f}">{_e(t)}</tspan>'
            for k, t in enumerate(lines)
        )
        parts.append(
            f"<g><title>{_e(tip)}</title>"
            f'<text text-anchor="end" class="label">{label}</text>'
            f'<rect x="{label_w}" y="{mid - 8:.1f}" width="{bar_w}" height="16" rx="3" class="track"/>'
            f'<rect x="{label_w}" y="{mid - 8:.1f}" width="{w:.1f}" height="16" rx="3" fill="{color}"/>'
            f'<text x="{label_w + bar_w + 8}" y="{mid + 4:.1f}" class="value">{_e(value_text)}</text>'
            "</g>"
        )
        y += row_h
    parts.append("</svg>")
    return "".join(parts)


def _rule_chart(header: Mapping[str, Any]) -> str:
    top = [r for r in header.get("top") or () if r.get("files")]
    if not top:
        top = sorted(
            (r for r in header.get("rules") or () if r.get("files")),
            key=lambda r: (-r["files"], -r["diagnostics"], r["code"]),
        )
    top = top[:15]
    maximum = max((r["files"] for r in top), default=0)
    rows = [
        (
            f"{r['code']} {short_summary(r.get('summary')) or r['name']}",
            float(r["files"]),
            f"{r['files']} 份 · {r['diagnostics']} 处",
            SEVERITY_COLORS.get(r.get("severity", ""), "#777"),
            f"{r['code']} {r['name']}（{SEVERITY_NAMES.get(r.get('severity', ''), '')}）："
            f"{str(r.get('summary', '')).replace('`', '')}\n"
            f"涉及 {r['files']} 份文件，共 {r['diagnostics']} 处，通过率 {_pct(r.get('pass_rate'))}",
        )
        for r in top
    ]
    return _hbar_chart("各规则涉及的文件数", rows, float(maximum))


def _scored(groups: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Groups with a mean score (a group of non-notices only has none)."""
    return [g for g in groups if g.get("score") is not None]


def _organ_chart(header: Mapping[str, Any]) -> str:
    organs = sorted(_scored(header.get("organs") or ()), key=lambda g: (-g["files"], g["key"]))[:12]
    rows = [
        (
            str(g["key"]),
            float(g["score"]),
            f"{g['score']:.1f} 分 · {g['files']} 份",
            _score_color(g["score"]),
            f"{g['key']}：{g['files']} 份，平均得分 {g['score']:.1f}，"
            f"错误 {g['errors']}，警告 {g['warnings']}，提示 {g['infos']}",
        )
        for g in organs
    ]
    return _hbar_chart("各机关的平均得分", rows, 100.0)


def _completeness_chart(header: Mapping[str, Any]) -> str:
    completeness: Mapping[str, float] = header.get("completeness") or {}
    rows = []
    for key, name in PART_NAMES.items():
        if key not in completeness:
            continue
        share = float(completeness[key])
        rows.append(
            (
                name,
                share * 100,
                _pct(share),
                _score_color(share * 100),
                f"{name}：{_pct(share)} 的可读取文件具备",
            )
        )
    for key, share in completeness.items():  # parts the model may add later
        if key not in PART_NAMES:
            rows.append((key, float(share) * 100, _pct(share), "#2f80c4", f"{key}：{_pct(share)}"))
    return _hbar_chart("必备要素完整率", rows, 100.0)


def _year_chart(header: Mapping[str, Any]) -> str:
    years = sorted(_scored(header.get("years") or ()), key=lambda g: str(g["key"]))
    title = "各年份的平均得分"
    if not years:
        return _svg_empty(title)
    if len(years) > 14:  # too many columns: horizontal bars read better
        rows = [
            (
                str(g["key"]),
                float(g["score"]),
                f"{g['score']:.1f} 分 · {g['files']} 份",
                _score_color(g["score"]),
                f"{g['key']} 年：{g['files']} 份，平均得分 {g['score']:.1f}",
            )
            for g in years
        ]
        return _hbar_chart(title, rows, 100.0)
    width, height, left, bottom, top = 560, 250, 40, 44, 22
    plot_h = height - bottom - top
    plot_w = width - left - 10
    slot = plot_w / len(years)
    bar = min(56.0, slot * 0.6)
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{title}">']
    for tick in (0, 25, 50, 75, 100):
        y = top + plot_h * (1 - tick / 100)
        parts.append(
            f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" class="tick">{tick}</text>'
        )
    for i, g in enumerate(years):
        score = float(g["score"])
        x = left + slot * i + (slot - bar) / 2
        h = plot_h * max(0.0, min(score, 100.0)) / 100
        y = top + plot_h - h
        cx = x + bar / 2
        parts.append(
            f"<g><title>{_e(g['key'])} 年：{g['files']} 份，平均得分 {score:.1f}，"
            f"错误 {g['errors']}，警告 {g['warnings']}，提示 {g['infos']}</title>"
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" rx="3" '
            f'fill="{_score_color(score)}"/>'
            f'<text x="{cx:.1f}" y="{y - 6:.1f}" text-anchor="middle" class="value">{score:.1f}</text>'
            f'<text x="{cx:.1f}" y="{height - bottom + 18}" text-anchor="middle" class="label">'
            f"{_e(g['key'])}</text>"
            f'<text x="{cx:.1f}" y="{height - bottom + 34}" text-anchor="middle" class="tick">'
            f"{g['files']} 份</text></g>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _score_ring(score: float | None) -> str:
    if score is None:
        return (
            '<svg class="ring" viewBox="0 0 130 130" role="img" aria-label="总体合规得分">'
            '<circle cx="65" cy="65" r="52" class="ring-track"/>'
            '<text x="65" y="70" text-anchor="middle" class="ring-value">—</text></svg>'
        )
    radius = 52
    circumference = 2 * 3.141592653589793 * radius
    filled = circumference * max(0.0, min(score, 100.0)) / 100
    return (
        '<svg class="ring" viewBox="0 0 130 130" role="img" aria-label="总体合规得分">'
        f'<circle cx="65" cy="65" r="{radius}" class="ring-track"/>'
        f'<circle cx="65" cy="65" r="{radius}" class="ring-bar" stroke="{_score_color(score)}" '
        f'stroke-dasharray="{filled:.1f} {circumference:.1f}" transform="rotate(-90 65 65)"/>'
        f'<text x="65" y="70" text-anchor="middle" class="ring-value">{score:.1f}</text>'
        '<text x="65" y="92" text-anchor="middle" class="ring-label">/ 100</text></svg>'
    )


# ---------------------------------------------------------------- tables


def _th(label: str, kind: str = "text", title: str = "") -> str:
    tip = f' title="{_e(title)}"' if title else ""
    return f'<th data-type="{kind}" tabindex="0"{tip}>{_e(label)}</th>'


def _td_num(value: object, cls: str = "") -> str:
    v = value if isinstance(value, int | float) and not isinstance(value, bool) else ""
    klass = f' class="num {cls}"' if cls else ' class="num"'
    return f'<td{klass} data-v="{v}">{_num(value)}</td>'


def _rule_table(header: Mapping[str, Any]) -> str:
    rules = list(header.get("rules") or ())
    head = "".join(
        (
            _th("代码"),
            _th("名称"),
            _th("级别"),
            _th("说明"),
            _th("涉及文件", "num"),
            _th("诊断数", "num"),
            _th("通过率", "num", "可读取的文件中没有该规则诊断的比例"),
        )
    )
    body = []
    for r in rules:
        sev = str(r.get("severity", ""))
        rate = float(r.get("pass_rate", 0.0))
        hit = " hit" if r.get("files") else ""
        body.append(
            f'<tr data-severity="{_e(sev)}" class="rule-row{hit}">'
            f'<td><button type="button" class="link rule-link" data-rule="{_e(r.get("code"))}" '
            f'title="在文件列表中只看有此规则诊断的文件">{_e(r.get("code"))}</button></td>'
            f"<td>{_e(r.get('name'))}</td>"
            f'<td data-v="{_e(sev)}"><span class="sev sev-{_e(sev)}">'
            f"{_e(SEVERITY_NAMES.get(sev, sev))}</span></td>"
            f'<td class="summary">{_inline_code(r.get("summary"))}</td>'
            f"{_td_num(r.get('files'))}{_td_num(r.get('diagnostics'))}"
            f'<td class="num" data-v="{rate}"><span class="meter"><span style="width:{rate * 100:.1f}%;'
            f'background:{_score_color(rate * 100)}"></span></span>{_pct(rate)}</td></tr>'
        )
    return (
        '<div class="controls">'
        '<input type="search" class="table-filter" data-table="rules-table" '
        'placeholder="筛选规则：代码、名称或说明" aria-label="筛选规则">'
        '<select class="table-severity" data-table="rules-table" aria-label="按级别筛选">'
        '<option value="">全部级别</option><option value="error">错误</option>'
        '<option value="warning">警告</option><option value="info">提示</option></select>'
        '<label class="check"><input type="checkbox" class="table-hit" data-table="rules-table">'
        " 只看已触发的规则</label></div>"
        '<div class="table-wrap"><table id="rules-table" class="sortable">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def _group_table(rows: Iterable[Mapping[str, Any]], table_id: str, key_label: str) -> str:
    head = "".join(
        (
            _th(key_label),
            _th("文件数", "num"),
            _th("错误", "num"),
            _th("警告", "num"),
            _th("提示", "num"),
            _th("平均得分", "num"),
        )
    )
    body = []
    for g in rows:
        score = g.get("score")
        shown = (
            f'<span class="score {_score_class(score)}">{score:.1f}</span>'
            if isinstance(score, int | float)
            else '<span class="score none">—</span>'
        )
        body.append(
            "<tr>"
            f'<td><button type="button" class="link group-link" data-q="{_e(g.get("key"))}" '
            f'title="在文件列表中筛选">{_e(g.get("key"))}</button></td>'
            f"{_td_num(g.get('files'))}{_td_num(g.get('errors'))}"
            f"{_td_num(g.get('warnings'))}{_td_num(g.get('infos'))}"
            f'<td class="num" data-v="{"" if score is None else score}">{shown}</td></tr>'
        )
    if not body:
        body.append('<tr><td colspan="6" class="muted">暂无数据</td></tr>')
    return (
        '<div class="table-wrap tall"><table id="'
        f'{table_id}" class="sortable"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


# ---------------------------------------------------------------- page


_SEVERITY_LEGEND = (
    '<div class="legend">'
    + "".join(
        f'<span><i style="background:{SEVERITY_COLORS[k]}"></i>{v}</span>'
        for k, v in SEVERITY_NAMES.items()
    )
    + "</div>"
)


def _score_legend(unit: str = "") -> str:
    return (
        f'<div class="legend"><span><i style="background:#1e8449"></i>90{unit} 及以上</span>'
        f'<span><i style="background:#d4880f"></i>60{unit}–90{unit}</span>'
        f'<span><i style="background:#c0392b"></i>60{unit} 以下</span></div>'
    )


def _card(label: str, value: str, cls: str = "", note: str = "") -> str:
    extra = f'<div class="card-note">{_e(note)}</div>' if note else ""
    return (
        f'<div class="card {cls}"><div class="card-label">{_e(label)}</div>'
        f'<div class="card-value">{_e(value)}</div>{extra}</div>'
    )


def _cards(header: Mapping[str, Any]) -> str:
    files = int(header.get("files", 0))
    readable = int(header.get("readable", 0))
    errors, warnings, infos = (int(header.get(k, 0)) for k in ("errors", "warnings", "infos"))
    rules = list(header.get("rules") or ())
    hit = sum(1 for r in rules if r.get("files"))
    per_file = (errors + warnings + infos) / readable if readable else 0.0
    return (
        '<div class="cards">'
        + _card("通报总数", _num(files), "", f"可读取 {readable:,} 份")
        + _card("无法读取", _num(int(header.get("unreadable", 0))), "muted-card")
        + _card("不评分", _num(len(header.get("unscored") or ())), "muted-card", "非通报或无法读取")
        + (
            _card("已记入基线", _num(int(header["baselined"])), "muted-card", "未计入诊断数")
            if header.get("baselined") is not None
            else ""
        )
        + _card("错误", _num(errors), "c-error")
        + _card("警告", _num(warnings), "c-warning")
        + _card("提示", _num(infos), "c-info")
        + _card("平均每份诊断", f"{per_file:.1f}", "", "处 / 份")
        + _card("已触发规则", f"{hit} / {len(rules)}", "", "条规则有诊断")
        + "</div>"
    )


def _head(header: Mapping[str, Any], sidecar: bool = False) -> str:
    scripts = f"'{script_hash()}'" + (" 'self'" if sidecar else "")
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src {scripts}; base-uri 'none'; form-action 'none'"
    )
    score = header.get("score")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="noticelint">\n'
        "<title>巡察整改进展情况通报 · 合规检查报告</title>\n"
        f"<style>{asset('report.css')}</style>\n</head>\n<body>\n"
        '<header class="top"><div class="wrap top-inner"><div>'
        '<div class="eyebrow">noticelint 合规检查报告</div>'
        "<h1>巡察（巡视）整改进展情况通报 · 合规检查报告</h1>"
        f'<p class="sub">共检查 {_num(header.get("files", 0))} 份通报 · '
        f"生成时间 {_e(_when(header.get('generated')))} · noticelint {_e(header.get('version', ''))}</p>"
        f'<p class="sub">配置文件：{_e(_configs(header))}</p>'
        "</div>"
        f'<div class="score-box">{_score_ring(score)}<div class="score-caption">总体合规得分'
        '<a href="#score-def" class="score-help" title="得分的定义">？</a></div></div>'
        "</div></header>\n"
        '<nav class="nav"><div class="wrap">'
        '<a href="#overview">概览</a><a href="#charts">图表</a><a href="#rules">按规则统计</a>'
        '<a href="#organs">按机关统计</a><a href="#years">按年份统计</a>'
        '<a href="#files-section">文件列表</a><a href="#score-def">得分说明</a>'
        '</div></nav>\n<main class="wrap">\n'
    )


@dataclass(slots=True)
class Sidecar:
    """Where the drill-downs go when they stay out of the page: shard files of
    ``shard_size`` files each, written into ``folder`` (a temporary folder, renamed by
    the caller) and loaded by the page from ``href`` (the folder's final name, relative
    to the page) with ``<script src>`` only when a drill-down of theirs opens.

    A shard is ``noticelintShard(N,["<packed>",…]);`` — each entry a file's text and
    diagnostics as :func:`pack` makes them."""

    folder: Path
    href: str
    shard_size: int = 50
    shards: int = 0
    _pending: list[str] = field(default_factory=list)

    def add(self, packed: str) -> list[int]:
        """Queue one file's packed drill-down; its place: [shard, index in shard]."""
        self._pending.append(packed)
        place = [self.shards, len(self._pending) - 1]
        if len(self._pending) >= self.shard_size:
            self.flush()
        return place

    def flush(self) -> None:
        """Write the queued drill-downs as the next shard (durably: fsync)."""
        if not self._pending:
            return
        body = f"noticelintShard({self.shards},{json.dumps(self._pending)});\n".encode("ascii")
        with open(self.folder / shard_name(self.shards), "wb") as fh:
            fh.write(body)
            fh.flush()
            os.fsync(fh.fileno())
        self.shards += 1
        self._pending.clear()


def shard_name(index: int) -> str:
    """The file name of shard ``index`` (the page's script builds the same name)."""
    return f"shard-{index:05d}.js"


def render_html(
    header: Mapping[str, Any],
    files: Iterable[Mapping[str, Any]],
    out: TextIO,
    sidecar: Sidecar | None = None,
) -> None:
    """Write the report page for ``header`` and ``files`` to ``out``, streaming.

    ``header`` is ``CorpusReport.model_dump(mode="json")`` without ``per_file``; ``files``
    yields ``FileSummary.model_dump(mode="json")`` dicts with an extra ``"text"`` (the
    notice as parsed, or ``None``). ``files`` is iterated once, each file written as
    soon as it arrives: memory does not grow with the corpus.

    Without ``sidecar`` each file's text and diagnostics are embedded, packed (``"z"``);
    with one they go to its shard files and the page keeps only where (``"s"``).
    """
    write = out.write
    write(_head(header, sidecar is not None))
    write(
        '<section id="overview"><h2>概览</h2>' + _cards(header) + "</section>\n"
        '<section id="charts"><h2>图表</h2><div class="charts">'
        '<figure class="panel"><figcaption>最常见的违规（按涉及文件数）</figcaption>'
        + _rule_chart(header)
        + _SEVERITY_LEGEND
        + '</figure><figure class="panel"><figcaption>各年份的平均得分</figcaption>'
        + _year_chart(header)
        + _score_legend()
        + '</figure><figure class="panel"><figcaption>各机关的平均得分（文件最多的 12 个机关）'
        "</figcaption>"
        + _organ_chart(header)
        + _score_legend()
        + '</figure><figure class="panel"><figcaption>必备要素完整率</figcaption>'
        + _completeness_chart(header)
        + _score_legend("%")
        + "</figure></div></section>\n"
    )
    write('<section id="rules"><h2>按规则统计</h2>' + _rule_table(header) + "</section>\n")
    write(
        '<section id="organs"><h2>按机关统计</h2><div class="controls">'
        '<input type="search" class="table-filter" data-table="organs-table" '
        'placeholder="筛选机关" aria-label="筛选机关"></div>'
        + _group_table(header.get("organs") or (), "organs-table", "发文机关")
        + "</section>\n"
    )
    write(
        '<section id="years"><h2>按年份统计</h2>'
        + _group_table(header.get("years") or (), "years-table", "年份")
        + "</section>\n"
    )
    write(_FILES_SECTION)
    write(_unscored_section(header.get("unscored") or ()))
    write(_DETAIL_SECTION)
    write(
        '<section id="score-def"><h2>得分说明</h2><div class="panel prose">'
        + "".join(f"<p>{_e(p)}</p>" for p in SCORE_DEFINITION)
        + "<p>级别：“错误”是必须改正的问题，“警告”是应当改正的问题，“提示”是建议改进之处。</p>"
        "</div></section>\n</main>\n"
        f'<footer class="wrap foot">由 noticelint {_e(header.get("version", ""))} 生成于 '
        f"{_e(_when(header.get('generated')))}。本页为独立文件，离线可用。</footer>\n"
    )
    rules = {
        str(r.get("code")): {
            "name": r.get("name"),
            "severity": r.get("severity"),
            "summary": r.get("summary"),
        }
        for r in header.get("rules") or ()
    }
    extra: dict[str, str] = {}  # names of codes the header's rule table lacks
    write('<script type="application/json" id="files">[')
    separator = "\n"
    for file in files:
        for d in file.get("diagnostics") or ():
            code = str(d.get("code"))
            if code not in rules and code not in extra:
                extra[code] = str(d.get("name") or "")
        slim = _slim(file)
        if sidecar is not None:
            slim["s"] = sidecar.add(slim.pop("z"))
        write(separator + script_json(slim))
        separator = ",\n"
    write("\n]</script>\n")
    if sidecar is not None:
        sidecar.flush()
    meta = {
        "rules": rules,
        "names": extra,
        "parts": PART_NAMES,
        "score_parts": SCORE_PART_NAMES,
        "sidecar": None if sidecar is None else sidecar.href,
    }
    write('<script type="application/json" id="meta">' + script_json(meta) + "</script>\n")
    write(f"<script>{asset('report.js')}</script>\n</body>\n</html>\n")


def _unscored_section(paths: Iterable[str]) -> str:
    """The files without a score (not notices, unreadable), listed apart."""
    items = "".join(f"<li>{_e(p)}</li>" for p in paths)
    if not items:
        return ""
    return (
        '<section id="unscored"><h2>不评分的文件</h2><div class="panel prose">'
        "<p>以下文件无法读取或不是整改进展情况通报，不评分，也不计入平均得分。</p>"
        f'<ol class="unscored">{items}</ol></div></section>\n'
    )


_FILES_SECTION = """<section id="files-section"><h2>文件列表</h2>
<div class="controls">
<input type="search" id="file-q" placeholder="筛选：文件名、机关、标题或日期" aria-label="筛选文件">
<select id="file-sev" aria-label="按级别筛选">
<option value="">全部文件</option><option value="error">有错误</option>
<option value="warning">有警告</option><option value="info">有提示</option>
<option value="clean">无任何诊断</option><option value="unreadable">无法读取</option>
</select>
<select id="file-rule" aria-label="按规则筛选"><option value="">全部规则</option></select>
<select id="file-size" aria-label="每页行数">
<option value="50">每页 50 行</option><option value="100" selected>每页 100 行</option>
<option value="500">每页 500 行</option></select>
</div>
<p class="status" id="file-status">正在载入文件列表……</p>
<div class="table-wrap"><table id="files-table">
<thead><tr>
<th data-key="path" tabindex="0">文件</th><th data-key="organ" tabindex="0">发文机关</th>
<th data-key="date" tabindex="0">成文日期</th><th data-key="errors" data-type="num" tabindex="0">错误</th>
<th data-key="warnings" data-type="num" tabindex="0">警告</th>
<th data-key="infos" data-type="num" tabindex="0">提示</th>
<th data-key="score" data-type="num" tabindex="0">得分</th>
</tr></thead><tbody></tbody></table></div>
<div class="pager" id="file-pager"></div>
<noscript><p class="muted">文件列表和通报详情需要启用 JavaScript。</p></noscript>
</section>
"""

_DETAIL_SECTION = """<section id="detail" hidden><h2 id="detail-title">通报详情</h2>
<div class="detail-meta panel" id="detail-meta"></div>
<div class="detail-grid">
<div class="panel"><h3>通报全文（违规处已标出，悬停查看说明）</h3><div id="detail-text" class="notice-text"></div></div>
<aside class="panel diag-panel"><h3 id="diag-title">诊断</h3><ol id="diag-list" class="diag-list"></ol></aside>
</div>
<p class="no-print"><a href="#files-section">← 返回文件列表</a></p>
</section>
"""
