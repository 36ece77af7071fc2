"""Cues, and the rules that attribute a quotation: who said it, by what words.

Cue words come from `quotes.cue_words`; subjects are read around them. Each rule
is a small function with the sentence shape it handles in its docstring.
Rules return an `Attribution` (speaker mention, cue, rule name and a base
confidence) or None; `quotes.pipeline` tries them in order. Reported speech
without quotation marks is in `quotes.reports`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import regex

from quotes import lexicon
from quotes.after_cue import mention_after
from quotes.cue_words import (
    ACCORDING,
    PREPOSITIONS,
    TELL,
    Cue,
    according_to,
    cue_at,
    is_past,
    is_past_form,
    quotation_cues,
    with_object,
)
from quotes.noun_phrases import PLACE_LINKS, is_occasion
from quotes.speakers import Mention, mention_before
from quotes.subjects import (
    coordinated_after,
    is_participle,
    main_subject,
    quoted_as,
    quoted_as_after,
    skip,
    subject_before,
)
from quotes.tokens import is_role_noun, is_word, tokens

Span = tuple[int, int]

_AFFILIATION = regex.compile(r"\s+(?:of|from|at)\s+(?:the\s+)?\p{Lu}[\w.&'’-]*(?:\s+\p{Lu}[\w.&'’-]*){0,4}")
_DASH_START = regex.compile(r"\s*[—–―‒]+\s*|\s+-{1,2}\s+")
_MAX_SUBJECT_TOKENS = 30

_NOT_VERBS = PREPOSITIONS | frozenset("the a an and or but of who which that".split()) | lexicon.words(
    "auxiliaries")


# (a value, never assigned to: not frozen, as quotes.names.Mention says why)
@dataclass(unsafe_hash=True)
class Attribution:
    """Who and how: the result of one rule."""

    mention: Mention | None
    cue: Cue | None
    rule: str
    confidence: float



def _skip_aux(text: str, pos: int, end: int) -> int:
    """Past auxiliaries and adverbs ("has also") that sit between subject and verb."""
    for tok in tokens(text, pos, min(end, pos + 80)):
        if tok.key in lexicon.words("auxiliaries") and tok.word.islower():
            pos = tok.end
            continue
        return skip(text, pos, end, " \t\r\n\u00a0")
    return pos


# “…,” Ona Brisk was quoted as saying: in the passive the one quoted is the subject
# and the speech verb follows "quoted as" (the auxiliary is skipped before this).
_PASSIVE_QUOTED_AS = re.compile(r"quoted\s+as\s+(?=(?:saying|telling|stating|writing|adding)\b)")


def _verb_after_subject(text: str, pos: int, end: int) -> int:
    """Where the verb after a speaker starts: past auxiliaries, adverbs and a passive "quoted as"."""
    pos = _skip_aux(text, pos, end)
    passive = _PASSIVE_QUOTED_AS.match(text, pos, end)
    return passive.end() if passive else pos


# -- rules for a quote: what follows it ---------------------------------------

# What may sit between a quotation and its speaker: a comma, space, and a stray
# closing mark of a quotation inside it ("'the depot is an odd one,''' Mr. Dahl said").
_AFTER_QUOTE = " \t\r\n\u00a0,'’”\"»"
# Translated copy sets a dash where English sets the comma: "«…», – the mayor said",
# "“…” – noted Ivo Marr". Right after the closing mark (or its comma) it is read as
# that comma; the cue rules still need a speaker and a cue verb right after it.
_DASH_AFTER_QUOTE = re.compile(r"(?:[—–―‒]|-{1,2})[ \t\u00a0]+")


def _after_quote(text: str, lo: int, hi: int) -> tuple[int, bool]:
    """Where the words after a closing mark start: past a comma, space and such a dash;
    and whether a dash was passed."""
    pos = skip(text, lo, hi, _AFTER_QUOTE)
    dash = _DASH_AFTER_QUOTE.match(text, pos, hi) if "\n" not in text[lo:pos] else None
    return (dash.end(), True) if dash else (pos, False)


def _dash_cue_fits(text: str, dash: bool, cue: Cue | None) -> bool:
    """After a dash the cue reports what was said, in the past ("– the mayor noted");
    a present after a dash heads a caption ("‘No way back’ – Port chief warns of …")."""
    if not dash or cue is None:
        return True
    word = text[cue.start:cue.end].split(" ", 1)[0].casefold()
    return not (word == cue.base or word.endswith("s"))  # (no present form)


def _after_dash(text: str, dash: bool, found: Attribution | None) -> Attribution | None:
    return found if found is None or _dash_cue_fits(text, dash, found.cue) else None


def speaker_cue_after(text: str, lo: int, hi: int) -> Attribution | None:
    """“…,” Stokkeland said / “…,” he said / “…,” Hugh Hill, a doctor, said."""
    pos, dash = _after_quote(text, lo, hi)
    mention = mention_after(text, pos, hi)
    if mention is None:
        return _after_dash(text, dash, _noun_phrase_cue_after(text, pos, hi))
    mention = coordinated_after(text, mention, hi)
    after = mention.end
    affiliation = _AFFILIATION.match(text, after, hi)
    if affiliation and mention.kind == "name":
        after = affiliation.end()  # "Mr. Tolland of the Sierra Club said"
    if text.startswith(",", after):
        # "his wife, Ines Moreau, said": the apposition was read with the mention;
        # else one sits between speaker and verb.
        cue = cue_at(text, _verb_after_subject(text, skip(text, after + 1, hi, " \t"), hi), hi)
        if cue is None:
            return _after_dash(text, dash, _cue_after_apposition(text, mention, after, hi))
    else:
        cue = cue_at(text, _verb_after_subject(text, skip(text, after, hi, " \t"), hi), hi)
    if cue is None or not _dash_cue_fits(text, dash, cue):
        return None
    return Attribution(mention, with_object(text, cue, hi), "quote, speaker cue", 0.95)


_MAX_APPOSITION_COMMAS = 4


def _cue_after_apposition(text: str, mention: Mention, comma: int, hi: int) -> Attribution | None:
    """“…,” Mia Holt, 67, a retired clerk in Dover, Del., said: an apposition,
    maybe with commas of its own, between the speaker and the cue."""
    close = text.find(",", comma + 1, min(hi, comma + 160))
    if close < 0:
        # "Ned Gallo, the polling guru who founded the site tweeted": no closing comma
        cue = next(iter(quotation_cues(text, comma + 1, min(hi, comma + 160))), None)
        if cue is None or any(ch in text[comma:cue.start] for ch in ";:!?“”\""):
            return None  # (hi is the sentence end: a period before it is "St." or ".com")
        return Attribution(mention, with_object(text, cue, hi), "quote, speaker cue", 0.85)
    for _ in range(_MAX_APPOSITION_COMMAS):
        cue = cue_at(text, _verb_after_subject(text, skip(text, close + 1, hi, " \t"), hi), hi)
        if cue is not None:
            return Attribution(mention, with_object(text, cue, hi), "quote, speaker cue", 0.95)
        close = text.find(",", close + 1, min(hi, comma + 200))
        if close < 0 or any(ch in text[comma:close] for ch in ";:!?"):
            return None
    return None


def _noun_phrase_cue_after(text: str, pos: int, hi: int) -> Attribution | None:
    """“Mexico!” the audience screamed: any short noun phrase before a cue verb."""
    cue = next(iter(quotation_cues(text, pos, min(hi, pos + 60))), None)
    if cue is None:
        return None
    mention = mention_before(text, pos, cue.start)
    if mention is None or mention.start != pos:
        return None
    return Attribution(mention, with_object(text, cue, hi), "quote, speaker cue", 0.85)


def cue_speaker_after(text: str, lo: int, hi: int) -> Attribution | None:
    """“…,” said Stokkeland / “…,” said the Kremlin spokesman."""
    pos, dash = _after_quote(text, lo, hi)
    cue = cue_at(text, _skip_aux(text, pos, hi), hi)
    if cue is None or not _dash_cue_fits(text, dash, cue):
        return None
    mention = mention_after(text, cue.end, hi) or _noun_phrase_after(text, cue.end, hi)
    if mention is None or (mention.kind == "pronoun" and text[mention.start:mention.end] == "it"):
        return None
    return Attribution(mention, cue, "quote, cue speaker", 0.95)


# "said the designer, who …", "asked a boy in the front row": a determiner and a few
# words, closed by punctuation or by a relative clause or preposition (every one of
# PLACE_LINKS: "said a guard | around midday" is no guard around anything).
_PHRASE_CLOSERS = PLACE_LINKS | {"who", "as", "on", "from", "of", "after", "before", "while", "during", "with"}
_NOUN_PHRASE_AFTER = re.compile(
    r"[ \t]+((?:the|a|an|his|her|their|one|another)(?:[ \t]+[A-Za-z0-9][\w’'-]*){1,4}?)"
    r"(?=[ \t]*(?:[,.;:!?]|$)|[ \t]+(?:" + "|".join(sorted(_PHRASE_CLOSERS)) + r")\b)")


def _noun_phrase_after(text: str, pos: int, hi: int) -> Mention | None:
    """After a cue that follows a quotation, any short noun phrase is its speaker."""
    match = _NOUN_PHRASE_AFTER.match(text, pos, hi)
    if match is None:
        return None
    end = match.end(1)
    if match.group(1).split()[0].casefold() in ("a", "an", "one", "another"):
        # "said a wholesaler | in Tozeur who …", "a broker | at a shipping firm, who …":
        # where someone unnamed is tells them apart (not "in a statement", "at a briefing")
        place = _PLACE_AFTER.match(text, end, hi)
        if place and not is_occasion(place.group(2).casefold()):
            end = place.end(1)
    return Mention(match.start(1), end, "role", None, text[match.start(1):end])


_PLACE_AFTER = re.compile(
    r"[ \t]+(?:" + "|".join(sorted(PLACE_LINKS)) + r")[ \t]+((?:[\w’'-]+[ \t]+){0,5}?([\w’'-]+))"
    r"(?=[ \t]*(?:[,.;:!?]|$)|[ \t]+(?:who|whose|which|that|as|on|after|before|while|during|with|told|said)\b)")


_ENDS_UTTERANCE = re.compile(r"[,?!][”\"’'»]+$")
# The verb after a speaker, maybe past a short place phrase ("a staffer in the room wondered").
_ANY_VERB = re.compile(r"[ \t]+(?:(?:in|at|on|from)[ \t]+(?:the|a|an|his|her)[ \t]+[a-z-]+[ \t]+)?([a-z]+)\b")


# An outlet of a few words, then "quoted": “…,” state television quoted the minister as …
_OUTLET_QUOTED = re.compile(r"[^,;:.!?“”\"\n]{1,60}?[ \t](quoted)(?=[ \t])")


def speaker_any_verb_after(text: str, lo: int, hi: int) -> Attribution | None:
    """“…,” Garrow fumed / “…?” a staffer wondered: after a quotation closed by a comma,
    a question or an exclamation mark, a speaker and any past-tense verb attribute it."""
    if not _ENDS_UTTERANCE.search(text, max(0, lo - 4), lo):
        return None
    pos, _ = _after_quote(text, lo, hi)  # (any verb here is in the past)
    outlet = _OUTLET_QUOTED.match(text, pos, hi)
    if outlet and (quoted := quoted_as_after(text, outlet.end(1), hi)):
        # “…,” KNA quoted her as saying: the one quoted speaks, never the outlet
        return Attribution(quoted, Cue(outlet.start(1), outlet.end(1), "quoted"),
                           "quote, outlet quoted speaker", 0.8)
    mention = mention_after(text, pos, hi)
    if mention is None:
        return _noun_phrase_verb_after(text, pos, hi)
    if text[mention.start:mention.end] in ("it", "It"):
        return None
    verb = _ANY_VERB.match(text, mention.end, hi)
    if verb is None or not is_past_form(verb.group(1)):
        return None
    cue = Cue(verb.start(1), verb.end(1), verb.group(1))
    return Attribution(mention, cue, "quote, speaker verb", 0.8)


_DETERMINER_WORDS = re.compile(r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)((?:[ \t]+[A-Za-z][\w’'-]*){1,4})")
_NEXT_WORD = re.compile(r"[ \t]+[A-Za-z][\w’'-]*")


def _noun_phrase_verb_after(text: str, pos: int, hi: int) -> Attribution | None:
    """“…?” a Liberal aide in the gallery wondered: a noun phrase the lexicon does not
    know, then a past-tense verb."""
    match = _DETERMINER_WORDS.match(text, pos, hi)
    if match is None:
        return None
    end = match.start(1)
    for word in _NEXT_WORD.finditer(text, match.start(1), match.end(1)):
        end = word.end()
        verb = _ANY_VERB.match(text, end, hi)
        if verb is not None and is_past_form(verb.group(1)):
            mention = Mention(pos, end, "role", None, text[pos:end])
            cue = Cue(verb.start(1), verb.end(1), verb.group(1))
            return Attribution(mention, cue, "quote, speaker verb", 0.8)
    return None



def according_to_after(text: str, lo: int, hi: int) -> Attribution | None:
    """“…,” according to Dr. Lena Marsh, a surgeon at … / “…,” according to the report."""
    match = ACCORDING.match(text, skip(text, lo, hi, _AFTER_QUOTE), hi)
    mention = mention_after(text, match.end(), hi) if match else None
    if match is None or mention is None or text[mention.end:hi].strip()[:1] not in ("", ",", ".", "("):
        return None
    return Attribution(mention, Cue(match.start(), match.end(), "according to"), "quote, according to", 0.9)


def dash_name_after(text: str, lo: int, hi: int) -> Attribution | None:
    """“…” — Jane Doe: a trailing dash and a name, no verb."""
    match = _DASH_START.match(text, lo, hi)
    if not match:
        return None
    mention = mention_after(text, match.end(), hi)
    if mention is None or mention.kind == "pronoun":
        return None
    rest = text[mention.end:hi].strip(" ,.;")
    if rest and not rest.startswith(("(", "of ", "the ")):
        return None
    dash = Cue(match.start() + len(match.group()) - len(match.group().lstrip()),
               match.end() - (len(match.group()) - len(match.group().rstrip())), "dash")
    return Attribution(mention, dash, "quote, dash name", 0.85)


# -- rules for a quote: what precedes it ---------------------------------------


# After a passive naming verb and its quotation, the agent: "‘…’ by local councillors".
_CLOSING_AFTER = {opening: re.compile(closing) for opening, closing in
                  {"“": "”", "‘": "’(?!\\w)", "«": "»", '"': '"', "'": "'(?!\\w)"}.items()}
_BY_AGENT = re.compile(r"[ \t]+by[ \t]+")
PASSIVE_BY_AGENT = "passive cue, quote, by agent"


def _agent_after_quotation(text: str, mark: int) -> Mention | None:
    """"has been described as ‘a kick in the teeth’ by ward councillors", "was
    called “a lifeline” by Dr Noor Haddad": the one after "by" named it."""
    closing = _CLOSING_AFTER.get(text[mark]) if mark < len(text) else None
    close = closing.search(text, mark + 1, min(len(text), mark + 400)) if closing else None
    by = _BY_AGENT.match(text, close.end()) if close else None
    return mention_after(text, by.end(), min(len(text), by.end() + 200)) if by else None


def speaker_cue_before(text: str, lo: int, hi: int) -> Attribution | None:
    """Stokkeland told reporters: “…” / He said, “…” / she added “…”."""
    found = quotation_cues(text, lo, hi)
    if not found:
        return None
    cue = found[-1]
    between = text[cue.end:hi].strip()
    if cue.past_only and not between.endswith((":", ",")):
        return None  # ("they shared “the same views”": what they share, not their words)
    if cue.quoted and (agent := _AGENT_AS.fullmatch(between)) is not None:
        # "a crossing described by parents as ‘…’", "was branded by critics as ‘…’": the agent
        mention = mention_after(text, text.index(agent.group(1), cue.end), hi)
        if mention is not None and text[mention.end:hi].strip() == "as":
            return Attribution(mention, cue, "passive cue by agent, quote", 0.8)
        return None
    if cue.quoted and (not between.strip(",: ") or between == "as"):
        # "what he called “our arguments”": the relative pronoun is the object, the
        # quotation the subject's words; but "were calling “every 15 minutes”" is no call.
        # "a decision Open Wake described as “…”": no object between verb and "as", so
        # the object came before (a relative clause), unless the verb is passive.
        perfect = _PERFECT_BEFORE.search(text, max(lo, cue.start - 12), cue.start)
        # ("in what nurses have called ‘…’": the subject before the auxiliary)
        mention = subject_before(text, lo, replace(cue, start=perfect.start()) if perfect else cue)
        relative = mention is not None and _RELATIVE_OBJECT.search(
            text, max(lo, mention.start - 8), mention.start) is not None
        passive = _PASSIVE_END.search(text, max(lo, cue.start - 12), cue.start) is not None
        if mention is not None and (relative or (between == "as" and mention.kind != "role" and not passive)):
            return Attribution(mention, cue, "relative cue, quote", 0.85)
        if passive and is_past(text, cue) and (by_agent := _agent_after_quotation(text, hi)):
            return Attribution(by_agent, cue, PASSIVE_BY_AGENT, 0.8)
        return None
    if not between and (not cue.bare or cue.belief) and not cue.appeal and _LOWER_AFTER_MARK.match(text, hi):
        return None  # "saying the spill threatened “the water supply …”", "she felt ‘a bit of
        # relief’": with no comma or colon, the quotation is the verb's object in a clause
        # (an appeal's is its words: "called for ‘a proper register’")
    lead = text[lo:cue.start].strip()
    if (not lead or lead.endswith(",")) and cue.base not in TELL and not is_participle(text, cue):
        # "Said Nora Quist, who grew up with him, “…”" (but "told the Ledger, “…”",
        # "saying to reporters, “…”": a listener)
        inverted = mention_after(text, cue.end, hi)
        if inverted is not None and inverted.kind != "pronoun" and _INVERTED_TAIL.match(text, inverted.end, hi):
            return Attribution(inverted, cue, "cue speaker, quote", 0.9)
    words = [t for t in tokens(text, cue.end, min(hi, cue.end + 120)) if is_word(t)]
    if len(words) > 8 or (between and between[-1] not in ",:" and (
            cue.base not in TELL or len(words) > 4 or not _opens_sentence(text, hi))):
        return None  # "asked the Cleveland crowd “If …?”" is fine, "said the talks were “…”" not
    mention = subject_before(text, lo, cue)
    if mention is None and is_participle(text, cue):
        # "Brandt attacked Okafor, saying, “…”": the subject of the sentence
        # ("Tass quoted her as saying, “…”": the one quoted)
        mention = quoted_as(text, lo, cue.start) or main_subject(text, lo, cue.start)
        if mention is not None:
            return Attribution(mention, cue, "subject …, saying, quote", 0.8)
    if mention is None:
        mention = mention_after(text, cue.end, hi)  # "Said Jane Doe: “…”"
        if mention is None or (lead and not lead.endswith(",")):
            return None  # "In other words, explained Nell Farrow: “…”" is fine
        return Attribution(mention, cue, "cue speaker, quote", 0.9)
    return Attribution(mention, with_object(text, cue, hi), "speaker cue, quote", 0.95)


_RELATIVE_OBJECT = re.compile(r"\b(?:what|which|whom)\s+$")
# An opening mark, then a lower-case word: the quotation goes on with a clause.
_LOWER_AFTER_MARK = re.compile(r"\W{1,2}[a-z]")
_PERFECT_BEFORE = re.compile(r"\b(?:have|has|had)\s+$")
# "by residents as": a passive naming cue's agent, then "as" before the quotation.
_AGENT_AS = re.compile(r"by\s+(\S.{0,80}?)\s+as")
_PASSIVE_END = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+$")
# After an inverted speaker, up to the quotation: an apposition or relative clause at most.
_INVERTED_TAIL = re.compile(r"[ \t]*(?:,[^,;:“”\"«»\n]{1,120})?[,:][ \t]*$")



def _opens_sentence(text: str, mark: int) -> bool:
    """The quotation opening at `mark` starts with a capital, like a sentence."""
    inner = text[mark:mark + 4].lstrip("“\"'‘«„`‚ ")
    return inner[:1].isupper()


def speaker_colon_before(text: str, lo: int, hi: int) -> Attribution | None:
    """Jane Doe: “…” / And from Chairwoman Jane Doe: “…”."""
    head = text[lo:hi].rstrip()
    if not head.endswith(":"):
        return None
    colon = lo + len(head) - 1
    mention = mention_before(text, lo, colon, skip_aux=False)
    if mention is None or mention.kind == "pronoun" or is_header(text[mention.start:colon]):
        return None
    lead = text[lo:mention.start].strip().casefold()
    # "VOTERS CARE MORE ABOUT X - Jo Lee: “…”": a digest's headline, a dash, the author
    if lead not in ("", "and from", "from", "and", "as for", "said", "says") and not (
            mention.kind == "name" and lead.endswith((" -", " —", " –")) and text[lo:mention.start].isupper()):
        return None
    return Attribution(mention, Cue(colon, colon + 1, "colon"), "speaker colon, quote", 0.85)


def is_header(label: str) -> bool:
    """"ANALYST'S VIEWPOINT:", "MARKET WATCH:": a label in capitals heads a section."""
    return label.isupper() and sum(ch.isalpha() for ch in label) > 2


def according_to_before(text: str, lo: int, hi: int) -> Attribution | None:
    """According to Jane Doe, “…”."""
    match = according_to(text, lo, hi)
    if not match or text[lo:match.start()].strip():
        return None
    mention = mention_after(text, match.end(), hi)
    if mention is None or text[mention.end:hi].strip() not in (",", ":", ""):
        return None
    return Attribution(mention, Cue(match.start(), match.end(), "according to"),
                       "according to, quote", 0.9)


def subject_verb_colon_before(text: str, lo: int, hi: int) -> Attribution | None:
    """The host of the dinner, Verbeek, dismissed Volkov’s claims …: “…” /
    When Brandt suggested …, Quintero fired back: “…” / Marsh shot back, “Secretary …”
    (a comma introduces a quotation that opens like a sentence)."""
    head = text[lo:hi].rstrip()
    if not (head.endswith(":") or (head.endswith(",") and _opens_sentence(text, hi))):
        return None
    toks = tokens(text, lo, hi)[-_MAX_SUBJECT_TOKENS * 2:]
    # The main clause comes last: try verbs from the colon back, and take the
    # first whose subject opens the sentence or a clause after a comma.
    for tok in reversed(toks[1:]):
        if not (tok.word.islower() and is_word(tok)) or tok.key in _NOT_VERBS or is_role_noun(tok):
            continue  # ("Council member Dana Holt did not …": "member" is no verb)
        cue = Cue(tok.start, tok.end, tok.key)
        rule = "subject verb, colon quote" if head.endswith(":") else "subject verb, comma quote"
        quoted = quoted_as(text, lo, cue.start) if tok.key == "saying" else None
        if quoted is not None:  # "Tass quoted her as saying: “…”"
            return Attribution(quoted, cue, rule, 0.8)
        mention = subject_before(text, lo, cue)
        if mention is not None and _opens_clause(text, lo, mention.start, head.endswith(":")):
            return Attribution(mention, cue, rule, 0.8)
    return None


def _opens_clause(text: str, lo: int, pos: int, colon: bool = False) -> bool:
    """Nothing but a conjunction, or a phrase closed by a comma, comes before pos (or,
    before a colon, a "when": "… on display in May when Musk took to Twitter with this:")."""
    before = text[max(lo, pos - 8):pos].strip()
    if pos - lo > 8:
        return before.endswith(",") or (colon and before.rsplit(" ", 1)[-1] in ("when", "after", "as"))
    return not before or before.endswith(",") or before.casefold() in ("and", "but", "so", "yet")


AFTER_RULES = (speaker_cue_after, cue_speaker_after, according_to_after, dash_name_after,
               speaker_any_verb_after)
BEFORE_RULES = (according_to_before, speaker_colon_before, speaker_cue_before,
                subject_verb_colon_before)
