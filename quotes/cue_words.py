"""Cue words: the speech verbs of the lexicon found in a text, and which of them are
verbs here rather than nouns ("the state", "a snappy retort", "Ohio state officials").

`quotes.cues` attributes quotations with them, `quotes.reports` reported speech.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import regex

from quotes import lexicon
from quotes.after_cue import mention_after
from quotes.noun_phrases import PLACE_LINKS
from quotes.segment import title_case
from quotes.speakers import Mention
from quotes.tokens import is_name_word, is_word, tokens
from quotes.trie import trie_pattern


def _verb_pattern() -> re.Pattern[str]:
    # The standard library engine runs this trie-shaped pattern several times faster.
    # Capitalised forms are there for sentence starts ("Said Varga, “…”").
    # Every form opens with a letter, so the boundary before it is "no word character
    # before": as a lookbehind, the engine tests it faster than \b.
    forms = list(lexicon.speech_verbs())
    return re.compile(r"(?<!\w)(?:" + trie_pattern(forms + [f.capitalize() for f in forms]) + r")\b")


_VERB = _verb_pattern()
# (after a preposition a determiner stays the listener's: "told reporters outside | the court that")
_LISTENER_LINKS = sorted(PLACE_LINKS | {"of", "for", "to", "on", "with", "and"})
_SECOND_DETERMINER = re.compile(
    r"(?<=\w)" + "".join(rf"(?<!\b{word})" for word in _LISTENER_LINKS) + r"\s+(?=(?:the|a|an)\s)")
_DETERMINERS = lexicon.tagged("determiners", "article")
# A finite auxiliary third after a tell-type verb: "warning the strike | could …" opens a clause.
_FINITE_AUXILIARIES = lexicon.tagged("finite_auxiliaries")
_FINITE_AUXILIARY_AFTER = re.compile(r"\s+(?:" + "|".join(sorted(_FINITE_AUXILIARIES)) + r")\b")
TELL = frozenset(["tell", "inform", "assure", "advise", "ask", "remind", "urge", "warn"])
ACCORDING = regex.compile(r"\b[Aa]ccording to\b")


def according_to(text: str, lo: int, hi: int) -> regex.Match[str] | None:
    """The first "according to" in text[lo:hi]. Most sentences hold none, and a search
    for the plain words says so several times faster than the pattern's own search."""
    if text.find("ccording to", lo, hi) < 0:
        return None
    return ACCORDING.search(text, lo, hi)
CLOSING_MARKS = "”\"’'»"
QUOTE_MARKS = ("“", "”", '"', "''", "``", "«", "»", "„")
PREPOSITIONS = frozenset(
    "in at on of for with from to by during after before about into over under through".split())
# Prepositions after a participle that describes a noun, not a verb of a clause of its
# own: "a group based in Oslo", "a fund led by …", "a spokesman quoted by …".
DESCRIBING_PREPOSITIONS = frozenset("in by at on near from with for of as inside outside within".split())
# Words that open a listener before a reported infinitive: "told his staff | (not) to …".
_LISTENER_OPENERS = lexicon.tagged("determiners", "article", "possessive")
# Words that open a reported infinitive after a listener.
_INFINITIVE_OPENERS = frozenset("to not never".split())
# Words after a tell-type verb that are not its listener: "asked whether …".
_NOT_LISTENERS = PREPOSITIONS | frozenset("that whether if how why what when where who".split())


# (a value, never assigned to: not frozen, as quotes.names.Mention says why)
@dataclass(unsafe_hash=True)
class Cue:
    """The attributing words ("said", "told reporters", "according to")."""

    start: int
    end: int
    base: str
    bare: bool = False  # the verb takes a clause without "that"
    quoted: bool = False  # the verb reports only words it quotes ("called it “a disgrace”")
    infinitive: bool = False  # the verb reports a "to" clause ("pledged to …")
    object: bool = False  # the verb reports its object ("criticized the plan")
    stance: bool = False  # a stance, not speech: reports content, never cues a quotation
    belief: bool = False  # a belief or feeling ("believes", "hopes"): speech it is not
    appeal: bool = False  # an appeal ("called for a freeze"): reports only words it quotes
    to_act: bool = False  # "vowed to fight", "asked the judge to": an act, reported only when quoted
    past_only: bool = False  # "shared": reports a that-clause or a quotation, never its object

    @property
    def act(self) -> str:
        """What the cue reports: "speech" (said, wrote, told, according to) or "stance"
        (a belief, intention, stance or finding: believes, wants, found)."""
        return "stance" if self.stance or self.belief else "speech"


def cues_in(text: str, start: int, end: int) -> list[Cue]:
    """Every speech verb in text[start:end]."""
    verbs = lexicon.speech_verbs()
    found = []
    for match in _VERB.finditer(text, start, end):
        word = match.group()
        if word[0].isupper() and not starts_sentence(text, start, match.start()) and not (
                word[1:].islower() and word.endswith("s") and title_case(text, start, end)):
            continue  # "Edward Said", "Post": capitalised mid-sentence, a name ("Varga Says …": a headline)
        verb = verbs[word.lower()]
        if word.lower() in lexicon.words("mostly_nouns") and not _verb_of_a_noun_form(text, start, match):
            continue  # "three other states", "Minnesota state delegate": a noun
        noun = noun_before(text, max(start, match.start() - 30), match.start())
        if noun and not (noun == "adjective" and word.islower() and word.endswith("ed")):
            continue  # "the state", "Varga’s claims", "Hale-endorsed": a noun or a compound
        if word.lower() == verb.base and _ARTICLE_WORD_BEFORE.search(text, max(start, match.start() - 30),
                                                                     match.start()):
            continue  # "a snappy retort", "an angry reply": a singular subject would say "retorts"
        if word.lower() == verb.base and _modifies_a_subject(text, start, match.start(), match.end(), end):
            continue  # "Lagos state police said", "Ohio state officials say": a noun
        if _after_inscription(text, start, match.start()):
            continue  # "placards reading ‘…’", "a banner that said ‘…’": a slogan, no one's report
        if (verb.quoted or verb.object) and word.lower() == verb.base and not (
                verb.object and _after_plural_subject(text, match.start())):
            continue  # "a simple call", "the support": the bare form is too often a noun
        found.append(Cue(match.start(), match.end(), *verb))
    return found


_PRONOUN_BEFORE = re.compile(r"\b(?:[Ii]t|[Tt]hey|[Hh]e|[Ss]he|[Ww]e|I|[Yy]ou|which|who)\s+$")
_CLAUSE_AFTER = re.compile(r"\s*(?:that\b|:|[“\"«])")


def _verb_of_a_noun_form(text: str, floor: int, match: re.Match[str]) -> bool:
    """A form mostly written as a noun ("states") is a verb after a pronoun or before
    "that", a colon or a quotation mark."""
    return _PRONOUN_BEFORE.search(text, max(floor, match.start() - 12), match.start()) is not None or (
        _CLAUSE_AFTER.match(text, match.end()) is not None)


# What makes the word after it a noun: a determiner (also capitalised), an adjective
# ("made further demands"; but a past form after "further" is a verb: "He further stated
# that"), a possessive, a hyphen.
_NOUN_DETERMINERS = "the a an this these those his its their our my your every each".split()
_NOUN_ADJECTIVES = "further new fresh repeated similar recent such false public private".split()


def _backwards(word: str, capitalised: bool = False) -> str:
    return re.escape(word[:0:-1]) + (f"[{word[0].upper()}{word[0]}]" if capitalised else word[0])


# Matched on the reversed window, from the verb back: one anchored match where a forward
# search for r"(?:\b(?:the|…)\s+|\w['’]s\s+|\w-)$" tried every start of the window.
_NOUN_BEFORE_REVERSED = re.compile(
    r"\s+(?P<determiner>" + "|".join(_backwards(w, True) for w in _NOUN_DETERMINERS) + r")(?!\w)"
    r"|\s+(?P<adjective>" + "|".join(map(_backwards, _NOUN_ADJECTIVES)) + r")(?!\w)"
    r"|(?P<possessive>\s+s['’]\w)|(?P<hyphen>\n?-\w)")  # (a final line break after "-", as "$" allows)


def noun_before(text: str, lo: int, pos: int) -> str | None:
    """What text[lo:pos] ends with that makes the word at pos a noun ("the | state",
    "further | demands", "Varga’s | claims", "Hale- | endorsed"): "determiner",
    "adjective", "possessive" or "hyphen"; None if nothing."""
    start = lo - 1 if lo > 0 else 0  # (the character before the window bounds its first word)
    match = _NOUN_BEFORE_REVERSED.match(text[start:pos][::-1])
    return match.lastgroup if match is not None and match.end() <= pos - lo else None


_ARTICLE_WORD_BEFORE = re.compile(r"\b[Aa]n?\s+[a-z][\w-]*\s+$")
# A plural subject right before the bare form: "they support …", "who want …", "polls show …".
_PLURAL_SUBJECT_BEFORE = re.compile(r"(?:\b(?:[Ii]|[Ww]e|[Yy]ou|[Tt]hey|who|[a-z]{2,}[^s’'\W]s)\s+)$")


# A capitalised word ("Lagos"), and a noun then a verb ("police said").
_NAME_BEFORE = re.compile(r"\b[A-Z][\w’'-]*\s+$")
_NOUN_THEN_WORD = re.compile(r"\s+[a-z][\w-]*\s+([a-z]+)\b")


def _modifies_a_subject(text: str, floor: int, pos: int, after: int, end: int) -> bool:
    """The bare form sits between a name and a noun that a speech verb follows
    ("Lagos | state | police said"): it is a noun in the subject, not the verb."""
    if not _NAME_BEFORE.search(text, max(floor, pos - 40), pos):
        return False
    following = _NOUN_THEN_WORD.match(text, after, min(end, after + 60))
    verbs = lexicon.speech_verbs()
    return following is not None and following.group(1) in verbs and (
        following.group(1) != verbs[following.group(1)].base or following.group(1) == "say")


# The word before a cue, past a relative "that"/"which": "placards | reading",
# "a sign that | said". Matched on the reversed window, from the cue back: the same word
# as searching r"([A-Za-z][\w-]*)\s+(?:(?:that|which)\s+)?$" forwards (its earliest
# start is the reversed match's longest), which tried every start of the window and ran
# to the end of each word from there (a tenth of the time of all cue words).
_CARRIER_BEFORE_REVERSED = re.compile(r"\s+(?:(?:taht|hcihw)\s+)?([\w-]*[A-Za-z])")


def _after_inscription(text: str, floor: int, pos: int) -> bool:
    """The cue follows a thing that carries a slogan (lexicons/inscriptions.txt)."""
    carrier = carrier_before(text, max(floor, pos - 40), pos)
    if carrier is None or carrier[0].casefold() not in lexicon.words("inscriptions"):
        return False
    word, start = carrier  # (capitalised inside a sentence, a name: "Flag said")
    return word.islower() or word.startswith("T-") or starts_sentence(text, floor, start)


def carrier_before(text: str, lo: int, pos: int) -> tuple[str, int] | None:
    """The word ending text[lo:pos] before its last spaces, past a relative "that" or
    "which", and where it starts."""
    match = _CARRIER_BEFORE_REVERSED.match(text[lo:pos][::-1])
    return None if match is None else (match.group(1)[::-1], pos - match.end(1))


def quotation_cues(text: str, start: int, end: int) -> list[Cue]:
    """The cues in text[start:end] that can introduce a quotation: not those of stance."""
    return [cue for cue in cues_in(text, start, end) if not cue.stance and not (
        text[cue.start].isupper() and not starts_sentence(text, start, cue.start))]  # (a headline's "Remarks")


def _after_plural_subject(text: str, pos: int) -> bool:
    """The bare form is a verb after a plural subject, a noun before it."""
    return _PLURAL_SUBJECT_BEFORE.search(text, max(0, pos - 30), pos) is not None


def starts_sentence(text: str, floor: int, pos: int) -> bool:
    """Only opening marks or brackets stand between the sentence start and pos."""
    return pos - floor <= 8 and not text[floor:pos].strip(" \t\r\n“\"‘'«(„`")


def cue_at(text: str, pos: int, end: int) -> Cue | None:
    match = _VERB.match(text, pos, end)
    if not match or not match.group()[0].islower():
        return None
    verb = lexicon.speech_verbs()[match.group()]
    return None if verb.stance else Cue(match.start(), match.end(), *verb)


def with_object(text: str, cue: Cue, end: int) -> Cue:
    """"told reporters", "told The Post": tell-type verbs take their listener into the cue."""
    if cue.base not in TELL:
        return cue
    if (named := _listener_before_named_subject(text, cue.end, end)) is not None:
        return replace(cue, end=named)
    listener = mention_after(text, cue.end, end) or _quoted_name_after(text, cue.end, end)
    if listener is None:
        toks = tokens(text, cue.end, min(end, cue.end + 40))
        if toks and toks[0].word.islower() and toks[0].key not in _NOT_LISTENERS:
            if toks[0].key in _DETERMINERS and len(toks) > 2 and toks[1].word.islower() and (
                    toks[2].key in _DETERMINERS):
                return replace(cue, end=toks[1].end)  # "told the hearing | the ambulance …"
            if toks[0].key in _DETERMINERS and len(toks) > 2 and toks[2].key in _FINITE_AUXILIARIES:
                return cue  # "warning the strike could …": the clause's subject, no listener
            words = [t for t in toks if is_word(t)]
            if cue.base != "tell" and len(words) > 1 and words[1].key in _FINITE_AUXILIARIES:
                return cue  # "warned residents could …": likewise
            if words[0].key in _LISTENER_OPENERS and len(words) > 2 and words[1].word.islower() and (
                    words[2].key in _INFINITIVE_OPENERS):
                return replace(cue, end=words[1].end)  # "told his players | not to …"
            return replace(cue, end=toks[0].end)
        return cue
    second = _SECOND_DETERMINER.search(text, listener.start, listener.end) if listener.kind == "role" else None
    # "told the inquiry | the agency had …": a second determiner opens the clause, no
    # listener's word ("the head of the agency": after a preposition it is the listener's)
    if cue.base != "tell" and second is None and _FINITE_AUXILIARY_AFTER.match(text, listener.end, end):
        return cue  # "warned Tarn Water would …", "warned it would …": the clause's subject, no listener
        # (one is told a clause, never "told he had …": that "he" is a passive's listener)
    return replace(cue, end=second.start() if second else listener.end)


def _listener_before_named_subject(text: str, pos: int, end: int) -> int | None:
    """"told the court | Pryor had …", "told reporters | Okonkwo would …": a lower-case
    listener (a determiner or possessive, then one to three nouns), then capitalised words,
    then a finite auxiliary. One is told a clause, never "told Pryor had …", so the
    capitalised words are the clause's subject; the end of the listener, or None. A
    capitalised title opening the listener ("told Harbour Minister Ines Vale that") is no
    such shape."""
    toks = tokens(text, pos, min(end, pos + 90))[:10]
    k = 1 if toks and toks[0].key in _LISTENER_OPENERS else 0
    nouns = k
    while k < len(toks) and k - nouns < 3 and toks[k].word.isalpha() and toks[k].word.islower() and (
            toks[k].key not in _NOT_LISTENERS and toks[k].key not in _FINITE_AUXILIARIES
            and toks[k].key not in _DETERMINERS):
        k += 1
    if k == nouns:
        return None
    listener_end = toks[k - 1].end
    names = k
    while k < len(toks) and k - names < 4 and is_name_word(toks[k]):
        k += 1
    if k == names or k >= len(toks) or toks[k].key not in _FINITE_AUXILIARIES or not toks[k].word.islower():
        return None
    return listener_end


_QUOTED_NAME_AFTER = re.compile(r"\s*[“\"«]([A-Z][^“”\"«»,.;:!?]{0,60})[”\"»]")


def _quoted_name_after(text: str, pos: int, end: int) -> Mention | None:
    """told “Morning Ledger” that: a capitalised name in marks."""
    match = _QUOTED_NAME_AFTER.match(text, pos, end)
    if match is None:
        return None
    return Mention(match.start(), match.end(), "name", (match.start(1), match.end(1)))


def reporting_form(word: str) -> lexicon.Verb | None:
    """The speech verb a sentence's opening reports with ("As stated …", "The minister
    said this …"): an inflected form ("stated", "said"), never the base ("state") nor a
    stance verb's."""
    form = lexicon.speech_verbs().get(word)
    return None if form is None or form.stance or word == form.base else form


def is_past_form(word: str) -> bool:
    return word.endswith("ed") or word in lexicon.words("irregular_past")


def is_past(text: str, cue: Cue) -> bool:
    """Is the cue's verb in the past tense ("noted", "told them")?"""
    return is_past_form(text[cue.start:cue.end].split(" ", 1)[0])


def opens_with_mark(text: str, pos: int) -> bool:
    return text.startswith(QUOTE_MARKS, pos)
