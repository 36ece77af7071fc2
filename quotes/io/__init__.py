"""Readers and writers, one module per format.

`entries` holds what every reader yields (articles with their input, or problems
naming it) and `ReadConfig`, so nothing after reading knows where an article came
from. `text` reads plain and seed-format text articles and decodes bytes;
`jsonl` reads JSON Lines; `quotes.read` walks files, directories and stdin to
them. `formats` recognises an input by its first bytes and hands it to its
reader: `compressed` (gzip, bzip2, xz, zstandard around JSON Lines, text, HTML
or WARC), `html` (web pages, main text by trafilatura), `warc` (crawls, by
warcio) and `parquet` (articles in, records out, by pyarrow). Those libraries
are the optional extra `quotes[archives]` (see `extras`), imported only when an
input needs them.
"""
