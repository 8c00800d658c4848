"""The HTML report: one self-contained page, streamed.

The page works offline (no URL is ever fetched: a Content-Security-Policy forbids it, and
only the page's own inline script, pinned by its hash, may run). Everything the header
describes (key figures, charts, the rule/organ/year tables) is rendered here, in Python,
as escaped HTML and inline SVG. The per-file data is streamed into a
``<script type="application/json" id="files">`` island, one file at a time, and a small
inline script renders the file list from it (paginated, sortable, filterable) and the
drill-down of one notice (its text with every diagnostic's span in a ``<mark>``).

Every string from the data is escaped: ``html.escape`` in the markup, and in the JSON
island ``<``, ``>`` and ``&`` are written as ``\\u003c`` ``\\u003e`` ``\\u0026`` so that no
``</script>`` can close it. The script builds the DOM with ``textContent``/``append``
only, never ``innerHTML``.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable, Mapping
from html import escape
from typing import Any, TextIO

from noticelint.report.model import PART_NAMES

__all__ = ["SCORE_DEFINITION", "render_html", "script_json"]

SEVERITY_NAMES: dict[str, str] = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_COLORS: dict[str, str] = {"error": "#c0392b", "warning": "#d4880f", "info": "#2f80c4"}

#: The compliance score, as documented in :mod:`noticelint.report.model`.
SCORE_DEFINITION: tuple[str, ...] = (
    "单份通报的得分为 max(0, 100 − 10·E − 3·W − 0.5·I)，其中 E、W、I 分别是该通报"
    "“错误”“警告”“提示”级诊断的数量；无法读取的文件记 0 分。",
    "总体合规得分是全部文件得分的算术平均值；按机关、按年份统计中的得分是该组文件得分的平均值。",
    "规则的通过率是可读取的文件中没有该规则任何诊断的文件所占的比例；要素完整率是可读取的文件中"
    "具备该要素的文件所占的比例。",
)

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


def _slim(file: Mapping[str, Any]) -> dict[str, Any]:
    """What the page needs of one file, compact.

    Each diagnostic becomes ``[code, severity, message, line, column, end_line,
    end_column]`` plus the fix's applicability when it has a fix (the rule's name comes
    from the page's rule table): half the bytes of the full objects.
    """
    out = {k: v for k, v in file.items() if k not in ("diagnostics", "seconds")}
    diagnostics = []
    for d in file.get("diagnostics") or ():
        row = [d.get(k) for k in _DIAGNOSTIC_KEYS]
        if d.get("fix"):
            row.append(d["fix"].get("applicability", "safe"))
        diagnostics.append(row)
    out["diagnostics"] = diagnostics
    return out


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


def _fit(text: str, width: float) -> str:
    """``text``, cut with an ellipsis so that it fits in ``width`` px."""
    if _text_width(text) <= width:
        return text
    while text and _text_width(text) > width - 12:
        text = text[:-1]
    return text + "…"


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


def _hbar_chart(
    title: str,
    rows: list[tuple[str, float, str, str, str]],
    maximum: float,
) -> str:
    """Horizontal bars: (label, value, value text, colour, tooltip) per row."""
    if not rows:
        return _svg_empty(title)
    width, label_w, value_w, row_h, top = 560, 190, 92, 26, 6
    bar_w = width - label_w - value_w - 8
    height = top * 2 + row_h * len(rows)
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{_e(title)}">'
    ]
    scale = bar_w / maximum if maximum > 0 else 0.0
    for i, (label, value, value_text, color, tip) in enumerate(rows):
        y = top + i * row_h
        w = max(0.0, value * scale)
        parts.append(
            f"<g><title>{_e(tip)}</title>"
            f'<text x="{label_w - 8}" y="{y + 17}" text-anchor="end" class="label">'
            f"{_e(_fit(label, label_w - 12))}</text>"
            f'<rect x="{label_w}" y="{y + 5}" width="{bar_w}" height="16" rx="3" class="track"/>'
            f'<rect x="{label_w}" y="{y + 5}" width="{w:.1f}" height="16" rx="3" fill="{color}"/>'
            f'<text x="{label_w + bar_w + 8}" y="{y + 17}" class="value">{_e(value_text)}</text>'
            "</g>"
        )
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
            f"{r['code']} {r['name']}",
            float(r["files"]),
            f"{r['files']} 份 · {r['diagnostics']} 处",
            SEVERITY_COLORS.get(r.get("severity", ""), "#777"),
            f"{r['code']} {r['name']}（{SEVERITY_NAMES.get(r.get('severity', ''), '')}）：{r.get('summary', '')}\n"
            f"涉及 {r['files']} 份文件，共 {r['diagnostics']} 处，通过率 {_pct(r.get('pass_rate'))}",
        )
        for r in top
    ]
    return _hbar_chart("各规则涉及的文件数", rows, float(maximum))


def _organ_chart(header: Mapping[str, Any]) -> str:
    organs = sorted(header.get("organs") or (), key=lambda g: (-g["files"], g["key"]))[:12]
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
    years = sorted(header.get("years") or (), key=lambda g: str(g["key"]))
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


def _score_ring(score: float) -> str:
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
            f'<td class="summary">{_e(r.get("summary"))}</td>'
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
        score = float(g.get("score", 0.0))
        body.append(
            "<tr>"
            f'<td><button type="button" class="link group-link" data-q="{_e(g.get("key"))}" '
            f'title="在文件列表中筛选">{_e(g.get("key"))}</button></td>'
            f"{_td_num(g.get('files'))}{_td_num(g.get('errors'))}"
            f"{_td_num(g.get('warnings'))}{_td_num(g.get('infos'))}"
            f'<td class="num" data-v="{score}"><span class="score {_score_class(score)}">'
            f"{score:.1f}</span></td></tr>"
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
        + _card("错误", _num(errors), "c-error")
        + _card("警告", _num(warnings), "c-warning")
        + _card("提示", _num(infos), "c-info")
        + _card("平均每份诊断", f"{per_file:.1f}", "", "处 / 份")
        + _card("已触发规则", f"{hit} / {len(rules)}", "", "条规则有诊断")
        + "</div>"
    )


def _head(header: Mapping[str, Any]) -> str:
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src '{_SCRIPT_HASH}'; base-uri 'none'; form-action 'none'"
    )
    score = float(header.get("score", 0.0))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="noticelint">\n'
        "<title>巡察整改进展情况通报 · 合规检查报告</title>\n"
        f"<style>{_CSS}</style>\n</head>\n<body>\n"
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


def render_html(header: Mapping[str, Any], files: Iterable[Mapping[str, Any]], out: TextIO) -> None:
    """Write the report page for ``header`` and ``files`` to ``out``, streaming.

    ``header`` is ``CorpusReport.model_dump(mode="json")`` without ``per_file``; ``files``
    yields ``FileSummary.model_dump(mode="json")`` dicts with an extra ``"text"`` (the
    notice as parsed, or ``None``). ``files`` is iterated once, each file written as
    soon as it arrives: memory does not grow with the corpus.
    """
    write = out.write
    write(_head(header))
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
        write(separator + script_json(_slim(file)))
        separator = ",\n"
    write("\n]</script>\n")
    meta = {"rules": rules, "names": extra, "parts": PART_NAMES}
    write('<script type="application/json" id="meta">' + script_json(meta) + "</script>\n")
    write(f"<script>{_SCRIPT}</script>\n</body>\n</html>\n")


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

_CSS = """
:root{--ink:#1d2733;--muted:#5f6b7a;--line:#dfe4ea;--bg:#f3f5f8;--panel:#fff;--brand:#17365d;
--error:#c0392b;--warning:#d4880f;--info:#2f80c4;--good:#1e8449}
*{box-sizing:border-box}
html{scroll-behavior:smooth}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.6 "PingFang SC","Hiragino Sans GB",
"Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",system-ui,sans-serif}
.wrap{max-width:1240px;margin:0 auto;padding:0 24px}
.top{background:linear-gradient(135deg,#17365d,#24507f);color:#fff}
.top-inner{display:flex;justify-content:space-between;align-items:center;gap:24px;padding-top:26px;padding-bottom:26px}
.eyebrow{font-size:12px;letter-spacing:.12em;opacity:.75}
h1{font-size:26px;margin:6px 0 8px;font-weight:700}
.sub{margin:0;opacity:.85}
.score-box{display:flex;flex-direction:column;align-items:center;background:rgba(255,255,255,.96);
border-radius:14px;padding:10px 18px 8px;color:var(--ink);box-shadow:0 4px 16px rgba(0,0,0,.18)}
.ring{width:120px;height:120px}
.ring-track{fill:none;stroke:#e6eaef;stroke-width:12}
.ring-bar{fill:none;stroke-width:12;stroke-linecap:round}
.ring-value{font-size:30px;font-weight:700;fill:var(--ink)}
.ring-label{font-size:12px;fill:var(--muted)}
.score-caption{font-weight:600;font-size:13px}
.score-help{display:inline-block;margin-left:4px;width:16px;height:16px;line-height:16px;text-align:center;
border-radius:50%;background:var(--line);color:var(--ink);font-size:11px;text-decoration:none}
.nav{background:#fff;border-bottom:1px solid var(--line);position:sticky;top:0;z-index:5}
.nav .wrap{display:flex;gap:4px;flex-wrap:wrap}
.nav a{color:var(--brand);text-decoration:none;padding:10px 12px;font-weight:600;font-size:13px}
.nav a:hover{background:var(--bg)}
section{margin:26px 0}
h2{font-size:18px;margin:0 0 12px;padding-left:10px;border-left:4px solid var(--brand)}
h3{font-size:15px;margin:0 0 10px}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:16px 18px;margin:0}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px}
.card{background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:14px 16px;
border-top:4px solid var(--brand)}
.card-label{color:var(--muted);font-size:13px}
.card-value{font-size:26px;font-weight:700;line-height:1.3}
.card-note{color:var(--muted);font-size:12px}
.card.c-error{border-top-color:var(--error)}.card.c-error .card-value{color:var(--error)}
.card.c-warning{border-top-color:var(--warning)}.card.c-warning .card-value{color:var(--warning)}
.card.c-info{border-top-color:var(--info)}.card.c-info .card-value{color:var(--info)}
.card.muted-card{border-top-color:#9aa5b1}
.charts{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:14px}
figcaption{font-weight:700;margin-bottom:8px}
.chart{width:100%;height:auto;display:block}
.chart text{font-size:12px;fill:var(--ink)}
.chart .value{font-weight:600}
.chart .tick,.chart .muted{fill:var(--muted);font-size:11px}
.chart .track{fill:#eef1f5}
.chart .grid{stroke:#e6eaef;stroke-width:1}
.legend{display:flex;gap:14px;justify-content:flex-end;color:var(--muted);font-size:12px;margin-top:6px}
.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:-1px}
.controls{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 10px;align-items:center}
input[type=search],select{font:inherit;padding:6px 10px;border:1px solid #c9d1db;border-radius:6px;background:#fff}
input[type=search]{min-width:280px;flex:1 1 280px;max-width:460px}
.check{color:var(--muted);font-size:13px}
.table-wrap{background:var(--panel);border:1px solid var(--line);border-radius:10px;overflow:auto}
.table-wrap.tall{max-height:520px}
table{border-collapse:collapse;width:100%}
th,td{padding:7px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{background:#f7f9fb;font-weight:700;white-space:nowrap;cursor:pointer;user-select:none;position:sticky;top:0;z-index:1}
th:hover{background:#edf1f6}
th[aria-sort=ascending]::after{content:" ▲";font-size:10px;color:var(--brand)}
th[aria-sort=descending]::after{content:" ▼";font-size:10px;color:var(--brand)}
tbody tr:hover{background:#f7fafd}
td.num,th[data-type=num]{text-align:right;white-space:nowrap}
td.summary{color:var(--muted);font-size:13px;min-width:260px}
td.path{min-width:300px;overflow-wrap:anywhere}
.row-title{color:var(--muted);font-size:12px;line-height:1.4;margin-top:2px}
td.zero{color:#aab3bd}
td.e-pos{color:var(--error);font-weight:600}td.w-pos{color:var(--warning);font-weight:600}td.i-pos{color:var(--info);font-weight:600}
.rule-row:not(.hit) td{color:#8a96a3}
.sev{display:inline-block;padding:0 8px;border-radius:10px;font-size:12px;color:#fff;white-space:nowrap}
.sev-error{background:var(--error)}.sev-warning{background:var(--warning)}.sev-info{background:var(--info)}
.score{display:inline-block;min-width:48px;text-align:center;padding:0 6px;border-radius:10px;font-weight:700}
.score.good{background:#e3f4e8;color:var(--good)}.score.fair{background:#fdf1dc;color:#9a5d00}
.score.poor{background:#fbe4e1;color:var(--error)}
.meter{display:inline-block;width:70px;height:8px;background:#eef1f5;border-radius:4px;margin-right:8px;vertical-align:middle;overflow:hidden}
.meter span{display:block;height:100%}
button.link{background:none;border:0;padding:0;font:inherit;color:var(--brand);cursor:pointer;text-align:left;font-weight:600}
button.link:hover,a:hover{text-decoration:underline}
a{color:var(--brand)}
.status{color:var(--muted);margin:0 0 8px}
.pager{display:flex;gap:6px;align-items:center;margin-top:10px;flex-wrap:wrap}
.pager button{font:inherit;padding:4px 12px;border:1px solid #c9d1db;background:#fff;border-radius:6px;cursor:pointer}
.pager button:disabled{opacity:.4;cursor:default}
.muted{color:var(--muted)}
.prose p{margin:0 0 8px}
.detail-meta{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:6px 18px;margin-bottom:14px}
.detail-meta .k{color:var(--muted);font-size:12px}
.detail-meta .v{font-weight:600;word-break:break-all}
.parts{grid-column:1/-1;display:flex;flex-wrap:wrap;gap:6px}
.part{font-size:12px;padding:1px 8px;border-radius:10px;background:#e3f4e8;color:var(--good)}
.part.no{background:#fbe4e1;color:var(--error)}
.detail-grid{display:grid;grid-template-columns:minmax(0,1.7fr) minmax(0,1fr);gap:14px;align-items:start}
.notice-text{white-space:pre-wrap;word-break:break-all;font-size:15px;line-height:1.9;
font-family:"FangSong","STFangsong","Noto Serif CJK SC","Source Han Serif SC",serif}
mark{background:#fff1c7;border-bottom:2px solid var(--warning);padding:0 1px;cursor:help;color:inherit}
mark.m-error{background:#fde2de;border-bottom-color:var(--error)}
mark.m-info{background:#e1eefb;border-bottom-color:var(--info)}
mark.multi{box-shadow:inset 0 -4px 0 rgba(0,0,0,.12)}
mark.point::before{content:"▾";color:var(--error);font-weight:700}
mark.flash{outline:3px solid var(--brand);outline-offset:1px}
.diag-panel{position:sticky;top:52px;max-height:calc(100vh - 70px);overflow:auto}
.diag-list{list-style:none;margin:0;padding:0}
.diag-list li{border-left:4px solid var(--warning);background:#fafbfc;margin:0 0 8px;border-radius:6px}
.diag-list li.d-error{border-left-color:var(--error)}.diag-list li.d-info{border-left-color:var(--info)}
.diag-list li.active{background:#eef4fb}
.diag-list button{display:block;width:100%;text-align:left;background:none;border:0;padding:8px 10px;font:inherit;cursor:pointer;color:inherit}
.diag-head{display:flex;gap:6px;align-items:center;flex-wrap:wrap;font-size:12px}
.diag-code{font-weight:700;font-family:ui-monospace,Consolas,monospace;font-size:13px}
.diag-loc{color:var(--muted)}
.diag-msg{margin-top:3px}
.diag-name{color:var(--muted);font-size:12px}
.badge{font-size:11px;padding:0 6px;border:1px solid var(--good);color:var(--good);border-radius:8px}
.foot{color:var(--muted);font-size:12px;padding-bottom:30px}
@media (max-width:860px){.charts,.detail-grid{grid-template-columns:1fr}.top-inner{flex-direction:column;align-items:flex-start}}
@media print{
@page{margin:14mm}
html{scroll-behavior:auto}
body{background:#fff;font-size:11pt}
.nav,.controls,.pager,.no-print,.score-help,noscript{display:none!important}
.top{background:none;color:var(--ink);border-bottom:2px solid var(--ink)}
.score-box{box-shadow:none;border:1px solid var(--line)}
.table-wrap,.table-wrap.tall{overflow:visible;max-height:none;border:0}
th{position:static}
.diag-panel{position:static;max-height:none;overflow:visible}
.detail-grid{display:block}
.charts{grid-template-columns:repeat(2,minmax(0,1fr))}
.top-inner{flex-direction:row;align-items:center;padding-top:8px;padding-bottom:12px}
.cards{grid-template-columns:repeat(4,1fr)}
.panel,.card{break-inside:avoid;margin-bottom:10px}
tr{break-inside:avoid}
thead{display:table-header-group}
section{break-inside:auto}
#detail[hidden]{display:none}
mark,.sev,.score,.card,.meter span,.chart rect,.legend i{-webkit-print-color-adjust:exact;print-color-adjust:exact}
a,button.link{color:inherit;text-decoration:none}
}
"""

_SCRIPT = r"""
(function () {
  "use strict";
  var SEV = {error: "错误", warning: "警告", info: "提示"};
  var RANK = {info: 0, warning: 1, error: 2};
  var meta = JSON.parse(document.getElementById("meta").textContent);
  var files = JSON.parse(document.getElementById("files").textContent);
  var collator = new Intl.Collator("zh-CN", {numeric: true});

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function fmt(n) { return (typeof n === "number") ? n.toLocaleString("zh-CN") : "—"; }
  function scoreClass(s) { return s >= 90 ? "good" : (s >= 60 ? "fair" : "poor"); }
  function baseName(p) { var i = Math.max(p.lastIndexOf("/"), p.lastIndexOf("\\")); return p.slice(i + 1); }

  function ruleName(code) {
    var r = meta.rules[code];
    return r ? (r.name || "") : (meta.names[code] || "");
  }
  /* a diagnostic is stored as [code, severity, message, line, column, end_line, end_column, fix?] */
  function expand(a) {
    return {code: a[0], severity: a[1], message: a[2], line: a[3], column: a[4],
      end_line: a[5], end_column: a[6], fix: a[7] || null, name: ruleName(a[0])};
  }
  files.forEach(function (f, i) {
    f.__i = i;
    f.__q = [f.path, f.organ, f.title, f.date, f.profile].filter(Boolean).join("\n").toLowerCase();
    f.__codes = {};
    (f.diagnostics || []).forEach(function (d) { f.__codes[d[0]] = true; });
  });

  /* ---------- sortable, filterable server-rendered tables ---------- */
  function cellValue(row, index, numeric) {
    var cell = row.cells[index];
    var v = cell.hasAttribute("data-v") ? cell.getAttribute("data-v") : cell.textContent;
    if (numeric) { var n = parseFloat(v); return isNaN(n) ? -Infinity : n; }
    return v;
  }
  function makeSortable(table) {
    var ths = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(ths, function (th, index) {
      function sort() {
        var numeric = th.getAttribute("data-type") === "num";
        var asc = th.getAttribute("aria-sort") !== "ascending";
        if (numeric && !th.hasAttribute("aria-sort")) { asc = false; }
        Array.prototype.forEach.call(ths, function (o) { o.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, index, numeric), y = cellValue(b, index, numeric);
          var c = numeric ? (x - y) : collator.compare(x, y);
          return asc ? c : -c;
        });
        body.append.apply(body, rows);
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { sort(); } });
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), makeSortable);

  function filterTable(id) {
    var table = document.getElementById(id);
    var q = document.querySelector('.table-filter[data-table="' + id + '"]');
    var sev = document.querySelector('.table-severity[data-table="' + id + '"]');
    var hit = document.querySelector('.table-hit[data-table="' + id + '"]');
    var needle = q ? q.value.trim().toLowerCase() : "";
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var show = !needle || row.textContent.toLowerCase().indexOf(needle) >= 0;
      if (show && sev && sev.value) { show = row.getAttribute("data-severity") === sev.value; }
      if (show && hit && hit.checked) { show = row.classList.contains("hit"); }
      row.hidden = !show;
    });
  }
  Array.prototype.forEach.call(
    document.querySelectorAll(".table-filter,.table-severity,.table-hit"),
    function (input) {
      var id = input.getAttribute("data-table");
      input.addEventListener("input", function () { filterTable(id); });
      input.addEventListener("change", function () { filterTable(id); });
    }
  );

  /* ---------- the file list: data island, filtered, sorted, paginated ---------- */
  var state = {q: "", sev: "", rule: "", key: "path", asc: true, page: 0, size: 100, all: false};
  var qInput = document.getElementById("file-q");
  var sevSelect = document.getElementById("file-sev");
  var ruleSelect = document.getElementById("file-rule");
  var sizeSelect = document.getElementById("file-size");
  var table = document.getElementById("files-table");
  var tbody = table.tBodies[0];
  var statusLine = document.getElementById("file-status");
  var pager = document.getElementById("file-pager");

  Object.keys(meta.rules).concat(Object.keys(meta.names)).sort().forEach(function (code) {
    var opt = el("option", null, code + " " + ruleName(code));
    opt.value = code;
    ruleSelect.append(opt);
  });

  function matches(f) {
    if (state.q && f.__q.indexOf(state.q) < 0) { return false; }
    if (state.rule && !f.__codes[state.rule]) { return false; }
    switch (state.sev) {
      case "error": return f.errors > 0;
      case "warning": return f.warnings > 0;
      case "info": return f.infos > 0;
      case "clean": return f.readable && f.errors + f.warnings + f.infos === 0;
      case "unreadable": return !f.readable;
      default: return true;
    }
  }
  function compare(a, b) {
    var x = a[state.key], y = b[state.key], c;
    var xn = (x === null || x === undefined || x === ""), yn = (y === null || y === undefined || y === "");
    if (xn || yn) { c = xn === yn ? 0 : (xn ? 1 : -1); return c || a.__i - b.__i; }
    c = (typeof x === "number") ? x - y : collator.compare(String(x), String(y));
    c = state.asc ? c : -c;
    return c || a.__i - b.__i;
  }
  var view = files.slice();
  function recompute() {
    view = files.filter(matches);
    view.sort(compare);
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      if (th.getAttribute("data-key") === state.key) {
        th.setAttribute("aria-sort", state.asc ? "ascending" : "descending");
      } else { th.removeAttribute("aria-sort"); }
    });
  }
  function countCell(n, cls) {
    var td = el("td", "num " + (n > 0 ? cls : "zero"), fmt(n));
    return td;
  }
  function fileRow(f) {
    var tr = el("tr");
    var td = el("td", "path");
    var a = el("a", null, f.path);
    a.href = "#file-" + f.__i;
    a.addEventListener("click", function () {
      if (location.hash === a.getAttribute("href")) { route(); }  /* no hashchange: show it again */
    });
    if (f.title) { a.title = f.title; }
    td.append(a);
    if (f.title) { td.append(el("div", "row-title", f.title)); }
    if (!f.readable) { td.append(" ", el("span", "sev sev-error", "无法读取")); }
    tr.append(td, el("td", null, f.organ || "—"), el("td", "num", f.date || "—"),
      countCell(f.errors, "e-pos"), countCell(f.warnings, "w-pos"), countCell(f.infos, "i-pos"));
    var sc = el("td", "num");
    sc.append(el("span", "score " + scoreClass(f.score), f.score.toFixed(1)));
    tr.append(sc);
    return tr;
  }
  function render() {
    var pages = Math.max(1, Math.ceil(view.length / state.size));
    state.page = Math.min(state.page, pages - 1);
    var start = state.all ? 0 : state.page * state.size;
    var end = state.all ? view.length : Math.min(view.length, start + state.size);
    var frag = document.createDocumentFragment();
    for (var i = start; i < end; i++) { frag.append(fileRow(view[i])); }
    if (view.length === 0) {
      var td = el("td", "muted", "没有符合筛选条件的文件。");
      td.colSpan = 7;
      var tr = el("tr");
      tr.append(td);
      frag.append(tr);
    }
    tbody.replaceChildren(frag);
    statusLine.textContent = "共 " + fmt(files.length) + " 份文件，符合筛选条件的 " + fmt(view.length) +
      " 份" + (view.length ? "，显示第 " + fmt(start + 1) + "–" + fmt(end) + " 份。" : "。");
    pager.replaceChildren();
    if (pages > 1 && !state.all) {
      var buttons = [["首页", 0], ["上一页", state.page - 1], ["下一页", state.page + 1], ["末页", pages - 1]];
      buttons.forEach(function (b, k) {
        var btn = el("button", null, b[0]);
        btn.type = "button";
        btn.disabled = b[1] < 0 || b[1] >= pages || b[1] === state.page;
        btn.addEventListener("click", function () { state.page = b[1]; render(); table.scrollIntoView(); });
        pager.append(btn);
        if (k === 1) { pager.append(el("span", "muted", "第 " + (state.page + 1) + " / " + pages + " 页")); }
      });
    }
  }
  function update() { state.page = 0; recompute(); render(); }
  qInput.addEventListener("input", function () { state.q = qInput.value.trim().toLowerCase(); update(); });
  sevSelect.addEventListener("change", function () { state.sev = sevSelect.value; update(); });
  ruleSelect.addEventListener("change", function () { state.rule = ruleSelect.value; update(); });
  sizeSelect.addEventListener("change", function () { state.size = parseInt(sizeSelect.value, 10); update(); });
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    function sort() {
      var key = th.getAttribute("data-key");
      if (state.key === key) { state.asc = !state.asc; }
      else { state.key = key; state.asc = th.getAttribute("data-type") !== "num"; }
      recompute(); render();
    }
    th.addEventListener("click", sort);
    th.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { sort(); } });
  });
  Array.prototype.forEach.call(document.querySelectorAll(".rule-link"), function (btn) {
    btn.addEventListener("click", function () {
      ruleSelect.value = btn.getAttribute("data-rule");
      state.rule = ruleSelect.value;
      update();
      document.getElementById("files-section").scrollIntoView();
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll(".group-link"), function (btn) {
    btn.addEventListener("click", function () {
      qInput.value = btn.getAttribute("data-q");
      state.q = qInput.value.trim().toLowerCase();
      update();
      document.getElementById("files-section").scrollIntoView();
    });
  });
  window.addEventListener("beforeprint", function () { state.all = true; render(); });
  window.addEventListener("afterprint", function () { state.all = false; render(); });
  recompute();
  render();

  /* ---------- drill-down: one notice, its text and its diagnostics ---------- */
  var detail = document.getElementById("detail");
  function metaItem(box, k, v) {
    var d = el("div");
    d.append(el("div", "k", k), el("div", "v", (v === null || v === undefined || v === "") ? "—" : v));
    box.append(d);
  }
  function offsets(chars) {
    var starts = [0];
    for (var i = 0; i < chars.length; i++) { if (chars[i] === "\n") { starts.push(i + 1); } }
    return function (line, column) {
      if (line < 1) { return 0; }
      if (line > starts.length) { return chars.length; }
      var lineEnd = line < starts.length ? starts[line] - 1 : chars.length;
      return Math.max(starts[line - 1], Math.min(starts[line - 1] + column - 1, lineEnd));
    };
  }
  function tip(list) {
    return list.map(function (d) {
      return d.code + "（" + (SEV[d.severity] || d.severity) + "）" + d.message;
    }).join("\n");
  }
  function worst(list) {
    var w = list[0].severity;
    list.forEach(function (d) { if ((RANK[d.severity] || 0) > (RANK[w] || 0)) { w = d.severity; } });
    return w;
  }
  function highlight(text, diags, box) {
    var chars = Array.from(text);
    var at = offsets(chars);
    var spans = diags.map(function (d, i) {
      var s = at(d.line, d.column), e = at(d.end_line, d.end_column);
      return {i: i, d: d, s: s, e: Math.max(s, e)};
    });
    var cuts = {0: true};
    cuts[chars.length] = true;
    spans.forEach(function (sp) { cuts[sp.s] = true; cuts[sp.e] = true; });
    var bounds = Object.keys(cuts).map(Number).sort(function (a, b) { return a - b; });
    var firstMark = {};
    var frag = document.createDocumentFragment();
    function points(pos) {
      spans.forEach(function (sp) {
        if (sp.s === sp.e && sp.s === pos) {
          var m = el("mark", "point m-" + sp.d.severity);
          m.title = tip([sp.d]);
          m.setAttribute("data-diag", String(sp.i));
          firstMark[sp.i] = m;
          frag.append(m);
        }
      });
    }
    for (var k = 0; k + 1 < bounds.length; k++) {
      var a = bounds[k], b = bounds[k + 1];
      points(a);
      var piece = chars.slice(a, b).join("");
      var cover = spans.filter(function (sp) { return sp.s <= a && sp.e >= b && sp.s < sp.e; });
      if (!cover.length) { frag.append(document.createTextNode(piece)); continue; }
      var list = cover.map(function (sp) { return sp.d; });
      var mark = el("mark", "m-" + worst(list) + (cover.length > 1 ? " multi" : ""), piece);
      mark.title = tip(list);
      mark.setAttribute("data-diag", cover.map(function (sp) { return sp.i; }).join(" "));
      cover.forEach(function (sp) { if (!(sp.i in firstMark)) { firstMark[sp.i] = mark; } });
      frag.append(mark);
    }
    points(chars.length);
    box.replaceChildren(frag);
    return firstMark;
  }
  function showDetail(index) {
    var f = files[index];
    if (!f) { detail.hidden = true; return; }
    detail.hidden = false;
    document.getElementById("detail-title").textContent = "通报详情：" + baseName(f.path);
    var box = document.getElementById("detail-meta");
    box.replaceChildren();
    metaItem(box, "文件", f.path);
    metaItem(box, "标题", f.title);
    metaItem(box, "发文机关", f.organ);
    metaItem(box, "成文日期", f.date);
    metaItem(box, "类型", f.profile === "xunshi" ? "巡视" : (f.profile === "xuncha" ? "巡察" : f.profile));
    metaItem(box, "方面 / 问题", fmt(f.areas) + " / " + fmt(f.problems));
    metaItem(box, "错误 / 警告 / 提示", fmt(f.errors) + " / " + fmt(f.warnings) + " / " + fmt(f.infos));
    metaItem(box, "得分", f.score.toFixed(1));
    if (f.error) { metaItem(box, "无法读取的原因", f.error); }
    var parts = el("div", "parts");
    Object.keys(meta.parts).forEach(function (key) {
      if (!f.parts || !(key in f.parts)) { return; }
      var ok = !!f.parts[key];
      parts.append(el("span", "part" + (ok ? "" : " no"), (ok ? "✓ " : "✗ ") + meta.parts[key]));
    });
    if (parts.childNodes.length) { box.append(parts); }

    var diags = (f.diagnostics || []).map(expand);
    var textBox = document.getElementById("detail-text");
    var marks = {};
    if (typeof f.text === "string") {
      marks = highlight(f.text, diags, textBox);
    } else {
      textBox.replaceChildren(el("p", "muted", f.readable ?
        "本报告未包含通报全文（生成报告时未保存文本）。" : "文件无法读取，没有可显示的文本。"));
    }
    document.getElementById("diag-title").textContent = "诊断（" + diags.length + " 条）";
    var list = document.getElementById("diag-list");
    list.replaceChildren();
    if (!diags.length) { list.append(el("li", "muted", "没有诊断：这份通报符合全部规则。")); }
    var items = [];
    diags.forEach(function (d, i) {
      var li = el("li", "d-" + d.severity);
      var btn = el("button");
      btn.type = "button";
      var head = el("div", "diag-head");
      head.append(el("span", "diag-code", d.code), el("span", "sev sev-" + d.severity, SEV[d.severity] || d.severity),
        el("span", "diag-loc", "第 " + d.line + " 行第 " + d.column + " 列"));
      if (d.fix) { head.append(el("span", "badge", d.fix === "safe" ? "可自动修复" : "可修复（需确认）")); }
      btn.append(head, el("div", "diag-msg", d.message), el("div", "diag-name", d.name));
      btn.addEventListener("click", function () {
        var m = marks[i];
        items.forEach(function (it) { it.classList.remove("active"); });
        li.classList.add("active");
        if (!m) { return; }
        m.scrollIntoView({block: "center"});
        m.classList.add("flash");
        setTimeout(function () { m.classList.remove("flash"); }, 1600);
      });
      li.append(btn);
      list.append(li);
      items.push(li);
    });
    textBox.onclick = function (ev) {
      var t = ev.target;
      if (!t || t.tagName !== "MARK") { return; }
      var first = parseInt(t.getAttribute("data-diag"), 10);
      if (items[first]) {
        items.forEach(function (it) { it.classList.remove("active"); });
        items[first].classList.add("active");
        items[first].scrollIntoView({block: "nearest"});
      }
    };
  }
  function route() {
    var m = /^#file-(\d+)$/.exec(location.hash);
    if (m) {
      showDetail(parseInt(m[1], 10));
      detail.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", route);
  route();
})();
"""

_SCRIPT_HASH = "sha256-" + base64.b64encode(
    hashlib.sha256(_SCRIPT.encode("utf-8")).digest()
).decode("ascii")
