"""The role words written around a person's name in translated copy, where the names
reader keeps no role: a long office before the name, back to the clause that names them
("This was announced by | Regional Keeper of Archives of the Valdor County | Ana Veld"),
and the offices in commas after it ("Ivo Marr, | Member of the Council, Director of the
Port Authority, | at a meeting"). A later definite description whose noun is written
there ("the keeper", "the director of the authority") means that person.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from quotes import lexicon
from quotes.body_descriptions import is_kind
from quotes.described import Candidate, Description
from quotes.people import Entity, People, not_personal
from quotes.tokens import keeps_period

# How far before a name its office may open, and after it its offices may run.
_BEFORE_REACH = 180
_AFTER_REACH = 320
_TOKEN = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}’'.-]*|[,;:\n]")
# Lower-case words that close the clause before an office: an agent's "by", a
# clause's verb or conjunction ("was announced by", "said that").
_CLAUSE_WORDS = frozenset("by that said says told was were is are has have had who which and "
                          "according".split())
# Words an office cannot end with before its holder's name: what follows is its body or place.
_FUNCTION = frozenset("of for in at from to on with the a an and".split())
# Words that, before a noun, make it the body's or someone else's ("Assistant to the Governor").
_PREPOSITIONS = frozenset("of for to at in with from on by".split())


def _verb_like(word: str) -> bool:
    """A lower-case word that reads as a clause's verb ("announced", "stressed")."""
    return (word.endswith("ed") and len(word) > 4) or word in lexicon.speech_verbs()


def _before(text: str, at: int) -> str:
    """The office words right before the name at `at`, back to the clause that holds them."""
    lo = max(0, at - _BEFORE_REACH)
    toks = list(_TOKEN.finditer(text, lo, at))
    start = at
    for k in range(len(toks) - 1, -1, -1):
        word = toks[k].group()
        if word in ";:\n" or (word == "," and not (k and toks[k - 1].group().endswith("."))):
            break  # ("Co., Ltd." goes on)
        if word.endswith(".") and len(word) > 5 and not keeps_period(word):
            break  # (a sentence's last word)
        if word == "and" and 0 < k < len(toks) - 1 and toks[k - 1].group()[:1].isupper() and (
                toks[k + 1].group()[:1].isupper()):
            pass  # ("Agency for Forests and Wildlife": a body's name goes on)
        elif word[:1].islower() and (word in _CLAUSE_WORDS or _verb_like(word)):
            break
        start = toks[k].start()
    region = text[start:at]
    words = region.split()
    # (a name right after "of" is the office's body or place: "… Committee of | Ben Tre")
    return "" if words and words[-1].casefold() in _FUNCTION else region


# Where a run of offices after a name ends: a clause's mark, or a sentence's period
# (not an abbreviation's: a word of four lower-case letters before it).
_OFFICES_END = regex.compile(r"[;:\n]|(?<=[\p{Ll}]{4})\.(?:\s|$)")


def _after(text: str, end: int) -> str:
    """The offices in commas right after the name ending at `end`, each opening with a
    capital ("Member of …, Director of …"), up to the first that does not."""
    if not text.startswith(",", end):
        return ""
    chunk = text[end:end + _AFTER_REACH]
    stop = _OFFICES_END.search(chunk)
    chunk = chunk[:stop.start()] if stop else chunk
    kept: list[str] = []
    for part in chunk.split(",")[1:]:
        part = part.strip()
        if not part[:1].isupper():
            break
        kept.append(part)
    return ", ".join(kept)


def _holds(region: str, description: Description) -> bool:
    """The description's noun heads one office, capitalised as translated copy writes an
    office: right before its "of" or "for", or closing it ("Director of the Port
    Authority", "Harbour Nurse"; not "the authority", nor "the patrol" of "Highway
    Patrol Capt."); the description's other words before it, its body's last word after."""
    for office in region.split(","):
        words = regex.findall(r"[\p{L}\p{M}][\p{L}\p{M}’'-]*", office)
        keys = [w.casefold() for w in words]
        if description.head not in keys:
            continue
        at = keys.index(description.head)
        after = keys[at + 1:]
        if not words[at][:1].isupper() or not _PREPOSITIONS.isdisjoint(keys[:at]) or (
                after and after[0] not in ("of", "for")):
            continue  # ("Assistant to the Governor of …" is not the governor)
        said = description.words.casefold().split()
        modifiers = said[:said.index(description.head)] if description.head in said else []
        if any(w in lexicon.words("other_holders") and w not in modifiers for w in keys[:at]):
            continue  # ("the Chairman" is no "Vice Chairman", "the minister" no "Former Minister")
        closing = regex.findall(r"\p{L}+", (description.complement or "").casefold())
        if all(w in keys[:at] for w in modifiers) and (not closing or closing[-1] in after):
            return True
    return False


@lru_cache(maxsize=4096)  # (bounded: an archive names people without end)
def _name_pattern(words: tuple[str, ...]) -> regex.Pattern[str]:
    return regex.compile(r"[ \u00a0]+".join(regex.escape(w) for w in words))


def _written(text: str, at: int, entity: Entity) -> int | None:
    """Where the entity's full name written at `at` ends, or None (its surname alone)."""
    written = _name_pattern(tuple(entity.words)).match(text, at, at + 200)
    return written.end() if written else None


def named_with_office(people: People, description: Description, pos: int) -> list[Candidate]:
    """"Nurse of the clinic Ana Veld noted … “…,” the nurse added": the person named last
    before pos whose name the article wrote with the description's noun in the office
    before it or after it in commas (the director "of the department" its body's word)."""
    if is_kind(description.head) or description.head in lexicon.words("documents"):
        return []  # (a body's or a document's noun: not an office)
    text = people.text
    named = sorted(((at, e) for e in people.entities if e.person and not e.unnamed and len(e.words) > 1
                    and not not_personal(e) for at in e.positions if at < pos), key=lambda p: p[0])
    for at, entity in reversed(named):
        end = _written(text, at, entity)
        if end is None:
            continue  # (the surname alone, or another spelling: no office beside it)
        for region in (_before(text, at), _after(text, end)):
            if region and _holds(region, description):
                return [Candidate(entity.name, entity.role, 1, at,
                                   f'the article writes {entity.name} with the office "{region.strip()}" '
                                   f"(offset {at})")]
    return []


# A body's name written after an office's "of" ("Director of the | Valdor Archive of Maps of
# the North"), perhaps after a lower-case kind and an opening mark ("… of the ferry
# operator | „Ostmar Coastal Ferries“"): capitalised words joined by "of (the)", "for", "and".
_OFFICE_BODY = regex.compile(
    r"(?<=\p{Lu}[\p{L}\p{M}-]*[ \u00a0]+(?:of|for)[ \u00a0]+(?:the[ \u00a0]+)?"
    r"(?:[\p{Ll}-]+[ \u00a0]+){0,3}[„“\"«]?)"
    r"\p{Lu}[\p{L}\p{M}\p{N}’'&-]*(?:[ \u00a0]+(?:(?:of|for|and)[ \u00a0]+(?:the[ \u00a0]+)?)?"
    r"\p{Lu}[\p{L}\p{M}\p{N}’'&-]*)*")
# "Minister of Roads and Bridges": the ministry is the office's "of" words under its own name.
# "… of | the Valdor Institute": where a body the office is held in starts, and its opening words.
_HELD_IN = regex.compile(r"(?<=[ \u00a0])(?=(?:of|for)[ \u00a0]+(?:the[ \u00a0]+)?\p{Lu})")
_HELD_IN_OPENING = regex.compile(r"^(?:of|for)[ \u00a0]+(?:the[ \u00a0]+)?")
_WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}’'-]*")
_MINISTER_OF = regex.compile(r"(?<!Prime[ \u00a0]+)Minister[ \u00a0]+(?=(?:of|for)[ \u00a0])")


def body_in_office(people: People, description: Description, pos: int) -> list[Candidate]:
    """"Director of the Valdor Archive of Maps Ana Veld … the press office of the archive
    said": a body's noun nothing the article names fits means the body an office
    before pos is held in, named after its "of" with the noun among its words ("Valdor
    Archive of Maps"), the latest; "the ministry" a minister's ("Minister of Roads and
    Bridges" … "Ministry of Roads and Bridges")."""
    if description.complement or description.capitalised or description.head in lexicon.words(
            "person_nouns") or description.head in lexicon.words("documents"):
        return []
    said = description.words.casefold().split()
    modifiers = said[:-1]
    text = people.text
    persons = [(at, e) for e in people.entities if e.person and len(e.words) > 1 for at in e.positions]
    best: tuple[int, str] | None = None
    for found in _OFFICE_BODY.finditer(text, 0, pos):
        start, end = found.span()
        # (the holder's name closing it: "… of Valdor | Ana Veld")
        end = min((at for at, e in persons if start < at < end and _written(text, at, e) == end), default=end)
        minister = _MINISTER_OF.search(text, max(0, start - 20), start)
        name = text[start:end].strip()
        if description.head == "ministry" and minister is not None:
            name = f"Ministry {text[minister.end():end].strip()}"
        # (the part of the name that holds the noun: "Deputy Head for Studies of | the
        # Valdor Institute of Maps" is held in the institute)
        parts = _HELD_IN.split(name)
        for k, part in enumerate(parts):
            words = [w.casefold() for w in _WORD.findall(part)]
            if description.head in words and all(w in words for w in modifiers):
                name = _HELD_IN_OPENING.sub("", "".join(parts[k:]))
                best = (start, " ".join(name.split()))
                break
    if best is None:
        return []
    at, name = best
    return [Candidate(name, None, 1, at, f'nothing the article names fits; an office is held in the '
                                        f'{description.words} it names, {name} (offset {at})')]


# What may go on between a description cut short and its holder's name: the office's
# words and its body's, marks, initials and titles ("… | named after A.B. Lind of the
# Academy, Doctor of Sciences | Ana Veld").
_OFFICE_GOES_ON = regex.compile(r"[\p{L}\p{M}\p{N}’'.&„“”\"«»()-]+|,(?=[ \u00a0]+\p{Lu})")
# Lower-case words of a name the office is held in ("the Institute | named after …").
_NAMED_AFTER = regex.compile(r"named[ \u00a0]+after")


# Words that open no office ("a campaign aide") or go on to someone else ("… aide to", "…
# lawyers with", "a man calling himself").
_INDEFINITE = frozenset("a an one another some".split())
_NOT_OFFICE = frozenset("a an to with as like than".split())
_CLAUSE_END = regex.compile(r"\.(?=\s)|[;:\n]")
# A name that closes the clause: a mark or the text's end right after it.
_NAME_CLOSES = regex.compile(r"[ \u00a0]*(?:[.,;\n]|$)")


def _abbreviated(text: str, period: int) -> bool:
    """The period at `period` closes an initial, a title or an abbreviation ("A.B.", "Prof.",
    "hab.", "Eng."), not a sentence."""
    word = text[text.rfind(" ", 0, period) + 1:period + 1]
    return len(word) <= 5 or keeps_period(word)


def _office_word(words: list[str], k: int) -> bool:
    """Can words[k] go on an office? Not a verb, a clause word or one that turns to someone
    else ("… at a press conference in", "… aide to"); "and" only between capitalised words
    of a body's name ("Faculty of Mining and Geology")."""
    w = words[k]
    if not w[:1].islower():
        return True
    if w == "and" and 0 < k < len(words) - 1:
        return words[k - 1][:1].isupper() and words[k + 1][:1].isupper()
    return not (w in _CLAUSE_WORDS or w in _NOT_OFFICE or w.endswith("ing") or _verb_like(w))


def holder_after(people: People, start: int, end: int) -> Entity | None:
    """"… , informed General Director of JSC "Kestrel Lines" Ana Veld.": a description read
    short as the speaker (at start:end) whose office goes on, in the same clause, to a
    person's full name closing it; that person holds the office and speaks. Only office
    words between: capitalised ones, lower-case joining words, marks, titles, a comma before
    a capitalised degree ("…, Doctor of Biology Ana Veld"); no verb, no sentence end."""
    text = people.text
    said = text[start:end].split()
    if not said or said[0].casefold() in _INDEFINITE or not ({"of", "for"} & set(said[1:])):
        return None  # (an office is held in a body: "Director of …"; not "a campaign aide")
    persons = [(at, e) for e in people.entities if e.person and len(e.words) > 1 for at in e.positions]
    if any(start <= at < end for at, _ in persons):
        return None  # ("the director of the festival Ana Veld": named already)
    stop = next((m.start() for m in _CLAUSE_END.finditer(text, end, min(len(text), end + 240)) if not (
        m.group() == "." and _abbreviated(text, m.start()))), None)
    if stop is None:
        return None
    for at, entity in sorted((at, e) for at, e in persons if end < at < stop):
        close = _written(text, at, entity)
        if close is None or not _NAME_CLOSES.match(text[close:close + 2]):
            continue  # (a name inside the office, "named after A.B. Lind of …", closes nothing)
        gap = _NAMED_AFTER.sub("", text[end:at])
        words = _OFFICE_GOES_ON.findall(gap)
        if "," in words and words[-1] == ",":
            return None  # ("…, Ana Veld": an apposition of its own, no degree after the comma)
        if "".join(gap.split()) != "".join(words) or not all(_office_word(words, k) for k in range(len(words))):
            return None
        return entity
    return None
