// noticelint workbench. Notice text and messages are only ever inserted as text
// (textContent / text nodes), never as HTML. Talks only to the API of this server.
"use strict";

const RANK = { error: 2, warning: 1, info: 0 };
const SEVERITY = { error: "错误", warning: "警告", info: "提示" };
const STATUS = { done: "已完成", long_term: "长期坚持", partial: "基本完成", in_progress: "推进中", unknown: "进展不明" };
const KIND = { leadership: "组织领导", progress: "整改进展", clues: "问题线索", next_steps: "下一步", other: "其他" };

const state = {
  result: null,     // the last /api/check answer
  source: null,     // {kind: "text"} or {kind: "file", file: File}
  seq: 0,
  fixed: null,      // the last /api/fix answer
  timer: 0,
};

const $ = (id) => document.getElementById(id);

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
  return node;
}

// --- talking to the API ---------------------------------------------------------

async function post(url, body) {
  const options = { method: "POST" };
  if (body instanceof FormData) options.body = body;
  else { options.body = JSON.stringify(body); options.headers = { "Content-Type": "application/json" }; }
  const response = await fetch(url, options);
  const data = await response.json();
  if (!response.ok) throw new Error(data.error || `HTTP ${response.status}`);
  return data;
}

function requestBody(extra) {
  if (state.source && state.source.kind === "file") {
    const form = new FormData();
    form.append("file", state.source.file, state.source.file.name);
    for (const [k, v] of Object.entries(extra || {})) form.append(k, String(v));
    return form;
  }
  return { text: $("source").value, filename: "通报.txt", ...(extra || {}) };
}

async function check() {
  const seq = ++state.seq;
  $("summary").textContent = "检查中……";
  try {
    const result = await post("/api/check", requestBody());
    if (seq !== state.seq) return; // a newer check is under way
    state.result = result;
    state.fixed = null;
    $("fix-result").hidden = true;
    render();
  } catch (error) {
    if (seq === state.seq) $("summary").textContent = `检查失败：${error.message}`;
  }
}

// --- rendering ------------------------------------------------------------------

function render() {
  const r = state.result;
  if (state.source && state.source.kind === "file") $("source").value = r.text;
  renderSummary(r);
  renderNotice(r);
  renderRuleFilter(r);
  renderFindings();
  renderOutline(r);
  const fixable = r.diagnostics.some((d) => d.fix);
  $("fix-safe").disabled = !r.diagnostics.some((d) => d.fix && d.fix.applicability === "safe");
  $("fix-unsafe").disabled = !fixable;
}

function renderSummary(r) {
  const n = { error: 0, warning: 0, info: 0 };
  for (const d of r.diagnostics) n[d.severity] += 1;
  const s = r.summary || {};
  const box = $("summary");
  box.replaceChildren();
  if (s.readable === false) {
    box.append(el("b", { class: "error" }, "无法读取此文件"), "：", s.error || "");
    return;
  }
  const fixable = r.diagnostics.filter((d) => d.fix).length;
  box.append(
    `共 ${r.diagnostics.length} 个问题：`,
    el("b", { class: "error" }, `错误 ${n.error}`), "，",
    el("b", { class: "warning" }, `警告 ${n.warning}`), "，",
    el("b", { class: "info" }, `提示 ${n.info}`),
    `；可自动修复 ${fixable} 个。识别出 ${s.areas ?? 0} 个领域、${s.problems ?? 0} 个问题`,
    s.title ? `。标题：${s.title}` : "",
  );
}

function chars(s) { return Array.from(s); }

// Each diagnostic's ranges, split per line: {line: [[startCol, endCol, index]]}.
function rangesByLine(r, lineCount) {
  const byLine = new Map();
  const add = (line, a, b, i) => {
    if (line < 1 || line > lineCount) return;
    if (!byLine.has(line)) byLine.set(line, []);
    byLine.get(line).push([a, b, i]);
  };
  r.diagnostics.forEach((d, i) => {
    for (const g of r.ranges[i] || []) {
      if (g.line === g.end_line) { add(g.line, g.column, g.end_column, i); continue; }
      add(g.line, g.column, Infinity, i);
      for (let l = g.line + 1; l < g.end_line; l++) add(l, 1, Infinity, i);
      add(g.end_line, 1, g.end_column, i);
    }
  });
  return byLine;
}

function worst(indices, diagnostics) {
  let best = "info";
  for (const i of indices) if (RANK[diagnostics[i].severity] > RANK[best]) best = diagnostics[i].severity;
  return best;
}

function markFor(indices, r, text, point) {
  const mark = el("mark", { class: `${worst(indices, r.diagnostics)}${point ? " point" : ""}`, dataset: { d: indices.join(" ") } }, text);
  mark.title = indices.map((i) => `${r.diagnostics[i].code} ${r.diagnostics[i].message}`).join("\n");
  mark.addEventListener("click", () => showFinding(indices[0]));
  return mark;
}

function renderLine(number, text, ranges, r) {
  const cs = chars(text);
  const tx = el("span", { class: "tx" });
  const cuts = new Set([0, cs.length]);
  const points = new Map(); // column -> indices of empty ranges
  for (const [a, b, i] of ranges) {
    const s = Math.min(a - 1, cs.length), e = Math.min(b - 1, cs.length);
    if (e <= s) { if (!points.has(s)) points.set(s, []); points.get(s).push(i); continue; }
    cuts.add(s); cuts.add(e);
  }
  for (const p of points.keys()) cuts.add(p);
  const sorted = [...cuts].sort((x, y) => x - y);
  for (let k = 0; k < sorted.length; k++) {
    const s = sorted[k];
    if (points.has(s)) tx.append(markFor(points.get(s), r, "", true));
    if (k === sorted.length - 1) break;
    const e = sorted[k + 1];
    const piece = cs.slice(s, e).join("");
    const covering = ranges.filter(([a, b]) => a - 1 <= s && Math.min(b - 1, cs.length) >= e && b > a).map(([, , i]) => i);
    tx.append(covering.length ? markFor([...new Set(covering)], r, piece, false) : document.createTextNode(piece));
  }
  return el("div", { class: "line", dataset: { line: String(number) } }, el("span", { class: "ln" }, number), tx);
}

function renderNotice(r) {
  const lines = r.text.split("\n");
  const byLine = rangesByLine(r, Math.max(lines.length, 1));
  const box = $("notice");
  const fragment = document.createDocumentFragment();
  lines.forEach((text, k) => fragment.append(renderLine(k + 1, text, byLine.get(k + 1) || [], r)));
  box.replaceChildren(fragment);
}

function renderRuleFilter(r) {
  const select = $("rule-filter");
  const current = select.value;
  const codes = [...new Set(r.diagnostics.map((d) => d.code))].sort();
  select.replaceChildren(el("option", { value: "" }, "全部规则"), ...codes.map((c) => el("option", { value: c }, c)));
  select.value = codes.includes(current) ? current : "";
}

function renderFindings() {
  const r = state.result;
  const box = $("findings");
  if (!r) return;
  const severities = new Set([...document.querySelectorAll(".sev")].filter((c) => c.checked).map((c) => c.value));
  const rule = $("rule-filter").value;
  const groups = new Map();
  r.diagnostics.forEach((d, i) => {
    if (!severities.has(d.severity) || (rule && d.code !== rule)) return;
    if (!groups.has(d.code)) groups.set(d.code, []);
    groups.get(d.code).push(i);
  });
  const shown = [...groups.values()].reduce((n, g) => n + g.length, 0);
  $("count").textContent = `（显示 ${shown} / ${r.diagnostics.length}）`;
  const order = [...groups.entries()].sort(([a, ia], [b, ib]) =>
    RANK[r.diagnostics[ib[0]].severity] - RANK[r.diagnostics[ia[0]].severity] || a.localeCompare(b));
  const fragment = document.createDocumentFragment();
  for (const [code, indices] of order) {
    const first = r.diagnostics[indices[0]];
    const heading = el("h3", {}, el("span", { class: `dot ${first.severity}` }), `${code} ${first.name}（${indices.length}）`,
      el("button", { type: "button", class: "doc", onclick: () => showRule(code) }, "规则说明"));
    const items = indices.map((i) => {
      const d = r.diagnostics[i];
      return el("button", { type: "button", class: `finding ${d.severity}`, dataset: { i: String(i) }, onclick: () => showFinding(i) },
        el("span", { class: "where" }, `${d.line}:${d.column}`), d.message,
        d.fix ? el("span", { class: "fixable" }, d.fix.applicability === "safe" ? "［可安全修复］" : "［可修复，需确认］") : null);
    });
    fragment.append(el("div", { class: "group" }, heading, ...items));
  }
  if (!shown) fragment.append(el("p", { class: "muted" }, r.diagnostics.length ? "没有符合筛选条件的问题。" : "没有发现问题。"));
  box.replaceChildren(fragment);
}

function showFinding(i) {
  const marks = [...document.querySelectorAll("#notice mark")].filter((m) => m.dataset.d.split(" ").includes(String(i)));
  for (const m of document.querySelectorAll("#notice mark.flash")) m.classList.remove("flash");
  if (!marks.length) return;
  marks[0].scrollIntoView({ block: "center", behavior: "auto" });
  for (const m of marks) { void m.offsetWidth; m.classList.add("flash"); }
  const item = document.querySelector(`.finding[data-i="${i}"]`);
  if (item) item.scrollIntoView({ block: "nearest" });
}

async function showRule(code) {
  const response = await fetch(`/api/rules/${encodeURIComponent(code)}`);
  const doc = await response.json();
  $("rule-title").textContent = response.ok ? `${doc.code} ${doc.name}` : code;
  $("rule-body").replaceChildren(...(response.ok ? markdown(doc.markdown) : [el("p", {}, doc.error)]));
  $("rule-doc").showModal();
}

// A small Markdown subset (headings, lists, paragraphs, `code`), built as DOM nodes.
function inline(text) {
  return text.split("`").map((part, k) => (k % 2 ? el("code", {}, part) : document.createTextNode(part)));
}

function markdown(source) {
  const out = [];
  let list = null;
  let para = [];
  const flush = () => {
    if (para.length) out.push(el("p", {}, ...inline(para.join(""))));
    para = [];
  };
  let fence = null;
  for (const line of source.split("\n")) {
    if (line.startsWith("```")) {
      if (fence) { out.push(el("pre", {}, fence.join("\n"))); fence = null; }
      else { flush(); list = null; fence = []; }
      continue;
    }
    if (fence) { fence.push(line); continue; }
    if (line.startsWith("# ")) continue; // the rule's title is the dialog's heading
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    const item = /^[-*] (.*)$/.exec(line);
    if (heading) { flush(); list = null; out.push(el(`h${heading[1].length + 2}`, {}, ...inline(heading[2]))); }
    else if (item) { flush(); if (!list) { list = el("ul"); out.push(list); } list.append(el("li", {}, ...inline(item[1]))); }
    else if (!line.trim()) { flush(); list = null; }
    else if (list && /^\s/.test(line)) list.lastChild.append(...inline(" " + line.trim()));
    else { list = null; para.push(line); }
  }
  flush();
  return out;
}

// --- the outline ----------------------------------------------------------------

function cn(n) {
  const d = "〇一二三四五六七八九";
  if (n == null) return "";
  if (n < 10) return d[n];
  if (n < 100) return (n >= 20 ? d[Math.floor(n / 10)] : "") + "十" + (n % 10 ? d[n % 10] : "");
  return String(n);
}

function badge(problem) {
  if (!problem.status) return el("span", { class: "badge none" }, "无进展说明");
  const cls = problem.status["class"];
  return el("span", { class: `badge ${cls}` }, STATUS[cls] || cls);
}

function goTo(span) {
  return el("button", { type: "button", class: "goto", onclick: () => showLine(span.line) });
}

function showLine(number) {
  const line = document.querySelector(`#notice .line[data-line="${number}"]`);
  if (!line) return;
  line.scrollIntoView({ block: "center" });
  line.classList.remove("flash");
  void line.offsetWidth;
  line.classList.add("flash");
}

function entry(text, span, ...rest) {
  const link = goTo(span);
  link.textContent = text;
  return el("li", {}, link, ...rest);
}

function problemItems(problems) {
  return el("ul", {}, ...problems.map((p) => entry(`${p.number ?? "·"}. ${p.heading}`, p.span,
    p.children.length ? null : badge(p), p.children.length ? problemItems(p.children) : null)));
}

function renderOutline(r) {
  const box = $("outline");
  const n = r.notice;
  if (!n) { box.replaceChildren(el("p", { class: "muted" }, "未能识别结构。")); return; }
  const opening = n.opening || {};
  const counted = (label, have, declared) => declared == null
    ? el("span", {}, `${label} ${have}`)
    : el("span", { class: have === declared ? "" : "bad" }, `${label} ${have} / 通报称 ${declared}`);
  const counts = el("p", { class: "counts" }, counted("领域", r.summary.areas ?? 0, opening.declared_areas), "；",
    counted("问题", r.summary.problems ?? 0, opening.declared_problems));
  const sections = n.sections.map((s) => {
    const item = entry(`${s.number ? cn(s.number) + "、" : ""}${s.heading}`, s.span, el("span", { class: "badge" }, KIND[s.kind] || s.kind),
      el("ul", {}, ...s.areas.map((a) => entry(`${a.number ? "（" + cn(a.number) + "）" : ""}${a.heading}`, a.span, problemItems(a.problems)))),
      s.problems.length ? problemItems(s.problems) : null);
    item.firstChild.classList.add("section");
    return item;
  });
  const parts = [["标题", n.title], ["开头", n.opening], ["结尾", n.closing], ["公开时间", n.disclosure], ["联系方式", n.contact], ["落款", n.signature]];
  const tail = el("p", { class: "muted" }, parts.map(([label, part]) => `${label}${part ? "✓" : "✗"}`).join("　"));
  box.replaceChildren(counts, el("ul", {}, ...sections), tail);
}

// --- fixes ----------------------------------------------------------------------

async function applyFixes(unsafe) {
  try {
    const url = state.source && state.source.kind === "file" ? "/api/fix?format=json" : "/api/fix";
    state.fixed = await post(url, requestBody({ unsafe }));
  } catch (error) {
    $("summary").textContent = `修复失败：${error.message}`;
    return;
  }
  const f = state.fixed;
  $("fix-result").hidden = false;
  $("fix-summary").textContent = `已应用 ${f.applied} 处修复；仍有 ${f.diagnostics.length} 个问题。` +
    (f.file ? "下载的 Word 文件保留原有格式。" : "");
  $("not-applied").replaceChildren(...f.not_applied.map((n) =>
    el("li", {}, `未应用：第${n.line}${f.file ? "段" : "行"} ${n.code} ${n.message} —— ${n.reason}`)));
  const diff = $("diff");
  diff.replaceChildren(...f.diff.split("\n").filter((l) => l).map((l) =>
    el("span", { class: l.startsWith("@@") ? "hunk" : l.startsWith("+") && !l.startsWith("+++") ? "add" : l.startsWith("-") && !l.startsWith("---") ? "del" : "" }, l + "\n")));
  if (!f.diff) diff.textContent = "没有可以应用的修改。";
}

function askUnsafe() {
  const r = state.result;
  const unsafe = r.diagnostics.filter((d) => d.fix && d.fix.applicability === "unsafe");
  if (!unsafe.length) { applyFixes(true); return; }
  $("unsafe-list").replaceChildren(...unsafe.map((d) => el("li", {}, `第${d.line}行 ${d.code}：${d.fix.message}（${d.message}）`)));
  $("confirm-unsafe").showModal();
}

function download() {
  const f = state.fixed;
  let blob;
  if (f.file) {
    const bytes = Uint8Array.from(atob(f.file), (c) => c.charCodeAt(0));
    blob = new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
  } else {
    blob = new Blob([f.text], { type: "text/plain;charset=utf-8" });
  }
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: f.filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// --- input ----------------------------------------------------------------------

function useFile(file) {
  state.source = { kind: "file", file };
  $("file-name").textContent = `${file.name}（${Math.ceil(file.size / 1024)} KB）`;
  check();
}

function wire() {
  $("source").addEventListener("input", () => {
    if (state.source && state.source.kind === "file") {
      state.source = { kind: "text" };
      $("file-name").textContent = "已改为检查编辑后的文本（下载为 .txt）";
    }
    clearTimeout(state.timer);
    state.timer = setTimeout(check, 300);
  });
  $("file").addEventListener("change", (e) => { if (e.target.files.length) useFile(e.target.files[0]); });
  const drop = $("drop");
  for (const name of ["dragenter", "dragover"]) drop.addEventListener(name, (e) => { e.preventDefault(); drop.classList.add("over"); });
  for (const name of ["dragleave", "drop"]) drop.addEventListener(name, () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => { e.preventDefault(); if (e.dataTransfer.files.length) useFile(e.dataTransfer.files[0]); });
  for (const box of document.querySelectorAll(".sev")) box.addEventListener("change", renderFindings);
  $("rule-filter").addEventListener("change", renderFindings);
  $("fix-safe").addEventListener("click", () => applyFixes(false));
  $("fix-unsafe").addEventListener("click", askUnsafe);
  $("unsafe-yes").addEventListener("click", () => { $("confirm-unsafe").close(); applyFixes(true); });
  $("unsafe-no").addEventListener("click", () => $("confirm-unsafe").close());
  $("copy").addEventListener("click", () => navigator.clipboard.writeText(state.fixed.text));
  $("download").addEventListener("click", download);
}

document.addEventListener("DOMContentLoaded", wire);
