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
  function scoreClass(s) {
    if (typeof s !== "number") { return "none"; }
    return s >= 90 ? "good" : (s >= 60 ? "fair" : "poor");
  }
  function scoreText(s) { return (typeof s === "number") ? s.toFixed(1) : "—"; }
  /* `code` spans of a rule description become <code> elements (never markup from data) */
  function withCode(text) {
    var frag = document.createDocumentFragment();
    String(text || "").split("`").forEach(function (piece, k) {
      if (!piece) { return; }
      frag.append(k % 2 ? el("code", null, piece) : document.createTextNode(piece));
    });
    return frag;
  }
  function isWord(path) { return /\.docx$/i.test(path); }
  function baseName(p) { var i = Math.max(p.lastIndexOf("/"), p.lastIndexOf("\\")); return p.slice(i + 1); }

  function ruleName(code) {
    var r = meta.rules[code];
    return r ? (r.name || "") : (meta.names[code] || "");
  }
  /* a diagnostic is stored as [code, severity, message, line, column, end_line, end_column,
     fix, ranges]: fix is the applicability or null, ranges the [line, column, end_line,
     end_column] of each mark it is about (its fix's edits), or null for its span */
  function expand(a) {
    return {code: a[0], severity: a[1], message: a[2], line: a[3], column: a[4],
      end_line: a[5], end_column: a[6], fix: a[7] || null, ranges: a[8] || null,
      name: ruleName(a[0])};
  }
  files.forEach(function (f, i) {
    f.__i = i;
    f.__q = [f.path, f.organ, f.title, f.date, f.profile].filter(Boolean).join("\n").toLowerCase();
    f.__codes = {};
    (f.codes || []).forEach(function (code) { f.__codes[code] = true; });
  });
  /* a file's text and diagnostics travel zlib-compressed and base64-encoded ("z") and are
     unpacked only when its drill-down opens: the page stays small and fast */
  /* in a large report the packed drill-downs live beside the page, in shard files
     (meta.sidecar + "/shard-00007.js", each calling noticelintShard(7, [...])), loaded
     as script elements when a drill-down of theirs first opens */
  var shards = {};
  window.noticelintShard = function (n, packed) {
    if (shards[n] && shards[n].done) { shards[n].done(packed); }
  };
  function loadShard(n) {
    if (shards[n]) { return shards[n].promise; }
    var entry = {};
    entry.promise = new Promise(function (resolve, reject) {
      entry.done = resolve;
      var script = document.createElement("script");
      script.src = meta.sidecar + "/shard-" + String(n).padStart(5, "0") + ".js";
      script.onerror = function () { delete shards[n]; reject(new Error("missing " + script.src)); };
      document.head.append(script);
    });
    shards[n] = entry;
    return entry.promise;
  }
  function packedOf(f) {
    if (!f.s) { return Promise.resolve(f.z || ""); }
    return loadShard(f.s[0]).then(function (packed) { return packed[f.s[1]] || ""; });
  }
  function unpack(f) {
    if (f.__detail) { return Promise.resolve(f.__detail); }
    return packedOf(f).then(inflate).then(function (detail) {
      f.__detail = detail;
      return detail;
    });
  }
  function inflate(z) {
    var raw = atob(z);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
    return new Response(stream).text().then(function (json) { return JSON.parse(json); });
  }

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
    sc.append(el("span", "score " + scoreClass(f.score), scoreText(f.score)));
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
    var spans = [];
    diags.forEach(function (d, i) {
      (d.ranges || [[d.line, d.column, d.end_line, d.end_column]]).forEach(function (r) {
        var s = at(r[0], r[1]), e = at(r[2], r[3]);
        spans.push({i: i, d: d, s: s, e: Math.max(s, e)});
      });
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
    if (!f) { detail.hidden = true; return Promise.resolve(); }
    return unpack(f).then(function (data) { renderDetail(f, data); }, function () {
      detail.hidden = false;
      document.getElementById("detail-text").replaceChildren(el("p", "muted", f.s
        ? "找不到通报详情文件（" + meta.sidecar + "/）：请把它与本页放在同一文件夹中。"
        : "此浏览器无法解压通报全文（需要 DecompressionStream：Chrome 80+、Firefox 113+、Safari 16.4+）。"));
    });
  }
  function scoreParts(f) {
    var p = f.score_parts;
    if (!p) { return "不评分（不是整改进展情况通报，或无法读取）"; }
    return Object.keys(meta.score_parts).map(function (key) {
      return meta.score_parts[key] + " " + p[key] + " / " + p[key + "_max"];
    }).join(" · ");
  }
  function renderDetail(f, data) {
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
    metaItem(box, "得分", scoreText(f.score));
    metaItem(box, "得分构成", scoreParts(f));
    if (f.baselined) { metaItem(box, "已记入基线（未列出）", fmt(f.baselined) + " 个"); }
    if (f.error) { metaItem(box, "无法读取的原因", f.error); }
    var parts = el("div", "parts");
    Object.keys(meta.parts).forEach(function (key) {
      if (!f.parts || !(key in f.parts)) { return; }
      var ok = !!f.parts[key];
      parts.append(el("span", "part" + (ok ? "" : " no"), (ok ? "✓ " : "✗ ") + meta.parts[key]));
    });
    if (parts.childNodes.length) { box.append(parts); }

    var diags = (data.diagnostics || []).map(expand);
    var unit = isWord(f.path) ? "段" : "行";
    var textBox = document.getElementById("detail-text");
    var marks = {};
    if (typeof data.text === "string") {
      marks = highlight(data.text, diags, textBox);
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
        el("span", "diag-loc", unit === "段" ? "第 " + d.line + " 段" :
          "第 " + d.line + " 行第 " + d.column + " 列"));
      if (d.fix) { head.append(el("span", "badge", d.fix === "safe" ? "可自动修复" : "可修复（需确认）")); }
      var about = el("div", "diag-name");
      about.append(d.name);
      var rule = meta.rules[d.code];
      if (rule && rule.summary) { about.append(" · ", withCode(rule.summary)); }
      btn.append(head, el("div", "diag-msg", d.message), about);
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
      showDetail(parseInt(m[1], 10)).then(function () { detail.scrollIntoView(); });
    }
  }
  window.addEventListener("hashchange", route);
  route();
})();
