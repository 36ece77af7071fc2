"""Readers and writers of archive formats, one module per format.

`formats` recognises an input by its first bytes and hands it to its reader:
`compressed` (gzip, bzip2, xz, zstandard around JSON Lines, text, HTML or WARC),
`html` (web pages, main text by trafilatura), `warc` (crawls, by warcio) and
`parquet` (articles in, records out, by pyarrow). Plain text and JSON Lines
stay in `quotes.read`. Every reader yields the same entries as `quotes.read`
(articles, or problems naming the input), so nothing after reading knows
where an article came from. The libraries are the optional extra
`quotes[archives]` (see `extras`), imported only when an input needs them.
"""
