"""The layout of one article: paragraphs, sentences, paired quotation marks, and
the lines that are not the reporter's prose.

Web pages carry photo credits ("(Lena Park / City News)"), captions that end
with one, link lines ("READ MORE: …", "WATCH | …"), video blurbs ending with
a running time ("… 0:25"), bylines ("By Ann Lee") and embedded posts ("… —
City Hydro (@cityhydro) January 3, 2019"). Names in them are nobody a pronoun
refers to, and a quote paragraph after them still follows the prose before.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache

import regex

from quotes import lexicon
from quotes.marks import QuoteSpan, find_quotes
from quotes.model import Article
from quotes.segment import paragraphs, sentences

Span = tuple[int, int]

# A credit closing its paragraph: "(Lena Park / City News)", "(Submitted by Ann Lee)",
# "(Photo: Ann Lee)", "(Getty Images)". The paragraph it closes is a caption.
_CREDIT_END = regex.compile(
    r"\((?:\p{Lu}[^()\n/]{0,60}/\s*\p{Lu}[^()\n]{0,60}"
    r"|(?:Submitted|Supplied|Photo|Photograph|Image|Courtesy|Handout|File)\b[^()\n]{0,80}"
    r"|[^()\n]{0,40}\b(?:Images|Press|Photo|Photos|Handout|File)"
    r")\)\s*$")
# A line opening with a credit: "Sam Gray/The Daily Post", "Ann Lee / City News Ann and Bo".
# (A person's name of two or three words: "The Post/ABC poll" and "Reuters/Ipsos" are prose.)
_CREDIT_START = regex.compile(
    r"(?!The\b)\p{Lu}\p{Ll}[\p{L}'’\-]*(?:\s+\p{Lu}[\p{L}'’.\-]*){1,2}\s*/\s*(?:The\s+)?\p{Lu}")
# A video blurb ends with its running time: "… second period. 0:25".
_RUNNING_TIME = regex.compile(r"[.!?]\s+\d{1,2}:\d{2}\s*$")
_BYLINE = regex.compile(r"(?:By|BY)\s+\p{Lu}[^\n.!?]{0,60}$")
# The author line of an embedded post: "— City Hydro (@cityhydro) January 3, 2019".
_POST_AUTHOR = regex.compile(
    r"[—–-]\s*(?P<name>[^()\n—–]{1,80}?)\s*\(@\w{1,30}\)\s*"
    r"(?:\p{Lu}\p{Ll}+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+\p{Lu}\p{Ll}+\s+\d{4})\s*$")
_POST_LINK = regex.compile(r"\b(?:pic\.twitter\.com|t\.co)/\w+")
# What follows a post's text: a picture link, then the author line.
_POST_TAIL = regex.compile(
    r"\s*(?:(?:https?://)?(?:pic\.twitter\.com|t\.co)/\w+\s*)?[—–]\s*[^()\n—–]{1,80}?\s*\(@\w{1,30}\)")
# Hashtags closing a post's text ("#BCStorm", glued to a picture link in web copy).
_CLOSING_TAGS = regex.compile(r"(?:\s*#\w*)+\s*$")
# A link line: an upper-case label and a colon or a bar ("READ MORE: …", "WATCH | …").
_LABEL = regex.compile(r"(?P<label>[\p{Lu}][\p{Lu}' ]{1,30}?)\s*[:|]")


# A heading is a short line that ends with no sentence punctuation.
_HEADING_WORDS = 10
_SENTENCE_END_MARKS = ".!?:;,\"”’'»)…"


@dataclass(frozen=True)
class Post:
    """An embedded social-media post: its text and the name of its author."""

    span: Span  # the post, author line included
    author: Span  # the author's name as the post gives it


class Layout:
    """Paragraphs, sentences and quotes of one article, with lookups by offset."""

    def __init__(self, article: Article) -> None:
        self.text = article.text
        self.paragraphs = paragraphs(self.text, article.body_start)
        self.quotes: list[QuoteSpan] = find_quotes(self.text, self.paragraphs)
        outer = [q.outer for q in self.quotes]
        starts = [s for s, _ in outer]
        self.sentences: list[Span] = []
        self.sentence_paragraph: list[int] = []
        for index, para in enumerate(self.paragraphs):
            # Only quotes reaching into this paragraph protect its sentence ends (the
            # one starting before it may run on into it): work stays linear.
            first = max(0, bisect.bisect_left(starts, para[0]) - 1)
            local = outer[first:bisect.bisect_left(starts, para[1])]
            for sentence in sentences(self.text, para, local):
                self.sentences.append(sentence)
                self.sentence_paragraph.append(index)
        self._starts = [s for s, _ in self.sentences]
        self.posts: list[Post] = []
        # Paragraphs that are not prose: credits, captions, link lines, bylines, posts.
        self.aside = [False] * len(self.paragraphs)
        for index in range(len(self.paragraphs)):
            self.aside[index] = self._aside(index)

    def prose_before(self, index: int) -> int:
        """The paragraph of prose before paragraph `index` (-1 if none): asides and
        headings ("Crowded wards an issue") in between are passed over."""
        index -= 1
        while index >= 0 and (self.aside[index] or self._heading(index)):
            index -= 1
        return index

    def _heading(self, index: int) -> bool:
        start, end = self.paragraphs[index]
        line = self.text[start:end]
        return len(line.split()) <= _HEADING_WORDS and line[-1:] not in _SENTENCE_END_MARKS

    def heading(self, sentence: int) -> bool:
        """The sentence is in a heading (a short line with no closing stop)."""
        return self._heading(self.sentence_paragraph[sentence])

    def sentence_at(self, pos: int) -> int:
        """Index of the sentence holding pos (or the last one before it)."""
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def asides(self) -> list[Span]:
        """The paragraphs that are not prose, in text order."""
        return [p for p, aside in zip(self.paragraphs, self.aside, strict=True) if aside]

    def post_at(self, pos: int) -> Post | None:
        """The embedded post holding pos, if any."""
        return next((p for p in self.posts if p.span[0] <= pos < p.span[1]), None)

    def post_text(self, post: Post) -> Span | None:
        """A post's own words: its text before the hashtags, picture link and author
        line that close it ("… for several more days. #Storm pic.twitter.com/x — …")."""
        start, end = post.span
        tail = _POST_TAIL.search(self.text, start, end)
        if tail is None:
            return None
        body = _CLOSING_TAGS.sub("", self.text[start:tail.start()]).rstrip(" \t\n.,;:")
        return (start, start + len(body)) if len(body.split()) >= 4 else None

    def ends_post(self, pos: int) -> bool:
        """Only a post's picture link and author line follow pos ("“…” pic.twitter.com/x — Ann")."""
        return bool(self.posts) and _POST_TAIL.match(self.text, pos) is not None

    def _aside(self, index: int) -> bool:
        start, end = self.paragraphs[index]
        line = self.text[start:end]
        post = _POST_AUTHOR.search(line)
        if post is not None:
            # The post's text is this line up to its author, or the line before it
            # when the author line stands alone.
            first = start
            if post.start() == 0 and index > 0:
                first = self.paragraphs[index - 1][0]
                self.aside[index - 1] = True
            self.posts.append(Post((first, end), (start + post.start("name"), start + post.end("name"))))
            return True
        if _CREDIT_END.search(line) or _CREDIT_START.match(line) or _RUNNING_TIME.search(line):
            return True
        if _POST_LINK.search(line) or (_BYLINE.match(line) and len(line) < 70):
            return True
        label = _LABEL.match(line)
        return label is not None and label.group("label").strip().casefold() in _link_labels()


@cache
def _link_labels() -> frozenset[str]:
    return frozenset(row.casefold() for row in lexicon.lines("link_labels"))
