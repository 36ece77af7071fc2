"""The review page in a real browser: Debian's headless Chromium driven by Playwright."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_review import make_quote, sample_items, span
from typer.testing import CliRunner

from quotes.cli import app as quotes_app
from quotes.evaluate import load_gold
from quotes.model import Article, Quote
from quotes.review import render_review

CHROMIUM = Path("/usr/bin/chromium")
sync_api = pytest.importorskip("playwright.sync_api",
                               reason="playwright is not installed (pip install '.[test]')")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)", allow_module_level=True)

expect = sync_api.expect
# Waits are polls that end as soon as the page is right: their limits only bound a failure,
# so they are generous (Playwright's default 5 s fails a correct page on a loaded machine).
WAIT_SECONDS = 30
expect.set_options(timeout=WAIT_SECONDS * 1000)
# Headless on a closed network: no GPU, no background calls home, a fresh profile.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
Items = list[tuple[Article, list[Quote]]]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One Chromium per module; each test gets its own profiles from it (see Tabs)."""
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS,
                                              headless=True)
        yield chromium
        chromium.close()


def write(tmp_path: Path, items: Items, name: str = "review.html") -> Path:
    """A report of these items, written where a tab can open it."""
    path = tmp_path / name
    path.write_text(render_review(items), encoding="utf-8")
    return path


# Every file: page shares one local storage per profile. Under load, this Chromium now and then
# gives a newly loaded document an empty storage of its own instead (about 1 load in 50 at load
# 12-15 on 2 cores, in a bare page too: see docs/review.md); the profile's marker tells them apart.
MARKER = "quotes-review-test:profile"


class Tabs:
    """Opens report tabs that fail the test on any script error, CSP report or network request.

    Each test starts in a new, empty profile (a browser context), so no test sees another's
    verdicts; `new_profile()` is a second browser, for a colleague who saved nothing."""

    def __init__(self, browser: Any, tmp_path: Path) -> None:
        self.browser = browser
        self.blank = tmp_path / "blank.html"
        self.blank.write_text("<!doctype html><title>blank</title>", encoding="utf-8")
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.contexts: list[Any] = []
        self.spare: dict[Any, Any] = {}
        self.context = self.new_profile()

    def new_profile(self) -> Any:
        """A new browser context, with a tab in which two documents shared its storage."""
        for _ in range(5):
            context = self.browser.new_context(viewport=LAPTOP, accept_downloads=True)
            self.contexts.append(context)
            tab = context.new_page()
            tab.goto(self.blank.as_uri())
            tab.evaluate(f"localStorage.setItem('{MARKER}', '1')")
            tab.reload()
            if tab.evaluate(f"localStorage.getItem('{MARKER}')") == "1":
                self.spare[context] = tab  # a renderer costs a second or so on a loaded machine
                return context
        raise AssertionError("no two documents of a new profile shared its storage")

    def _attached(self, tab: Any, load: Any) -> Any:
        """Load a document until it has the profile's storage (see MARKER)."""
        for _ in range(5):
            load()
            if tab.evaluate(f"localStorage.getItem('{MARKER}')") == "1":
                return tab
        raise AssertionError(f"{tab.url} never got its profile's storage")

    def open(self, path: Path, hash: str = "", context: Any = None) -> Any:
        context = context or self.context
        tab = self.spare.pop(context, None) or context.new_page()
        tab.on("pageerror", lambda exc: self.errors.append(str(exc)))
        tab.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        tab.on("request", lambda req: self.requests.append(req.url))
        self._attached(tab, lambda: tab.goto(path.as_uri() + hash))
        return tab

    def reload(self, tab: Any) -> None:
        self._attached(tab, tab.reload)

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def tabs(browser: Any, tmp_path: Path) -> Iterator[Tabs]:
    opened = Tabs(browser, tmp_path)
    yield opened
    opened.close()
    assert opened.errors == []
    assert all(url.startswith(("file:", "blob:", "data:")) for url in opened.requests), opened.requests


@pytest.fixture
def page(tabs: Tabs, tmp_path: Path) -> Any:
    """The sample run's report in a fresh tab, with no saved verdicts, every article drawn."""
    tab = tabs.open(write(tmp_path, sample_items()))
    tab.evaluate("window.quotesReview.renderAll()")
    return tab


def card(page: Any, text: str) -> Any:
    """The card of the quote that contains `text`."""
    return page.locator(".card", has=page.locator(".qtext", has_text=text))


def export(page: Any, tmp_path: Path, name: str = "Ann Checker", button: str = "#export") -> Path:
    """Click an export button as reviewer `name`, and save the download."""
    page.fill("#reviewer", name)
    page.locator("#reviewer").dispatch_event("change")
    with page.expect_download() as caught:
        page.click(button)
    target = tmp_path / caught.value.suggested_filename
    caught.value.save_as(target)
    return target


def wait_until(tab: Any, script: str, seconds: float = WAIT_SECONDS) -> None:
    """Poll a condition (the page's policy forbids wait_for_function's string eval)."""
    for _ in range(int(seconds * 20)):
        if tab.evaluate(script):
            return
        tab.wait_for_timeout(50)
    raise AssertionError(f"never true: {script}")


def lines(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


# --- what the page shows ----------------------------------------------------------------------


def test_highlights_cards_and_counts(page: Any) -> None:
    for selector in (".text .hl.k-direct", ".text .hl.k-mixed", ".text .hl.k-indirect",
                     ".text .hl.mention", ".text .hl.cue", ".text .hl.low", ".card .badge.check"):
        assert page.locator(selector).count() > 0, selector
    colour = page.locator(".text .hl.k-direct").first.evaluate(
        "el => getComputedStyle(el).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    expect(page.locator(".card")).to_have_count(5)
    assert page.locator("#shown").inner_text() == "showing 5 of 5 quotes"
    assert page.locator("#summary").inner_text().startswith("2 articles · 5 quotes · 2 to check")
    text = page.locator("#a-0 .text").evaluate("el => el.textContent")
    assert text == sample_items()[0][0].text  # the article exactly, markup shown as text
    assert page.locator("script", has_text="alert").count() == 0


def test_controls_are_named_after_their_quote_and_one_region_is_live(page: Any) -> None:
    ok = page.get_by_role("button", name="Correct “We are ready to defend every ally”")
    expect(ok).to_have_count(1)
    expect(page.get_by_role("button", name="Not a quote “Belarus is a threat”")).to_have_count(1)
    expect(page.get_by_role("textbox", name="Note on “NATO was in danger”")).to_have_count(1)
    live = page.locator("[aria-live], [role=status], [role=alert], [role=log]")
    expect(live).to_have_count(1)
    ok.click()
    expect(live).to_contain_text("Marked correct: “We are ready to defend every ally”: 1 of 4")


def test_speaker_filter_select_and_table_link(page: Any) -> None:
    page.select_option("#f-speaker", label="Vadim Prokhin (1)")
    expect(page.locator(".card:visible .speaker")).to_have_text(["Vadim Prokhin"])
    assert "dim" not in page.locator(".text .hl.k-indirect").first.get_attribute("class")
    assert "dim" in page.locator(".text .hl.k-direct").first.get_attribute("class")
    assert page.locator("#a-1").is_hidden()  # no Prokhin quote in the second article
    assert "speaker=s" in page.evaluate("location.hash")  # the select writes the address
    page.select_option("#f-speaker", value="")
    expect(page.locator(".card:visible")).to_have_count(5)
    link = page.get_by_role("link", name="Gedas Narbutas")
    link.click()
    expect(page.locator(".card:visible .speaker")).to_have_text(["Gedas Narbutas"])
    assert page.locator("tr.active").inner_text().startswith("Gedas Narbutas")
    page.mouse.wheel(0, -5000)
    wait_until(page, "window.scrollY === 0")
    link.click()  # the same link again still takes the reader to the quotes
    wait_until(page, "window.scrollY > 0")
    assert card(page, "Belarus is a threat").is_visible()


def test_filters_live_in_the_address_both_ways(tabs: Tabs, tmp_path: Path) -> None:
    path = write(tmp_path, sample_items())
    tab = tabs.open(path, hash="#kind=mixed")
    expect(tab.locator(".card:visible .badge.kind")).to_have_text(["mixed"])
    assert tab.input_value("#f-kind") == "mixed"
    tab.select_option("#f-status", "check")
    assert "show=check" in tab.evaluate("location.hash")
    expect(tab.locator(".card:visible")).to_have_count(1)
    tab.go_back()  # Back undoes the last filter
    expect(tab.locator("#f-status")).to_have_value("")
    assert tab.evaluate("location.hash") == "#kind=mixed"
    tab.evaluate("location.hash = '#q=too+early'")  # an edited address filters too
    expect(tab.locator(".card:visible .qtext")).to_have_text(["It is too early to judge"])
    assert tab.input_value("#f-search") == "too early" and tab.input_value("#f-kind") == ""


def test_status_filters_follow_verdicts(page: Any) -> None:
    card(page, "ready to defend").get_by_role("button", name="Correct").click()
    card(page, "Belarus is a threat").get_by_role("button", name="Not a quote").click()
    page.select_option("#f-status", "unreviewed")
    expect(page.locator(".card:visible")).to_have_count(3)
    page.select_option("#f-status", "wrong")
    expect(page.locator(".card:visible .qtext")).to_have_text(["Belarus is a threat"])
    page.select_option("#f-status", "check")
    expect(page.locator(".card:visible")).to_have_count(2)
    assert all(page.locator(".card:visible .badge.check").all_inner_texts())


FOLD_TEXT = ("The minister met José Núñez at the harbour. “We don’t accept this,” Núñez said, "
             "and the ferry left at noon.")


def fold_items() -> Items:
    article = Article(id="fold", text=FOLD_TEXT, title="Harbour talks")
    quote = make_quote(article, "We don’t accept this", "direct", "José Núñez",
                       mention=span(FOLD_TEXT, "Núñez", "this"), cue=span(FOLD_TEXT, "said"),
                       resolution="surname")
    return [(article, [quote]), *sample_items()]


def test_search_folds_marks_and_case_covers_text_and_highlights(tabs: Tabs, tmp_path: Path) -> None:
    tab = tabs.open(write(tmp_path, fold_items()))
    tab.fill("#f-search", "DON'T")  # straight apostrophe, capitals
    expect(tab.locator(".card:visible")).to_have_count(1)
    expect(tab.locator(".card:visible .qtext mark.hit")).to_have_text(["don’t"])
    expect(tab.locator("#a-0 .text .hit")).to_have_text(["don’t"])
    tab.fill("#f-search", "jose nunez")  # no accents
    expect(tab.locator(".card:visible .speaker")).to_have_text(["José Núñez"])
    tab.fill("#f-search", "ferry left")  # article words outside any quote
    expect(tab.locator("#a-0")).to_be_visible()
    expect(tab.locator("#a-0 .text .hit")).to_have_text(["ferry left"])
    assert tab.locator("#a-1").is_hidden() and "q=ferry+left" in tab.evaluate("location.hash")


def test_invisible_and_direction_characters_are_shown(tabs: Tabs, tmp_path: Path) -> None:
    text = "Ann Lee said \u201cthe vote was \u202Eevil\u202C and fa\u200Bir,\u201d on Monday."
    article = Article(id="bidi", text=text, title="Vote\u200B count")
    quote = make_quote(article, "the vote was \u202Eevil\u202C and fa\u200Bir", "direct", "Ann Lee",
                       mention=span(text, "Ann Lee"), cue=span(text, "said"), resolution="name")
    tab = tabs.open(write(tmp_path, [(article, [quote])]))
    pane = tab.locator("#a-0 .text")
    expect(pane.locator('.ctl[data-c="U+202E"]')).to_have_count(1)
    expect(pane.locator('.ctl[data-c="U+200B"]')).to_have_count(1)
    assert pane.locator('.ctl[data-c="U+202E"]').bounding_box()["width"] > 4  # a visible sign
    assert "\u202E" not in pane.evaluate("el => el.textContent")  # never applied to the text
    assert tab.locator('.qtext .ctl[data-c="U+202E"]').count() == 1
    assert tab.locator('h2 .ctl[data-c="U+200B"]').count() == 1


LONG = "https://example.org/" + "a" * 380


def long_items() -> Items:
    text = (f"Source: {LONG} was cited. “Every{'x' * 300} word stands,” Ann Lee said, "
            f"and {'y' * 250} followed.")
    article = Article(id="long-" + "z" * 120, text=text, title="T" * 260, url=LONG)
    quote = make_quote(article, f"Every{'x' * 300} word stands", "direct", "Ann Lee",
                       mention=span(text, "Ann Lee"), cue=span(text, "said"), resolution="name",
                       role="Spokes" + "p" * 200)
    return [(article, [quote]), *sample_items()]


@pytest.mark.parametrize("size", [PHONE, LAPTOP], ids=["390px", "1366px"])
def test_layout_holds_long_tokens_at_both_widths(tabs: Tabs, tmp_path: Path,
                                                 size: dict[str, int]) -> None:
    tab = tabs.open(write(tmp_path, long_items()))
    tab.set_viewport_size(size)
    tab.evaluate("window.quotesReview.renderAll()")
    expect(tab.locator(".card")).to_have_count(6)
    assert tab.evaluate("document.documentElement.scrollWidth") <= size["width"]
    overflow = tab.evaluate("""() => Array.from(document.querySelectorAll(
        '.card, .text, .article-head, .side, .speakers, .controls, .bar'))
        .filter(el => el.scrollWidth > el.clientWidth + 1).map(el => el.className)""")
    assert overflow == []
    assert tab.locator("#a-0 .url").is_visible() and LONG in tab.locator("#a-0 .url").inner_text()
    controls = tab.locator(".controls").bounding_box()
    assert controls["height"] < 0.2 * size["height"]
    tab.mouse.wheel(0, 2500)
    wait_until(tab, "window.scrollY > 1500")
    assert tab.locator(".controls").bounding_box()["y"] == 0  # the filters stay in reach
    expect(tab.locator("#f-search")).to_be_in_viewport()
    if size is PHONE:  # one block per speaker, no sideways scrolling
        row = tab.locator("#speaker-rows tr").first.bounding_box()
        assert row["width"] <= size["width"]
        side = tab.locator("#a-1 .side").bounding_box()
        text = tab.locator("#a-1 .text").bounding_box()
        assert side["y"] >= text["y"] + text["height"] - 1  # stacked on a phone
    else:
        side = tab.locator("#a-1 .side").bounding_box()
        text = tab.locator("#a-1 .text").bounding_box()
        assert side["x"] >= text["x"] + text["width"] - 1  # side by side on a laptop


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
    expect(page.locator(".card:focus .qtext")).to_have_text(
        "the alliance was “seriously concerned” about Minsk")


def test_article_text_stays_below_the_sticky_filters(page: Any) -> None:
    page.mouse.wheel(0, 700)
    wait_until(page, "window.scrollY > 400")
    header = page.locator(".controls").bounding_box()
    text = page.locator("#a-0 .text").bounding_box()
    assert text["y"] >= header["y"] + header["height"]
    assert text["y"] + text["height"] <= LAPTOP["height"] + 1


def test_articles_are_drawn_as_they_near_the_screen(tabs: Tabs, tmp_path: Path) -> None:
    items = []
    for n in range(60):
        text = f"Report {n}. “Plan number {n} is ready,” Ann Lee said. " + "Filler words. " * 40
        article = Article(id=f"r{n}", text=text)
        items.append((article, [make_quote(article, f"Plan number {n} is ready", "direct", "Ann Lee",
                                           mention=span(text, "Ann Lee"), cue=span(text, "said"),
                                           resolution="name")]))
    tab = tabs.open(write(tmp_path, items))
    expect(tab.locator(".card").first).to_be_visible()
    assert tab.locator(".card").count() < 30
    tab.fill("#f-search", "plan number 57")
    expect(tab.locator(".card:visible .qtext")).to_have_text(["Plan number 57 is ready"])
    assert tab.locator("#shown").inner_text() == "showing 1 of 60 quotes"


# --- verdicts ---------------------------------------------------------------------------------


def test_three_verdicts_a_note_and_the_export(page: Any, tmp_path: Path) -> None:
    card(page, "ready to defend").get_by_role("button", name="Correct").click()
    card(page, "NATO was in danger").get_by_role("button", name="Not a quote").click()
    card(page, "too early").get_by_role("button", name="Wrong speaker").click()
    fix = card(page, "too early").get_by_role("combobox", name="Right speaker")
    expect(fix).to_be_focused()
    fix.fill("Vadim Prokhin")
    fix.press("Enter")
    note = card(page, "NATO was in danger").get_by_role("textbox", name="Note")
    note.fill("a paraphrase of a headline")
    note.press("Enter")
    expect(page.locator("#a-0 .progress")).to_have_text("3/4 reviewed")
    assert "v-speaker" in card(page, "too early").get_attribute("class")

    [line] = lines(export(page, tmp_path))
    article = sample_items()[0][0]
    assert (line["id"], line["text"], line["date"]) == (article.id, article.text, article.date)
    review = line["review"]
    assert review["reviewer"] == "Ann Checker" and review["exported"].endswith("Z")
    assert (review["complete"], review["reviewed"], review["total"]) == (False, 3, 4)
    mixed = article.text.index("the alliance")
    assert review["unreviewed"] == [[mixed, mixed + len("the alliance was “seriously concerned” about Minsk")]]
    verdicts = {v["text"]: v for v in review["verdicts"]}
    assert verdicts["NATO was in danger"]["verdict"] == "not a quote"
    assert verdicts["NATO was in danger"]["note"] == "a paraphrase of a headline"
    assert verdicts["It is too early to judge"]["verdict"] == "wrong speaker"
    assert verdicts["It is too early to judge"]["tool_speaker"] is None
    gold = {q["text"]: q for q in line["quotes"]}
    assert set(gold) == {"We are ready to defend every ally", "It is too early to judge"}
    for q in line["quotes"]:
        assert article.text[q["start"]:q["end"]] == q["text"]
        for start, end in q["speaker_spans"]:
            assert article.text[start:end] == q["speaker"]  # Python offsets, past the emoji
    assert gold["It is too early to judge"]["speaker"] == "Vadim Prokhin"
    assert gold["We are ready to defend every ally"]["cue"] == "said"
    expect(page.locator("#live")).to_contain_text("partly reviewed")
    expect(page.locator("#live")).to_contain_text("nato-1 (3 of 4)")


def test_a_press_is_kept_when_the_page_redraws_under_it(page: Any, tmp_path: Path) -> None:
    """The search a reviewer typed just before redraws the cards between mouse down and up."""
    button = card(page, "ready to defend").get_by_role("button", name="Correct")
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.locator("#f-search").evaluate(
        "el => { el.value = 'every ally'; el.dispatchEvent(new Event('input')); }")
    expect(card(page, "ready to defend").locator(".qtext mark.hit")).to_have_text("every ally")
    page.mouse.up()
    expect(button).to_have_attribute("aria-pressed", "true")
    [line] = lines(export(page, tmp_path))
    assert [v["verdict"] for v in line["review"]["verdicts"]] == ["correct"]


def test_a_double_click_gives_one_verdict(page: Any, tmp_path: Path) -> None:
    button = card(page, "Belarus is a threat").get_by_role("button", name="Not a quote")
    button.dblclick()  # a habit, or a second try on a page slow to show the first
    [line] = lines(export(page, tmp_path))
    assert [v["verdict"] for v in line["review"]["verdicts"]] == ["not a quote"]
    expect(button).to_have_attribute("aria-pressed", "true")
    button.click()  # one click later still takes it back
    expect(button).to_have_attribute("aria-pressed", "false")


def test_export_asks_for_the_reviewer_name(page: Any) -> None:
    card(page, "ready to defend").get_by_role("button", name="Correct").click()
    page.click("#export")
    expect(page.locator("#reviewer")).to_be_focused()
    expect(page.locator("#live")).to_contain_text("Type your name")


def test_verdicts_survive_a_reload_and_can_be_undone(page: Any, tabs: Tabs) -> None:
    pressed = card(page, "Belarus is a threat").get_by_role("button", name="Not a quote")
    pressed.click()
    expect(pressed).to_have_attribute("aria-pressed", "true")
    tabs.reload(page)
    wrong = card(page, "Belarus is a threat").get_by_role("button", name="Not a quote")
    expect(wrong).to_have_attribute("aria-pressed", "true")
    wrong.click()
    expect(wrong).to_have_attribute("aria-pressed", "false")
    page.fill("#reviewer", "Ann Checker")
    page.click("#export")
    expect(page.locator("#live")).to_contain_text("Nothing to export yet")


def test_two_tabs_merge_their_verdicts(tabs: Tabs, tmp_path: Path) -> None:
    path = write(tmp_path, sample_items())
    first = tabs.open(path)
    second = tabs.open(path)
    card(first, "ready to defend").get_by_role("button", name="Correct").click()
    card(second, "Belarus is a threat").get_by_role("button", name="Not a quote").click()
    # each tab hears the other's verdict at once, and neither overwrites the other
    expect(card(second, "ready to defend").get_by_role("button", name="Correct")).to_have_attribute(
        "aria-pressed", "true")
    expect(card(first, "Belarus is a threat").get_by_role("button", name="Not a quote")
           ).to_have_attribute("aria-pressed", "true")
    card(second, "NATO was in danger").get_by_role("button", name="Correct").click()
    typing = card(second, "too early").get_by_role("textbox", name="Note")
    typing.fill("half a thought")  # not saved yet when the other tab speaks
    card(first, "too early").get_by_role("button", name="Wrong speaker").click()
    expect(card(second, "too early").get_by_role("button", name="Wrong speaker")
           ).to_have_attribute("aria-pressed", "true")
    expect(typing).to_have_value("half a thought")
    select_words(first, 0, "A reader wrote")  # a new card in the article being typed in
    first.locator("#a-0").get_by_role("button", name="Add selected text as a missed quote").click()
    expect(second.locator("#a-0 .card.added .qtext")).to_have_text("A reader wrote")
    expect(typing).to_have_value("half a thought")
    expect(typing).to_be_focused()
    card(first, "too early").get_by_role("button", name="Wrong speaker").click()
    tabs.reload(first)
    for tab in (first, second):
        expect(tab.locator("#a-0 .progress")).to_have_text("2/4 reviewed")
        expect(tab.locator("#a-0 .card.added")).to_have_count(1)
        expect(tab.locator("#a-1 .progress")).to_have_text("1/1 reviewed")


def test_storage_refused_is_said_on_the_page(tabs: Tabs, tmp_path: Path) -> None:
    tab = tabs.context.new_page()
    tab.add_init_script("Storage.prototype.setItem = function () {"
                        " throw new DOMException('refused', 'SecurityError'); };")
    tab.goto(write(tmp_path, sample_items()).as_uri())
    expect(tab.locator("#banner")).to_be_visible()
    expect(tab.locator("#banner")).to_contain_text("refused to save verdicts")
    card(tab, "Belarus is a threat").get_by_role("button", name="Correct").click()
    expect(tab.locator("#a-1 .progress")).to_have_text("1/1 reviewed")  # kept in the tab


def added_items() -> Items:
    """The sample run plus an article the tool found no quote in."""
    text = "Officials met on Friday. Mayor Ann Reed said the bridge would reopen in May."
    return [*sample_items(), (Article(id="quiet", text=text, title="Bridge"), [])]


def select_words(page: Any, article: int, words: str) -> None:
    """Select `words` in an article's text pane, as a reader dragging the mouse would; returns
    when the page has heard of it (selectionchange comes later, as a task)."""
    page.evaluate("""([article, words]) => new Promise((heard, fail) => {
        const pane = document.querySelector('#a-' + article + ' .text');
        const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
        let node;
        while ((node = walker.nextNode())) {
            const at = node.data.indexOf(words);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + words.length);
            document.addEventListener('selectionchange', () => heard(), { once: true });
            getSelection().removeAllRanges();
            getSelection().addRange(range);
            return;
        }
        fail(new Error('not found: ' + words));
    })""", [article, words])


def test_a_missed_quote_is_added_by_selecting_its_words(tabs: Tabs, tmp_path: Path) -> None:
    tab = tabs.open(write(tmp_path, added_items()))
    tab.evaluate("window.quotesReview.renderAll()")
    select_words(tab, 2, " the bridge would reopen in May.")
    tab.locator("#a-2").get_by_role("button", name="Add selected text as a missed quote").click()
    added = tab.locator("#a-2 .card.added")
    expect(added.locator(".qtext")).to_have_text("the bridge would reopen in May")  # trimmed
    speaker = added.get_by_role("combobox", name="Speaker of")
    expect(speaker).to_be_focused()
    speaker.fill("Ann Reed")
    speaker.press("Enter")
    expect(tab.locator("#a-2 .text .hl.added")).to_have_text("the bridge would reopen in May")
    [line] = lines(export(tab, tmp_path))
    text = added_items()[2][0].text
    start = text.index("the bridge")
    assert line["id"] == "quiet" and line["review"]["complete"] is True
    assert line["quotes"] == [{"start": start, "end": start + 30, "text": text[start:start + 30],
                               "speaker": "Ann Reed", "speaker_spans": [[text.index("Ann Reed"),
                                                                         text.index("Ann Reed") + 8]],
                               "kind": "indirect", "cue": None, "attribution": 0}]
    assert line["review"]["verdicts"][0]["verdict"] == "added"


def test_only_the_words_selected_now_are_added(tabs: Tabs, tmp_path: Path) -> None:
    tab = tabs.open(write(tmp_path, added_items()))
    tab.evaluate("window.quotesReview.renderAll()")
    add = tab.locator("#a-2").get_by_role("button", name="Add selected text as a missed quote")
    select_words(tab, 2, "the bridge would reopen")
    tab.evaluate("""() => new Promise(heard => {  // the drag goes on out of the text
        document.addEventListener('selectionchange', () => heard(), { once: true });
        getSelection().extend(document.querySelector('#a-2 .none').firstChild, 5);
    })""")
    add.click()
    expect(tab.locator("#live")).to_contain_text("Select the missed words in the article's text")
    select_words(tab, 2, "the bridge would reopen")
    tab.locator("#a-2 .text").click(position={"x": 5, "y": 5})  # a press in the text: no selection
    tab.locator("#live").evaluate("el => { el.textContent = ''; }")
    tab.keyboard.press("a")
    expect(tab.locator("#live")).to_contain_text("Select the missed words in the article's text")
    expect(tab.locator("#a-2 .card.added")).to_have_count(0)


def test_import_resumes_work_on_a_later_report(tabs: Tabs, tmp_path: Path) -> None:
    first = tabs.open(write(tmp_path, sample_items()))
    first.evaluate("window.quotesReview.renderAll()")
    card(first, "ready to defend").get_by_role("button", name="Correct").click()
    card(first, "too early").get_by_role("button", name="Wrong speaker").click()
    fix = card(first, "too early").get_by_role("combobox", name="Right speaker")
    fix.fill("Vadim Prokhin")
    fix.press("Enter")
    note = card(first, "Belarus is a threat").get_by_role("textbox", name="Note")
    note.fill("check the video")
    note.press("Enter")
    card(first, "Belarus is a threat").get_by_role("button", name="Not a quote").click()
    exported = export(first, tmp_path)
    before = lines(exported)

    # A colleague's browser (nothing saved) opens a later report with one more article.
    later = tabs.open(write(tmp_path, added_items(), "later.html"), context=tabs.new_profile())
    later.evaluate("window.quotesReview.renderAll()")
    expect(later.locator("#a-0 .progress")).to_have_text("0/4 reviewed")
    later.set_input_files("#import-file", str(exported))
    expect(later.locator("#live")).to_contain_text("Imported 3 verdicts on 2 articles")
    expect(later.locator("#a-0 .progress")).to_have_text("2/4 reviewed")
    expect(card(later, "too early").get_by_role("combobox", name="Right speaker")).to_have_value(
        "Vadim Prokhin")
    expect(card(later, "Belarus is a threat").get_by_role("textbox", name="Note")).to_have_value(
        "check the video")
    after = lines(export(later, tmp_path, name="Bo Colleague"))
    strip = [({k: v for k, v in line.items() if k != "review"}, line["review"]["verdicts"])
             for line in before]
    assert [({k: v for k, v in line.items() if k != "review"}, line["review"]["verdicts"])
            for line in after] == strip
    assert after[0]["review"]["reviewer"] == "Bo Colleague"


def test_import_says_what_did_not_match(tabs: Tabs, tmp_path: Path) -> None:
    tab = tabs.open(write(tmp_path, sample_items()))
    other = Article(id="elsewhere", text="Not in this report.")
    changed = {"id": "lt-2", "text": "Changed text", "quotes": [],
               "review": {"exported": "2026-01-01T00:00:00Z", "verdicts": [
                   {"start": 0, "end": 7, "text": "Belarus", "verdict": "correct"}]}}
    source = tmp_path / "mixed.jsonl"
    source.write_text(json.dumps({"id": other.id, "text": other.text, "quotes": []}) + "\n"
                      + json.dumps(changed) + "\nnot json\n", encoding="utf-8")
    tab.set_input_files("#import-file", str(source))
    expect(tab.locator("#live")).to_contain_text(
        "Imported 0 verdicts on 1 article from mixed.jsonl; 1 article is not in this report; "
        "1 no longer match a quote; 1 lines were not verdicts")


# --- keyboard ---------------------------------------------------------------------------------


def test_keyboard_only_review_of_an_article_then_export_and_eval(tabs: Tabs,
                                                                 tmp_path: Path) -> None:
    tab = tabs.open(write(tmp_path, sample_items()))
    keys = tab.keyboard
    keys.press("Tab")
    expect(tab.locator("#skip")).to_be_focused()
    keys.press("Tab")
    expect(tab.locator("#reviewer")).to_be_focused()
    keys.type("Kim Keys")
    keys.press("Shift+Tab")
    keys.press("Enter")  # the skip link: straight to the first quote to review
    expect(tab.locator(".card:focus .qtext")).to_have_text("We are ready to defend every ally")
    keys.press("Tab")
    expect(tab.get_by_role("button", name="Correct “We are ready")).to_be_focused()
    keys.press("c")  # correct, and on to the next quote
    expect(tab.locator(".card:focus .qtext")).to_have_text(
        "the alliance was “seriously concerned” about Minsk")
    keys.press("j")
    keys.press("k")  # back and forth
    keys.press("c")
    keys.press("x")  # "NATO was in danger" is not a quote
    expect(tab.locator(".card:focus .qtext")).to_have_text("It is too early to judge")
    keys.press("s")  # wrong speaker: type the right one
    expect(tab.locator(".card:focus-within .v-speaker")).to_be_focused()
    keys.type("Vadim Prokhin")
    keys.press("Enter")
    expect(tab.locator(".card:focus .qtext")).to_have_text("Belarus is a threat")
    keys.press("n")
    keys.type("second source needed")
    keys.press("Enter")
    expect(tab.locator("#a-0 .progress")).to_have_text("4/4 reviewed")
    expect(tab.locator("#live")).to_contain_text("Speaker set to Vadim Prokhin")
    keys.press("/")
    for _ in range(10):  # back up from the search field to Export
        keys.press("Shift+Tab")
        if tab.evaluate("document.activeElement.id") == "export":
            break
    with tab.expect_download() as caught:
        keys.press("Enter")
    gold = tmp_path / "verdicts.jsonl"
    caught.value.save_as(gold)
    [line] = lines(gold)  # the second article has a note but no verdict: not exported
    assert line["review"]["reviewer"] == "Kim Keys" and line["review"]["complete"] is True
    assert [(v["text"][:10], v["verdict"]) for v in line["review"]["verdicts"]] == [
        ("We are rea", "correct"), ("the allian", "correct"), ("NATO was i", "not a quote"),
        ("It is too ", "wrong speaker")]
    result = CliRunner().invoke(quotes_app, ["eval", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["articles"] == 1
    assert [len(a.quotes) for a in load_gold(gold)] == [3]


def test_partly_reviewed_export_is_left_out_by_eval(page: Any, tmp_path: Path) -> None:
    card(page, "ready to defend").get_by_role("button", name="Correct").click()
    card(page, "Belarus is a threat").get_by_role("button", name="Correct").click()
    gold = export(page, tmp_path)
    result = CliRunner().invoke(quotes_app, ["eval", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["articles"] == 1
    assert "left out 1 partly reviewed article" in result.stderr and "nato-1" in result.stderr
    partial = CliRunner().invoke(quotes_app, ["eval", str(gold), "--json", "--include-partial"])
    assert json.loads(partial.stdout)["articles"] == 2


def test_highlights_take_focus_and_lead_to_their_card(page: Any) -> None:
    mark = page.locator('#a-0 .text [tabindex="0"]').first
    mark.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".card:focus .qtext")).to_have_text("We are ready to defend every ally")


def test_csv_export_is_formula_safe_with_an_optional_bom(tabs: Tabs, tmp_path: Path) -> None:
    text = "“=SUM(A1) is fine,” Ann Lee said. “-2 degrees,” she added."
    article = Article(id="csv", text=text)
    quotes = [make_quote(article, "=SUM(A1) is fine", "direct", "Ann Lee"),
              make_quote(article, "-2 degrees", "direct", "@Ann")]
    tab = tabs.open(write(tmp_path, [(article, quotes)]))
    for button in tab.get_by_role("button", name="Correct").all():
        button.click()
    plain = export(tab, tmp_path, button="#export-csv").read_bytes()
    assert not plain.startswith(b"\xef\xbb\xbf")
    tab.check("#csv-bom")
    rows = export(tab, tmp_path, button="#export-csv").read_bytes()
    assert rows.startswith(b"\xef\xbb\xbf")
    body = rows.decode("utf-8-sig")
    assert "\"'=SUM(A1) is fine\"" in body and "\"'-2 degrees\"" in body and "\"'@Ann\"" in body
    assert body.splitlines()[0].startswith('"article_id","title","start","end","quote","verdict"')
    assert all('"Ann Checker"' in row for row in body.splitlines()[1:])  # who reviewed, on every row


# --- smaller things a reviewer meets ------------------------------------------------------------


def test_filtering_scrolls_each_text_pane_to_its_quote(tabs: Tabs, tmp_path: Path) -> None:
    text = "Opening words. " * 300 + "“The late quote is here,” Ann Lee said."
    article = Article(id="late", text=text)
    quote = make_quote(article, "The late quote is here", "direct", "Ann Lee",
                       mention=span(text, "Ann Lee"), cue=span(text, "said"), resolution="name")
    early = make_quote(article, "Opening words", "indirect", "Bo Early")
    tab = tabs.open(write(tmp_path, [(article, [early, quote])]))
    pane = tab.locator("#a-0 .text")
    expect(pane).to_be_visible()
    assert pane.evaluate("el => el.scrollTop") == 0
    tab.select_option("#f-speaker", label="Ann Lee (1)")
    wait_until(tab, "document.querySelector('#a-0 .text').scrollTop > 500")
    inside = tab.evaluate("""() => {
        const pane = document.querySelector('#a-0 .text').getBoundingClientRect();
        const quote = document.querySelector('#a-0 .text .hl.k-direct').getBoundingClientRect();
        return quote.top >= pane.top && quote.bottom <= pane.bottom;
    }""")
    assert inside  # in the pane's window, not scrolled past


def test_header_url_empty_run_and_fixed_speaker_role(tabs: Tabs, tmp_path: Path) -> None:
    text = " date 2021-06-06 \n\nHeadline here\n\n“We stay,” Ann Lee said."
    article = Article(id="seed", text=text, body_start=text.index("“"), url="https://example.org/a")
    quote = make_quote(article, "We stay", "direct", "Ann Lee", role="Mayor of Lakeside")
    tab = tabs.open(write(tmp_path, [(article, [quote])]))
    expect(tab.locator("#a-0 .text .head")).to_have_text(text[:text.index("“")])
    expect(tab.get_by_role("link", name="https://example.org/a")).to_have_attribute(
        "rel", "noopener noreferrer")
    card(tab, "We stay").get_by_role("button", name="Wrong speaker").click()
    role = card(tab, "We stay").locator(".role")
    assert role.evaluate("el => getComputedStyle(el).textDecorationLine") == "line-through"
    empty = tabs.open(write(tmp_path, [], "empty.html"))
    expect(empty.locator("#queue")).to_contain_text("No articles were read")
    assert empty.locator("#speakers").is_hidden()


def test_one_person_is_one_row_and_one_filter(tabs: Tabs, tmp_path: Path) -> None:
    text = "“Q1,” Ivar Stokkeland said. “Q2,” Stokkeland said. “Q3,” NATO Secretary General " \
           "Ivar Stokkeland said. “Q4,” Ann Lee said."
    article = Article(id="people", text=text)
    quotes = [make_quote(article, q, "direct", name) for q, name in
              (("Q1", "Ivar Stokkeland"), ("Q2", "Stokkeland"),
               ("Q3", "NATO Secretary General Ivar Stokkeland"), ("Q4", "Ann Lee"))]
    tab = tabs.open(write(tmp_path, [(article, quotes)]))
    rows = tab.locator("#speaker-rows tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("Ivar Stokkeland")
    expect(rows.first.locator(".also")).to_contain_text("Stokkeland")
    tab.select_option("#f-speaker", label="Ivar Stokkeland (3)")
    expect(tab.locator(".card:visible")).to_have_count(3)


def test_the_policy_stops_a_script_the_page_did_not_ship(tabs: Tabs, tmp_path: Path) -> None:
    tab = tabs.open(write(tmp_path, sample_items()))
    ran = tab.evaluate("""() => {
        const s = document.createElement('script');
        s.textContent = 'window.injected = true';
        document.body.appendChild(s);
        return window.injected === true;
    }""")
    assert ran is False
    blocked = [e for e in tabs.errors if "Content Security Policy" in e]
    assert blocked
    tabs.errors[:] = [e for e in tabs.errors if e not in blocked]


def test_a_regenerated_report_keeps_the_verdicts_given(tabs: Tabs, tmp_path: Path) -> None:
    first = tabs.open(write(tmp_path, sample_items()))
    card(first, "Belarus is a threat").get_by_role("button", name="Not a quote").click()
    later = tabs.open(write(tmp_path, added_items(), "later.html"))  # one more article
    expect(card(later, "Belarus is a threat").get_by_role("button", name="Not a quote")
           ).to_have_attribute("aria-pressed", "true")
    expect(later.locator("#summary")).to_contain_text("1 reviewed")
