/* Quote review, export and import: the reviewed articles as gold JSON Lines (with
   who reviewed, when, and what is left unreviewed) or as CSV, and exported files
   read back into the page, matched by article id and span. */
window.QuotesReviewIO = function (page) {
  "use strict";

  const $ = function (id) { return document.getElementById(id); };
  const draw = window.QuotesReviewDraw;
  const words = draw.words, toUnits = draw.toUnits, toPoints = draw.toPoints, cell = draw.cell;
  const articles = page.articles, stores = page.stores, VERDICTS = page.VERDICTS;
  const quotesOf = page.quotesOf, verdictOf = page.verdictOf, announce = page.announce;
  const readStore = page.readStore, warnStorage = page.warnStorage;
  const refresh = page.refresh, apply = page.apply, summary = page.summary;


  function reviewer() {
    const name = $("reviewer").value.trim();
    if (!name) { announce("Type your name in Reviewer first: the export records who reviewed."); $("reviewer").focus(); }
    return name;
  }

  function nameSpans(a, name, quoteStart) {
    if (!name) return [];
    const at = toUnits(a, quoteStart);
    let i = a.text.lastIndexOf(name, Math.max(0, at - name.length));
    if (i < 0 || i + name.length > at) i = a.text.indexOf(name);
    return i < 0 ? [] : [[toPoints(a, i), toPoints(a, i + name.length)]];
  }

  /** Every article with some verdict, as a gold line with its review record. */
  function reviewedArticles(name, when) {
    const out = [];
    stores.forEach(function (box) {
      const a = articles[box.articles[0]], entries = box.entries;
      if (!Object.keys(entries).length) return;
      const numbers = new Map(), gold = [], verdicts = [], unreviewed = [];
      quotesOf(a).forEach(function (q) {
        const e = verdictOf(q) || {};
        const said = words(a, q.start, q.end);
        if (!e.v) { if (!q.added) unreviewed.push([q.start, q.end]); return; }
        const record = { start: q.start, end: q.end, text: said, verdict: VERDICTS[e.v] };
        if (e.v === "speaker" || e.v === "added") record.speaker = (e.speaker || "").trim() || null;
        if (!q.added && e.v === "speaker") record.tool_speaker = q.speaker;
        if (q.added) record.kind = q.kind;
        if (e.note) record.note = e.note;
        verdicts.push(record);
        if (e.v === "notquote") return;
        const id = q.added || !q.cue ? "q" + q.key : "c" + q.cue.join(":") + "m" + String(q.mention);
        if (!numbers.has(id)) numbers.set(id, numbers.size);
        const speaker = e.v === "correct" ? q.speaker : record.speaker;
        gold.push({ start: q.start, end: q.end, text: said, speaker: speaker,
          speaker_spans: e.v === "correct" ? (q.mention ? [q.mention] : []) : nameSpans(a, speaker, q.start),
          kind: q.kind, cue: q.cue && !q.added ? words(a, q.cue[0], q.cue[1]) : null, attribution: numbers.get(id) });
      });
      if (!verdicts.length) return;
      const done = a.quotes.length - unreviewed.length;
      const line = { id: a.id, source: "review", date: a.date, title: a.title, text: a.text, quotes: gold,
        review: { reviewer: name, exported: when, complete: unreviewed.length === 0, reviewed: done, total: a.quotes.length,
          unreviewed: unreviewed, verdicts: verdicts } };
      if (a.url) line.url = a.url;
      out.push(line);
    });
    return out;
  }

  function save(text, filename, type) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: type }));
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function stamp(when) { return when.replace(/[:.]/g, "").slice(0, 15); }

  // The articles to export with who reviewed them and when, or null after saying why not.
  function toExport() {
    const name = reviewer();
    if (!name) return null;
    const when = new Date().toISOString();
    const lines = reviewedArticles(name, when);
    if (!lines.length) { announce("Nothing to export yet: give a verdict on some quote first."); return null; }
    return { name: name, when: when, lines: lines };
  }

  function exportJsonl() {
    const batch = toExport();
    if (!batch) return;
    const when = batch.when, lines = batch.lines;
    save(lines.map(function (l) { return JSON.stringify(l); }).join("\n") + "\n", "verdicts-" + stamp(when) + ".jsonl", "application/x-ndjson");
    const partial = lines.filter(function (l) { return !l.review.complete; });
    announce("Exported " + lines.length + " article" + (lines.length === 1 ? "" : "s") + ": " + (lines.length - partial.length) + " fully reviewed" +
      (partial.length ? "; partly reviewed, marked so and left out by quotes eval: " + partial.map(function (l) {
        return l.id + " (" + l.review.reviewed + " of " + l.review.total + ")";
      }).join(", ") : "") + ".");
  }

  function exportCsv() {
    const batch = toExport();
    if (!batch) return;
    const name = batch.name, when = batch.when, lines = batch.lines;
    const head = ["article_id", "title", "start", "end", "quote", "verdict", "speaker", "tool_speaker", "kind", "note", "complete", "reviewer", "exported"];
    const body = [head.map(cell).join(",")];
    lines.forEach(function (l) {
      l.review.verdicts.forEach(function (v) {
        const gold = l.quotes.find(function (g) { return g.start === v.start && g.end === v.end; });
        body.push([l.id, l.title, v.start, v.end, v.text, v.verdict, gold ? gold.speaker : v.speaker, v.tool_speaker,
          gold ? gold.kind : v.kind, v.note, l.review.complete, name, when].map(cell).join(","));
      });
    });
    save(($("csv-bom").checked ? "\uFEFF" : "") + body.join("\r\n") + "\r\n", "verdicts-" + stamp(when) + ".csv", "text/csv;charset=utf-8");
    announce("Exported " + (body.length - 1) + " verdicts as CSV.");
  }

  const FROM = { "correct": "correct", "wrong speaker": "speaker", "not a quote": "notquote", "added": "added" };

  function importText(text, filename) {
    let count = 0, missing = 0, stale = 0, kept = 0, bad = 0;
    const touched = new Set();
    text.split(/\r?\n/).forEach(function (raw) {
      if (!raw.trim()) return;
      let line;
      try { line = JSON.parse(raw); } catch (e) { bad++; return; }
      if (!line || typeof line.id !== "string") { bad++; return; }
      const targets = articles.filter(function (a) { return a.id === line.id; });
      if (!targets.length) { missing++; return; }
      const review = line.review || {};
      const when = Date.parse(review.exported) || Date.now();
      const verdicts = Array.isArray(review.verdicts) ? review.verdicts : (line.quotes || []).map(function (g) {
        return { start: g.start, end: g.end, text: g.text, verdict: "correct" };
      });
      const done = new Set();
      targets.forEach(function (a) {
        if (done.has(a.storeKey)) return;
        done.add(a.storeKey);
        const box = stores.get(a.storeKey);
        const entries = (page.storageOk() && readStore(a.storeKey)) || box.entries;
        verdicts.forEach(function (v) {
          const kind = FROM[v.verdict];
          if (!kind || typeof v.start !== "number" || typeof v.end !== "number") { stale++; return; }
          const same = line.text === a.text || (typeof v.text === "string" && words(a, v.start, v.end) === v.text);
          const tool = a.quotes.some(function (q) { return q.start === v.start && q.end === v.end; });
          if (!same || (kind !== "added" && !tool)) { stale++; return; }
          const span = (kind === "added" ? "+" : "") + v.start + ":" + v.end;
          if (entries[span] && entries[span].t > when) { kept++; return; }
          const entry = { v: kind, t: when };
          if (kind === "speaker" || kind === "added") entry.speaker = v.speaker || "";
          if (kind === "added") entry.kind = ["direct", "mixed", "indirect"].indexOf(v.kind) >= 0 ? v.kind : "direct";
          if (v.note) entry.note = String(v.note);
          entries[span] = entry;
          count++;
        });
        box.entries = entries;
        if (page.storageOk()) { try { localStorage.setItem(a.storeKey, JSON.stringify(entries)); } catch (e) { warnStorage(e); } }
        box.articles.forEach(function (i) { touched.add(i); });
      });
    });
    touched.forEach(function (i) { refresh(articles[i]); });
    apply(false);
    summary();
    announce("Imported " + count + " verdict" + (count === 1 ? "" : "s") + " on " + touched.size + " article" + (touched.size === 1 ? "" : "s") +
      " from " + filename + (missing ? "; " + missing + " article" + (missing === 1 ? " is" : "s are") + " not in this report" : "") +
      (stale ? "; " + stale + " no longer match a quote" : "") + (kept ? "; kept " + kept + " newer verdicts of yours" : "") +
      (bad ? "; " + bad + " lines were not verdicts" : "") + ".");
  }

  return { exportJsonl: exportJsonl, exportCsv: exportCsv, importText: importText, reviewedArticles: reviewedArticles };
};
