"""The review report's HTML, checked structurally with the stdlib parser, and `quotes review`."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from io import StringIO
from itertools import pairwise
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from quotes import pipeline
from quotes.model import Article, Quote, Span, quote_id
from quotes.read import Sourced, read_entries
from quotes.review import render_review, review_command, script_json, write_page

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}

# An emoji first, so code point and UTF-16 offsets differ for everything after it.
TEXT = ("Breaking 🙂: “We are ready to defend every ally,” NATO Secretary General "
        "Ivar Stokkeland said on Sunday. He added that the alliance was “seriously "
        "concerned” about Minsk. Russian President Vadim Prokhin said that NATO was in "
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
        make_quote(article, "We are ready to defend every ally", "direct", "Ivar Stokkeland",
                   mention=span(TEXT, "Ivar Stokkeland"), cue=span(TEXT, "said"),
                   resolution="name", confidence=0.95, role="NATO Secretary General",
                   explanation="full name beside the cue"),
        make_quote(article, "the alliance was “seriously concerned” about Minsk", "mixed",
                   "Ivar Stokkeland", mention=span(TEXT, "He", "Sunday"),
                   cue=span(TEXT, "added that"), resolution="pronoun", confidence=0.55,
                   role="NATO Secretary General", explanation="last named person before"),
        make_quote(article, "NATO was in danger", "indirect", "Vadim Prokhin",
                   mention=span(TEXT, "Vadim Prokhin"), cue=span(TEXT, "said that"),
                   resolution="name", confidence=0.8, role="Russian President",
                   explanation="full name beside the cue"),
        make_quote(article, "It is too early to judge", "direct", None,
                   cue=span(TEXT, "told reporters"), confidence=0.3),
    ]
    other_text = "Gedas Narbutas spoke. “Belarus is a threat,” he said."
    other = Article(id="lt-2", text=other_text, title="Lithuania")
    other_quotes = [make_quote(other, "Belarus is a threat", "direct", "Gedas Narbutas",
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


def page_data(tree: Tree) -> list:
    """The JSON data block: the articles and their quotes."""
    [block] = [attrs for tag, attrs in tree.elements if attrs.get("id") == "review-data"]
    index = [a for t, a in tree.elements if t == "script"].index(block)
    return json.loads(tree.scripts[index])


@pytest.fixture(scope="module")
def page() -> str:
    return render_review(sample_items())


def meta(tree: Tree) -> dict:
    """The JSON block of speakers and settings."""
    [block] = [attrs for tag, attrs in tree.elements if attrs.get("id") == "review-meta"]
    index = [a for t, a in tree.elements if t == "script"].index(block)
    return json.loads(tree.scripts[index])


def test_page_is_well_formed(page: str) -> None:
    tree = parse(page)
    assert page.startswith("<!doctype html>")
    assert [t for t, _ in tree.elements].count("html") == 1


def test_each_article_text_is_embedded_once(page: str) -> None:
    for article, quotes in sample_items():
        assert page.count(script_json(article.text)) == 1
        for quote in quotes:  # quotes are offsets into the text, not copies of it
            assert page.count(script_json(quote.text)[1:-1]) == 1 or quote.text in article.text


def test_data_block_round_trips_article_text_and_quotes(page: str) -> None:
    data = page_data(parse(page))
    for stored, (article, quotes) in zip(data, sample_items(), strict=True):
        assert (stored["id"], stored["text"], stored["title"]) == (article.id, article.text,
                                                                   article.title)
        assert re.fullmatch(r"[0-9a-f]{16}", stored["key"])
        by_id = {q["id"]: q for q in stored["quotes"]}
        for quote in quotes:
            saved = by_id[quote.id]
            assert (saved["start"], saved["end"]) == (quote.start, quote.end)
            assert "text" not in saved  # it fits the article: the page slices it from there
            assert saved["speaker"] == quote.speaker and saved["kind"] == quote.kind
            mention = quote.speaker_mention
            assert saved["mention"] == ([mention.start, mention.end] if mention else None)
            assert saved["explanation"] == quote.explanation


def test_saved_verdicts_key_follows_the_article_not_the_run() -> None:
    items = sample_items()
    alone = page_data(parse(render_review(items[:1])))[0]["key"]
    with_more = page_data(parse(render_review(items)))[0]["key"]
    changed = Article(id=items[0][0].id, text=items[0][0].text + " More.")
    assert alone == with_more != page_data(parse(render_review([(changed, [])])))[0]["key"]


def test_policy_allows_only_the_page_script_and_styles_by_hash(page: str) -> None:
    tree = parse(page)
    [policy] = [a["content"] for t, a in tree.elements
                if a.get("http-equiv") == "Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "default-src 'none'" in policy
    assert "base-uri 'none'" in policy and "form-action 'none'" in policy
    allowed = re.search(r"script-src ([^;]+);", policy).group(1).split()
    scripts = [body for (tag, attrs), body in zip(
        [(t, a) for t, a in tree.elements if t == "script"], tree.scripts, strict=True)
        if "type" not in attrs]
    assert len(scripts) == len(allowed) == 3
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in allowed
    style = re.search(r"<style>(.*?)</style>", page, flags=re.DOTALL).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in policy


def test_no_external_references(page: str) -> None:
    tree = parse(page)
    for _, attrs in tree.elements:
        for name in ("src", "href", "action", "srcset", "poster", "data"):
            value = attrs.get(name, "").strip().lower()
            assert not value.startswith(("http:", "https:", "//", "ftp:")), (name, value)
    assert not re.search(r"https?://(?!www\.w3)|@import|url\(", page.replace("https?:", ""))


def test_article_markup_is_escaped(page: str) -> None:
    tree = parse(page)
    assert [t for t, _ in tree.elements].count("script") == 5
    assert "<script>alert" not in page
    for block in tree.scripts[:2]:
        assert "</" not in block and "<!--" not in block


def test_low_confidence_and_threshold_reach_the_page() -> None:
    tree = parse(render_review(sample_items(), min_confidence=0.8))
    assert meta(tree)["minConfidence"] == 0.8
    confidences = [q["confidence"] for a in page_data(tree) for q in a["quotes"]]
    assert sorted(confidences) == sorted(q.confidence for _, qs in sample_items() for q in qs)


def named(text: str, *names: str) -> tuple[Article, list[Quote]]:
    """An article whose quotes are given to these speaker names, one quote each."""
    article = Article(id=f"n{len(names)}", text=text)
    words = [w for w in re.findall(r"Q\d+", text)]
    return article, [make_quote(article, w, "direct", name) for w, name in zip(words, names, strict=True)]


def test_speaker_names_of_one_person_are_one_row() -> None:
    text = "Q1 Q2 Q3 Q4 Q5 Q6 Q7"
    names = ["Ivar Stokkeland", "Stokkeland", "Secretary General Ivar Stokkeland",
             "José Ruiz", "Jose Ruiz", "Ann Lee", "Bob Lee"]
    first = named(text, *names)
    second = named("Q1 Q2", "Lee", "stokkeland")
    rows = meta(parse(render_review([first, second])))["speakers"]
    by_name = {r["name"]: r for r in rows["rows"]}
    assert by_name["Ivar Stokkeland"]["count"] == 4  # the shown name: the full name
    assert set(by_name["Ivar Stokkeland"]["names"]) == {
        "Ivar Stokkeland", "Stokkeland", "Secretary General Ivar Stokkeland", "stokkeland"}
    [ruiz] = [r for r in rows["rows"] if "José Ruiz" in r["names"]]
    assert ruiz["count"] == 2 and set(ruiz["names"]) == {"José Ruiz", "Jose Ruiz"}
    assert {"Ann Lee", "Bob Lee", "Lee"} <= set(by_name)  # a surname two people share stays apart
    data = page_data(parse(render_review([first, second])))
    groups = [rows["row_of"][q["group"]] for a in data for q in a["quotes"]]
    assert groups[0] == groups[1] == groups[2] == groups[8] != groups[3]
    assert rows["rows"][groups[0]]["name"] == "Ivar Stokkeland"


def test_rendering_is_deterministic() -> None:
    assert render_review(sample_items()) == render_review(sample_items())


def test_empty_run_renders_a_valid_page() -> None:
    tree = parse(render_review([]))
    assert page_data(tree) == [] and meta(tree)["speakers"]["rows"] == []


def test_seed_quotes_are_all_in_the_data() -> None:
    items = []
    for path in sorted(SEEDS.glob("*.txt")):
        article = Article(id=path.stem, text=path.read_text(encoding="utf-8"))
        items.append((article, pipeline.extract(article)))
    data = page_data(parse(render_review(items)))
    for stored, (article, quotes) in zip(data, items, strict=True):
        assert stored["text"] == article.text
        assert [(q["start"], q["end"]) for q in stored["quotes"]] == sorted(
            (q.start, q.end) for q in quotes)


def test_page_is_written_as_articles_arrive() -> None:
    written = StringIO()
    seen: list[int] = []

    def arriving() -> Iterator[tuple[Article, list[Quote]]]:
        for number in range(5):
            seen.append(len(written.getvalue()))
            yield Article(id=f"a{number}", text=f"Text {number}."), []

    write_page(written, arriving())
    assert all(later > earlier for earlier, later in pairwise(seen[1:]))  # not gathered first


def test_page_stops_at_its_size_limit() -> None:
    big = [(Article(id=f"a{n}", text="word " * 20_000), []) for n in range(30)]
    pulled = 0

    def counted() -> Iterator[tuple[Article, list[Quote]]]:
        nonlocal pulled
        for item in big:
            pulled += 1
            yield item

    out = StringIO()
    stats = write_page(out, counted(), max_bytes=1_000_000)
    assert stats.left_out and 5 <= stats.articles < 10 and pulled == stats.articles + 1
    assert len(out.getvalue().encode()) <= 1_000_000
    assert meta(parse(out.getvalue()))["leftOut"] is True
    assert len(page_data(parse(out.getvalue()))) == stats.articles


runner = CliRunner()
app = typer.Typer()
app.command()(review_command)


def test_review_command_writes_the_report(tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    result = runner.invoke(app, [str(SEEDS), "-o", str(out), "--min-confidence", "0.8"])
    assert result.exit_code == 0, result.output
    tree = parse(out.read_text(encoding="utf-8"))
    data = page_data(tree)
    assert sorted(a["id"] for a in data) == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert meta(tree)["minConfidence"] == 0.8
    assert f"wrote {out}" in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["review.html"]  # no temporary file left


def test_review_command_reports_bad_inputs_and_keeps_the_good(tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    result = runner.invoke(app, [str(SEEDS), str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert "quotes: error:" in result.output and "bad.jsonl" in result.output
    assert len(page_data(parse(out.read_text(encoding="utf-8")))) == 2


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
    assert page_data(parse(out.read_text(encoding="utf-8")))[0]["text"].startswith("“Hello,”")


def test_review_command_takes_the_encoding_errors_it_suggests(tmp_path: Path) -> None:
    source = tmp_path / "odd.jsonl"
    source.write_text('{"id": "s", "text": "Ann said \\ud800 \u201cno.\u201d"}\n', encoding="utf-8")
    out = tmp_path / "review.html"
    strict = runner.invoke(app, [str(source), "-o", str(out)])
    assert strict.exit_code == 1 and "--encoding-errors replace" in strict.output
    replaced = runner.invoke(app, [str(source), "-o", str(out), "--encoding-errors", "replace"])
    assert replaced.exit_code == 0, replaced.output
    assert "\ufffd" in page_data(parse(out.read_text(encoding="utf-8")))[0]["text"]


def test_review_command_caps_the_page_and_says_so(tmp_path: Path) -> None:
    source = tmp_path / "big.jsonl"
    with source.open("w", encoding="utf-8") as lines:
        for n in range(8):
            lines.write(json.dumps({"id": f"b{n}", "text": "Plain words here. " * 20_000}) + "\n")
    out = tmp_path / "review.html"
    result = runner.invoke(app, [str(source), "-o", str(out), "--max-page-mb", "1"])
    assert result.exit_code == 1
    assert "reached its 1 MB limit after 2 articles" in result.output
    assert "--max-page-mb" in result.output
    assert len(page_data(parse(out.read_text(encoding="utf-8")))) == 2
    assert out.stat().st_size <= 1_000_000


def test_quotes_cli_has_the_review_command(tmp_path: Path) -> None:
    from quotes.cli import app as quotes_app

    out = tmp_path / "seeds.html"
    result = runner.invoke(quotes_app, ["review", str(SEEDS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = page_data(parse(out.read_text(encoding="utf-8")))
    articles = [e.article for e in read_entries([SEEDS]) if isinstance(e, Sourced)]
    expected = [q.id for a in articles for q in pipeline.extract(a)]
    assert sorted(q["id"] for a in data for q in a["quotes"]) == sorted(expected)


def test_docs_show_a_screenshot_of_the_page() -> None:
    docs = SEEDS.parent / "docs"
    assert "](review.png)" in (docs / "review.md").read_text(encoding="utf-8")
    assert (docs / "review.png").read_bytes().startswith(b"\x89PNG")


def test_review_command_refuses_a_terminal_and_its_own_input(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import quotes.cli

    monkeypatch.setattr(quotes.cli, "_stdin_is_terminal", lambda: True)
    result = runner.invoke(app, ["-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and "stdin is a terminal" in result.output
    source = tmp_path / "a.txt"
    source.write_text("“Yes,” Ann Lee said.\n", encoding="utf-8")
    result = runner.invoke(app, [str(source), "-o", str(source)])
    assert result.exit_code == 2 and source.read_text(encoding="utf-8").startswith("“Yes")
