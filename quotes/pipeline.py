"""The pipeline: article in, validated Quote records out.

    read -> segment -> marks -> cues + reports + speakers -> resolve -> records

Direct quotes are found from their marks and attributed by the words around
them; reported speech ("X said that …") is found from its cue, and becomes a
mixed quote when it holds a quoted fragment.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from quotes import cues, descriptions, lexicon, unnamed
from quotes.after_cue import mention_after
from quotes.cue_words import PREPOSITIONS
from quotes.cues import Attribution
from quotes.impersonal import impersonal_source
from quotes.invisible import Visible, without_invisible
from quotes.layout import Layout
from quotes.marks import QuoteSpan, looks_like_title, title_cased
from quotes.model import Article, Quote
from quotes.names import Mention
from quotes.people import People, Turn
from quotes.press_offices import speaks_for
from quotes.records import build_quote
from quotes.report_content import clause_word, has_quote
from quotes.reports import reports_in
from quotes.resolve import Resolved, resolve
from quotes.spans import Spans
from quotes.subjects import main_subject, verb_follows
from quotes.tokens import is_word, tokens

Span = tuple[int, int]
_ADVERBIAL_STARTS = frozenset("on in at during after before while as with from to".split())
# A quote with no speaker and fewer words than this is a name or a title.
_MIN_UNATTRIBUTED_WORDS = 4
_MAX_DASH_LINE = 80  # "- Sen. Mara Quist (D-Ore.), in a debate" at most


@dataclass
class Found:
    """A quote or report before its speaker is resolved."""

    pieces: tuple[Span, ...]
    kind: str
    attribution: Attribution | None
    sentence: int  # index of the sentence where it starts
    paragraph: int
    resolved: Resolved | None = None


def extract(text_or_article: str | Article, *, article_id: str | None = None,
            date: str | None = None) -> list[Quote]:
    """Every quoted or reported statement of one article, in text order."""
    if isinstance(text_or_article, Article):
        article = text_or_article
    elif not isinstance(text_or_article, str):
        raise TypeError(f"extract() takes a str or an Article, not "
                        f"{type(text_or_article).__name__} (decode bytes first)")
    else:
        article = Article(id=article_id or "article", text=text_or_article, date=date)
    visible = without_invisible(article.text)
    if visible is None:
        found = find(article)
    else:  # rules read the text without invisible characters; offsets are mapped back
        found = [_mapped(item, visible) for item in find(article.model_copy(update={
            "text": visible.text, "body_start": visible.visible(article.body_start)}))]
    found.reverse()
    quotes: list[Quote] = []
    while found:  # each finding is let go once its records are built: a lower peak
        item = found.pop()
        if item.kind == "mixed" and len(item.pieces) > 1:
            for piece in item.pieces:  # ("The timetable, he said, was “drawn up for …”": a kind each,
                kind = "mixed" if has_quote(article.text, (piece,)) else "indirect"  # none quoted: indirect)
                quotes.extend(build_quote(article, (piece,), kind, item.attribution, item.resolved))
        else:
            quotes.extend(build_quote(article, item.pieces, item.kind, item.attribution, item.resolved))
    return quotes


def _mapped(item: Found, visible: Visible) -> Found:
    """A finding in the text without invisible characters, with offsets into the original."""
    def span(start: int, end: int) -> tuple[int, int]:
        return visible.start(start), visible.end(end)

    attribution = item.attribution
    if attribution is not None:
        mention = attribution.mention
        if mention is not None:
            mention = dataclasses.replace(
                mention, start=visible.start(mention.start), end=visible.end(mention.end),
                name=span(*mention.name) if mention.name else None)
        cue = attribution.cue
        if cue is not None:
            cue = dataclasses.replace(cue, start=visible.start(cue.start), end=visible.end(cue.end))
        attribution = dataclasses.replace(attribution, mention=mention, cue=cue)
    resolved = item.resolved
    if resolved is not None:
        explanation = _OFFSET.sub(lambda m: f"offset {visible.start(int(m.group(1)))}", resolved.explanation)
        resolved = dataclasses.replace(resolved, explanation=explanation)
    return dataclasses.replace(item, pieces=tuple(span(*piece) for piece in item.pieces),
                               attribution=attribution, resolved=resolved)


_OFFSET = re.compile(r"offset (\d+)")


def find(article: Article) -> list[Found]:
    """Quotes and reports of the article with their attributions, speakers resolved."""
    layout = Layout(article)
    if not layout.paragraphs:
        return []
    direct, titles = _direct_quotes(layout)
    reports = _reports(layout, direct, titles)
    reports += _post_statements(layout, direct + reports)
    if not direct and not reports:
        return []  # (the names of an article that quotes nobody are never read)
    found = sorted(direct + reports, key=lambda f: f.pieces[0][0])
    people = People(layout.text, (article.body_start, len(layout.text)),
                    [q.outer for q in layout.quotes], layout.asides())
    return _resolve(layout, people, found)


def _direct_quotes(layout: Layout) -> tuple[list[Found], list[QuoteSpan]]:
    """Standalone quotations with their attributions; names and titles in marks apart."""
    text = layout.text
    direct: list[Found] = []
    titles: list[QuoteSpan] = []
    quotes = layout.quotes
    for i, quote in enumerate(quotes):
        first = layout.sentence_at(quote.open_start)
        last = layout.sentence_at(max(quote.open_start, quote.close_end - 1))
        lo = layout.sentences[first][0]
        if i and quotes[i - 1].close_end > lo and quotes[i - 1].close_end <= quote.open_start:
            lo = quotes[i - 1].close_end
        if text[lo:quote.open_start].rstrip().endswith(":") and cues.is_header(text[lo:quote.open_start]):
            lo = quote.open_start  # "ANALYST'S VIEWPOINT: “…” Ian Rowe said": a section's label
        hi = layout.sentences[last][1]
        if hi <= quote.close_end and _asks_or_exclaims(text, quote):
            # “…?” Keane said: the sentence splitter ends the sentence at the mark.
            hi = _next_sentence_end(layout, last)
        if i + 1 < len(quotes) and quote.close_end <= quotes[i + 1].open_start < hi:
            hi = quotes[i + 1].open_start
        if looks_like_title(text, quote) and not text.startswith(",", quote.close_end):
            if _names_a_work(text, quote):
                titles.append(quote)  # her novel “The Long Winter”: not even a fragment
            continue  # “Silent Harbor” director Nina Kovac said …
        after = _first(cues.AFTER_RULES, text, quote.close_end, hi) if quote.closed else None
        if after is None and quote.closed and hi <= quote.close_end:
            after = _attribution_sentence(layout, last, quote) or _dash_line(layout, last, quote)
        before = _first(cues.BEFORE_RULES, text, lo, quote.open_start)
        start = layout.sentences[first][0]
        if before is None and start < lo and text[lo:quote.open_start].rstrip().endswith(":") and not (
                direct and direct[-1].pieces[-1][1] > start):
            # "X said he had ‘some sympathy’ with …, adding: ‘…’": the fragment before is
            # part of X's report, so the sentence's subject introduces, with a colon, this
            # quotation too (with a comma, "adding, “…”", the quotation goes on the report)
            before = _first(cues.BEFORE_RULES, text, start, quote.open_start)
            lo = start if before is not None else lo
        if quote.closed and layout.ends_post(quote.close_end):
            hi = quote.close_end  # “…” pic.twitter.com/x — Ann Lee (@ann): a post's whole text
        if not _standalone(text, lo, quote, hi, before, after):
            continue  # a fragment: part of reported speech, if any, as a mixed quote
        direct.append(Found(((quote.start, quote.end),), "direct", after or before, first,
                            layout.sentence_paragraph[first]))
    return direct, titles


def _attribution_sentence(layout: Layout, index: int, quote: QuoteSpan) -> Attribution | None:
    """“… are missing.” Brandt said.: a short sentence after the quotation that only
    attributes it (a speaker and a cue, a few words of adverbial at most)."""
    end = _next_sentence_end(layout, index)
    found = _first(cues.AFTER_RULES, layout.text, quote.close_end, end)
    if found is None or found.cue is None or len(layout.text[found.cue.end:end].split()) > 4:
        return None
    return found


def _dash_line(layout: Layout, index: int, quote: QuoteSpan) -> Attribution | None:
    """“…” closing its paragraph, then a line "- Mara Quist.": the line attributes it."""
    para = layout.sentence_paragraph[index]
    if para + 1 >= len(layout.paragraphs):
        return None
    if layout.text[quote.close_end:layout.paragraphs[para][1]].strip(" ."):
        return None  # (the quotation must close its paragraph)
    start, end = layout.paragraphs[para + 1]  # (from the line break before it: "\n- Name")
    return cues.dash_name_after(layout.text, start - 1, end) if end - start <= _MAX_DASH_LINE else None


def _first(rules: Sequence[Callable[[str, int, int], Attribution | None]], text: str,
           lo: int, hi: int) -> Attribution | None:
    """The first rule's attribution for text[lo:hi], if any rule finds one."""
    for rule in rules:
        found = rule(text, lo, hi) if lo < hi else None
        if found:
            return found
    return None


_WORD_BEFORE = re.compile(r"(\w+)\W*$")


def _names_a_work(text: str, quote: QuoteSpan) -> bool:
    """“The Long Winter” after "her novel" is the name of a work."""
    match = _WORD_BEFORE.search(text, max(0, quote.open_start - 30), quote.open_start)
    return match is not None and match.group(1).casefold() in lexicon.words("works")


def _standalone(text: str, lo: int, quote: QuoteSpan, hi: int,
                before: Attribution | None, after: Attribution | None) -> bool:
    """A quote stands alone when only attribution or nothing shares its sentence;
    one embedded in other words ("called it “a disgrace”") is a fragment."""
    prefix = text[lo:quote.open_start].strip()
    if prefix and before is None and (prefix[-1] not in ":," or after is None):
        return False  # calls Brandt a “sociopath”; decisions, “not the President”
    if not quote.closed:
        return not prefix  # only a quote opening its paragraph may run on unclosed
    suffix = text[quote.close_end:hi].lstrip()
    ends_phrase = any(ch in ",.!?…" for ch in text[max(quote.start, quote.end - 1):quote.close_start])
    if not quote.double and before is None and after is None:
        # In single marks (British style) a quotation with no cue of its own stands alone
        # only as a whole sentence: 'It was not enough.' after "'We tried,' she said."
        # (A heading in title case, 'Coal Is Not the Villain.', is no sentence of anyone's.)
        return not prefix and not suffix and ends_phrase and not title_cased(
            text[quote.start:quote.end])
    # tweeted, "…" on Friday: an introduced quotation followed by an adverbial
    introduced = (before is not None and prefix[-1:] in (",", ":")
                  and suffix.split(" ", 1)[0].casefold() in _ADVERBIAL_STARTS) or (
        # ("was described as ‘…’ by nurses": the agent after it named it)
        before is not None and before.rule == cues.PASSIVE_BY_AGENT)
    # “Belavia” is banned, said “there is hope” in Tarnby: a term or title in marks
    return not (after is None and suffix[:1].isalpha() and not ends_phrase and not introduced)


def _worth_keeping(text: str, item: Found) -> bool:
    """Unattributed quotes count only when long enough to be a statement."""
    start, end = item.pieces[0]
    return len(text[start:end].split()) >= _MIN_UNATTRIBUTED_WORDS


def _asks_or_exclaims(text: str, quote: QuoteSpan) -> bool:
    # (a quotation inside it may close first: "How do we win Harwick?’")
    return text[quote.start:quote.close_start].rstrip().rstrip("’'")[-1:] in ("?", "!")


def _next_sentence_end(layout: Layout, index: int) -> int:
    """End of the sentence after `index` when it is in the same paragraph."""
    following = index + 1
    if following < len(layout.sentences) and (
            layout.sentence_paragraph[following] == layout.sentence_paragraph[index]):
        return layout.sentences[following][1]
    return layout.sentences[index][1]


def _reports(layout: Layout, direct: list[Found], titles: list[QuoteSpan]) -> list[Found]:
    """Reported speech, indirect or mixed (holding any words in marks, a title's too:
    every annotated set marks "applied to the programme «Warm Home»" mixed), not
    overlapping any direct quote."""
    text = layout.text
    title_marks = {q.open_start for q in titles}
    blocked = [q.outer for q in layout.quotes]
    quoted = Spans([q.outer for q in layout.quotes])
    taken = Spans([piece for f in direct for piece in f.pieces])
    # (quotations a naming cue in a relative clause reports: "…, a figure he described as “…”")
    direct_starts = sorted(f.pieces[0][0] for f in direct
                           if f.attribution is not None and f.attribution.rule == "relative cue, quote")
    opening = {q.open_start: q for q in layout.quotes if q.open_start not in title_marks}
    opens = sorted(opening)
    logical = _logical_punctuation(text, layout.quotes)
    found: list[Found] = []
    for index, sentence in enumerate(layout.sentences):
        if layout.aside[layout.sentence_paragraph[index]]:
            continue  # a caption or a link to another story reports nobody here
        previous = layout.sentences[index - 1] if index else None
        last_paragraph = None  # ("… on Monday.¶This was stated by …": the paragraph before's last sentence)
        if previous and layout.sentence_paragraph[index - 1] != layout.sentence_paragraph[index]:
            previous, last_paragraph = None, previous
        for report in reports_in(text, sentence, blocked, previous, last_paragraph):
            pieces = report.pieces
            if any(taken.overlaps(piece) for piece in pieces):
                pieces = _before_quotation(text, pieces, direct_starts)
                if not pieces or any(taken.overlaps(piece) for piece in pieces):
                    continue
            kind = "mixed" if any(quoted.overlaps(piece) for piece in pieces) else "indirect"
            if kind == "mixed" and (inner := _wholly_quoted(text, pieces, opening)):
                pieces, kind = inner, "direct"  # "In his words, “the easy part is over.”"
            elif kind == "mixed" and not layout.heading(index) and (
                    inner := _named_quotation(text, pieces, report.attribution, opening, opens, logical)):
                pieces, kind = inner, "direct"  # "called the levy ‘a tax on breathing’"
            start = pieces[0][0]
            found.append(Found(pieces, kind, report.attribution,
                               layout.sentence_at(start), layout.sentence_paragraph[index]))
            for piece in report.pieces:
                taken.add(piece)
    return found


def _post_statements(layout: Layout, found: list[Found]) -> list[Found]:
    """The words of an embedded post that quote nobody are its author's own statement
    (GGT annotates every such post; the author is resolved as for a quotation in it)."""
    if not layout.posts:
        return []  # (nearly every article: no spans to sort)
    taken = Spans([piece for f in found for piece in f.pieces])
    statements = []
    for post in layout.posts:
        body = layout.post_text(post)
        if body is None or taken.overlaps(body) or any(
                mark in layout.text[body[0]:body[1]] for mark in "“”\"«»"):
            continue
        index = layout.sentence_at(body[0])
        statements.append(Found((body,), "indirect", None, index, layout.sentence_paragraph[index]))
    return statements


def _before_quotation(text: str, pieces: tuple[Span, ...], direct_starts: list[int]) -> tuple[Span, ...]:
    """A report's one piece that runs into a quotation a naming cue in a relative clause
    reports, cut at the comma before it: "explained that the plan foresees 320,000 tons, | a figure he described
    as “modest”" (the naming cue's words are the direct record, the clause before is the
    report); nothing when no clause of three words or more is left."""
    if len(pieces) != 1:
        return ()
    start, end = pieces[0]
    i = bisect.bisect_right(direct_starts, start)
    if i >= len(direct_starts) or direct_starts[i] >= end:
        return ()
    comma = text.rfind(",", start, direct_starts[i])
    if comma < 0:
        return ()
    cut = text[start:comma].rstrip()
    if len(cut.split()) < 3 or any(mark in cut for mark in "“”\"‘’«»"):
        return ()  # (a quotation inside the clause: the comma may be the quotation's own)
    return ((start, start + len(cut)),)


def _wholly_quoted(text: str, pieces: tuple[Span, ...],
                   opening: dict[int, QuoteSpan]) -> tuple[Span, ...] | None:
    """The quoted words of a report whose every piece is one whole quotation, marks
    and all (a phrase cue's content: "In his words, “…”"), else None."""
    inner = []
    for start, end in pieces:
        quote = opening.get(start)
        if quote is None or not quote.closed or text[quote.close_end:end].strip(" .,;:!?"):
            return None
        inner.append((quote.start, quote.end))
    return tuple(inner)


# Before a naming verb's closing quotation: its object, a short phrase with no clause of its own.
# (apostrophes allowed: "the assembly’s statement")
_NAMED_OBJECT = re.compile(r"[^“”\"‘«»,;:]{0,60}")
# Words that open a phrase, so a quotation right after them is only part of it ("her" and
# "that" are as often the object itself: "called her “a liar”").
_PHRASE_OPENERS = (lexicon.words("determiners") | PREPOSITIONS) - {"her", "that"}


def _logical_punctuation(text: str, quotes: Sequence[QuoteSpan]) -> bool:
    """Whether no quotation in double marks opened after a word closes with its period or
    comma inside the marks (American copy: 'called it “unheard of.”'); British and
    translated copy put it outside: 'described it as “a disaster”.'"""
    return not any(q.double and q.closed and text[q.close_start - 1:q.close_start] in (".", ",")
                   and _WORD_THEN_SPACE.search(text, 0, q.open_start) for q in quotes)


# A word and a space right before an opening mark: the quotation opens mid-clause.
_WORD_THEN_SPACE = re.compile(r"\w \Z")


def _named_quotation(text: str, pieces: tuple[Span, ...], attribution: Attribution,
                     opening: dict[int, QuoteSpan], opens: list[int],
                     logical: bool) -> tuple[Span, ...] | None:
    """The quotation alone of a naming verb's report that is its object and the words it
    is called, and nothing after ("described the levy as ‘…’", "calling the pitch “…”"):
    the writers annotate the quoted words as a direct quote of the one who named."""
    cue = attribution.cue
    if cue is None or not cue.quoted or len(pieces) != 1 or text[cue.start].isupper() or (
            text[cue.start:cue.end].split(" ", 1)[0].endswith("s")):
        return None  # ("Senator Calls Plan ‘Reckless’", "Ryan calls line 'racist'": a headline's
        # present, where marks are single whatever the house style)
    start, end = pieces[0]
    i = bisect.bisect_left(opens, start)
    quote = opening[opens[i]] if i < len(opens) and opens[i] < end else None
    if quote is None or (quote.double and text[quote.open_start] not in "«»" and not (
            logical and text[quote.close_end:quote.close_end + 1] in (".", ",", ";"))):
        return None  # (in double marks “…” PolNeAR's American copy keeps the object and the
        # words, mixed; closed before the period, as British copy does, as in single marks)
    if not quote.closed or (text[quote.close_end:end].strip(" .,;:!?") and not _phrase_after(
            text, quote.close_end, end)) or _NAMED_OBJECT.fullmatch(text, start, quote.open_start) is None:
        return None
    words = text[start:quote.open_start].split()
    if words[:1] == ["that"] and len(words) > 1:
        return None  # "welcomed …, and its notice says that the road is “…”": a clause, no object
    last = words[-1:]
    if cue.object and last != ["as"]:
        return None  # "criticised the survey's ‘lazy assumptions’": the words name no object
    if last and (last[0] in _PHRASE_OPENERS or last[0].endswith("ing")):
        return None  # "called Ostland a “quiet success”", "as being in the “…”": the quotation
        # is part of the complement, which the record keeps whole (a mixed quote)
    return ((quote.start, quote.end),)


def _phrase_after(text: str, start: int, end: int) -> bool:
    """A short phrase after the quotation that says for whom or what the words were meant
    and holds no verb ("called the cut ‘a slap in the face’ | for nurses", "described the
    plan as ‘a lifeline’ | for the town"): the writer's, not the words named."""
    words = [t for t in tokens(text, start, end) if is_word(t)]
    return 0 < len(words) <= _PHRASE_WORDS and words[0].key in _PHRASE_PREPOSITIONS and not any(
        clause_word(t) or t.key.endswith("ed") or t.key in lexicon.speech_verbs() or (
            t.key.endswith("ing") and t.key not in lexicon.words("ing_nouns")) for t in words)


_PHRASE_WORDS = 10
_PHRASE_PREPOSITIONS = frozenset("for to among on".split())


def _resolve(layout: Layout, people: People, found: list[Found]) -> list[Found]:
    """Resolve speakers in text order; quotes without a cue continue the current
    speaker or take the person named in the sentence before. Returns those kept."""
    kept: list[Found] = []
    for item in found:
        attribution = item.attribution
        office = speaks_for(people, attribution.mention) if attribution is not None else None
        if office is not None and attribution is not None:  # "the press service of X said": X
            item.attribution = attribution = dataclasses.replace(attribution, mention=office[0])
            item.resolved = office[1]
        elif attribution is not None and (impersonal := impersonal_source(
                layout, people, attribution, item.sentence, item.paragraph)):
            item.resolved, item.attribution = impersonal  # "It was noted that …"
        elif attribution is not None:
            item.resolved = resolve(people, attribution.mention, attribution.mention.start
                                    if attribution.mention else item.pieces[0][0])
            if item.resolved.speaker and attribution.mention and attribution.mention.kind != "role":
                people.mark_speaker(item.resolved.speaker)
                if attribution.mention.kind == "name" and attribution.mention.role:
                    people.source_at(item.resolved.speaker, attribution.mention.start, attribution.mention.end)
            elif item.resolved.speaker and attribution.mention and item.resolved.resolution == "role":
                mention = attribution.mention
                if not people.described(item.resolved.speaker, mention.start,
                                        descriptions.names_a_body(layout.text[mention.start:mention.end])):
                    unnamed.register(people, mention, attribution.cue.start if attribution.cue
                                     else mention.end, item.resolved.speaker)
        else:
            item.resolved, item.attribution = _unattributed(layout, people, item)
            if item.resolved.speaker is None and not _worth_keeping(layout.text, item):
                continue  # a short quote with no speaker is a name or a title
        kept.append(item)
        if item.resolved.speaker:
            people.spoke(_turn(layout, item, item.resolved.speaker), item.kind == "direct")
    return kept


def _turn(layout: Layout, item: Found, speaker: str) -> Turn:
    """The statement of a found quote or report, to the end of the sentence holding
    its cue and mention (names in an apposition there introduce nobody new)."""
    attribution = item.attribution
    ends = [item.pieces[-1][1]]
    if attribution is not None and attribution.mention is not None:
        ends.append(attribution.mention.end)
    if attribution is not None and attribution.cue is not None:
        ends.append(attribution.cue.end)
    role = item.resolved.role if item.resolved else None
    last = layout.sentence_at(max(ends) - 1)
    end = max(layout.sentences[last][1], max(ends))
    # (the paragraph where it ends: a quotation may run over several)
    return Turn(speaker, role, item.pieces[0][0], end, layout.sentence_paragraph[last],
                attribution.mention if attribution else None)


def _continued(layout: Layout, people: People, item: Found) -> Turn | None:
    """The statement a quote with no cue of its own continues: the current speaker's,
    else the last quotation's, in the quote's paragraph or in the prose paragraph
    before the one the quote opens (captions, link lines and headings between do not
    count), with nobody else introduced since, and not named in the quote itself
    (“… Mr. Paredes knows that.” is not Paredes's)."""
    start, end = item.pieces[0][0], item.pieces[-1][1]
    # The prose paragraph before, or one more when nobody new is introduced in between.
    before = layout.prose_before(item.paragraph)
    if before >= 0 and _starts_paragraph(layout, item) and (
            layout.text.endswith(":", 0, layout.paragraphs[before][1])):
        return None  # "Transcript as follows:" introduces it, whoever spoke last
    reach = layout.prose_before(before)
    found: list[Turn] = []
    for turn in (people.current, people.quoting):
        if turn is None or (turn.paragraph != item.paragraph and not (
                _starts_paragraph(layout, item) and turn.paragraph >= reach)):
            continue
        if people.current and people.introduced(people.current.end, start, turn.speaker):
            break  # (names since the last statement: the one before it is then no nearer)
        surname = turn.speaker.rsplit(" ", 1)[-1]
        if not _word_in(surname, layout.text[start:end]):
            return turn
        found.append(turn)  # (named in the quote: only if no one else may speak it)
    return found[0] if found else None


def _word_in(word: str, text: str) -> bool:
    """re.search(rf"\\b{re.escape(word)}\\b", text), without compiling a pattern per word
    (hundreds of surnames an archive; most compiled once and never used again)."""
    if not word:
        return re.search(r"\b", text) is not None
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (_word_char(text[at - 1:at]) != _word_char(word[0])
                and _word_char(word[-1]) != _word_char(text[end:end + 1])):
            return True
        at = text.find(word, at + 1)
    return False


def _word_char(char: str) -> bool:
    """What \\w matches (false past either end of the text: an empty string)."""
    return char.isalnum() or char == "_"


def _unattributed(layout: Layout, people: People, item: Found) -> tuple[Resolved, Attribution | None]:
    """A quote with no cue of its own: an embedded post's author, a continuation, else
    the sentence before."""
    post = layout.post_at(item.pieces[0][0])
    if post is not None:
        author = Mention(post.author[0], post.author[1], "name", post.author)
        found = resolve(people, author, author.start)
        name = found.speaker
        return Resolved(name, found.role, found.resolution,
                        f"in a post embedded in the article, by {name} (offset {author.start})"
                        ), Attribution(author, None, "embedded post", 0.8)
    turn = _continued(layout, people, item)
    if turn is not None:
        resolved = Resolved(turn.speaker, turn.role, "continuation",
                            f"no cue of its own; continues the statement by {turn.speaker} "
                            f"at offset {turn.start}")
        return resolved, Attribution(turn.mention, None, "continuation", 0.7)
    before = item.sentence - 1
    if before >= 0 and layout.sentence_paragraph[before] >= item.paragraph - 1:
        s0, s1 = layout.sentences[before]
        if layout.text[s0:s1].endswith(":"):
            # She said:  / “…” (the quote opens the next paragraph)
            introduced = _first(cues.BEFORE_RULES, layout.text, s0, s1)
            if introduced is not None and introduced.mention is not None:
                return resolve(people, introduced.mention, introduced.mention.start), introduced
        mention = mention_after(layout.text, s0, s1)
        if mention is None or not verb_follows(layout.text, mention.end, s1):
            # "In a press release on Monday, Holm expressed concern about the debt. “…”"
            mention = main_subject(layout.text, s0, s1)
        if mention is not None and verb_follows(layout.text, mention.end, s1) and (
                mention.kind == "pronoun" or people.is_person(mention)):
            resolved = resolve(people, mention, mention.start)
            if resolved.speaker:
                resolved = Resolved(resolved.speaker, resolved.role, resolved.resolution,
                                    resolved.explanation + "; named in the sentence before the quote")
                return resolved, Attribution(mention, None, "speaker in sentence before", 0.6)
    return Resolved(None, None, "none", "no cue and no speaker nearby"), None


def _starts_paragraph(layout: Layout, item: Found) -> bool:
    para_start = layout.paragraphs[item.paragraph][0]
    return layout.text[para_start:item.pieces[0][0]].strip(" \"“”‘’'«»„`") == ""
