"""Web pages and WARC files: main text by trafilatura, records by warcio, skipped records counted."""

from __future__ import annotations

import gzip
import io
import json
import sys
import zlib
from pathlib import Path

import pytest
from archives import PAGES, SEEDS, cli, extract, records
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from quotes.read import ReadConfig, read_inputs
from quotes.run import RunConfig, run

PAGE = PAGES / "harbour_ferry.html"
PAGE_URL = "https://courier.example/news/2024/03/harbour-ferry-to-resume"
PLAIN_PAGE = """<html><head><title>Night buses</title></head><body>
<article><p>“The night buses will run every half hour from May,” the city's transport officer
Lena Marsh said on Monday.</p><p>She said the old timetable had left late workers stranded.</p>
</article></body></html>"""


def without_source(found: list[dict[str, object]]) -> list[dict[str, object]]:
    """Records without the fields a page has and its plain text has not (title, date, URL),
    nor the id, a hash of the article id."""
    return [{k: v for k, v in r.items() if k not in ("id", "article_title", "date", "article_url")}
            for r in found]


# --- web pages ---------------------------------------------------------------------------

def test_a_page_gives_the_records_of_its_plain_text() -> None:
    from_page = extract(PAGE)
    assert from_page
    from_text = extract(PAGES / "harbour_ferry.txt")
    assert without_source(from_page) == without_source(from_text)
    assert [r["id"] for r in from_page] == [r["id"] for r in from_text]
    kinds = {r["rule"] for r in from_page}
    assert "continuation" in kinds  # the follow-on quote still follows its speaker
    assert any("\n\n“" in r["text"] for r in from_page)  # the quote over two paragraphs is one


def test_a_page_is_read_as_its_main_text_with_its_metadata() -> None:
    (article,) = read_inputs([str(PAGE)])
    assert article.text + "\n" == (PAGES / "harbour_ferry.txt").read_text(encoding="utf-8")
    for boilerplate in ("cookies", "Related stories", "Harbourwatcher", "Privacy", "Sport"):
        assert boilerplate not in article.text
    assert article.id == "harbour_ferry"
    assert article.title == "Harbour ferry service to resume in spring"
    assert article.date == "2024-03-14"
    assert article.url == PAGE_URL
    assert article.extra["author"] == "Petra Lindqvist"


def test_every_record_of_a_page_has_its_url_and_date() -> None:
    found = extract(PAGE)
    assert {(r["article_url"], r["date"]) for r in found} == {(PAGE_URL, "2024-03-14")}


def test_html_is_known_by_content_on_files_and_stdin(tmp_path: Path) -> None:
    saved = tmp_path / "saved_page"
    saved.write_bytes(PAGE.read_bytes())
    expected = without_source(extract(PAGE))
    for found, article_id in ((extract(saved), "saved_page"),
                              (extract("-", input=PAGE.read_bytes()), "stdin")):
        assert without_source(found) == [{**r, "article_id": article_id} for r in expected]


def test_a_large_page_is_read_whole_from_a_file_and_from_stdin(tmp_path: Path) -> None:
    script = "<script>" + "var seen = 0;\n" * 20_000 + "</script>"  # 280 KB before the text
    large = tmp_path / "harbour_ferry.html"
    large.write_bytes(PAGE.read_bytes().replace(b"</head>", script.encode() + b"</head>"))
    expected = extract(PAGE)
    assert extract(large) == expected
    assert without_source(extract("-", input=large.read_bytes())) == \
        [{**r, "article_id": "stdin"} for r in without_source(expected)]


def test_a_compressed_page_is_a_page(tmp_path: Path) -> None:
    packed = tmp_path / "harbour_ferry.html.gz"
    packed.write_bytes(gzip.compress(PAGE.read_bytes()))
    assert extract(packed) == extract(PAGE)


def test_a_page_without_article_text_is_skipped_with_a_warning(tmp_path: Path) -> None:
    empty = tmp_path / "script.html"
    empty.write_text("<html><body><script>var shown = 1;</script></body></html>", encoding="utf-8")
    result = cli("extract", empty, SEEDS[0])
    assert result.exit_code == 0
    assert f"quotes: warning: {empty}: no article text found in the page; skipped" in result.stderr
    assert {r["article_id"] for r in records(result.stdout)} == {SEEDS[0].stem}


def test_without_trafilatura_a_page_names_the_extra_and_the_run_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    result = cli("extract", PAGE, SEEDS[0])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"quotes: error: {PAGE}: reading web pages needs the 'archives' extra "
        "(no module 'trafilatura'): pip install 'quotes[archives]'")
    assert {r["article_id"] for r in records(result.stdout)} == {SEEDS[0].stem}


# --- WARC --------------------------------------------------------------------------------

def http_record(writer: WARCWriter, uri: str, body: bytes, content_type: str,
                status: str = "200 OK", date: str = "2024-05-02T09:15:00Z") -> None:
    """A response record as a crawler writes it."""
    headers = StatusAndHeaders(status, [("Content-Type", content_type),
                                        ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
    record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                       http_headers=headers,
                                       warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)


def build_warc(path: Path, compress: bool = True) -> Path:
    """Two HTML pages (one with menus and comments), a PDF, a revisit and a request record."""
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=compress)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        request = writer.create_warc_record(PAGE_URL, "request", payload=io.BytesIO(
            b"GET /news/2024/03/harbour-ferry-to-resume HTTP/1.1\r\nHost: courier.example\r\n\r\n"))
        writer.write_record(request)
        http_record(writer, PAGE_URL, PAGE.read_bytes(), "text/html; charset=utf-8")
        http_record(writer, "https://courier.example/timetable.pdf", b"%PDF-1.4 not a page",
                    "application/pdf")
        revisit = writer.create_revisit_record(PAGE_URL, "sha1:AAAA", PAGE_URL, "2024-05-01T09:15:00Z")
        writer.write_record(revisit)
        http_record(writer, "https://courier.example/news/night-buses", PLAIN_PAGE.encode(),
                    "text/html", date="2024-05-03T10:00:00Z")
    return path


@pytest.mark.parametrize("name, compress", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_every_html_response_of_a_warc_file_is_an_article(tmp_path: Path, name: str,
                                                          compress: bool) -> None:
    warc = build_warc(tmp_path / name, compress)
    found = list(read_inputs([str(warc)]))
    articles = [item for item in found if not hasattr(item, "reason")]
    assert [a.id for a in articles] == [PAGE_URL, "https://courier.example/news/night-buses"]  # type: ignore[union-attr]
    (warning,) = [item for item in found if hasattr(item, "reason")]
    assert warning.reason == ("2 HTML pages read; skipped 4 other records: 1 non-HTML response, "  # type: ignore[union-attr]
                              "1 request, 1 revisit, 1 warcinfo")
    page, buses = articles
    assert page.text + "\n" == (PAGES / "harbour_ferry.txt").read_text(encoding="utf-8")  # type: ignore[union-attr]
    assert page.date == "2024-03-14"  # type: ignore[union-attr]  # the page's own date
    assert buses.date == "2024-05-03T10:00+00:00"  # type: ignore[union-attr]  # none on the page: the crawl's


def test_a_warc_page_gives_the_records_of_the_same_page_file(tmp_path: Path) -> None:
    from_warc = [r for r in extract(build_warc(tmp_path / "crawl.warc.gz"))
                 if r["article_id"] == PAGE_URL]
    from_file = [{**r, "article_id": PAGE_URL} for r in extract(PAGE)]
    assert without_source(from_warc) == without_source(from_file)
    assert {r["article_url"] for r in from_warc} == {PAGE_URL}


def test_a_truncated_warc_keeps_the_pages_before_the_break(tmp_path: Path) -> None:
    warc = build_warc(tmp_path / "crawl.warc.gz")
    data = warc.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 200])  # inside the last page's record
    result = cli("extract", cut)
    assert result.exit_code == 1
    assert {r["article_id"] for r in records(result.stdout)} == {PAGE_URL}
    (error,) = [line for line in result.stderr.splitlines() if line.startswith("quotes: error:")]
    assert error.startswith(f"quotes: error: {cut}: ") and "broken" in error
    assert "Traceback" not in result.stderr


def member_starts(data: bytes) -> list[int]:
    """Byte offsets where the gzip members of `data` start."""
    starts, rest = [0], data
    while True:
        member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        member.decompress(rest)
        rest = member.unused_data
        if not rest:
            return starts
        starts.append(len(data) - len(rest))


def test_a_broken_member_of_a_warc_gz_costs_only_its_record(tmp_path: Path) -> None:
    data = build_warc(tmp_path / "crawl.warc.gz").read_bytes()
    starts = member_starts(data)
    page, after = starts[2], starts[3]  # the first HTML page's record, and the PDF's after it
    middle = (page + after) // 2
    damaged = tmp_path / "damaged.warc.gz"
    damaged.write_bytes(data[:page + 20] + bytes(b ^ 0x5A for b in data[page + 20:middle])
                        + data[middle:])
    result = cli("extract", damaged)
    assert result.exit_code == 1
    assert {r["article_id"] for r in records(result.stdout)} == {
        "https://courier.example/news/night-buses"}
    (error,) = [line for line in result.stderr.splitlines() if line.startswith("quotes: error:")]
    assert error.startswith(f"quotes: error: {damaged}: WARC data broken in the gzip member at "
                            f"byte {page}: ")
    assert error.endswith(f"; read on from the next member, at byte {after}")
    assert "Traceback" not in result.stderr


def test_without_warcio_a_warc_file_names_the_extra(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    warc = build_warc(tmp_path / "crawl.warc.gz")
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    result = cli("extract", warc, SEEDS[0])
    assert result.exit_code == 1
    assert "reading WARC files needs the 'archives' extra" in result.stderr.splitlines()[0]
    assert {r["article_id"] for r in records(result.stdout)} == {SEEDS[0].stem}


# --- jobs --------------------------------------------------------------------------------

def test_every_format_with_jobs_comes_back_in_input_order(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq
    from archives import seed_jsonl

    warc = build_warc(tmp_path / "crawl.warc.gz")
    jsonl = seed_jsonl(tmp_path)
    packed = tmp_path / "seeds.jsonl.gz"
    packed.write_bytes(gzip.compress(jsonl.read_bytes()))
    rows = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    parquet = tmp_path / "seeds.parquet"
    pq.write_table(pa.Table.from_pylist([{**row, "id": f"pq-{row['id']}"} for row in rows]), parquet)
    inputs = [str(warc), str(PAGE), str(packed), str(SEEDS[0]), str(parquet), str(warc)]

    def output(jobs: int) -> str:
        stream = io.StringIO()
        from quotes.write import JsonlWriter

        config = RunConfig(read=ReadConfig(), jobs=jobs, batch_articles=1)
        run(inputs, JsonlWriter(stream), config)
        return stream.getvalue()

    one = output(1)
    assert one and output(2) == one
