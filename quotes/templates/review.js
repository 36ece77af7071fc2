/* Quote review: filters, reviewer verdicts and their export as gold JSON Lines.
   Plain JavaScript, no libraries, nothing fetched. Offsets in the data are
   Python character offsets (code points); JavaScript strings index UTF-16, so
   any offset computed here is converted before it is exported. */
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("review-data").textContent);
  const storeKey = "quotes-review:" + data.run;
  const quotes = new Map();  // card key -> {article, quote}
  data.articles.forEach(function (article) {
    article.quotes.forEach(function (quote) { quotes.set(quote.key, { article: article, quote: quote }); });
  });
  const cards = Array.from(document.querySelectorAll(".card"));
  const marks = Array.from(document.querySelectorAll(".text .hl[data-q]"));
  const filters = {
    speaker: document.getElementById("f-speaker"),
    kind: document.getElementById("f-kind"),
    search: document.getElementById("f-search"),
    low: document.getElementById("f-low"),
  };
  const searchCache = new Map();  // card -> lowercased text
  let verdicts = load();
  let typing = 0;

  /** Saved verdicts of this exact report, so a reload does not lose a review. */
  function load() {
    try { return JSON.parse(localStorage.getItem(storeKey)) || {}; } catch (e) { return {}; }
  }

  /** Keep verdicts across reloads; a page opened from disk may refuse storage. */
  function save() {
    try { localStorage.setItem(storeKey, JSON.stringify(verdicts)); } catch (e) { /* not kept */ }
  }

  /** Show one card's verdict on its buttons, its colour and its article's progress. */
  function paint(card) {
    const v = verdicts[card.dataset.key] || {};
    card.classList.toggle("v-correct", v.verdict === "correct");
    card.classList.toggle("v-wrong", v.verdict === "wrong");
    card.querySelector(".v-ok").setAttribute("aria-pressed", String(v.verdict === "correct"));
    card.querySelector(".v-bad").setAttribute("aria-pressed", String(v.verdict === "wrong"));
    card.querySelector(".state").textContent = v.verdict || "";
    const input = card.querySelector(".v-speaker");
    if (typeof v.speaker === "string") input.value = v.speaker;
    const original = quotes.get(card.dataset.key).quote.speaker || "";
    input.classList.toggle("changed", input.value.trim() !== original);
  }

  /** "2/5 reviewed" under each article title. */
  function progress() {
    document.querySelectorAll(".article").forEach(function (article) {
      const keys = Array.from(article.querySelectorAll(".card")).map(function (c) { return c.dataset.key; });
      const done = keys.filter(function (k) { return verdicts[k] && verdicts[k].verdict; }).length;
      const label = article.querySelector(".progress");
      label.textContent = keys.length ? "· " + done + "/" + keys.length + " reviewed" : "";
    });
  }

  /** Record a verdict ("correct", "wrong" or null to clear) and a speaker fix. */
  function decide(card, verdict, speaker) {
    const key = card.dataset.key;
    const entry = Object.assign({}, verdicts[key] || {});
    if (verdict !== undefined) entry.verdict = verdict;
    if (speaker !== undefined) entry.speaker = speaker;
    if (!entry.verdict && entry.speaker === undefined) delete verdicts[key];
    else verdicts[key] = entry;
    save();
    paint(card);
    progress();
  }

  /** Does a card pass every filter the reviewer has set? */
  function passes(card, search) {
    if (filters.speaker.value && card.dataset.speaker !== filters.speaker.value) return false;
    if (filters.kind.value && card.dataset.kind !== filters.kind.value) return false;
    if (filters.low.checked && card.dataset.low !== "1") return false;
    if (search) {
      const input = card.querySelector(".v-speaker").value.toLowerCase();
      if (searchText(card).indexOf(search) < 0 && input.indexOf(search) < 0) return false;
    }
    return true;
  }

  /** A card's quote, speaker, reason and its article's title, lowercased once: typing stays quick on big runs. */
  function searchText(card) {
    if (!searchCache.has(card)) {
      const title = card.closest(".article").querySelector("h2").textContent;
      const words = card.querySelector(".qtext").textContent + " " + card.querySelector("dl").textContent;
      searchCache.set(card, (words + " " + title).toLowerCase());
    }
    return searchCache.get(card);
  }

  /** Hide filtered-out cards, dim their highlights, hide articles left with none. */
  function applyFilters() {
    const search = filters.search.value.trim().toLowerCase();
    const active = Boolean(filters.speaker.value || filters.kind.value || filters.low.checked || search);
    const visible = new Set();
    cards.forEach(function (card) {
      const show = passes(card, search);
      card.hidden = !show;
      if (show) visible.add(card.dataset.key);
    });
    marks.forEach(function (mark) {
      const keys = mark.dataset.q.split(" ");
      mark.classList.toggle("dim", !keys.some(function (k) { return visible.has(k); }));
    });
    document.querySelectorAll(".article").forEach(function (article) {
      article.hidden = active && !article.querySelector(".card:not([hidden])");
    });
    document.querySelectorAll(".speakers tbody tr").forEach(function (row) {
      row.classList.toggle("active", row.dataset.speaker === filters.speaker.value);
    });
    document.getElementById("shown").textContent = "showing " + visible.size + " of " + cards.length + " quotes";
  }

  /** `#speaker=s3` in the address selects that speaker, so the table's links filter. */
  function fromHash() {
    const match = /^#speaker=(s\d+)$/.exec(location.hash);
    if (!match) return;
    filters.speaker.value = match[1];
    applyFilters();
    const first = cards.find(function (c) { return !c.hidden; });
    if (first) first.scrollIntoView({ block: "start" });
  }

  /** Flash an element so the eye finds it after a jump. */
  function flash(elements) {
    document.querySelectorAll(".focus").forEach(function (el) { el.classList.remove("focus"); });
    elements.forEach(function (el) { el.classList.add("focus"); });
  }

  /** UTF-16 index in `text` of a Python (code point) offset. */
  function toUnits(text, offset) {
    return Array.from(text).slice(0, offset).join("").length;
  }

  /** Python (code point) offset of a UTF-16 index in `text`. */
  function toPoints(text, index) {
    return Array.from(text.slice(0, index)).length;
  }

  /** Where a corrected speaker's name is written: last before the quote, else first after. */
  function nameSpans(text, name, quoteStart) {
    if (!name) return [];
    const at = toUnits(text, quoteStart);
    let index = text.lastIndexOf(name, Math.max(0, at - name.length));
    if (index < 0 || index + name.length > at) index = text.indexOf(name);
    if (index < 0) return [];
    return [[toPoints(text, index), toPoints(text, index + name.length)]];
  }

  /** One gold quote record from a quote marked correct. */
  function goldQuote(article, quote, verdict, attribution) {
    const fixed = typeof verdict.speaker === "string" ? verdict.speaker.trim() : null;
    const changed = fixed !== null && fixed !== (quote.speaker || "");
    const speaker = changed ? (fixed || null) : quote.speaker;
    let spans = quote.mention ? [quote.mention] : [];
    if (changed) spans = nameSpans(article.text, speaker, quote.start);
    return {
      start: quote.start, end: quote.end, text: quote.text, speaker: speaker,
      speaker_spans: spans, kind: quote.kind, cue: quote.cue, attribution: attribution,
    };
  }

  /** Pieces of one statement share an attribution number: same cue and same mention. */
  function attributionOf(quote, numbers) {
    const id = quote.cue_span ? "c" + quote.cue_span.join(":") + "m" + String(quote.mention) : "q" + quote.key;
    if (!numbers.has(id)) numbers.set(id, numbers.size);
    return numbers.get(id);
  }

  /** The reviewed articles as gold JSON Lines: quotes marked correct, wrong ones left out. */
  function exportText() {
    const byId = new Map();  // gold needs one line per article id, even if it was read twice
    data.articles.forEach(function (article) {
      const reviewed = article.quotes.filter(function (q) { return verdicts[q.key] && verdicts[q.key].verdict; });
      if (!reviewed.length) return;
      const numbers = new Map();
      const gold = reviewed.filter(function (q) { return verdicts[q.key].verdict === "correct"; })
        .map(function (q) { return goldQuote(article, q, verdicts[q.key], attributionOf(q, numbers)); });
      const seen = byId.get(article.id);
      if (!seen) {
        byId.set(article.id, { id: article.id, source: "review", date: article.date, title: article.title,
          text: article.text, quotes: gold });
      } else if (seen.text === article.text) {
        const offset = seen.quotes.reduce(function (m, q) { return Math.max(m, q.attribution + 1); }, 0);
        const spans = new Set(seen.quotes.map(function (q) { return q.start + ":" + q.end; }));
        gold.forEach(function (q) {
          if (!spans.has(q.start + ":" + q.end)) seen.quotes.push(Object.assign(q, { attribution: q.attribution + offset }));
        });
      }
    });
    const lines = Array.from(byId.values()).map(function (line) { return JSON.stringify(line); });
    return lines.length ? lines.join("\n") + "\n" : "";
  }

  /** Download the verdicts as a .jsonl file made in the page (a blob, never the network). */
  function download() {
    const text = exportText();
    const status = document.getElementById("export-status");
    if (!text) { status.textContent = "mark quotes correct or wrong first"; return; }
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "application/x-ndjson" }));
    link.download = "verdicts-" + data.run + ".jsonl";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    status.textContent = "exported " + text.trim().split("\n").length + " articles";
  }

  cards.forEach(function (card) {
    card.querySelector(".v-ok").addEventListener("click", function () {
      const v = verdicts[card.dataset.key];
      decide(card, v && v.verdict === "correct" ? null : "correct");
    });
    card.querySelector(".v-bad").addEventListener("click", function () {
      const v = verdicts[card.dataset.key];
      decide(card, v && v.verdict === "wrong" ? null : "wrong");
    });
    card.querySelector(".v-speaker").addEventListener("change", function (event) {
      // Fixing the speaker says the quote itself is right, unless already judged.
      const v = verdicts[card.dataset.key];
      decide(card, v && v.verdict ? v.verdict : "correct", event.target.value);
    });
    card.querySelector(".qtext").addEventListener("click", function () {
      const key = card.dataset.key;
      const targets = marks.filter(function (m) { return m.dataset.q.split(" ").indexOf(key) >= 0; });
      if (targets.length) { targets[0].scrollIntoView({ block: "center" }); flash(targets.concat([card])); }
    });
    paint(card);
  });
  marks.forEach(function (mark) {
    mark.addEventListener("click", function () {
      const card = document.getElementById("q-" + mark.dataset.q.split(" ")[0]);
      if (!card || card.hidden) return;
      card.scrollIntoView({ block: "nearest" });
      flash([card].concat(marks.filter(function (m) { return m.dataset.q === mark.dataset.q; })));
    });
  });
  [filters.speaker, filters.kind, filters.low].forEach(function (el) { el.addEventListener("change", applyFilters); });
  filters.search.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(applyFilters, 120);  // filter once the reviewer pauses, not per key
  });
  document.getElementById("export").addEventListener("click", download);
  window.addEventListener("hashchange", fromHash);

  /** The sticky header's height, so the sticky article text sits just below it. */
  function measureHeader() {
    const top = document.querySelector(".top");
    const sticky = getComputedStyle(top).position === "sticky";
    document.documentElement.style.setProperty("--header", (sticky ? top.offsetHeight : 0) + "px");
  }
  window.addEventListener("resize", measureHeader);

  measureHeader();
  progress();
  applyFilters();
  fromHash();
  window.quotesReview = { exportText: exportText, verdicts: function () { return verdicts; } };
})();
