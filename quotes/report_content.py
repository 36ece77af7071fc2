"""Reported content: what a report holds (`Report`), and where the clause a cue
reports starts ("said (on Tuesday) that | …") and ends ("…, but lamented …"), with
the tests of whether words after a cue can be what was said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

import regex

from quotes import lexicon
from quotes.adverbials import DAYS, limits_subject
from quotes.cue_words import PREPOSITIONS, QUOTE_MARKS, Cue, is_past_form, opens_with_mark
from quotes.cues import Attribution
from quotes.marks import holds_single_quotation, quoted_within
from quotes.spans import inside
from quotes.tokens import is_word, tokens
from quotes.trie import trie_pattern

Span = tuple[int, int]

# "said that", "said on Tuesday that": an adverbial may sit before "that".
# (A quoted title may sit in between: "said on “This Week” that".)
_THAT_AHEAD = regex.compile(r"(?:[^.;:“”\"\n]|“\p{Lu}[^“”,\n]{0,60}”|\"\p{Lu}[^\",\n]{0,60}\"){0,80}?\bthat\b")
_CLAUSE_WORDS = frozenset(
    "is are was were be been will would can could should must may might has have had do does did "
    "went got made took came knew thought saw found gave told felt became left kept began ran "
    "won lost paid met sent built brought bought held stood "
    "won't can't don't doesn't didn't isn't aren't wasn't weren't wouldn't couldn't shouldn't "
    "needs wants plans".split())
# The "-ing" forms of speech verbs ("saying", "warning", "describing").
_SPEAKING = trie_pattern(sorted(f for f in lexicon.speech_verbs() if f.endswith("ing") and f.isalpha()))
# The past and present forms a subject reports with ("warned", "say", "said").
REPORTING = trie_pattern(sorted(f for f, verb in lexicon.speech_verbs().items() if f.isalpha() and (
    f != verb.base or f == "say") and not f.endswith("ing") and (
    f not in lexicon.words("mostly_nouns"))))  # ("states", "rails": nouns)
# Where reported content ends inside a sentence: "…, but lamented that …".
_CLAUSE_BREAK = re.compile(
    # Every break opens with a comma, a semicolon, a colon or a space: the lookahead
    # says so first, and the engine skips other characters without trying each branch.
    r"(?=[,;:\s])(?:"
    # (", but that …" goes on with a second clause of the same report, as both corpora
    # annotate it; ", but that is …" is a demonstrative, the reporter's own clause)
    # (", but not …", ", but also …", ", but rather …" goes on with the same clause)
    r",[\"”’']?\s+(?:but(?!\s+(?:not|also|rather|only|instead|even)\b)"
    r"(?!\s+that\s+(?!(?:is|was|would|will|could|has|had|may|might|means|seems)\b))"
    r"|while|although|though|whereas|however|despite|compared\s+(?:with|to))\b|;|\s+—\s+"
    r"|:\s*(?=[“\"])"  # "rejected the claims: “…”": a colon introduces a quotation of its own
    r"|,[\"”’']?\s+(?!including\b|regarding\b|concerning\b|excluding\b)(?=[a-z]+ing\b)"  # ", saying she had …"
    # starts a clause of its own (", including …" is a preposition)
    # ", in an interview with Radio Vell on Sunday": a closing adverbial, not content
    r"|,[\"”’']?\s+(?=(?:in|on|at|during|according\s+to)\s+(?:an?|the|his|her|their)\s)"
    # "… should be released but said “…”": a second report by the same speaker
    r"|\s+(?:but|and)\s+(?:also\s+)?(?=(?:said|says|added|told|noted|argued|insisted|warned)\b)"
    # "said the line would reopen but declined to say when", "… and appealed for witnesses":
    # the speaker's refusal or request, no predicate of the reported clause
    r"|\s+(?:but|and)\s+(?=(?:declined\s+to|(?:did|would|could)\s+not\s+(?:say|comment|respond|elaborate|give|"
    r"provide|specify|answer|confirm)|appealed\s+(?:for|to)|called\s+(?:for|on)|urged)\b)"
    # "respects his “passion” but argues …": the speaker's next predicate (after an
    # object; in a clause the predicate is the clause's own, see clause_end)
    r"|(?P<after_mark>(?<=[\"”’'])\s+(?:but|and)\s+(?=(?:[a-z]\w*(?:s|ed|ing)|did|does|was|is)\s))"
    # "called it “racially toxic,” portrayed …": after a quoted fragment, a new predicate
    r"|(?<=,[\"”’'])\s+(?=[a-z]+ed\s)"
    # "…at the fair, a jab at …": a remark about the content
    r"|,\s+(?=an?\s+\w+\s+(?:at|on|to|of|that|which)\s)"
    # "called him “a buffoon,” Susan said": another attribution starts
    r"|(?<=,[\"”’'])\s+(?=(?:[A-Z][\w.’'-]*\s+){1,3}(?:said|says|added|told|wrote|asked)\b"
    r"|(?:he|she|they)\s+(?:said|says|added|told|wrote|asked)\b)"
    # "said the plan is dead, and he railed against …": a clause with its own subject
    r"|,\s+and\s+(?=(?:he|she|they|we|I)\s)"
    # "said the club was for sale, and left the room": a second predicate of the speaker
    # (without the comma, in a clause, the clause's own: see clause_end)
    r"|(?P<predicate>,?\s+and\s+(?:then\s+)?(?=(?:\w+ed|left|went|took|gave|made|came|got|told|said|"
    r"sat|stood|walked|ran|began|shook|held)\b))"
    # "warned it may close, with its director describing …": an absolute clause whose
    # subject speaks in turn (not ", with 300 jobs going", which may be the content's)
    r"|,[\"”’']?\s+with\s+(?=(?:[\w’'-]+\s+){1,5}(?:" + _SPEAKING + r")\b)"
    # "said the beach was shut, as ferry crews and shopkeepers warned …": others' report
    r"|,[\"”’']?\s+as\s+(?!well\s+as\b)(?=(?:[\w’'-]+\s+){1,6}(?:" + REPORTING + r")\b))")
_CONJUNCTIONS = frozenset(["and", "but", "or"])
# ("you" stands for no speaker, so the pronoun lexicon leaves it out, but it opens a clause)
_SUBJECT_PRONOUNS = lexicon.words("pronouns") | {"you"}
_SAY = frozenset(["say"])
# What "said" can be followed by without reporting a statement.
NOT_SAID = frozenset(
    "nothing something anything little much more less so yes no goodbye hello farewell sorry thanks otherwise "
    "last next this earlier later late live today yesterday tonight".split()) | DAYS | PREPOSITIONS | frozenset(
    "to and or but so then not also too as because if when while".split())
# Words opening a subordinate clause before the main one: "said if …, she will …".
_SUBORDINATORS = lexicon.tagged("clause_openers", "subordinator")
_APPROXIMATE = lexicon.words("approximators") | {"over", "under"}  # ("over 300 people")
# What a limiter may narrow opening a subject: "only four of …", "only about 300 …".
_LIMITED = lexicon.words("quantifiers") | _APPROXIMATE
_ARTICLES = lexicon.tagged("determiners", "article")
_RELATIVE_WORDS = frozenset(("who", "whom", "whose", "which", "that"))
_ASIDE_MARKS = frozenset(",;:()—–")
# Two words that bound a number opening a clause's subject: "at least 40 homes".
_BOUNDS = frozenset([("at", "least"), ("at", "most"), ("up", "to"), ("more", "than"), ("fewer", "than"),
                     ("less", "than")])
# Words a bare clause's verb never follows within its subject: a coordinator or a
# subordinator there ends a noun phrase that had no verb.
_NO_VERB_PAST = frozenset("but when until given".split())
# What "too" opens a clause with: a quantity of its subject or how often ("too many …").
_TOO_WHAT = frozenset("many much few little often".split())
NOT_SUBJECTS = frozenset("to and or but so then not also too as because if when while".split())
# A time adverb then a conjunction of time opens no clause of its own ("said yesterday as …").
_TIME_ADVERBS = lexicon.tagged("time_words", "adverb")
_TIME_CLAUSE_OPENERS = frozenset("as when while after before until once".split())


# (a value, never assigned to: not frozen, as quotes.names.Mention says why)
@dataclass(unsafe_hash=True)
class Report:
    """Reported content found in a sentence, in one or two pieces."""

    pieces: tuple[Span, ...]
    attribution: Attribution


def has_quote(text: str, pieces: tuple[Span, ...]) -> bool:
    """A piece holds a quotation in double marks, or in single marks (British style)."""
    return any(mark in text[s:e] for s, e in pieces for mark in QUOTE_MARKS) or any(
        holds_single_quotation(text, s, e) for s, e in pieces)


def trimmed(text: str, start: int, end: int) -> Span | None:
    """The span trimmed of space and edge punctuation, None if no words remain."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.;:—–-"):
        end -= 1
    if end > start and text[end - 1] == "”" and text.count("“", start, end) < text.count("”", start, end):
        # (a closing mark whose opener lies before the content, e.g. before the
        # article's body_start, is not part of what was said)
        return trimmed(text, start, end - 1)
    return (start, end) if any(ch.isalnum() for ch in text[start:end]) else None


def looks_like_clause(text: str, start: int, end: int) -> bool:
    """A bare complement ("said the plan failed") starts with a subject and has a verb."""
    toks = [t for t in tokens(text, start, min(end, start + 160)) if is_word(t)]
    if len(toks) == 2 and toks[0].key in _SUBJECT_PRONOUNS and clause_word(toks[1]):
        return True  # "Strand said he would."
    if len(toks) >= 3 and toks[0].key in _SUBORDINATORS:
        # "said if she wins, she will …": the main clause follows the comma
        comma = text.find(",", toks[1].start, min(end, start + 160))
        if comma < 0:  # "said if elected he would …": the main clause's pronoun and verb, no comma
            return any(a.key in _SUBJECT_PRONOUNS and clause_word(b) for a, b in pairwise(toks[2:]))
        return looks_like_clause(text, comma + 1, end)
    if len(toks) >= 3 and toks[0].word.islower() and limits_subject(toks, _LIMITED):
        # "said only | four of her teachers came"; not "finding only one man — an … — who
        # killed …", whose verb is a relative clause's, after an aside
        verb = next((t for t in toks[2:14] if t.key in _RELATIVE_WORDS or clause_word(t) or (
            t.key.endswith("ed"))), None)
        return verb is not None and verb.key not in _RELATIVE_WORDS and not any(
            ch in _ASIDE_MARKS for ch in text[toks[1].start:verb.start]) and (
            looks_like_clause(text, toks[1].start, end))
    if len(toks) >= 3 and toks[0].key in _APPROXIMATE and (
            toks[1].word[:1].isdigit() or toks[1].key in lexicon.words("quantifiers") or (
                toks[1].key in _ARTICLES and toks[2].key in lexicon.words("quantifiers"))):
        return True  # "said about half of the losses came from …", "about a third of …"
    if len(toks) >= 4 and (toks[0].key, toks[1].key) in _BOUNDS and toks[2].word[:1].isdigit():
        # "said at least 40 homes had burned"
        return any(clause_word(t) or t.key.endswith("ed") for t in toks[3:10])
    if len(toks) >= 4 and (toks[0].key, toks[1].key) in _BOUNDS and toks[2].key in lexicon.words("quantifiers"):
        # "claimed at least six votes were …" (not "showed at least three wearing masks")
        return any(clause_word(t) for t in toks[3:14])
    if len(toks) >= 2 and toks[0].key == "this" and toks[0].word.islower() and (
            toks[1].key in PREPOSITIONS or toks[1].key in DAYS or toks[1].key in _SUBORDINATORS):
        return False  # "said this on Thursday when …": "this" points back, no clause follows
    if len(toks) >= 3 and toks[0].key == "too" and toks[1].key in _TOO_WHAT:
        # "says too many nurses are leaving", "said too often, the ferry …" (not "said
        # too" for "also", nor a verbless "said too little, too late")
        if toks[1].key == "often":
            return looks_like_clause(text, toks[2].start, end) or _says_something(text, toks[2].start, end)
        return any(clause_word(t) for t in toks[2:14])
    if len(toks) >= 2 and (toks[0].key in DAYS or toks[0].key in _TIME_ADVERBS) and (
            toks[1].key in _TIME_CLAUSE_OPENERS):
        return False  # "…’, a judge said yesterday | as she jailed him": when it was said, no content
    if len(toks) < 3 or toks[0].key in PREPOSITIONS or toks[0].key in NOT_SUBJECTS or (
            toks[0].key in DAYS and not clause_word(toks[1])):  # ("said Monday | he …")
        return False
    if re.split("[’']", toks[0].key, maxsplit=1)[0] in _SUBJECT_PRONOUNS:
        return True  # "said they support charter schools", "said she’ll run"
    if clause_word(toks[0]):
        return False  # "…, she said, is doing better": a verb, no subject
    if toks[0].word.islower() and toks[0].key.endswith("ly"):
        return False  # "said quickly", "said recently"
    for tok in toks[1:14]:
        if tok.key in _NO_VERB_PAST:
            return False  # "accepted the size of the loss but refused …", "added a goal when Ruiz
            # scored …": a noun phrase, then the speaker's next predicate or a clause of its own
        if clause_word(tok) or tok.key.endswith("ed"):
            return True
    return False


def quoted_clause(text: str, start: int, end: int) -> bool:
    """"asserted she could speak “directly”": a clause holding a quotation follows."""
    clause = (start, clause_end(text, start, end))
    return has_quote(text, (clause,)) and looks_like_clause(text, start, clause[1])


def reportable(text: str, start: int, end: int, cue: Cue) -> bool:
    """Can the words after a cue (no "that") be what was said? A clause, words the
    cue only reports when quoted, or any words holding a quotation."""
    content_end = clause_end(text, start, end)
    clause = text[start:content_end]
    first = clause.split(" ", 1)[0].casefold()
    if first in PREPOSITIONS or first in DAYS or first == "as" or first in _PLACE_PREPOSITIONS:
        # ("said outside the yard, where workers stood …": a relative clause closing the
        # place is the writer's, its verb no clause said)
        relative = _RELATIVE_TO_END.search(text[start:end])
        if not looks_like_clause(text, start, start + relative.start() if relative else end):
            return False  # "said on ABC’s “This Week”", "said of the claim", "said Sunday on “Meet the Press”"
    if cue.quoted or (cue.object and object_follows(text, start, end)):
        return True
    # (the clause's verb lies within the content: "declared a state of emergency and
    # said …" has its verb only past the content's end, and reports nothing)
    if looks_like_clause(text, start, content_end) or (cue.base in _SAY and _says_something(text, start, end)):
        return True
    return clause[:1].isalnum() and any(mark in clause for mark in QUOTE_MARKS)


_PLACE_PREPOSITIONS = frozenset("outside inside near beside behind opposite".split())
# (commas inside quotation marks allowed: "…, where strikers held banners reading ‘Pay Us, Now’")
_RELATIVE_TO_END = re.compile(r",\s+(?:where|which|who|whose)\s(?:[^,;“‘\"]|[“‘\"][^”’\"]*[”’\"])*$")


MAX_CONTENT = 1500
# "…, who will face Nehlen in August.", "…, a higher level than in May.": a closing
# relative clause or noun phrase remarks on the content; annotators leave it out.
_FINAL_RELATIVE = re.compile(r",(?=[\"”’']?\s+(?:which|who|an?|the\s+latter)\s[^,;“”\"]*$)")
COMMA_CLOSING = re.compile(r",(?:''|[\"”’'])")


def _says_something(text: str, start: int, end: int) -> bool:
    """After "said", a few words that are not an adverbial are what was said
    ("said having Brandt on the ticket puts them at risk")."""
    toks = [t for t in tokens(text, start, min(end, start + 120)) if is_word(t)]
    return len(toks) >= 4 and toks[0].key not in NOT_SAID and not clause_word(toks[0]) and not (
        toks[0].word.islower() and toks[0].key.endswith("ly"))  # (", she said, is doing …")


# Breaks a "that" clause reads past: ", while …", ", despite …", ", compared with …", a
# closing adverbial (", in …", ", on …"): how its own content stands, not the speaker's aside
# (no speech verb after it to the sentence's end: ", while 40 percent said …" reports again).
_THAT_GOES_ON = re.compile(r",[\"”’']?\s+(?:while|despite|compared|(?:in|on|at|during)\s)")
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)|\n")
# ("…, while her rival has soared by saying that …": a report of its own after it)
_REPORTS_AGAIN = regex.compile(r"\b(?:" + REPORTING + "|according|" + _SPEAKING + r")\b")


def _that_goes_on(text: str, match: re.Match[str]) -> bool:
    goes_on = _THAT_GOES_ON.match(text, match.start())
    if goes_on is None:
        return False
    stop = _SENTENCE_END.search(text, goes_on.end())
    return not _REPORTS_AGAIN.search(text, goes_on.end(), stop.start() if stop else len(text))


def clause_end(text: str, start: int, end: int, clause: bool = False, that: bool = False) -> int:
    """Where the reported content starting at `start` ends, outside quotation marks.
    When it is a clause (`clause`: "said (that) the rule was ‘over the top’ and left
    …"), a second predicate after "and" is its subject's, and stays in it; after an
    object ("called it “a farce” and left …") the speaker's. A "that" clause (`that`)
    goes on past ", while", ", despite", ", compared with" and a closing adverbial
    (`_that_goes_on`). Content longer than
    MAX_CONTENT characters is cut there: no sentence of news runs that long, and the
    bound keeps the work per cue constant."""
    end = min(end, start + MAX_CONTENT)
    aside_end = start
    quoted: list[Span] | None = None  # read only when a break is found
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        if match.start() < aside_end:
            continue  # (the dash that closes an aside)
        if that and _that_goes_on(text, match):
            continue  # "noted that rooms rose to 900, while 12 new hotels had opened"
        if clause and (match.group("after_mark") or match.group("predicate")) and (
                not match.group().startswith(",")) and not _reporting_verb(text, match.end()):
            continue  # "said the pier was ‘neglected’ and needed …": the clause goes on
        if match.group().strip() == "—" and (aside := _DASH_ASIDE.match(text, match.end(), end)):
            aside_end = aside.end()  # "that the ties between youth — especially girls — and …"
            continue
        if match.group().startswith(",") and (past := _subject_aside(text, start, match.start(), end)):
            aside_end = past  # "that the ferry, carrying 212 passengers, had been …"
            continue
        if quoted is None:
            quoted = quoted_within(text, start, end)
        # (a break's last character is past its own closing mark: “…,” but)
        if not inside(quoted, match.end() - 1):
            if _clause_then_quotation(text, match, quoted, start, end):
                continue  # "noted that cases had fallen, but “it is too early …”", ", leaving “…”"
            closing = COMMA_CLOSING.match(text, match.start())
            end = closing.end() if closing else match.start()  # keep “…,” whole
            break
    else:
        remark = _FINAL_RELATIVE.search(text, start, end)
        if remark and not inside(quoted_within(text, start, end), remark.start()):
            end = remark.start()
    return _before_next_cue(text, start, end)


# ", but" or a comma before an "-ing" word: the clauses _clause_then_quotation may read on into.
_BUT = re.compile(r",[\"”’']?\s+(?:but\s+|(?=[a-z]+ing\b))")


def _clause_then_quotation(text: str, match: re.Match[str], quoted: list[Span], start: int, end: int) -> bool:
    """A ", but" or a closing participle clause that quotes words while the content before
    it quotes none goes on with what the speaker said ("noted that cases had fallen, but
    “it is too early”", "said they had seen strangers, but were “afraid to speak”", "said
    the cranes stood idle, leaving “a mountain of containers”"), unless a speech verb comes
    before the quotation ("…, but warned that …", "…, but went on to say, “…”", ", saying
    …": a report of its own) or a participle's clause asks someone "to" act."""
    but = _BUT.match(text, match.start())
    first = next((q[0] for q in quoted if but is not None and but.end() <= q[0] < end), None)
    if but is None or first is None or any(start <= q[0] < match.start() for q in quoted):
        return False
    verbs = lexicon.speech_verbs()
    words = [word.lower() for word in _WORD.findall(text, but.end(), first)]
    if but.group().rstrip().endswith(",") and "to" in words:
        return False  # ", encouraging his supporters to make sure it is “fair and square”": an appeal
    return not any(word in verbs for word in words)


def _reporting_verb(text: str, pos: int) -> bool:
    """A speech verb (not one of stance) at pos: "… and warned that …" reports again."""
    match = _WORD.match(text, pos)
    verb = lexicon.speech_verbs().get(match.group().lower()) if match else None
    return verb is not None and not verb.stance


_WORD = re.compile(r"[A-Za-z]+")


# An aside closed by a second dash within the clause: it is part of what was said.
_DASH_ASIDE = re.compile(r"[^—;:“”\"\n]{1,80}?\s—\s")
# An aside between commas, up to its closing comma (a comma or point inside a number,
# "33,000", "1.5", and an abbreviation's point stay inside it).
_OTHERS_WORDS = regex.compile(r"\b(?:" + REPORTING + r"|according)\b")
_JOINS = frozenset(("and", "but", "or"))
_COMMA_ASIDE = re.compile(r"(?:[^,;:.?!“”\"«»\n]|(?<=\d)[,.](?=\d)|\.(?=\S)){2,120}?,\s+")


def _participle_aside(text: str, start: int, end: int) -> bool:
    """An aside that is a participle of the subject, no one's report: "the cut, | announced
    late on Friday by the minister, | was …" (not "the plan, | said the minister, | …", whose
    verb has a subject after it)."""
    toks = [t for t in tokens(text, start, end) if is_word(t)][:2]
    return len(toks) == 2 and toks[0].word.islower() and toks[0].key.endswith("ed") and (
        toks[1].word.islower() and toks[1].key not in _SUBJECT_PRONOUNS and toks[1].key not in _ARTICLES
        and toks[1].key not in lexicon.tagged("determiners", "possessive"))


def _subject_aside(text: str, start: int, comma: int, end: int) -> int | None:
    """Where an aside between the content's subject and its verb ends: "said the ferry,
    carrying 212 passengers, had been held …", "said the plan, however, would …".
    The content before the comma is a noun phrase (no verb, no subordinator) and a verb
    follows the closing comma; a break at a comma after a verb still ends the content."""
    aside = _COMMA_ASIDE.match(text, comma + 1, end)
    if aside is None or (_OTHERS_WORDS.search(text, aside.start(), aside.end()) and not (
            _participle_aside(text, aside.start(), aside.end()))):
        return None  # ("the plan, she added, would …", "the ferry, according to …, had …")
    after = [t for t in tokens(text, aside.end(), min(end, aside.end() + 30)) if is_word(t)]
    if not after or not (clause_word(after[0]) or (
            after[0].word.islower() and after[0].key.endswith("ed"))):
        return None
    subject = [t for t in tokens(text, start, comma) if is_word(t)]
    # (a second clause's subject: "said the plan was fair but that | the timing, in …, was")
    joint = max((k for k in range(1, len(subject)) if subject[k].key == "that" and (
        subject[k - 1].key in _JOINS)), default=None)
    if joint is not None:
        subject = subject[joint + 1:]
    elif subject and subject[0].key == "that":
        subject = subject[1:]
    if not 1 <= len(subject) <= 8 or any(
            clause_word(t) or t.key in _SUBORDINATORS or t.key in NOT_SUBJECTS for t in subject):
        return None
    return aside.end()
_COMMA_WORD = re.compile(r",\s+(?![Tt]hanks\b)([A-Za-z]+)\b")  # (not ", thanks (in part) to")


def main_verb_after(text: str, pos: int) -> bool:
    """", said …" right after pos: the main clause's speech verb follows, so what came
    before it sat in its subject ("Osei, who proposed the refusal, said …")."""
    match = _COMMA_WORD.match(text, pos)
    return match is not None and _inflected_speech_verb(match.group(1).lower())


def _inflected_speech_verb(word: str) -> bool:
    verbs = lexicon.speech_verbs()
    return word in verbs and (word.endswith(("s", "ed")) or word != verbs[word].base)


def _before_next_cue(text: str, start: int, end: int) -> int:
    """"says Russians hacked the DNC, calls the remarks troubling": a speech verb after a
    comma is the speaker's next predicate, and the clause ends before it ("Osei, who
    proposed the refusal, said …": the main verb after a relative clause, too). Only an
    inflected form counts: a base form after a comma is too often a noun ("…, state …")."""
    for match in _COMMA_WORD.finditer(text, start, end):
        if _inflected_speech_verb(match.group(1).lower()) and not (
                _participle_then_verb(text, match.start(), end)):
            return match.start()
    return end


def _participle_then_verb(text: str, comma: int, end: int) -> bool:
    """"the cut, | announced late on Friday by the minister, | was …": a participle aside
    of the clause's subject, its verb after the closing comma."""
    aside = _COMMA_ASIDE.match(text, comma + 1, end)
    if aside is None or not _participle_aside(text, aside.start(), aside.end()):
        return False
    after = [t for t in tokens(text, aside.end(), min(end, aside.end() + 30)) if is_word(t)][:1]
    return bool(after) and clause_word(after[0]) and after[0].word.islower()


def after_that(text: str, pos: int, end: int) -> int | None:
    """Where the clause after "that" starts: "said (on Tuesday) that | …". None when
    no "that" follows closely, when a clause starts before it ("said she would not
    back the deal that …") or when "that" opens a relative clause ("reports that track")."""
    match = _THAT_AHEAD.match(text, pos, end)
    if not match or speech_participle_ahead(text, pos, match.end()):
        return None  # ("…, X said, adding that …": the participle's "that")
    between = [t for t in tokens(text, pos, match.end() - 4) if is_word(t)]
    if any(t.key in _SUBJECT_PRONOUNS or clause_word(t) for t in between):
        return None
    if between and between[-1].key in PREPOSITIONS and not text[between[-1].end:match.end() - 4].strip() and (
            _noun_follows(text, match.end(), end)):
        return None  # "claimed in that letter the price …", "said at that time": "that" is a determiner
        # (not "said soon after that the talks …": no noun follows, "that" opens the clause)
    if len(between) > 1 and between[-1].key in _CONJUNCTIONS:
        return None  # "said the staff ‘work their socks off’ and that …": the second of two clauses
    if _object_before_that(between, "," in text[pos:match.end()]):
        return None  # "wanted the jobs that exploration could bring": a relative clause of the object
    following = [t for t in tokens(text, match.end(), min(end, match.end() + 40)) if is_word(t)]
    if following and (clause_word(following[0]) or following[0].key in lexicon.speech_verbs()
                      or (following[0].word.islower() and following[0].key.endswith("ed"))):
        return None  # "the raid that killed …": a relative clause
    return match.end() - len("that")  # the clause keeps its "that", as annotators mark it


def _noun_follows(text: str, pos: int, end: int) -> bool:
    """A lower-case word at pos that is no determiner, pronoun or verb: a noun "that" determines."""
    following = [t for t in tokens(text, pos, min(end, pos + 30)) if is_word(t)][:1]
    return bool(following) and following[0].word.islower() and not (
        following[0].key in _NOUN_PHRASE_OPENERS or following[0].key in _SUBJECT_PRONOUNS
        or clause_word(following[0]))


# Words that open a noun phrase: between a cue and "that", an object, whose relative
# clause "that" opens ("wanted the jobs that …", "said many families wanted …").
_NOUN_PHRASE_OPENERS = lexicon.tagged("determiners", "article", "possessive", "demonstrative", "quantifier")
# Nouns that end an adverbial of time: "said this week that", "told them the same day that".
_TIME_NOUNS = lexicon.tagged("time_words", "period", "periods") | {"time"} | DAYS


def _object_before_that(between: list, comma: bool) -> bool:
    """Do the words between a cue and "that" end with an object, whose relative clause
    "that" opens: a noun phrase that is no time and no saying ("rejected the notion
    that", "reiterated his claim that" report it), or a clause's verb and its object
    ("said younger people wanted the jobs that …")?"""
    if not between or comma:
        return False  # (an aside or a clause between commas: unsure whose "that" it is)
    last = between[-1]
    if last.word.islower() and (is_past_form(last.key) or last.key in lexicon.speech_verbs()):
        return False  # "cite the vote, when the board stated that": the "that" of another verb
    if between[0].key not in PREPOSITIONS and between[0].key not in DAYS and any(
            tok.word.islower() and tok.key.endswith("ed") for tok in between[1:]):
        return True  # (an adverbial may hold a participle: "said in a statement released …")
    if not (between[0].key in _NOUN_PHRASE_OPENERS or (
            between[0].key in lexicon.words("quantifiers") and between[0].word.islower())):
        return False
    # the noun before a preposition heads the phrase ("made the case to members of the council that")
    head = next((tok for tok, after in pairwise(between) if after.key in PREPOSITIONS), last)
    return head.key not in _TIME_NOUNS and head.key not in lexicon.words("report_nouns") and (
        head.key not in lexicon.words("clause_nouns")) and head.key not in lexicon.words("documents")


_PARTICIPLE_AHEAD = re.compile(r"\s*,\s*([a-z]+ing)\b")


_PARTICIPLE_WITHIN = re.compile(r",\s*([a-z]+ing)(?:\s+[\w’'-]+){0,2}?\s+that\b")


def speech_participle_within(text: str, pos: int, end: int) -> bool:
    """Does a speech verb's participle and its "that" follow a comma in text[pos:end]
    ("said on Friday, adding that", "…, telling reporters that"; not "citing the storm, that")?"""
    return any(m.group(1) in lexicon.speech_verbs() for m in _PARTICIPLE_WITHIN.finditer(text, pos, end))


def speech_participle_ahead(text: str, pos: int, end: int) -> bool:
    """", adding that …", ", noting …": a speech verb's participle, which reports for itself."""
    match = _PARTICIPLE_AHEAD.match(text, pos, end)
    return match is not None and match.group(1) in lexicon.speech_verbs()


def predicate_follows(text: str, start: int, end: int) -> bool:
    """A verb opens what follows ("had harmed", "was ongoing", "target Muslims")."""
    toks = [t for t in tokens(text, start, min(end, start + 40)) if is_word(t)]
    return bool(toks) and toks[0].word.islower() and (clause_word(toks[0]) or toks[0].key.endswith(
        ("ed", "s")) or toks[0].key in lexicon.words("auxiliaries"))


def object_follows(text: str, start: int, end: int) -> bool:
    """A noun phrase follows the verb: not a preposition, adverb or another verb."""
    toks = tokens(text, start, min(end, start + 40))
    if not toks or not is_word(toks[0]):
        return opens_with_mark(text, start)
    first = toks[0]
    if first.word.islower() and first.key in lexicon.speech_verbs():
        return False  # "biofuels advocates say …": the cue was a noun, the subject
    return first.key not in PREPOSITIONS and first.key not in NOT_SAID and not clause_word(first) and not (
        first.word.islower() and first.key.endswith(("ly", "ed", "ing")))


def clause_word(tok) -> bool:
    return tok.key.replace("’", "'") in _CLAUSE_WORDS
