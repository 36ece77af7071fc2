/* Quote review: draws articles and quote cards from the page's one copy of the data
   (with review_draw.js, export and import in review_io.js), keeps verdicts per quote in local storage (merged across
   tabs), filters, searches, and imports and exports verdicts. Plain JavaScript,
   nothing fetched. */
(function () {
  "use strict";

  const $ = function (id) { return document.getElementById(id); };
  const articles = JSON.parse($("review-data").textContent);
  const meta = JSON.parse($("review-meta").textContent);
  const rows = meta.speakers.rows;
  const PREFIX = "quotes-review:";
  const VERDICTS = { correct: "correct", speaker: "wrong speaker", notquote: "not a quote", added: "added" };
  const filters = { status: $("f-status"), speaker: $("f-speaker"), kind: $("f-kind"), search: $("f-search") };
  const live = $("live");
  const stores = new Map();  // storage key -> {entries, articles: [index]}
  const byKey = new Map();  // card key -> quote
  let storageOk = true;
  let current = null;  // key of the card the reviewer is on
  let shown = new Set();  // keys of the quotes that pass the filters
  let lastSelection = null;  // the last text selected inside an article pane

  const draw = window.QuotesReviewDraw;
  const esc = draw.esc;
  const visible = draw.visible;
  const plain = draw.plain;
  const shorten = draw.shorten;
  const fold = draw.fold;
  const folded = draw.folded;
  const hitsIn = draw.hitsIn;
  const codeOf = draw.codeOf;
  const toUnits = draw.toUnits;
  const toPoints = draw.toPoints;
  const words = draw.words;
  const textHtml = draw.textHtml;
  const cardHtml = draw.cardHtml;
  const HIDDEN = draw.HIDDEN;
  const HIDDEN_ALL = draw.HIDDEN_ALL;

  // --- the data --------------------------------------------------------------------------

  articles.forEach(function (a, index) {
    a.index = index;
    a.storeKey = PREFIX + a.key;
    a.quotes.forEach(function (q) {
      q.a = index;
      q.span = q.start + ":" + q.end;
      q.key = index + "-" + q.start + "-" + q.end;
      q.low = q.confidence < meta.minConfidence;
      q.row = meta.speakers.row_of[q.group];
      byKey.set(q.key, q);
    });
  });

  // --- storage: one entry per article, one field per quote ---------------------------------

  function warnStorage(error) {
    storageOk = false;
    const banner = $("banner");
    banner.hidden = false;
    banner.classList.add("warn");
    banner.textContent = "This browser refused to save verdicts (" + (error && error.name || "storage unavailable") +
      "): they last only until this tab is closed. Export them before you leave.";
  }

  function readStore(key) {
    try { return JSON.parse(localStorage.getItem(key)) || {}; } catch (e) { return null; }
  }

  try {
    localStorage.setItem(PREFIX + "probe", "1");
    localStorage.removeItem(PREFIX + "probe");
  } catch (e) { warnStorage(e); }

  articles.forEach(function (a) {
    if (!stores.has(a.storeKey)) stores.set(a.storeKey, { entries: (storageOk && readStore(a.storeKey)) || {}, articles: [] });
    stores.get(a.storeKey).articles.push(a.index);
  });

  function entriesOf(a) { return stores.get(a.storeKey).entries; }
  function verdictOf(q) { return q.added ? q.entry : entriesOf(articles[q.a])[q.span]; }

  /** Change one quote's entry: re-read the stored article first, so other tabs' work is kept. */
  function store(a, span, entry) {
    const box = stores.get(a.storeKey);
    const fresh = storageOk ? readStore(a.storeKey) : null;
    const entries = fresh || box.entries;
    if (entry) entries[span] = Object.assign(entry, { t: Date.now() }); else delete entries[span];
    box.entries = entries;
    if (storageOk) {
      try {
        if (Object.keys(entries).length) localStorage.setItem(a.storeKey, JSON.stringify(entries));
        else localStorage.removeItem(a.storeKey);
      } catch (e) { warnStorage(e); }
    }
  }

  window.addEventListener("storage", function (event) {
    if (event.key !== null && !stores.has(event.key)) return;
    stores.forEach(function (box, key) {
      if (event.key !== null && key !== event.key) return;
      box.entries = (event.key === null ? readStore(key) : JSON.parse(event.newValue || "{}")) || {};
      box.articles.forEach(function (i) { refresh(articles[i]); });
    });
    summary();
  });

  // --- quotes of an article: the tool's and the reviewer's additions ----------------------

  function addedOf(a) {
    const entries = entriesOf(a), out = [];
    Object.keys(entries).forEach(function (span) {
      const e = entries[span];
      if (e.v !== "added") return;
      const parts = span.slice(1).split(":").map(Number);
      out.push({ a: a.index, added: true, span: span, start: parts[0], end: parts[1], kind: e.kind || "direct",
        key: a.index + "-a" + parts[0] + "-" + parts[1], entry: e, low: false, row: null, speaker: e.speaker || null });
    });
    return out;
  }

  function quotesOf(a) {
    return a.quotes.concat(addedOf(a)).sort(function (x, y) { return x.start - y.start || x.end - y.end; });
  }

  function quoteOf(key) {
    if (byKey.has(key)) return byKey.get(key);
    const a = articles[Number(key.split("-")[0])];
    return a ? addedOf(a).find(function (q) { return q.key === key; }) : undefined;
  }

  function reviewed(a) {
    const entries = entriesOf(a);
    return a.quotes.filter(function (q) { return entries[q.span] && entries[q.span].v; }).length;
  }

  // --- filters -----------------------------------------------------------------------------

  function query() { return fold(filters.search.value).trim(); }

  function searchText(q) {
    if (q.search === undefined || q.added) {
      const a = articles[q.a], e = verdictOf(q) || {};
      const parts = [words(a, q.start, q.end), q.speaker || "", q.role || "", q.explanation || "",
        q.cue ? words(a, q.cue[0], q.cue[1]) : "", a.title || "", e.speaker || "", e.note || ""];
      const text = fold(parts.join(" \u0001 "));
      if (q.added) return text;
      q.search = text;
    }
    return q.search;
  }

  function passes(q, search) {
    const v = verdictOf(q) || {};
    const status = filters.status.value;
    if (status === "unreviewed" && (q.added || v.v)) return false;
    if (status === "check" && !q.low) return false;
    if (status === "wrong" && v.v !== "speaker" && v.v !== "notquote") return false;
    if (status === "reviewed" && !v.v) return false;
    if (filters.speaker.value && "s" + q.row !== filters.speaker.value) return false;
    if (filters.kind.value && q.kind !== filters.kind.value) return false;
    if (search && searchText(q).indexOf(search) < 0) {
      const e = verdictOf(q);
      if (!(e && e.speaker && fold(e.speaker).indexOf(search) >= 0)) return false;
    }
    return true;
  }

  function articleMatches(a, search) {
    if (a.folded === undefined) a.folded = fold((a.title || "") + " \u0001 " + a.text);
    return a.folded.indexOf(search) >= 0;
  }

  function active() {
    return Boolean(filters.status.value || filters.speaker.value || filters.kind.value || query());
  }

  /** Work out which quotes and articles show, and show them. */
  function apply(scrollText) {
    const search = query();
    const onlySearch = search && !filters.status.value && !filters.speaker.value && !filters.kind.value;
    shown = new Set();
    let total = 0;
    articles.forEach(function (a) {
      let any = false;
      quotesOf(a).forEach(function (q) { total++; if (passes(q, search)) { shown.add(q.key); any = true; } });
      const shell = $("a-" + a.index);
      shell.hidden = active() && !any && !(onlySearch && articleMatches(a, search));
      if (a.rendered) {
        if (a.search !== search) render(a);
        else showFiltered(a);
        if (scrollText && !shell.hidden) scrollPane(a);
      }
    });
    document.querySelectorAll("#speaker-rows tr").forEach(function (row) {
      row.classList.toggle("active", "s" + row.dataset.row === filters.speaker.value);
    });
    $("shown").textContent = "showing " + shown.size + " of " + total + " quotes";
  }

  function showFiltered(a) {
    const shell = $("a-" + a.index);
    shell.querySelectorAll(".card").forEach(function (card) { card.hidden = !shown.has(card.dataset.key); });
    shell.querySelectorAll(".text .hl[data-q]").forEach(function (mark) {
      mark.classList.toggle("dim", !mark.dataset.q.split(" ").some(function (k) { return shown.has(k); }));
    });
  }

  /** Scroll an article's text pane (not the page) to its first shown quote or search hit. */
  function scrollPane(a, target) {
    const pane = $("a-" + a.index).querySelector(".text");
    if (!pane) return;
    target = target || pane.querySelector(".hit") || pane.querySelector(".hl[data-q]:not(.dim)");
    if (!target || pane.scrollHeight <= pane.clientHeight) return;
    pane.scrollTop += target.getBoundingClientRect().top - pane.getBoundingClientRect().top - 48;
  }

  // --- the address bar: filters in the hash, both ways ---------------------------------------

  function hashOf() {
    const p = new URLSearchParams();
    if (filters.status.value) p.set("show", filters.status.value);
    if (filters.speaker.value) p.set("speaker", filters.speaker.value);
    if (filters.kind.value) p.set("kind", filters.kind.value);
    if (filters.search.value.trim()) p.set("q", filters.search.value.trim());
    return p.toString();
  }

  function writeHash(push) {
    const hash = hashOf();
    if (hash === location.hash.slice(1)) return;
    const url = hash ? "#" + hash : location.pathname + location.search;
    if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
  }

  function readHash() {
    const raw = location.hash.slice(1);
    if (raw && raw.indexOf("=") < 0) return false;  // a plain anchor, not filters
    const p = new URLSearchParams(raw);
    const set = function (el, value) {
      el.value = value || "";
      if (el.value !== (value || "")) el.value = "";  // an unknown value shows everything
    };
    set(filters.status, p.get("show"));
    set(filters.speaker, p.get("speaker"));
    set(filters.kind, p.get("kind"));
    filters.search.value = p.get("q") || "";
    return true;
  }

  function onAddress() { if (readHash()) { apply(true); } }
  window.addEventListener("popstate", onAddress);
  window.addEventListener("hashchange", onAddress);

  [filters.status, filters.speaker, filters.kind].forEach(function (el) {
    el.addEventListener("change", function () { writeHash(true); apply(true); });
  });
  let typing = 0;
  filters.search.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(function () { writeHash(false); apply(true); }, 150);
  });

  // --- drawing -----------------------------------------------------------------------------

  /** Draw an article, or bring a drawn one up to date. A card whose quote stays is kept, never
      replaced: a press on its buttons that a redraw (a search, another tab, an import) lands
      between mouse down and up would otherwise be lost, as would words half typed in its fields. */
  function render(a) {
    const shell = $("a-" + a.index), cols = shell.querySelector(".cols"), search = query(), quotes = quotesOf(a);
    if (!a.rendered) {
      cols.innerHTML = '<div class="text-wrap"><div class="text" lang=""></div></div>' +
        '<div class="side"><p class="add-row"><button type="button" class="b-add" aria-keyshortcuts="a">Add selected text as a missed quote</button></p>' +
        '<p class="none">No quotes found in this article.</p><ol class="quotes"></ol></div>';
      cols.style.minHeight = "";
    }
    const text = textHtml(a, quotes, search);
    if (text !== a.textDrawn) { cols.querySelector(".text").innerHTML = text; a.textDrawn = text; }
    const list = cols.querySelector(".quotes"), wanted = new Set(quotes.map(function (q) { return q.key; }));
    Array.from(list.children).forEach(function (card) { if (!wanted.has(card.dataset.key)) card.remove(); });
    let at = list.firstElementChild;
    quotes.forEach(function (q) {
      const kept = $("q-" + q.key);
      if (!kept) { list.insertBefore(cardFor(a, q, search), at); return; }
      if (kept !== at) list.insertBefore(kept, at);  // out of order: cannot happen while keys are spans
      else at = at.nextElementSibling;
      if (a.search !== search) {
        const said = words(a, q.start, q.end);
        kept.querySelector(".qtext").innerHTML = visible(said, search ? hitsIn(said, search) : []);
      }
    });
    cols.querySelector(".none").hidden = quotes.length > 0;
    a.rendered = true;
    a.search = search;
    shell.querySelectorAll(".card").forEach(paint);
    showFiltered(a);
    progress(a);
  }

  function cardFor(a, q, search) {
    const box = document.createElement("ol");
    box.innerHTML = cardHtml(a, q, search, meta.minConfidence);
    return box.firstElementChild;
  }

  /** Redraw an article after another tab or an import changed its verdicts. */
  function refresh(a) {
    if (a.rendered) render(a);
    progress(a);
  }

  /** One card's verdict on its buttons, its colour and its fields. */
  function paint(card) {
    const q = quoteOf(card.dataset.key);
    if (!q) return;
    const v = verdictOf(q) || {};
    ["correct", "speaker", "notquote"].forEach(function (name) {
      card.classList.toggle("v-" + name, v.v === name);
      const button = card.querySelector(".b-" + name);
      if (button) button.setAttribute("aria-pressed", String(v.v === name));
    });
    card.querySelector(".state").textContent = v.v && !q.added ? VERDICTS[v.v] : "";
    const fix = card.querySelector(".v-speaker"), note = card.querySelector(".v-note");
    if (fix !== document.activeElement) fix.value = v.speaker || "";
    if (note !== document.activeElement) note.value = v.note || "";
    const kind = card.querySelector(".v-kind");
    if (kind) kind.value = q.kind;
  }

  function progress(a) {
    const label = $("a-" + a.index).querySelector(".progress");
    const done = reviewed(a), total = a.quotes.length;
    label.textContent = total ? done + "/" + total + " reviewed" : "";
    label.classList.toggle("done", total > 0 && done === total);
  }

  function summary() {
    const quotes = articles.reduce(function (n, a) { return n + a.quotes.length; }, 0);
    const low = articles.reduce(function (n, a) { return n + a.quotes.filter(function (q) { return q.low; }).length; }, 0);
    const done = Array.from(stores.values()).reduce(function (n, box) { return n + reviewed(articles[box.articles[0]]); }, 0);
    $("summary").textContent = articles.length + " article" + (articles.length === 1 ? "" : "s") + " · " + quotes + " quote" +
      (quotes === 1 ? "" : "s") + " · " + low + " to check (confidence below " + meta.minConfidence + ") · " + done + " reviewed";
  }

  function speakersTable() {
    const kinds = ["direct", "mixed", "indirect"];
    $("speaker-rows").innerHTML = rows.map(function (r, i) {
      const label = r.name === null ? "(no speaker found)" : r.name;
      const also = r.names.filter(function (n) { return n !== r.name; });
      return '<tr data-row="' + i + '"><th scope="row"><a href="#speaker=s' + i + '" data-speaker="s' + i + '">' + visible(label) + "</a>" +
        (also.length ? '<span class="also">also written ' + visible(also.join(", ")) + "</span>" : "") + "</th><td>" + visible(r.role || "") +
        '</td><td class="num">' + r.count + "</td><td>" + kinds.filter(function (k) { return r.kinds[k]; }).map(function (k) { return r.kinds[k] + " " + k; }).join(" · ") +
        (r.low ? ' <span class="badge check">' + r.low + " to check</span>" : "") + "</td></tr>";
    }).join("");
    filters.speaker.insertAdjacentHTML("beforeend", rows.map(function (r, i) {
      return '<option value="s' + i + '">' + esc(r.name === null ? "(no speaker found)" : r.name) + " (" + r.count + ")</option>";
    }).join(""));
    $("speaker-names").innerHTML = rows.filter(function (r) { return r.name; }).map(function (r) { return '<option value="' + esc(r.name) + '">'; }).join("");
    $("speakers").hidden = rows.length === 0;
  }

  function shells() {
    if (!articles.length) {
      $("queue").innerHTML = '<p class="none empty">No articles were read, so there is nothing to review.</p>';
      return;
    }
    $("queue").innerHTML = articles.map(function (a) {
      const meta = [a.id, a.date].filter(Boolean).map(esc).join(" · ");
      const url = a.url ? '<p class="url">' + (/^https?:\/\//i.test(a.url) ? '<a href="' + esc(a.url) + '" rel="noopener noreferrer" target="_blank">' + visible(a.url) + "</a>" : visible(a.url)) + "</p>" : "";
      return '<article class="article" id="a-' + a.index + '" aria-labelledby="h-' + a.index + '"><header class="article-head"><h2 id="h-' + a.index + '">' +
        visible(a.title || a.id) + '</h2><p class="meta">' + meta + " · " + a.quotes.length + " quote" + (a.quotes.length === 1 ? "" : "s") +
        ' · <span class="progress"></span></p>' + url + '</header><div class="cols pending"></div></article>';
    }).join("");
    articles.forEach(function (a) {
      $("a-" + a.index).querySelector(".cols").style.minHeight = Math.min(2400, 120 + a.text.length / 6 + a.quotes.length * 40) + "px";
      progress(a);
    });
  }

  // --- verdicts -------------------------------------------------------------------------

  function announce(text) { live.textContent = ""; live.textContent = text; }

  function describe(q) {
    const a = articles[q.a];
    return "“" + shorten(words(a, q.start, q.end), 50) + "”: " + reviewed(a) + " of " + a.quotes.length + " reviewed in " + shorten(a.title || a.id, 40) + ".";
  }

  function decide(q, changes) {
    const a = articles[q.a];
    const entry = Object.assign({}, verdictOf(q) || {}, changes);
    Object.keys(entry).forEach(function (k) { if (entry[k] === null || entry[k] === "") delete entry[k]; });
    store(a, q.span, Object.keys(entry).filter(function (k) { return k !== "t"; }).length ? entry : null);
    if (q.added) q.entry = entry;
    stores.get(a.storeKey).articles.forEach(function (i) {
      const other = articles[i];
      if (i !== a.index && other.rendered) render(other);
      progress(other);
    });
    const card = $("q-" + q.key);
    if (card) paint(card);
    summary();
  }

  function verdict(q, v, toggle) {
    const old = verdictOf(q) || {};
    const next = toggle && old.v === v ? null : v;
    decide(q, { v: next, speaker: next === "speaker" ? old.speaker || "" : null });
    announce((next ? "Marked " + VERDICTS[next] : "Verdict cleared") + ": " + describe(q));
    if (next === "speaker") {
      const card = $("q-" + q.key);
      if (card) card.querySelector(".v-speaker").focus();
    }
  }

  // --- the queue --------------------------------------------------------------------------

  function queue() {
    const out = [];
    articles.forEach(function (a) { quotesOf(a).forEach(function (q) { if (shown.has(q.key)) out.push(q.key); }); });
    return out;
  }

  function ensure(q) {
    const a = articles[q.a];
    if (!a.rendered) render(a);
    return $("q-" + q.key);
  }

  function goTo(key) {
    const q = quoteOf(key);
    if (!q) return;
    const card = ensure(q);
    current = key;
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: "nearest" });
    showInText(q);
  }

  function step(by) {
    const keys = queue();
    if (!keys.length) { announce("No quote matches the filters."); return; }
    const at = current === null ? -1 : keys.indexOf(current);
    let next;
    if (at >= 0) next = at + by;
    else {  // the current card was filtered out: go to the next one after it
      const all = [];
      articles.forEach(function (a) { quotesOf(a).forEach(function (q) { all.push(q.key); }); });
      const pos = current === null ? -1 : all.indexOf(current);
      next = by > 0 ? keys.findIndex(function (k) { return all.indexOf(k) > pos; }) : -1;
      if (by < 0) { for (let i = keys.length - 1; i >= 0; i--) if (all.indexOf(keys[i]) < pos) { next = i; break; } }
      if (next < 0) next = by > 0 ? keys.length : -1;
    }
    if (next >= keys.length) { announce("That was the last quote in the queue."); return; }
    if (next < 0) { announce("That was the first quote in the queue."); return; }
    goTo(keys[next]);
  }

  function showInText(q) {
    const a = articles[q.a];
    const marks = Array.from($("a-" + a.index).querySelectorAll(".text .hl[data-q]")).filter(function (m) {
      return m.dataset.q.split(" ").indexOf(q.key) >= 0;
    });
    document.querySelectorAll(".focus").forEach(function (el) { el.classList.remove("focus"); });
    marks.forEach(function (m) { m.classList.add("focus"); });
    const card = $("q-" + q.key);
    if (card) card.classList.add("focus");
    if (marks.length) scrollPane(a, marks[0]);
  }

  function firstToReview() {
    const keys = queue();
    return keys.find(function (k) { const q = quoteOf(k); return !q.added && !(verdictOf(q) || {}).v; }) || keys[0];
  }

  // --- adding a missed quote -----------------------------------------------------------------

  function offsetIn(node, offset) {
    if (node.nodeType === Node.TEXT_NODE) {
      const seg = node.parentElement.closest("[data-o]");
      return seg ? Number(seg.dataset.o) + offset : null;
    }
    const pane = node.closest && node.closest(".text");
    if (!pane) return null;
    if (node.dataset && node.dataset.o !== undefined) return Number(node.dataset.o) + (offset ? node.textContent.length || 1 : 0);
    const child = node.childNodes[offset];
    if (child && child.dataset && child.dataset.o !== undefined) return Number(child.dataset.o);
    return articles[Number(pane.closest(".article").id.slice(2))].text.length;
  }

  /** The words selected now inside one article's text; null for a selection elsewhere or across
      articles, undefined for none. */
  function selectedWords() {
    const sel = document.getSelection();
    if (!sel.rangeCount || sel.isCollapsed) return undefined;
    const range = sel.getRangeAt(0);
    const start = range.startContainer.parentElement && range.startContainer.parentElement.closest(".text");
    const end = range.endContainer.parentElement && range.endContainer.parentElement.closest(".text");
    if (!start || start !== end) return null;
    return { a: Number(start.closest(".article").id.slice(2)), s: offsetIn(range.startContainer, range.startOffset), e: offsetIn(range.endContainer, range.endOffset) };
  }

  // The last selection is kept for a browser whose tap on the Add button clears the selection;
  // a selection that leaves the text, or a press in the text, forgets it, so words selected
  // earlier are never added in place of what the reader sees selected (or no longer selects).
  document.addEventListener("selectionchange", function () {
    const now = selectedWords();
    if (now !== undefined) lastSelection = now;
  });
  $("queue").addEventListener("mousedown", function (event) { if (event.target.closest(".text")) lastSelection = null; });

  function addMissed(articleIndex) {
    const now = selectedWords();
    const sel = now === undefined ? lastSelection : now;
    if (!sel || sel.s === null || sel.e === null || (articleIndex !== undefined && sel.a !== articleIndex)) {
      announce("Select the missed words in the article's text first, then add them.");
      return;
    }
    const a = articles[sel.a];
    let s = Math.min(sel.s, sel.e), e = Math.max(sel.s, sel.e);
    const trim = /[\s"'“”‘’«»„,.;:]/;
    while (s < e && trim.test(a.text[s])) s++;
    while (e > s && trim.test(a.text[e - 1])) e--;
    if (s >= e) { announce("The selection holds no words to add."); return; }
    const start = toPoints(a, s), end = toPoints(a, e);
    if (a.quotes.some(function (q) { return q.start === start && q.end === end; })) { announce("That is already one of the tool's quotes."); return; }
    const marked = /["“«„]/.test(a.text[s - 1] || "");
    store(a, "+" + start + ":" + end, { v: "added", kind: marked ? "direct" : "indirect" });
    stores.get(a.storeKey).articles.forEach(function (i) { if (articles[i].rendered) render(articles[i]); });
    apply(false);
    lastSelection = null;
    document.getSelection().removeAllRanges();
    const key = a.index + "-a" + start + "-" + end;
    if ($("q-" + key)) { current = key; $("q-" + key).querySelector(".v-speaker").focus(); }
    announce("Added a missed quote: “" + shorten(a.text.slice(s, e), 50) + "”. Type its speaker.");
    summary();
  }

  // --- export and import (review_io.js) ---------------------------------------------------------

  const io = window.QuotesReviewIO({
    articles: articles, stores: stores, VERDICTS: VERDICTS, quotesOf: quotesOf, verdictOf: verdictOf,
    announce: announce, readStore: readStore, warnStorage: warnStorage, refresh: refresh, apply: apply,
    summary: summary, storageOk: function () { return storageOk; },
  });

  // --- events -----------------------------------------------------------------------------------

  $("queue").addEventListener("click", function (event) {
    const t = event.target;
    const card = t.closest(".card");
    const q = card && quoteOf(card.dataset.key);
    if (t.closest(".b-add")) { addMissed(Number(t.closest(".article").id.slice(2))); return; }
    // The second click of a double click is the same press: it must not take the verdict back.
    if (q && t.closest("[data-v]")) { if (event.detail < 2) { current = q.key; verdict(q, t.closest("[data-v]").dataset.v, true); } return; }
    if (q && t.closest(".b-remove")) { decide(q, { v: null, speaker: null, note: null, kind: null }); render(articles[q.a]); apply(false); announce("Removed the added quote."); return; }
    if (q && (t.closest(".loc") || t.closest(".qtext"))) { event.preventDefault(); showInText(q); return; }
    const mark = t.closest(".text [data-q]");
    if (mark) openCard(mark);
  });

  function openCard(mark) {
    const key = mark.dataset.q.split(" ").find(function (k) { return shown.has(k); });
    if (key) goTo(key);
  }

  $("queue").addEventListener("keydown", function (event) {
    const mark = event.target.closest && event.target.closest(".text [data-q][tabindex]");
    if (mark && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); openCard(mark); }
  });

  $("queue").addEventListener("change", function (event) {
    const t = event.target, card = t.closest(".card"), q = card && quoteOf(card.dataset.key);
    if (!q) return;
    if (t.classList.contains("v-speaker")) {
      decide(q, q.added ? { speaker: t.value } : { v: "speaker", speaker: t.value });
    } else if (t.classList.contains("v-note")) decide(q, { note: t.value });
    else if (t.classList.contains("v-kind")) { decide(q, { kind: t.value }); q.kind = t.value; }
  });

  $("queue").addEventListener("focusin", function (event) {
    const card = event.target.closest(".card");
    if (card) current = card.dataset.key;
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const t = event.target;
    const card = t.closest && t.closest(".card");
    if (t.matches("input, select, textarea")) {
      if (event.key === "Escape") { if (card) card.focus(); else t.blur(); }
      if (event.key === "Enter" && card && t.matches(".v-speaker, .v-note")) {
        const q = quoteOf(card.dataset.key);
        t.dispatchEvent(new Event("change", { bubbles: true }));
        event.preventDefault();
        if (t.matches(".v-speaker") && !q.added) { announce("Speaker set to " + (t.value || "none") + ": " + describe(q)); step(1); }
        else card.focus();
      }
      return;
    }
    const q = current !== null ? quoteOf(current) : null;
    const handled = {
      j: function () { step(1); },
      k: function () { step(-1); },
      c: function () { if (q && !q.added) { verdict(q, "correct"); step(1); } },
      x: function () { if (q && !q.added) { verdict(q, "notquote"); step(1); } },
      s: function () { if (q && !q.added) verdict(q, "speaker"); },
      u: function () { if (q && !q.added) verdict(q, null); },
      n: function () { if (q) ensure(q).querySelector(".v-note").focus(); },
      a: function () { addMissed(); },
      "/": function () { filters.search.focus(); },
      "?": function () { toggleKeys(); },
    }[event.key];
    if (!handled) return;
    event.preventDefault();
    handled();
  });

  function toggleKeys() {
    const open = $("keys").hidden;
    $("keys").hidden = !open;
    $("keys-help").setAttribute("aria-expanded", String(open));
  }

  $("keys-help").addEventListener("click", toggleKeys);
  $("skip").addEventListener("click", function (event) {
    event.preventDefault();
    const key = firstToReview();
    if (key) goTo(key); else { $("queue").focus(); announce("No quote matches the filters."); }
  });
  $("speaker-rows").addEventListener("click", function (event) {
    const link = event.target.closest("a[data-speaker]");
    if (!link) return;
    event.preventDefault();
    filters.speaker.value = link.dataset.speaker;
    writeHash(true);
    apply(true);
    const key = queue()[0];
    if (key) { const card = ensure(quoteOf(key)); card.scrollIntoView({ block: "start" }); }
  });
  $("export").addEventListener("click", io.exportJsonl);
  $("export-csv").addEventListener("click", io.exportCsv);
  $("import").addEventListener("click", function () { $("import-file").click(); });
  $("import-file").addEventListener("change", function () {
    const file = this.files[0];
    if (!file) return;
    file.text().then(function (text) { io.importText(text, file.name); this.value = ""; }.bind(this));
  });
  $("reviewer").addEventListener("change", function () {
    try { localStorage.setItem(PREFIX + "reviewer", this.value.trim()); } catch (e) { /* the warning is shown already */ }
  });
  window.addEventListener("beforeprint", function () { articles.forEach(function (a) { if (!a.rendered) render(a); }); });

  /** The header's height, so sticky panes and jumps sit below the sticky filters. */
  function measure() {
    const bar = document.querySelector(".controls");
    document.documentElement.style.setProperty("--header", bar.offsetHeight + "px");
  }
  window.addEventListener("resize", measure);

  // --- start ------------------------------------------------------------------------------------

  try { $("reviewer").value = localStorage.getItem(PREFIX + "reviewer") || ""; } catch (e) { /* no storage */ }
  if (meta.leftOut) {
    const banner = $("banner");
    banner.hidden = false;
    banner.insertAdjacentHTML("beforeend", "<p>This page holds only the first " + articles.length +
      " articles of the run: it reached its size limit. Review the rest in another page.</p>");
  }
  speakersTable();
  shells();
  summary();
  measure();
  readHash();
  apply(false);
  const observer = new IntersectionObserver(function (seen) {
    seen.forEach(function (item) {
      if (!item.isIntersecting) return;
      const a = articles[Number(item.target.id.slice(2))];
      if (!a.rendered) { render(a); scrollPane(a); }
      observer.unobserve(item.target);
    });
  }, { rootMargin: "600px 0px" });
  articles.forEach(function (a) { observer.observe($("a-" + a.index)); });
  window.quotesReview = {
    exportLines: function (name) { return io.reviewedArticles(name || "test", new Date().toISOString()); },
    importText: io.importText,
    renderAll: function () { articles.forEach(function (a) { if (!a.rendered) render(a); }); },
  };
})();
