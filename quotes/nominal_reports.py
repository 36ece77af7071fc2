"""Reports whose cue is a noun of saying: "Varga's claim that the vote was rigged",
"his warning that …", "the allegation that …" (`lexicons/report_nouns.txt`).

The owner of the noun ("Varga's", "his") is the speaker; "the claim that …"
with no owner is left alone, since whose claim it is may lie anywhere in the
sentence ("critics dismissed the claim that …" is not the critics' claim).
"""

from __future__ import annotations

import re

from quotes import lexicon
from quotes.cue_words import Cue
from quotes.cues import Attribution
from quotes.report_content import Report, Span, clause_end, clause_word, has_quote, trimmed
from quotes.speakers import Mention, mention_before
from quotes.tokens import is_word, tokens

# "that" and the word before it: the word is looked up in the lexicon (one pass over the
# sentence for "that", far cheaper than an alternation of every noun). The pattern opens
# with the word, so the engine skips to each "that" at once; the space before it is
# checked behind it (the same matches as r"(?<=\s)that\s", tried at every position).
_THAT = re.compile(r"that(?<=\sthat)\s")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")


def nominal_reports(text: str, sentence: Span) -> list[Report]:
    """Every "<noun of saying> that <clause>" of the sentence that has an owner."""
    s0, s1 = sentence
    found = []
    nouns = lexicon.words("report_nouns")
    for that in _THAT.finditer(text, s0, s1):
        noun = _WORD_BEFORE.search(text, max(s0, that.start() - 20), that.start())
        if noun is None or noun.group(1).casefold() not in nouns or _relative_clause(text, that.end(), s1):
            continue  # ("the statement that was released": "that" opens a relative clause)
        end = clause_end(text, that.end(), s1, clause=True)
        comma = text.find(", ", that.end(), end)
        if comma > 0 and not has_quote(text, ((that.end(), comma),)):
            end = comma  # "Despite Varga's claims that the budget is balanced, the auditors …"
        content = trimmed(text, that.start(), end)
        if content is None or len(text[content[0]:content[1]].split()) < 4:
            continue
        mention = _owner(text, s0, noun.start(1))
        if mention is None:
            continue  # ("critics dismissed the allegation that …": not the critics' allegation)
        cue = Cue(noun.start(1), noun.end(1), noun.group(1).casefold())
        found.append(Report((content,), Attribution(mention, cue, "noun of saying that, report", 0.6)))
    return found


def _relative_clause(text: str, pos: int, end: int) -> bool:
    """After "that", a verb rather than a subject: "the claims that circulated online"."""
    following = [t for t in tokens(text, pos, min(end, pos + 40)) if is_word(t)]
    return not following or clause_word(following[0]) or (
        following[0].word.islower() and following[0].key.endswith(("ed", "s")) and following[0].key not in (
            "this", "his", "its", "us", "was", "is"))


# The owner before the noun, and at most one describing word: "Varga's | claim",
# "his | claim", "the police's earlier | claim".
_OWNER = re.compile(r"(?:\b(?P<pronoun>[Hh]is|[Hh]er|[Tt]heir)|(?P<name>\w)['’]s?)(?P<end>)"
                    r"\s+(?:[a-z][\w-]*\s+)?$")


def _owner(text: str, floor: int, noun: int) -> Mention | None:
    """The owner of the noun of saying, if the article gives one."""
    match = _OWNER.search(text, max(floor, noun - 40), noun)
    if match is None:
        return None
    if match.group("pronoun"):
        return Mention(match.start("pronoun"), match.end("pronoun"), "pronoun")
    apostrophe = match.end("name")
    owner = mention_before(text, floor, match.end("end"), skip_aux=False)  # (the tokens end after "’s")
    if owner is None or owner.kind == "pronoun" or not owner.start < apostrophe <= owner.end:
        return None
    name = (owner.name[0], min(owner.name[1], apostrophe)) if owner.name else None
    return Mention(owner.start, apostrophe, owner.kind, name, owner.role)
