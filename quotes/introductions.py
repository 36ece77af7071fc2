"""The names an article gives, each with the role given with it, in text order.

Every run of capitalised words outside title-case headlines, datelines and asides
is read as a person's or a body's name, with the role words before it ("NATO
Secretary General | Ivar Stokkeland") or the apposition that introduces it ("The
mayor of Lesna, | Ana Kral,"), and whether it stands where a pronoun's antecedent
may (a subject outside quotation marks). `quotes.people` merges them into entities.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

import regex

from quotes import lexicon
from quotes.appositions import COURTESIES, STYLE_POSSESSIVE_WORDS, STYLE_POSSESSIVES, role_before_name
from quotes.gender import gender_of, opens_sentence
from quotes.mention_words import clean_role
from quotes.name_runs import sentence_runs
from quotes.names import Mention, common_word_surname, name_ending, patronymic_person, person_after_body_end
from quotes.offices import OFFICE_JOINS, inside_office, through_office
from quotes.organisations import (
    BODY_JOINS,
    body_opened_before,
    body_read_back,
    ends_body_with_title,
    list_goes_on,
    organisation_ending,
)
from quotes.salience import (
    NOT_BEFORE_SUBJECT,
    POSSESSIVE,
    after_object_verb,
    body_subject,
    modifies_noun,
    salient,
)
from quotes.segment import TitleCaseLines, dateline_end
from quotes.spans import inside
from quotes.tokens import FUNCTION_WORDS, Token, is_name_word, keeps_period, window_tokens

Span = tuple[int, int]
# How far before a name its role words may start ("NATO Secretary General", "Deputy
# Minister of Energy and Natural Resources of the Republic of | …").
_ROLE_WINDOW = 120


class Introduction(NamedTuple):
    """One name as the article gives it."""

    name: Span
    role: str | None
    word_before: str  # the word right before the name, casefolded ("" when a mark ends it)
    subject: int | None  # where the mention starts, when it may be a pronoun's antecedent


def introductions(text: str, body: Span, quoted: list[Span], asides: list[Span]) -> Iterator[Introduction]:
    """The names of text's body, with their roles, in text order."""
    starts = [s for s, _ in quoted]
    titles = lexicon.words("titles")
    skip = _names_nobody()
    org_words = lexicon.words("org_words")
    headlines = TitleCaseLines(text, body)
    aside_starts = [s for s, _ in asides]
    dateline = body[0]  # (where the last wire dateline ended: its words name nobody)
    for run in sentence_runs(text, body):
        start = run.start()
        if start < dateline:
            continue
        if (start == 0 or text[start - 1] == "\n") and (end := dateline_end(text, start)) is not None:
            dateline = end  # "ARDESSA, May 2 (Reuters) -": not a body "it" may mean
            continue
        words = run.group()
        if words.rstrip(".").casefold() in skip and not (
                words.casefold() in titles and text.endswith((" of ", " for ", " and "), 0, start)):
            continue  # "The", "But", "President" alone name nobody ("Ministry of | Health" ends a body)
        if asides and inside(asides, start, aside_starts):
            continue  # a photo credit, a caption or a link line: not the story's people
        if headlines.holds(start):
            continue  # "Mayor Sees Budget Gap": in title case, capitals do not mark names
        if words.rsplit(" ", 1)[-1].casefold() in org_words and (
                _OF_NAME.match(text, run.end()) or (" " not in words and opens_sentence(
                    text, start, body[0]) and _LOWER_AFTER.match(text, run.end()))):
            # "(The) City | of Surrey": the head of a body read with its name from "Surrey";
            # "City financial records": a common noun that opens a sentence
            continue
        # The word before tells whether the name is a modifier ("the Wagner boss")
        # and whether role words precede it ("Secretary General Jens …").
        reach = max(body[0], start - 40)
        end_before = reach + len(text[reach:start].rstrip())
        space = text.rfind(" ", max(body[0], end_before - 30), end_before)
        lo = space + 1 if space >= 0 else start  # (no word before it: none read)
        word_before = text[lo:end_before].rstrip(".").casefold()
        if word_before in titles or word_before in ("of", "the", "for") or (words.count(" ") >= 2 and (
                word_before == "in" or (
                    word_before.isalpha() and word_before.islower() and word_before not in FUNCTION_WORDS))):
            # ("Minister of Trade of | …", "Director of the enterprise | Merav Trans Ana Bek",
            # "the spokeswoman for the District Court in | Velmar Radka Hollen")
            lo = max(body[0], start - _ROLE_WINDOW)
        elif " " not in words and word_before not in BODY_JOINS:  # the common case, made cheap
            # (a word before that ends with a mark is kept apart: "persisted. Kody")
            joined = end_before > lo and text[end_before - 1].isalpha()
            yield _single(run, word_before if joined else "", quoted, starts)
            continue
        toks = window_tokens(text, lo, run.end())  # (shared with the rules)
        last = len(toks) - 1
        ends_body = ends_body_with_title(toks, last, text)  # ("Ministry of | Health")
        while last >= 0 and not ends_body and not is_name_word(toks[last]) and not (
                common_word_surname(toks, last)) and not (
                toks[last].key in lexicon.words("org_words") and last > 0 and is_name_word(toks[last - 1])
        ) and not _members_close_body(toks, last):
            last -= 1  # (a body's last word may be a role word: "Audit Office", "Ministry of Health")
        if last < 0 or toks[last].start < start:
            continue
        org = organisation_ending(toks, last, text)  # "Network Rail": no role "Network"
        wide, one = max(body[0], start - _ROLE_WINDOW), " " not in words  # ("Steel and | Engineering …")
        toks, last, org = body_opened_before(text, toks, last, org, word_before, one, wide, start)
        if org is not None and toks[org].start < start and list_goes_on(text, run.end()):
            continue  # "Agency for Schools | , Youth and Sport": read whole at its end
        mention = name_ending(toks, last, text) if org is None else Mention(
            toks[org].start, toks[last].end, "name", (toks[org].start, toks[last].end))
        if org is not None and word_before in OFFICE_JOINS and toks[org].start >= start:
            # "Director General of the Tea Grading and | Export Authority Ana Bek":
            # a body's name read from the run may end an office, a person after it
            toks, last, mention = through_office(text, toks, last, mention, wide)
            org = org if mention.role is None else None
        if org is None and word_before in OFFICE_JOINS:
            # "… of Interior and | Disaster Management Ana Lee": read again with the office
            toks, last, mention = through_office(text, toks, last, mention, wide)
            if mention.role is None and word_before in BODY_JOINS:  # "… of Health and | Social Care"
                toks, last, org = body_read_back(text, toks, last, None, wide, start)
                mention = mention if org is None else Mention(
                    toks[org].start, toks[last].end, "name", (toks[org].start, toks[last].end))
        one_word = mention.name is not None and " " not in text[mention.name[0]:mention.name[1]]
        if org is None and mention.role and one_word and inside_office(text, run.end()):
            continue  # "Ambassador | Extraordinary | and Plenipotentiary of …": an office's word
        name = mention.name or (mention.start, mention.end)
        role = mention.role
        # An office's words read into the name: a patronymic ("… Regional Executive Committee
        # Iryna Paulauna Sakalova") or a body's closing word ("… Dairy Joint Stock Company Pham
        # Thi Lan") shows where the person's name opens
        person = patronymic_person(text, name) or (person_after_body_end(text, name) if org is None else None)
        if person is not None:
            role = clean_role(f"{role or ''} {text[name[0]:person[0]]}".strip())
            name = person
        courtesy = role is not None and _courtesy_only(role)
        if (role is None or courtesy) and org is None and _CLOSES_APPOSITION.match(text, name[1]):
            # "The mayor of Lesna, Ana Kral, …", "the Deputy Minister of Tourism, Hon. Ali
            # Juma, stated" (the courtesy title is no role): the apposition before it
            at = mention.start if courtesy else name[0]
            if courtesy and (style := _STYLE_POSSESSIVE.search(text, max(0, at - 5), at)):
                at = style.start()  # ("…, His | Excellency Tomas Mwale,")
            before = role_before_name(text, at, body[0])
            # (a gendered courtesy title stays with it: "Mrs Lam's neighbour, Mr Ho Tak" is a man)
            role = f"{before} {role}" if before and courtesy and role and gender_of(role) else before or role
        first = next(k for k in range(last, -1, -1) if toks[k].start == name[0])
        if mention.role and " of " in mention.role:
            # A long role is read with its name: "met with | Minister of Crown Relations
            # Ana Reed" is an object; "announced by (the) Minister of Health …" the agent.
            k = next(k for k in range(first, -1, -1) if toks[k].start <= mention.start)
            k -= 1 if k > 0 and toks[k - 1].key in ("the", "a", "an") else 0
            first = k if k > 0 and toks[k - 1].key != "by" else first
        subject = not inside(quoted, mention.start, starts) and (salient(text, toks, first, last) or (
            org is not None and body_subject(text, toks, first, last)))
        yield Introduction(name, role, word_before, mention.start if subject else None)


def _members_close_body(toks: list[Token], last: int) -> bool:
    """"Union of Bor | Miners", "Federation of Volta Cocoa | Farmers": a capitalised plural
    closing a body's "of" phrase names its members, a word of the name (alone, "miners
    said", it is a group)."""
    tok = toks[last]
    if not (tok.word[:1].isupper() and tok.key.endswith("s") and last > 1 and is_name_word(toks[last - 1])):
        return False
    org_words = lexicon.words("org_words")
    return any(toks[k].key in org_words and toks[k + 1].key == "of"
               for k in range(last - 2))


def _single(run: regex.Match[str], word_before: str, quoted: list[Span], starts: list[int]) -> Introduction:
    """A one-word name with no title before it ("Stokkeland", "Wagner’s")."""
    word = run.group()
    end = run.end()
    if word.endswith(".") and not keeps_period(word):
        end -= 1
    possessive = word.endswith(POSSESSIVE[:2])
    # (A topic after "For" is no subject here: salience.salient and people's genders read it;
    # nor is a name modifying another phrase's noun: "a former | Tarn | winger".)
    subject = not possessive and word_before not in NOT_BEFORE_SUBJECT and not (
        word_before.isalpha() and after_object_verb(word_before)) and not inside(
            quoted, run.start(), starts) and not modifies_noun(run.string, run.start(), end)
    return Introduction((run.start(), end), None, word_before, run.start() if subject else None)


# An "of" phrase naming a place or body after a capitalised word ("City | of Surrey").
_OF_NAME = regex.compile(r"[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?\p{Lu}")
_LOWER_AFTER = regex.compile(r"[ \u00a0]+\p{Ll}")


# The possessive of a style of address, before it: "His | Excellency", "Her | Excellency".
_STYLE_POSSESSIVE = regex.compile(rf"\b(?:{STYLE_POSSESSIVE_WORDS})[ \u00a0]+$")

# What closes an apposition after a name: its comma, or the sentence's end.
_CLOSES_APPOSITION = regex.compile(r",|\.(?:\s|$)")


@cache
def _names_nobody() -> frozenset[str]:
    """Words that alone name nobody: common words, titles and roles ("The", "President")."""
    return lexicon.words("not_names") | lexicon.words("titles") | lexicon.words("roles")


def _courtesy_only(role: str) -> bool:
    """"Hon.", "Mr", "H.E. Dr.", "His Excellency": courtesy titles and styles of address,
    no office."""
    said = role.split()
    if len(said) > 1 and said[0].casefold() in STYLE_POSSESSIVES:
        said = said[1:]  # ("His Excellency", "Her Excellency": the style with its possessive)
    return all({w.casefold(), w.casefold().rstrip("."), w.casefold().rstrip(".") + "."} & COURTESIES
               for w in said)



