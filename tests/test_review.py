"""The review report's HTML, checked structurally with the stdlib parser, and `quotes review`."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from quotes import pipeline
from quotes.model import Article, Quote, Span, quote_id
from quotes.read import Sourced, read_entries
from quotes.review import render_review, review_command, script_json

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}

# An emoji first, so code point and UTF-16 offsets differ for everything after it.
TEXT = ("Breaking 🙂: “We are ready to defend every ally,” NATO Secretary General "
        "Jens Stoltenberg said on Sunday. He added that the alliance was “seriously "
        "concerned” about Minsk. Russian President Vladimir Putin said that NATO was in "
        "danger.\n\nA reader wrote <script>alert('x')</script> & </div> here.\n\n"
        "“It is too early to judge,” he told reporters.")


def span(text: str, words: str, after: str = "") -> Span:
    """The first occurrence of `words` at or after the first occurrence of `after`."""
    start = text.index(words, text.index(after) if after else 0)
    return Span(text=words, start=start, end=start + len(words))


def make_quote(article: Article, words: str, kind: str, speaker: str | None = None, *,
               mention: Span | None = None, cue: Span | None = None, resolution: str = "none",
               confidence: float = 0.9, role: str | None = None,
               explanation: str = "no attribution found") -> Quote:
    """A hand-made Quote of `words` in the article, as the pipeline would build it."""
    where = span(article.text, words)
    return Quote(id=quote_id(article.id, where.start, where.end), article_id=article.id,
                 article_title=article.title, date=article.date, text=words, start=where.start,
                 end=where.end, kind=kind, speaker=speaker, speaker_role=role,
                 speaker_mention=mention, resolution=resolution, cue=cue, confidence=confidence,
                 rule="test rule", explanation=explanation)


def sample_items() -> list[tuple[Article, list[Quote]]]:
    """Two articles covering every kind, a pronoun, a low confidence and no speaker."""
    article = Article(id="nato-1", text=TEXT, date="2021-06-06", title="NATO & Belarus")
    quotes = [
        make_quote(article, "We are ready to defend every ally", "direct", "Jens Stoltenberg",
                   mention=span(TEXT, "Jens Stoltenberg"), cue=span(TEXT, "said"),
                   resolution="name", confidence=0.95, role="NATO Secretary General",
                   explanation="full name beside the cue"),
        make_quote(article, "the alliance was “seriously concerned” about Minsk", "mixed",
                   "Jens Stoltenberg", mention=span(TEXT, "He", "Sunday"),
                   cue=span(TEXT, "added that"), resolution="pronoun", confidence=0.55,
                   role="NATO Secretary General", explanation="last named person before"),
        make_quote(article, "NATO was in danger", "indirect", "Vladimir Putin",
                   mention=span(TEXT, "Vladimir Putin"), cue=span(TEXT, "said that"),
                   resolution="name", confidence=0.8, role="Russian President",
                   explanation="full name beside the cue"),
        make_quote(article, "It is too early to judge", "direct", None,
                   cue=span(TEXT, "told reporters"), confidence=0.3),
    ]
    other_text = "Gitanas Nauseda spoke. “Belarus is a threat,” he said."
    other = Article(id="lt-2", text=other_text, title="Lithuania")
    other_quotes = [make_quote(other, "Belarus is a threat", "direct", "Gitanas Nauseda",
                               mention=span(other_text, "he", "threat"),
                               cue=span(other_text, "said"), resolution="pronoun",
                               confidence=0.7, role="President of Lithuania",
                               explanation="last named person before")]
    return [(article, quotes), (other, other_quotes)]


class Tree(HTMLParser):
    """Records tag balance, attributes, script bodies and the text of the article panes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self.text_panes: list[list[tuple[str, tuple[dict[str, str], ...]]]] = []
        self.data: list[str] = []
        self._attrs: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.elements.append((tag, values))
        if tag in VOID:
            return
        self.stack.append(tag)
        self._attrs.append(values)
        if tag == "div" and "text" in values.get("class", "").split():
            self.text_panes.append([])
        if tag == "script":
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()
        self._attrs.pop()

    def handle_data(self, data: str) -> None:
        self.data.append(data)
        if self.stack and self.stack[-1] == "script":
            self.scripts[-1] += data
        inside = [a for a in self._attrs if "text" in a.get("class", "").split()]
        if inside and self.text_panes:
            start = self._attrs.index(inside[-1])
            self.text_panes[-1].append((data, tuple(self._attrs[start + 1:])))


def parse(page: str) -> Tree:
    """The page parsed; fails the test on unbalanced tags."""
    tree = Tree()
    tree.feed(page)
    tree.close()
    assert tree.errors == [] and tree.stack == [], (tree.errors, tree.stack)
    return tree


def page_data(tree: Tree) -> dict:
    """The JSON data block the export reads."""
    [block] = [attrs for tag, attrs in tree.elements if attrs.get("id") == "review-data"]
    index = [a for t, a in tree.elements if t == "script"].index(block)
    return json.loads(tree.scripts[index])


def cards(tree: Tree) -> dict[str, dict[str, str]]:
    """Quote cards by their key."""
    return {a["data-key"]: a for t, a in tree.elements if t == "li" and "data-key" in a}


def chars_of(pane: list[tuple[str, tuple[dict[str, str], ...]]]) -> list[tuple[str, set[str], set[str]]]:
    """Each character of an article pane with the classes and quote keys around it."""
    out = []
    for data, attrs in pane:
        classes = {c for a in attrs for c in a.get("class", "").split()}
        keys = {k for a in attrs for k in a.get("data-q", "").split()}
        out.extend((char, classes, keys) for char in data)
    return out


@pytest.fixture(scope="module")
def page() -> str:
    return render_review(sample_items())


def test_page_is_well_formed(page: str) -> None:
    tree = parse(page)
    assert page.startswith("<!doctype html>")
    assert [t for t, _ in tree.elements].count("html") == 1


def test_every_quote_text_speaker_and_offsets_are_shown(page: str) -> None:
    tree = parse(page)
    shown = " ".join(tree.data)
    found = cards(tree)
    for index, (_, quotes) in enumerate(sample_items()):
        for quote in quotes:
            card = found[f"{index}-{quote.id}"]
            assert (card["data-start"], card["data-end"]) == (str(quote.start), str(quote.end))
            assert f"chars {quote.start}–{quote.end}" in shown
            assert quote.text in shown
            assert (quote.speaker or "(no speaker found)") in shown
            assert quote.explanation in shown


def test_article_text_is_kept_exactly_in_the_pane(page: str) -> None:
    tree = parse(page)
    for pane, (article, _) in zip(tree.text_panes, sample_items(), strict=True):
        assert "".join(data for data, _ in pane) == article.text


def test_quotes_mentions_and_cues_are_marked_on_their_characters(page: str) -> None:
    tree = parse(page)
    for index, (pane, (_, quotes)) in enumerate(zip(tree.text_panes, sample_items(), strict=True)):
        chars = chars_of(pane)
        for quote in quotes:
            key = f"{index}-{quote.id}"
            for char, classes, keys in chars[quote.start:quote.end]:
                assert f"k-{quote.kind}" in classes and key in keys, (quote.text, char)
            for role, part in (("mention", quote.speaker_mention), ("cue", quote.cue)):
                if part is not None:
                    assert all(role in c and key in k for _, c, k in chars[part.start:part.end])
        parts = [p for q in quotes for p in (q, q.speaker_mention, q.cue) if p is not None]
        marked = {i for p in parts for i in range(p.start, p.end)}
        assert all(bool(classes) == (i in marked) for i, (_, classes, _) in enumerate(chars))


def test_each_quote_has_one_anchor_that_its_card_links_to(page: str) -> None:
    tree = parse(page)
    ids = [a["id"] for _, a in tree.elements if a.get("id", "").startswith("t-")]
    links = [a["href"] for t, a in tree.elements if t == "a" and a.get("class") == "loc"]
    assert sorted(ids) == sorted(link[1:] for link in links)
    assert len(ids) == len(set(ids)) == sum(len(q) for _, q in sample_items())


def test_overlapping_and_touching_spans_are_split_safely() -> None:
    text = "“Alpha beta gamma delta,” said Ann Lee, “epsilon.”"
    article = Article(id="o", text=text)
    outer = make_quote(article, "Alpha beta gamma delta", "direct", "Ann Lee",
                       mention=span(text, "Ann Lee"), cue=span(text, "said"), resolution="name")
    inner = make_quote(article, "beta gamma delta,” said Ann", "mixed", "Ann Lee",
                       mention=span(text, "Ann Lee"), cue=span(text, "said"), resolution="name")
    touching = make_quote(article, "epsilon", "direct", "Ann Lee", mention=span(text, "Ann Lee"),
                          cue=span(text, "said"), resolution="name")
    tree = parse(render_review([(article, [outer, inner, touching])]))
    chars = chars_of(tree.text_panes[0])
    assert "".join(c for c, _, _ in chars) == text
    beta = text.index("beta")
    assert {"k-direct", "k-mixed"} <= chars[beta][1]
    assert chars[text.index("Ann")][1] >= {"k-mixed", "mention"}


def test_spans_outside_the_text_are_clamped_and_flagged() -> None:
    article = Article(id="short", text="“Yes,” she said.")
    quote = Quote(id="x", article_id="short", text="Yes", start=40, end=43, kind="direct",
                  confidence=0.9, rule="r", explanation="e")
    tree = parse(render_review([(article, [quote])]))
    assert "".join(d for d, _ in tree.text_panes[0]) == article.text
    assert "offsets do not match the text" in " ".join(tree.data)


def test_low_confidence_quotes_are_flagged_check() -> None:
    tree = parse(render_review(sample_items()))
    low = {k for k, a in cards(tree).items() if a["data-low"] == "1"}
    assert low == {f"0-{q.id}" for q in sample_items()[0][1] if q.confidence < 0.6}
    flagged = [a for _, a in tree.elements if "low" in a.get("class", "").split()]
    assert any("card" in a["class"] for a in flagged) and any("hl" in a["class"] for a in flagged)
    relaxed = parse(render_review(sample_items(), min_confidence=0.2))
    assert all(a["data-low"] == "0" for a in cards(relaxed).values())


def test_check_badge_is_on_low_cards_only(page: str) -> None:
    blocks = re.findall(r'<li class="card[^"]*".*?</li>', page, flags=re.DOTALL)
    assert len(blocks) == 5
    for block in blocks:
        assert ('>check</span>' in block) == ('data-low="1"' in block)


def test_speakers_table_counts_the_whole_run_and_links_to_filters(page: str) -> None:
    tree = parse(page)
    rows = re.findall(r'<tr data-speaker="(s\d+)"><th scope="row"><a href="#speaker=(s\d+)" '
                      r'data-speaker="s\d+">([^<]+)</a></th><td>[^<]*</td>'
                      r'<td class="num">(\d+)</td>', page)
    table = {name: (key, int(count)) for key, link, name, count in rows if key == link}
    assert {n: c for n, (_, c) in table.items()} == {
        "Jens Stoltenberg": 2, "Vladimir Putin": 1, "Gitanas Nauseda": 1, "(no speaker found)": 1}
    assert next(iter(table)) == "Jens Stoltenberg"  # most quoted first
    by_key = {key: name for name, (key, _) in table.items()}
    options = re.findall(r'<option value="(s\d+)">([^<]+) \((\d+)\)</option>', page)
    assert {by_key[k] for k, _, _ in options} == set(table)
    for key, card in cards(tree).items():
        article, quote_id_ = key.split("-", 1)
        quote = next(q for q in sample_items()[int(article)][1] if q.id == quote_id_)
        assert by_key[card["data-speaker"]] == (quote.speaker or "(no speaker found)")


def test_why_shows_mention_arrow_speaker_and_resolution(page: str) -> None:
    whys = [html.unescape(re.sub(r"<[^>]+>", "", why))
            for why in re.findall(r'<dd class="why">(.*?)</dd>', page, flags=re.DOTALL)]
    assert "pronoun “He” → Jens Stoltenberg: last named person before rule test rule" in whys
    assert "none no speaker found: no attribution found rule test rule" in whys


def test_why_does_not_repeat_a_chain_the_explanation_already_gives() -> None:
    article, quotes = sample_items()[1]
    told = quotes[0].model_copy(update={"explanation": '"he" → Gitanas Nauseda: last named'})
    page = render_review([(article, [told])])
    [why] = re.findall(r'<dd class="why">(.*?)</dd>', page, flags=re.DOTALL)
    assert html.unescape(re.sub(r"<[^>]+>", "", why)) == (
        'pronoun "he" → Gitanas Nauseda: last named rule test rule')


def test_no_external_references(page: str) -> None:
    tree = parse(page)
    for _, attrs in tree.elements:
        for name in ("src", "href", "action", "srcset", "poster", "data"):
            value = attrs.get(name, "").strip().lower()
            assert not value.startswith(("http:", "https:", "//", "ftp:")), (name, value)
            assert not re.match(r"^[a-z][a-z0-9+.-]*:", value) or value.startswith("#"), value
    assert not re.search(r"https?://|@import|url\(", page)
    assert "default-src 'none'" in page  # the browser itself refuses any fetch


def test_article_markup_is_escaped() -> None:
    tree = parse(render_review(sample_items()))
    assert [t for t, _ in tree.elements].count("script") == 2
    assert "<script>alert('x')</script>" in "".join(tree.data)  # shown as text, not run
    data_block = tree.scripts[0]
    assert "</" not in data_block and "<!--" not in data_block


def test_data_block_round_trips_article_text_and_quotes(page: str) -> None:
    data = page_data(parse(page))
    assert re.fullmatch(r"[0-9a-f]{16}", data["run"])
    for stored, (article, quotes) in zip(data["articles"], sample_items(), strict=True):
        assert (stored["id"], stored["text"], stored["title"]) == (article.id, article.text,
                                                                   article.title)
        by_id = {q["id"]: q for q in stored["quotes"]}
        for quote in quotes:
            saved = by_id[quote.id]
            assert article.text[saved["start"]:saved["end"]] == saved["text"] == quote.text
            assert saved["speaker"] == quote.speaker and saved["kind"] == quote.kind
            mention = quote.speaker_mention
            assert saved["mention"] == ([mention.start, mention.end] if mention else None)


def test_script_json_cannot_end_its_script() -> None:
    text = script_json({"t": "</script><!-- ]]> & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"t": "</script><!-- ]]> & \u2028"}


def test_rendering_is_deterministic() -> None:
    assert render_review(sample_items()) == render_review(sample_items())


def test_empty_run_renders_a_valid_page() -> None:
    tree = parse(render_review([]))
    assert "0 articles · 0 quotes" in " ".join(tree.data)
    article = Article(id="quiet", text="Nothing was said.")
    assert "No quotes found in this article." in render_review([(article, [])])


def test_seed_quotes_are_all_rendered() -> None:
    items = []
    for path in sorted(SEEDS.glob("*.txt")):
        article = Article(id=path.stem, text=path.read_text(encoding="utf-8"))
        items.append((article, pipeline.extract(article)))
    tree = parse(render_review(items))
    found = cards(tree)
    for index, (article, quotes) in enumerate(items):
        assert "".join(d for d, _ in tree.text_panes[index]) == article.text
        for quote in quotes:
            assert found[f"{index}-{quote.id}"]["data-start"] == str(quote.start)


runner = CliRunner()
app = typer.Typer()
app.command()(review_command)


def test_review_command_writes_the_report(tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    result = runner.invoke(app, [str(SEEDS), "-o", str(out), "--min-confidence", "0.8"])
    assert result.exit_code == 0, result.output
    tree = parse(out.read_text(encoding="utf-8"))
    data = page_data(tree)
    assert sorted(a["id"] for a in data["articles"]) == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert "confidence below 0.8" in " ".join(tree.data)
    assert f"wrote {out}" in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["review.html"]  # no temporary file left


def test_review_command_reports_bad_inputs_and_keeps_the_good(tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    result = runner.invoke(app, [str(SEEDS), str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert "quotes: error:" in result.output and "bad.jsonl" in result.output
    assert len(page_data(parse(out.read_text(encoding="utf-8")))["articles"]) == 2


def test_review_command_refuses_missing_paths(tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    result = runner.invoke(app, [str(tmp_path / "nowhere.txt"), "-o", str(out)])
    assert result.exit_code == 2 and "nowhere.txt" in result.output
    assert not out.exists()


@pytest.mark.parametrize("target", ["missing/review.html", "."])
def test_review_command_refuses_an_unwritable_output(tmp_path: Path, target: str) -> None:
    result = runner.invoke(app, [str(SEEDS), "-o", str(tmp_path / target)])
    assert result.exit_code == 2 and "--output" in result.output
    assert list(tmp_path.iterdir()) == []


def test_review_command_reports_a_failed_write(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("quotes.write.os.fsync", full)
    out = tmp_path / "review.html"
    result = runner.invoke(app, [str(SEEDS), "-o", str(out)])
    assert result.exit_code == 3
    assert f"cannot write output {out}: No space left on device" in result.output
    assert list(tmp_path.iterdir()) == []


def test_review_command_reads_stdin(tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    result = runner.invoke(app, ["-", "-o", str(out)], input="“Hello,” Ann Lee said.\n")
    assert result.exit_code == 0, result.output
    assert page_data(parse(out.read_text(encoding="utf-8")))["articles"][0]["text"].startswith(
        "“Hello,”")


def test_quotes_cli_has_the_review_command(tmp_path: Path) -> None:
    from quotes.cli import app as quotes_app

    out = tmp_path / "seeds.html"
    result = runner.invoke(quotes_app, ["review", str(SEEDS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    tree = parse(out.read_text(encoding="utf-8"))
    data = page_data(tree)
    found = cards(tree)
    for article in data["articles"]:
        for quote in article["quotes"]:
            assert found[quote["key"]]["data-start"] == str(quote["start"])
            assert article["text"][quote["start"]:quote["end"]] == quote["text"]
    articles = [e.article for e in read_entries([SEEDS]) if isinstance(e, Sourced)]
    expected = [q.id for a in articles for q in pipeline.extract(a)]
    assert sorted(q["id"] for a in data["articles"] for q in a["quotes"]) == sorted(expected)
    assert len(found) == len(expected)
