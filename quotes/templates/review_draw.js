/* Quote review, drawing: pure functions from the page's data to HTML and back.
   Text is escaped, and invisible or direction-changing characters are shown as
   codes, never applied. Offsets in the data are Python character offsets (code
   points); JavaScript strings index UTF-16 units, so they are converted here. */
window.QuotesReviewDraw = (function () {
  "use strict";

  // --- text helpers -----------------------------------------------------------------------

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // Invisible and direction-changing characters: shown as a visible code, never applied.
  const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB]/;
  const HIDDEN_ALL = new RegExp(HIDDEN.source, "g");

  function codeOf(c) { return "U+" + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0"); }

  function ctl(c, extra) {
    return '<span class="ctl' + (extra || "") + '" data-c="' + codeOf(c) + '" title="invisible character ' + codeOf(c) + '"></span>';
  }

  /** Escaped text with hidden characters made visible and [start, end) hits marked. */
  function visible(text, hits) {
    let out = "", at = 0;
    (hits || []).forEach(function (h) {
      out += plain(text.slice(at, h[0])) + '<mark class="hit">' + plain(text.slice(h[0], h[1])) + "</mark>";
      at = h[1];
    });
    return out + plain(text.slice(at));
  }

  function plain(text) { return esc(text).replace(HIDDEN_ALL, function (c) { return ctl(c); }); }

  function shorten(text, n) {
    const flat = text.replace(/\s+/g, " ").replace(HIDDEN_ALL, "").trim();
    return flat.length > n ? flat.slice(0, n - 1) + "…" : flat;
  }

  // Search folds case, accents, curly quotes, dashes and runs of spaces.
  const FOLD = { "‘": "'", "’": "'", "‛": "'", "′": "'", "`": "'", "´": "'", "ʼ": "'", "‹": "'", "›": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-" };

  function foldChar(c) {
    if (FOLD[c]) return FOLD[c];
    if (/\s/.test(c)) return " ";
    return c.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  }

  /** The folded text, and for each of its units the index it came from in `text`. */
  function folded(text) {
    let s = "";
    const from = [];
    for (let i = 0; i < text.length; i++) {
      const f = foldChar(text[i]);
      if (f === " " && s.endsWith(" ")) continue;
      for (let j = 0; j < f.length; j++) from.push(i);
      s += f;
    }
    return { s: s, from: from };
  }

  function fold(text) { return folded(text).s; }

  /** [start, end) of each match of the folded query in `text`. */
  function hitsIn(text, query) {
    if (!query) return [];
    const f = folded(text), hits = [];
    let i = f.s.indexOf(query);
    while (i >= 0) {
      hits.push([f.from[i], f.from[i + query.length - 1] + 1]);
      i = f.s.indexOf(query, i + query.length);
    }
    return hits;
  }

  // --- offsets ---------------------------------------------------------------------------

  /** UTF-16 index of each code point of the article, or null when they are the same. */
  function unitMap(a) {
    if (a.units === undefined) {
      a.units = null;
      if (/[\uD800-\uDFFF]/.test(a.text)) {
        a.units = [];
        let u = 0;
        for (const ch of a.text) { a.units.push(u); u += ch.length; }
        a.units.push(u);
      }
    }
    return a.units;
  }

  function toUnits(a, point) {
    const m = unitMap(a);
    point = Math.max(0, point);
    return m ? m[Math.min(point, m.length - 1)] : Math.min(point, a.text.length);
  }

  function toPoints(a, unit) {
    const m = unitMap(a);
    if (!m) return unit;
    let lo = 0, hi = m.length - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (m[mid] < unit) lo = mid + 1; else hi = mid; }
    return lo;
  }

  function words(a, start, end) { return a.text.slice(toUnits(a, start), toUnits(a, end)); }

  function textHtml(a, quotes, search) {
    const marks = [];
    const body = toUnits(a, a.body);
    if (body > 0) marks.push({ s: 0, e: body, cls: "head" });
    quotes.forEach(function (q) {
      marks.push({ s: toUnits(a, q.start), e: toUnits(a, q.end), cls: q.added ? "added" : "k-" + q.kind + (q.low ? " low" : ""), key: q.key, quote: true });
      if (q.mention) marks.push({ s: toUnits(a, q.mention[0]), e: toUnits(a, q.mention[1]), cls: "mention", key: q.key });
      if (q.cue) marks.push({ s: toUnits(a, q.cue[0]), e: toUnits(a, q.cue[1]), cls: "cue", key: q.key });
    });
    hitsIn(a.text, search).forEach(function (h) { marks.push({ s: h[0], e: h[1], cls: "hit" }); });
    const text = a.text, cuts = new Set([0, text.length]);
    marks.forEach(function (m) { m.s = Math.min(m.s, text.length); m.e = Math.min(Math.max(m.e, m.s), text.length); cuts.add(m.s); cuts.add(m.e); });
    let found;
    HIDDEN_ALL.lastIndex = 0;
    while ((found = HIDDEN_ALL.exec(text))) { cuts.add(found.index); cuts.add(found.index + 1); }
    const bounds = Array.from(cuts).sort(function (x, y) { return x - y; });
    const anchored = new Set();
    let out = "";
    for (let i = 0; i + 1 < bounds.length; i++) {
      const s = bounds[i], e = bounds[i + 1], piece = text.slice(s, e);
      const on = marks.filter(function (m) { return m.s <= s && m.e >= e && m.s < m.e; });
      const classes = on.map(function (m) { return m.cls; });
      const keys = Array.from(new Set(on.filter(function (m) { return m.key; }).map(function (m) { return m.key; })));
      const starts = on.filter(function (m) { return m.quote && !anchored.has(m.key); }).map(function (m) { return m.key; });
      starts.forEach(function (k) { anchored.add(k); });
      let attrs = ' data-o="' + s + '"';
      if (keys.length) attrs += ' data-q="' + esc(keys.join(" ")) + '"';
      if (starts.length) attrs += ' id="t-' + esc(starts[0]) + '" tabindex="0" role="button" aria-label="quote: ' + esc(shorten(piece, 40)) + ', go to its card"';
      const quoted = on.some(function (m) { return m.key; });
      const cls = (quoted ? "hl " : "") + classes.join(" ");
      if (HIDDEN.test(piece) && piece.length === 1) out += '<span class="ctl ' + cls + '" data-c="' + codeOf(piece) + '"' + attrs + "></span>";
      else out += "<span" + (cls ? ' class="' + cls + '"' : "") + attrs + ">" + esc(piece) + "</span>";
    }
    return out;
  }

  function whyHtml(q, a) {
    let chain;
    if (q.explanation.indexOf("→") >= 0) chain = '<span class="explain">' + esc(q.explanation) + "</span>";
    else {
      if (q.speaker === null) chain = "no speaker found";
      else if (q.mention) chain = "“" + visible(words(a, q.mention[0], q.mention[1])) + "” → <b>" + visible(q.speaker) + "</b>";
      else chain = "→ <b>" + visible(q.speaker) + "</b>";
      chain += '<span class="explain">: ' + esc(q.explanation) + "</span>";
    }
    return '<span class="res">' + esc(q.resolution) + "</span> " + chain + ' <span class="rule">rule <code>' + esc(q.rule) + "</code></span>";
  }

  function cardHtml(a, q, search, minConfidence) {
    const said = words(a, q.start, q.end), name = "“" + esc(shorten(said, 60)) + "”";
    const hits = search ? hitsIn(said, search) : [];
    const kinds = ["direct", "mixed", "indirect"].map(function (k) {
      return '<option value="' + k + '"' + (k === q.kind ? " selected" : "") + ">" + k + "</option>";
    }).join("");
    let head = '<span class="badge kind k-' + q.kind + '">' + (q.added ? "added" : q.kind) + "</span>";
    if (q.low) head += '<span class="badge check" title="confidence below ' + minConfidence + '">check</span>';
    if (q.text !== undefined) head += '<span class="badge check">offsets do not match the text</span>';
    if (!q.added) head += '<span class="conf" title="confidence">' + q.confidence.toFixed(2) + "</span>";
    head += '<a class="loc" tabindex="-1" href="#t-' + esc(q.key) + '">chars ' + q.start + "–" + q.end + "</a>" + '<span class="state"></span>';
    let body;
    if (q.added) {
      body = '<div class="fields"><label>Kind <select class="v-kind" aria-label="Kind of ' + name + '">' + kinds + "</select></label>" +
        '<label class="fix">Speaker <input type="text" class="v-speaker" list="speaker-names" spellcheck="false" aria-label="Speaker of ' + name + '"></label>' +
        '<label>Note <input type="text" class="v-note" aria-label="Note on ' + name + '"></label>' +
        '<button type="button" class="b-remove">Remove<span class="vh"> the added quote ' + name + "</span></button></div>";
    } else {
      const cue = q.cue ? "<dt>Cue</dt><dd>" + visible(words(a, q.cue[0], q.cue[1])) + ' <span class="offsets">' + q.cue[0] + "–" + q.cue[1] + "</span></dd>" : "";
      body = "<dl><dt>Speaker</dt><dd><span class=\"speaker\">" + (q.speaker === null ? "(no speaker found)" : visible(q.speaker)) + "</span>" +
        (q.role ? '<span class="role">' + visible(q.role) + "</span>" : "") + "</dd>" +
        '<dt>Why</dt><dd class="why">' + whyHtml(q, a) + "</dd>" + cue + "</dl>" +
        '<div class="verdict" role="group" aria-label="Verdict on ' + name + '">' +
        '<button type="button" class="b-correct" data-v="correct" aria-pressed="false" aria-keyshortcuts="c">Correct<span class="vh"> ' + name + "</span></button>" +
        '<button type="button" class="b-speaker" data-v="speaker" aria-pressed="false" aria-keyshortcuts="s">Wrong speaker<span class="vh"> for ' + name + "</span></button>" +
        '<button type="button" class="b-notquote" data-v="notquote" aria-pressed="false" aria-keyshortcuts="x">Not a quote<span class="vh"> ' + name + "</span></button></div>" +
        '<div class="fields"><label class="fix">Right speaker <input type="text" class="v-speaker" list="speaker-names" spellcheck="false" aria-label="Right speaker of ' + name + '"></label>' +
        '<label>Note <input type="text" class="v-note" aria-label="Note on ' + name + '"></label></div>';
    }
    return '<li class="card k-' + q.kind + (q.low ? " low" : "") + (q.added ? " added" : "") + '" id="q-' + esc(q.key) + '" data-key="' + esc(q.key) +
      '" tabindex="-1" aria-labelledby="w-' + esc(q.key) + '"><div class="card-head">' + head + "</div>" +
      '<blockquote class="qtext" id="w-' + esc(q.key) + '">' + visible(said, hits) + "</blockquote>" + body + "</li>";
  }

  /** A spreadsheet cannot run a cell as a formula: cells starting = + - @ or a control get a '. */
  function cell(value) {
    let text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return '"' + text.replace(/"/g, '""') + '"';
  }

  return { esc: esc, visible: visible, plain: plain, shorten: shorten, fold: fold, folded: folded, hitsIn: hitsIn, codeOf: codeOf, toUnits: toUnits, toPoints: toPoints, words: words, textHtml: textHtml, cardHtml: cardHtml, cell: cell, HIDDEN: HIDDEN, HIDDEN_ALL: HIDDEN_ALL };
})();
