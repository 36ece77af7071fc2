"""Who wrote a document a description names: "the report said", "the ministry's
statement", "the Civic Action study".

A document speaks for its author: one named in the description ("the Audit Office
report", "the statement of the ministry"), beside an earlier mention of the
document ("a report by the Audit Office", "Lee wrote in a recent report", "the
Office released a report"), or a speaker who spoke in it ("In his congratulatory
message, the head of state emphasized …"). `quotes.descriptions` weighs these
against everything else the article says.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import regex

from quotes import lexicon
from quotes.names import Mention
from quotes.occurrences import article_mentions
from quotes.people import Entity, People

# "by the Audit Office", "from Ana Ruiz", "issued by the ministry": a document's author after it.
_AUTHOR_AFTER = regex.compile(r"(?:[ \u00a0]+(?:issued|released|published|signed|posted|sent))?"
                              r"[ \u00a0]+(?:by|from)[ \u00a0]+(?:the[ \u00a0]+)?")
# "Ruiz said in a statement", "Lee wrote in a recent report", "the Office released a report".
_AUTHOR_BEFORE = regex.compile(
    r"^[ \u00a0]+(?:[\p{Ll}-]+[ \u00a0]+){1,4}?(?:(?:in|on)[ \u00a0]+)?(?:a|an|its|his|her|their|the)"
    r"[ \u00a0]+(?:[\p{L}’'-]+[ \u00a0]+){0,2}$")
# "In his congratulatory message, | the head of state": a document a speaker spoke in.
_IN_DOCUMENT = regex.compile(r"(?<![\p{L}\p{M}])(?:[Ii]n|[Ww]ith)[ \u00a0]+(?:his|her|its|their|a|an|the)"
                             r"[ \u00a0]+(?:[\p{L}-]+[ \u00a0]+){0,2}$")
_POSSESSOR_BEFORE = regex.compile(r"(?<![\p{L}\p{M}])(?:his|her|its|their|our|my)[ \u00a0]+$", regex.I)
_DOCUMENT_THEN_SPEAKER = regex.compile(r"[ \u00a0]*,[ \u00a0]*")
_APPOSITION = regex.compile(r"^,[^,.;:]{1,80},")
_PUBLISHING = lexicon.tagged("publishing_verbs", "publish", "speak")
# "the Audit Office report", "the Audit Office's annual report".
_AUTHOR_MODIFIES = regex.compile(r"(?:[’']s)?[ \u00a0]+(?:[\p{Ll}-]+[ \u00a0]+){0,2}")


class Author(NamedTuple):
    """Who wrote a document, where the article shows it, and why."""

    name: str
    role: str | None
    at: int
    why: str
    weight: float = 1.0


def near(people: People, head: str, start: int, end: int) -> list[Author]:
    """Authors the article gives the document written at start..end: "a report by the
    Audit Office", "the Office report", "Lee wrote in a recent report", "In his message,
    the head of state"."""
    text = people.text
    named = article_mentions(people)
    found: list[Author] = []
    if (entity := _author_after(people, end)) is not None:
        found.append(Author(entity.name, entity.role, start,
                            f"the {head} at offset {start} is by {entity.name}"))
    for name_end in named.ends_between(start - 60, start):  # "the Office report"
        rest = text[name_end:start]
        at, entity = named.ends[name_end]
        if _POSSESSOR_BEFORE.search(text, max(0, at - 8), at):
            continue  # ("her New Year message": the possessive names the author)
        if _AUTHOR_MODIFIES.fullmatch(rest) or _published(rest):
            found.append(Author(entity.name, entity.role, start,
                                f"the {head} at offset {start} is by {entity.name}"))
    found.extend(_written_by_speaker(people, head, start, end))
    return found


def written_after(people: People, head: str, start: int, end: int) -> Author | None:
    """The author named right after the document at start..end: "according to a statement |
    issued by the Ministry of Energy, …", "a report by the Audit Office said"."""
    entity = _author_after(people, end)
    if entity is None:
        return None
    return Author(entity.name, entity.role, start, f"the {head} is by {entity.name}, named after it")


def _author_after(people: People, end: int) -> Entity | None:
    """The one the article names right after a document that ends at `end` ("by", "issued by", "from")."""
    by = _AUTHOR_AFTER.match(people.text, end, min(len(people.text), end + 30))
    return article_mentions(people).starts.get(by.end()) if by else None


def _written_by_speaker(people: People, head: str, start: int, end: int) -> list[Author]:
    """"In his congratulatory message, the head of state emphasized …", "the ministry said
    in a statement": the document at start is the one a speaker spoke in."""
    text = people.text
    found = []
    for turn in people.turns:
        mention = turn.mention
        if mention is None or not start - 160 <= mention.start <= end + 10:
            continue
        # (", technical researcher at Brightwire, stated in the company's blog post": past an apposition)
        stretch = _APPOSITION.sub("", text[mention.end:start], count=1)
        spoke_in = start - 60 <= mention.start and _IN_DOCUMENT.search(text, max(0, start - 40), start)
        if (mention.start >= end and spoke_in
                and _DOCUMENT_THEN_SPEAKER.fullmatch(text, end, mention.start)) or (
                mention.end <= start and len(stretch) <= 60 and _published(stretch)):
            found.append(Author(turn.speaker, turn.role, start,
                                f"the {head} at offset {start} is the one {turn.speaker} spoke in"))
    return found


def named_in(people: People, said: str, pos: int) -> Entity | None:
    """"the Civic Action study", "the PBO's report": a document whose description
    begins with its author's name."""
    words = said.split()[1:-1]
    if not words or not all(w[:1].isupper() for w in words):
        return None
    start = pos + said.index(words[0])
    end = start + len(" ".join(words))
    for ending in ("’s", "'s"):
        if people.text.endswith(ending, start, end):
            end -= len(ending)
    return people.named(Mention(start, end, "name", (start, end)), (start, end))[0]


def described(people: People, said: str, head: str, complement: str | None, pos: int,
              meaning: Callable[[str], Author | None]) -> Author | None:
    """"the ministry's statement", "the forecast of the State Weather Service", "the
    statement of the ministry": a document whose description names its author, who is
    resolved like any mention of them (`meaning` reads a description of the author)."""
    words = said.split()[1:]
    if complement is not None:
        author = complement
    elif len(words) == 2 and words[0].endswith(("’s", "'s")) and words[0][:1].islower():
        author = "the " + words[0][:-2]
    else:
        return None
    name = author.split(maxsplit=1)[-1] if author.startswith(("the ", "The ")) else author
    if name[:1].islower() and author.split()[0].casefold() == "the":
        meant = meaning(author)
        if meant is None:
            return None
        return meant._replace(why=f'the {head} is by "{author}": {meant.why}')
    if not all(w[:1].isupper() or w in ("of", "and", "for", "the") for w in name.split()):
        return None  # ("the release of the coroner's report": no name of an author)
    end = pos + said.index(author) + len(author)
    start = end - len(name)
    entity = people.named(Mention(start, end, "name", (start, end)), (start, end))[0]
    return Author(entity.name, entity.role, pos, f'the {head} names its author, {entity.name}')


def _published(stretch: str) -> bool:
    """"said in a", "released its", "wrote in a recent": a verb of speaking or
    publishing, then the document."""
    m = _AUTHOR_BEFORE.match(stretch)
    return m is not None and any(w in _PUBLISHING for w in stretch.split()[:3])
