"""The review page in a real browser: Debian's headless Chromium driven by Playwright."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_review import make_quote, sample_items, span

from quotes.evaluate import load_gold
from quotes.model import Article, Quote
from quotes.review import render_review

CHROMIUM = Path("/usr/bin/chromium")
sync_api = pytest.importorskip("playwright.sync_api",
                               reason="playwright is not installed (pip install '.[test]')")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)", allow_module_level=True)

# Headless on a closed network: no GPU, no background calls home, a fresh profile.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LAPTOP = {"width": 1366, "height": 768}


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One Chromium per module, with a new empty profile directory."""
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), args=FLAGS, headless=True,
            viewport=LAPTOP, accept_downloads=True)
        yield context
        context.close()


@pytest.fixture
def report(tmp_path: Path) -> Path:
    """The sample run's page, written where the test can open it."""
    path = tmp_path / "review.html"
    path.write_text(render_review(sample_items()), encoding="utf-8")
    return path


@pytest.fixture
def page(browser: Any, report: Path) -> Iterator[Any]:
    """The report open in a tab; fails the test on any script error or network request."""
    tab = browser.new_page()
    errors: list[str] = []
    requests: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    tab.on("request", lambda req: requests.append(req.url))
    tab.goto(report.as_uri())
    tab.evaluate("localStorage.clear()")
    tab.reload()
    yield tab
    tab.close()
    assert errors == []
    assert all(url.startswith(("file:", "blob:", "data:")) for url in requests), requests


def visible_speakers(page: Any) -> list[str]:
    """Speaker names of the quote cards currently shown."""
    return page.locator(".card:visible .speaker").all_inner_texts()


def test_highlights_and_marks_exist(page: Any) -> None:
    for selector in (".text .hl.k-direct", ".text .hl.k-mixed", ".text .hl.k-indirect",
                     ".text .hl.mention", ".text .hl.cue", ".text .hl.low", ".card .badge.check"):
        assert page.locator(selector).count() > 0, selector
    colour = page.locator(".text .hl.k-direct").first.evaluate(
        "el => getComputedStyle(el).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator(".card").count() == 5
    assert page.locator("#shown").inner_text() == "showing 5 of 5 quotes"


def test_speaker_filter_hides_other_speakers_quotes(page: Any) -> None:
    page.select_option("#f-speaker", label="Vladimir Putin (1)")
    assert visible_speakers(page) == ["Vladimir Putin"]
    assert page.locator(".card:visible").count() == 1
    putin = page.locator(".text .hl.k-indirect").first
    assert "dim" not in putin.get_attribute("class")
    assert "dim" in page.locator(".text .hl.k-direct").first.get_attribute("class")
    assert page.locator("#a-1").is_hidden()  # no Putin quote in the second article
    page.select_option("#f-speaker", value="")
    assert page.locator(".card:visible").count() == 5


def test_speaker_table_link_filters_to_that_speaker(page: Any) -> None:
    page.get_by_role("link", name="Gitanas Nauseda").click()
    page.wait_for_function("document.querySelectorAll('.card:not([hidden])').length === 1")
    assert visible_speakers(page) == ["Gitanas Nauseda"]
    assert page.locator("tr.active").inner_text().startswith("Gitanas Nauseda")


def test_kind_search_and_check_filters(page: Any) -> None:
    page.select_option("#f-kind", "mixed")
    assert page.locator(".card:visible .badge.kind").all_text_contents() == ["mixed"]
    page.select_option("#f-kind", "")
    page.fill("#f-search", "TOO EARLY")
    sync_api.expect(page.locator(".card:visible")).to_have_count(1)
    assert page.locator(".card:visible .qtext").all_inner_texts() == ["It is too early to judge"]
    page.fill("#f-search", "lithuania")  # an article title matches its quotes
    sync_api.expect(page.locator(".card:visible .speaker")).to_have_text(["Gitanas Nauseda"])
    page.fill("#f-search", "correct")  # the buttons' labels are not searched
    sync_api.expect(page.locator(".card:visible")).to_have_count(0)
    page.fill("#f-search", "")
    sync_api.expect(page.locator(".card:visible")).to_have_count(5)
    page.check("#f-low")
    assert page.locator(".card:visible").count() == 2
    assert all(c == "1" for c in page.locator(".card:visible").evaluate_all(
        "cards => cards.map(c => c.dataset.low)"))


def export(page: Any, tmp_path: Path) -> list[dict[str, Any]]:
    """Click "Export verdicts", catch the download, and parse its JSON Lines."""
    with page.expect_download() as caught:
        page.click("#export")
    target = tmp_path / "verdicts.jsonl"
    caught.value.save_as(target)
    text = target.read_text(encoding="utf-8")
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def card(page: Any, text: str) -> Any:
    """The card of the quote that contains `text`."""
    return page.locator(".card", has=page.locator(".qtext", has_text=text))


def test_verdicts_export_as_gold_json_lines(page: Any, tmp_path: Path) -> None:
    card(page, "ready to defend").get_by_role("button", name="correct").click()
    card(page, "NATO was in danger").get_by_role("button", name="wrong").click()
    unnamed = card(page, "too early").locator(".v-speaker")
    unnamed.fill("Vladimir Putin")
    unnamed.press("Enter")  # fixing the speaker marks the quote correct
    assert card(page, "too early").get_attribute("class").split().count("v-correct") == 1
    assert "3/4 reviewed" in page.locator("#a-0 .progress").inner_text()

    lines = export(page, tmp_path)
    article = sample_items()[0][0]
    assert len(lines) == 1  # the unreviewed article is left out
    [line] = lines
    assert {"id", "title", "date", "text", "quotes"} <= set(line)
    assert (line["id"], line["text"], line["date"]) == (article.id, article.text, article.date)
    by_text = {q["text"]: q for q in line["quotes"]}
    assert set(by_text) == {"We are ready to defend every ally", "It is too early to judge"}
    for gold in line["quotes"]:
        assert set(gold) == {"start", "end", "text", "speaker", "speaker_spans", "kind", "cue",
                             "attribution"}
        assert article.text[gold["start"]:gold["end"]] == gold["text"]
        assert isinstance(gold["attribution"], int)
        for start, end in gold["speaker_spans"]:
            assert article.text[start:end] == gold["speaker"]  # Python offsets, past the emoji
    assert by_text["We are ready to defend every ally"]["speaker"] == "Jens Stoltenberg"
    assert by_text["We are ready to defend every ally"]["cue"] == "said"
    fixed = by_text["It is too early to judge"]
    assert fixed["speaker"] == "Vladimir Putin" and fixed["speaker_spans"]
    assert fixed["kind"] == "direct" and fixed["cue"] == "told reporters"

    emptied = card(page, "Belarus is a threat").locator(".v-speaker")
    emptied.fill("")
    emptied.press("Tab")
    [_, lithuania] = export(page, tmp_path)
    assert lithuania["quotes"][0]["speaker"] is None
    assert lithuania["quotes"][0]["speaker_spans"] == []

    gold_file = tmp_path / "verdicts.jsonl"
    loaded = load_gold(gold_file)  # `quotes eval` reads it as gold
    assert [len(a.quotes) for a in loaded] == [2, 1]


def test_verdicts_survive_a_reload_and_can_be_undone(page: Any) -> None:
    card(page, "Belarus is a threat").get_by_role("button", name="wrong").click()
    page.reload()
    wrong = card(page, "Belarus is a threat").get_by_role("button", name="wrong")
    assert wrong.get_attribute("aria-pressed") == "true"
    wrong.click()
    assert wrong.get_attribute("aria-pressed") == "false"
    page.click("#export")
    assert page.locator("#export-status").inner_text() == "mark quotes correct or wrong first"


def test_laptop_screenshot_and_narrow_layout(page: Any, tmp_path: Path) -> None:
    shot = tmp_path / "review.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    text_box = page.locator("#a-0 .text").bounding_box()
    side_box = page.locator("#a-0 .side").bounding_box()
    assert side_box["x"] > text_box["x"] + text_box["width"] - 1  # side by side on a laptop
    page.set_viewport_size({"width": 700, "height": 900})
    text_box = page.locator("#a-0 .text").bounding_box()
    side_box = page.locator("#a-0 .side").bounding_box()
    assert side_box["y"] >= text_box["y"] + text_box["height"] - 1  # stacked when narrow
    page.set_viewport_size(LAPTOP)


def test_print_hides_controls_and_keeps_highlights(page: Any) -> None:
    page.emulate_media(media="print")
    assert page.locator(".controls").is_hidden()
    assert page.locator(".verdict").first.is_hidden()
    assert page.locator(".text .hl.k-direct").first.is_visible()
    page.emulate_media(media="screen")


def test_card_and_highlight_point_at_each_other(page: Any) -> None:
    card(page, "NATO was in danger").locator(".qtext").click()
    marked = page.locator(".text .hl.focus")
    assert marked.count() >= 1 and "NATO was in danger" in "".join(marked.all_text_contents())
    page.locator(".text .hl.k-mixed").first.click()
    assert page.locator(".card.focus .qtext").inner_text().startswith("the alliance was")


def test_article_text_stays_below_the_sticky_header(page: Any) -> None:
    page.mouse.wheel(0, 900)
    page.wait_for_function("window.scrollY > 500")
    header = page.locator("header.top").bounding_box()
    text = page.locator("#a-0 .text").bounding_box()
    assert text["y"] >= header["y"] + header["height"]
    assert text["y"] + text["height"] <= LAPTOP["height"] + 1


SPLIT = "“Alpha one,” Ann Lee said, “beta two.” Then “gamma three,” Bob Roe said."


def split_items() -> list[tuple[Article, list[Quote]]]:
    """One article read twice (same id): a quote split by its cue, and another speaker's."""
    article = Article(id="split", text=SPLIT)
    ann = {"mention": span(SPLIT, "Ann Lee"), "cue": span(SPLIT, "said"), "resolution": "name"}
    bob = {"mention": span(SPLIT, "Bob Roe"), "cue": span(SPLIT, "said", "Bob"),
           "resolution": "name"}
    quotes = [make_quote(article, "Alpha one", "direct", "Ann Lee", **ann),
              make_quote(article, "beta two", "direct", "Ann Lee", **ann),
              make_quote(article, "gamma three", "direct", "Bob Roe", **bob)]
    return [(article, quotes), (article, quotes)]


def test_split_quotes_share_an_attribution_and_repeated_articles_merge(
        browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "split.html"
    path.write_text(render_review(split_items()), encoding="utf-8")
    tab = browser.new_page()
    tab.goto(path.as_uri())
    first, second = tab.locator("#a-0"), tab.locator("#a-1")
    for text in ("Alpha one", "beta two"):
        first.locator(".card", has_text=text).get_by_role("button", name="correct").click()
    second.locator(".card", has_text="gamma three").get_by_role("button", name="correct").click()
    second.locator(".card", has_text="beta two").get_by_role("button", name="correct").click()
    [line] = export(tab, tmp_path)
    tab.close()
    numbers = {q["text"]: q["attribution"] for q in line["quotes"]}
    assert sorted(numbers) == ["Alpha one", "beta two", "gamma three"]  # no duplicate piece
    assert numbers["Alpha one"] == numbers["beta two"] != numbers["gamma three"]
    spans = {q["text"]: q["speaker_spans"] for q in line["quotes"]}
    assert spans["gamma three"] == [[SPLIT.index("Bob Roe"), SPLIT.index("Bob Roe") + 7]]
