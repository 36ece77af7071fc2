"""Measure `quotes review` on a big run, and take the screenshot docs/review.md shows.

    python bench/review.py                      # 1,000 articles: page size, build time, memory
    python bench/review.py --articles 300
    python bench/review.py --articles 0 --screenshot docs/review.png

Articles are the annotated articles of ../shared/eval (text, title and date only),
in order, with fresh ids; without that folder, the seed articles repeated. The
report gives:

- extract: `quotes.pipeline.extract` over the articles, CPU seconds in this process;
- build: `quotes.review.write_page` from the extracted quotes to a file (the page alone);
- command: the whole `quotes review FILE -o PAGE` in a child process (reading,
  extraction and page), wall seconds and peak memory (max RSS);
- open: with --browser, Debian's Chromium opening the page until the first card shows.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from itertools import cycle
from pathlib import Path

from quotes import pipeline
from quotes.model import Article
from quotes.review import write_page

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
OUT = REPO / "bench" / "out"
CHROMIUM = "/usr/bin/chromium"


def source_articles() -> list[Article]:
    """The eval articles without their annotations, or the seeds."""
    found = []
    for path in sorted(EVAL.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                obj = json.loads(line)
                found.append(Article(id=obj["id"], text=obj["text"], title=obj.get("title"),
                                     date=obj.get("date")))
    if not found:
        found = [Article(id=p.stem, text=p.read_text(encoding="utf-8"))
                 for p in sorted((REPO / "seeds").glob("*.txt"))]
    return found


def articles(count: int) -> list[Article]:
    """`count` articles, cycling through the sources with fresh ids."""
    return [a.model_copy(update={"id": f"r{n:05d}"}) for n, a in
            zip(range(count), cycle(source_articles()), strict=False)]


def measure(count: int, browser: bool) -> dict[str, float]:
    """Sizes, times and memory for a run of `count` articles."""
    OUT.mkdir(parents=True, exist_ok=True)
    run = articles(count)
    source = OUT / f"review-{count}.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for a in run:
            out.write(json.dumps({"id": a.id, "text": a.text, "title": a.title, "date": a.date},
                                 ensure_ascii=False) + "\n")
    began = time.process_time()
    items = [(a, pipeline.extract(a)) for a in run]
    extract = time.process_time() - began
    page = OUT / f"review-{count}.html"
    began = time.perf_counter()
    with page.open("w", encoding="utf-8") as stream:
        stats = write_page(stream, items)
    build = time.perf_counter() - began
    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from quotes.entry import main; main()", "review",
                    str(source), "-o", str(OUT / "review-cli.html")], check=True,
                   stderr=subprocess.DEVNULL)
    command = time.perf_counter() - began
    figures = {
        "articles": count, "quotes": stats.quotes,
        "text_mb": sum(len(a.text.encode()) for a in run) / 1e6,
        "page_mb": page.stat().st_size / 1e6, "extract_s": extract, "build_s": build,
        "command_s": command,
        "command_max_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }
    if browser:
        figures["open_s"] = open_time(page)
    return figures


def open_time(page: Path) -> float:
    """Seconds from navigation to the first quote card drawn, in headless Chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM,
                                              args=["--no-sandbox", "--disable-gpu"])
        tab = chromium.new_page(viewport={"width": 1366, "height": 768})
        began = time.perf_counter()
        tab.goto(page.as_uri())
        tab.locator(".card").first.wait_for()
        seconds = time.perf_counter() - began
        chromium.close()
    return seconds


def screenshot(target: Path) -> None:
    """The seed articles' page on a laptop screen, a few verdicts given, as a PNG."""
    from playwright.sync_api import sync_playwright

    seeds = [Article(id=p.stem, text=p.read_text(encoding="utf-8"))
             for p in sorted((REPO / "seeds").glob("*.txt"))]
    run = [(a, pipeline.extract(a)) for a in seeds]
    page = OUT / "screenshot.html"
    OUT.mkdir(parents=True, exist_ok=True)
    with page.open("w", encoding="utf-8") as stream:
        write_page(stream, run)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM,
                                              args=["--no-sandbox", "--disable-gpu"])
        tab = chromium.new_page(viewport={"width": 1366, "height": 768})
        tab.goto(page.as_uri())
        tab.evaluate("localStorage.clear()")
        tab.reload()
        tab.fill("#reviewer", "Ann Checker")
        tab.focus("#skip")
        tab.keyboard.press("Enter")
        tab.keyboard.press("c")
        tab.keyboard.press("s")
        tab.keyboard.type("Jens Stoltenberg")
        tab.keyboard.press("Escape")
        tab.keyboard.press("j")
        tab.locator("#speakers summary").click()  # fold the table: show an article
        tab.evaluate("window.scrollTo(0, 0)")
        tab.wait_for_timeout(300)
        tab.screenshot(path=str(target))
        chromium.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--browser", action="store_true", help="also time Chromium opening it")
    parser.add_argument("--screenshot", type=Path, help="write the docs screenshot here")
    args = parser.parse_args()
    if args.articles:
        print(json.dumps(measure(args.articles, args.browser), indent=1))
    if args.screenshot:
        screenshot(args.screenshot)
        print(f"wrote {args.screenshot}")


if __name__ == "__main__":
    main()
