"""What a description means when nothing in the article gives anyone its noun.

A person description ("the rookie defenceman") means the person the article named
last as a subject, a body description ("the utility") the last body that spoke,
both less surely; not when the article introduced an unnamed one ("a defenceman").
A description that opens a story before anyone fits it ("in what the judge called
…") means the one named with that role just after it; a document nobody is shown
to have written ("the statement says") the one whoever spoke just before
announced.
"""

from __future__ import annotations

import bisect
from functools import cache

import regex

from quotes import lexicon, role_kin
from quotes.body_descriptions import is_kind, last_body_that_spoke, name_shows_kind, shown_only
from quotes.described import MODIFIERS, Candidate, Description
from quotes.gender import gender_of
from quotes.occurrences import article_mentions, occurrences
from quotes.people import Entity, People, Turn, not_personal
from quotes.roles import before_of, role_head, title_head
from quotes.tokens import is_occupation

# How far back a fallback may look for the person or body meant.
FALLBACK_REACH = 400
# How far before the person chosen that way another one makes the choice unsure.
_RIVAL_REACH = 150
# How far before a statement's speaker the document it was made in may be named ("In a
# statement, | the family described him as …").
_IN_SAME_REPORT = 40
# Words that show a statement was published: "announced", "said in a statement", "wrote", "reports".
_PUBLISHED = lexicon.tagged("publishing_verbs", "publish", "report") | {"statement"}
# "«…», – | the woman noted", "“…” – | the head of the clinic said": a dash cue right after a quotation.
_DASH_CUE_BEFORE = regex.compile(r"[,.!?…]?[”»\"“’'][ \u00a0]?,?[ \u00a0]*(?:[—–―‒]|-{1,2})[ \u00a0]+$")
_UNNAMED = regex.compile(r"(?i)(?<![\p{L}\p{M}])(?:a|an|one|another)[ \u00a0]+" + MODIFIERS + "$")


def _modifiers_in_name(description: Description, name: str) -> bool:
    """Every word written before the noun is a word of the body's name ("the water board" for
    "Kell Water Board"; not "the city library" for "Tarnby Data Systems")."""
    words = {w.casefold() for w in name.split()}
    return all(w.casefold() in words for w in description.words.split()[:-1])


def fallback(people: People, description: Description, pos: int) -> list[Candidate]:
    """Nothing in the article gives anyone the noun: a person description means the
    person last named as a subject, a body description the last body that spoke."""
    head = description.head
    if head in lexicon.words("documents") and not description.complement and all(
            w[:1].islower() and not w.endswith(("’s", "'s", "’")) for w in description.words.split()):
        return _last_statement(people, head, pos)  # ("the statement", not "the campaign's website")
    if head in lexicon.words("documents") or description.complement or description.capitalised:
        return []  # (a document's author, "the faction of the council", "the Ministry" must be shown)
    if _introduced_unnamed(people, description, pos):
        return []  # "a defenceman … the defenceman": someone the article does not name
    if is_kind(head):
        if any(w[:1].isupper() for w in description.words.split()) or head in shown_only():
            return []  # ("the Talvarese foreign ministry": whose it is, the article must show)
        turn = last_body_that_spoke(people, head, pos, FALLBACK_REACH * 3)
        if turn is None or not _modifiers_in_name(description, turn.speaker):
            return []  # ("Tarnby Data Systems said … The city library said": another body)
        return [Candidate(turn.speaker, turn.role, 1, turn.start,
                           f"nothing in the article calls a body {head!r}; "
                           f"{turn.speaker} is the last body that spoke (offset {turn.start})")]
    if _body_compound(description.words):
        return []  # ("the coast guard said": a body the article did not name, not a guard)
    if (description.age is not None or head in lexicon.words("plain_person_nouns")) and (
            source := _unnamed_speaker_before(people, description, pos)) is not None:
        return [source]
    if head not in lexicon.words("person_nouns") and not _calling(description) and not _practitioner(head) and (
            description.age is None):
        return []  # ("the ad", "the country", "the official": no known person)
    if any(w[:1].isupper() for w in description.words.split()):
        return []  # ("the Democratic nominee": what it tells of the person, the article must show)
    found = people.subject_before(pos)
    if found is None or pos - _last_heard(people, found, pos) > FALLBACK_REACH:
        return []
    at, entity = found
    if entity.unnamed:
        return []  # ("A customs officer … the inspector": an unnamed source is not named)
    if (speaking := _speaker_naming(people, at, pos, entity)) is not None:
        at, entity = speaking
    gender = gender_of(description.words)
    if (entity.role and title_head(entity.role) and title_head(head) and role_head(entity.role) != head) or (
            gender and entity.gender and gender != entity.gender):
        return []  # "Mayor Ann Roy … the minister said", "Ann Roy … the businessman": someone else
    chosen = Candidate(entity.name, entity.role, 1, at,
                        f'nothing in the article gives anyone the description "{description.words}"; '
                        f"{entity.name} is the last person named before it (offset {at})")
    rival = people.subject_before(at)
    if rival is not None and at - rival[0] <= _RIVAL_REACH and rival[1] is not entity:
        return [chosen, Candidate(rival[1].name, rival[1].role, 0, rival[0], "")]
    return [chosen]


def spoke_just_before(people: People, description: Description, pos: int) -> list[Candidate]:
    """Nothing in the article fits a person description that attributes a quotation after
    a dash, as translated copy does: the person whose statement ends just before it, in
    its paragraph or the one before, with nobody named since ("Ana Lind, a doctor in Orla,
    told … . «…», – the woman noted", "«…», – the head of the clinic said"): such copy
    goes on with the one who spoke in whatever words the writer has for them (American
    copy's "the Vermont senator" stays as written)."""
    head = description.head
    if not _DASH_CUE_BEFORE.search(people.text, max(0, pos - 8), pos) or is_kind(head) or (
            head in lexicon.words("documents")) or not (
            head in lexicon.words("person_nouns") or head in lexicon.words("roles")):
        return []
    turn = people.statement_just_before(pos)
    if turn is None or turn.mention is None:
        return []
    entity = people.by_name(turn.speaker)
    if entity is None or not entity.person or entity.unnamed or not_personal(entity):
        return []
    gender = gender_of(description.words)
    named = people.subject_before(pos)
    if (gender and entity.gender and gender != entity.gender) or (
            named is not None and named[0] >= turn.end and named[1] is not entity):
        return []  # ("Ivo Marr … the woman said", or another named since it spoke)
    return [Candidate(entity.name, entity.role, 1, turn.start,
                      f'nothing in the article gives anyone the description "{description.words}"; '
                      f"{entity.name} spoke just before it (offset {turn.start})")]


def _unnamed_speaker_before(people: People, description: Description, pos: int) -> Candidate | None:
    """"One, a crane driver who …, said … . ‘…,’ the 54-year-old said", "A resident who …
    said … . ‘…,’ the woman told reporters": an age or a noun of sex alone means the source
    described and never named who made the statement just before, in its paragraph or the
    one before, when nobody has been named as a subject since and no gender differs."""
    turn = people.statement_just_before(pos)
    if turn is None:
        return None
    last = people.source_before(pos)
    if last is None or not last[1].unnamed or last[1].name != turn.speaker:
        return None  # (someone named since: "… said. Ana Roos, 54, nodded. ‘…,’ the 54-year-old said")
    entity, gender = last[1], gender_of(description.words)
    if gender and entity.gender and gender != entity.gender:
        return None
    return Candidate(entity.name, entity.role, 1, turn.start,
                     f'"{description.words}" is said of no one the article names; {entity.name}, '
                     f"described and not named, made the statement just before (offset {turn.start})")


def _calling(description: Description) -> bool:
    """"the forester", "the young farmer", "the master weaver": a trade, craft or calling
    (lexicons/callings.txt), alone or after words of age or another calling; not an office
    named by its place ("the harbour master")."""
    nouns, before = _callings()
    words = description.words.casefold().split()
    return words[-1] in nouns and all(w in nouns or w in before for w in words[:-1])


@cache
def _callings() -> tuple[frozenset[str], frozenset[str]]:
    before = lexicon.tagged("callings", "+before")
    return lexicon.words("callings") - before, before


def _last_heard(people: People, found: tuple[int, Entity], pos: int) -> int:
    """Where the person last named as a subject was last named or last heard: the end of
    their latest statement before pos ("Dr Ana Veldt, head of …, informed that … . In her
    words, … . “…,” the scientist added": still the one the story follows)."""
    at, entity = found
    turn = people.statement_before(pos)
    return max(at, turn.end) if turn is not None and turn.speaker == entity.name else at


def named_next(people: People, description: Description, pos: int) -> list[Candidate]:
    """Nothing before it fits: a description that opens a story ("in what the judge
    called …") means the one the article names with that role or kind just after it
    ("Judge Mira Hale said"), less surely."""
    body = is_kind(description.head)
    if (description.complement and body) or description.capitalised or description.head in lexicon.words(
            "documents"):
        return []
    # (a possessive says whose office it is, and an "of" phrase where it is held, which the
    # name after need not repeat: "the region's governor said … Governor Ilian Petrescu
    # said", "The chief of the Moosek Lake band says … Chief Ada Tall told …")
    words = " ".join(w for w in before_of(description.words.split()) if not w.endswith(("'s", "’s")))
    named = article_mentions(people)
    for at, entity in named.all[bisect.bisect_right(named.at, pos):]:
        if at - pos > FALLBACK_REACH:
            break
        fits = (name_shows_kind(entity, description.head) if body else
                not not_personal(entity) and entity.role is not None
                and role_kin.fit(words, entity.role) >= role_kin.FITS)
        if fits:
            return [Candidate(entity.name, entity.role, 1, at,
                               f'nothing before it is called "{description.words}"; the article names '
                               f"{entity.name} so just after it (offset {at})")]
    return []


def _last_statement(people: People, head: str, pos: int) -> list[Candidate]:
    """"The ministry's press service announced … “…,” the statement says": a document
    nobody is shown to have written is the one published by whoever spoke just before,
    in words that show they published something; so is one named in that statement's own
    attribution ("The ministry, in a statement issued on Friday, stated …")."""
    turn = people.statement_before(pos)
    if turn is None or pos - turn.end > FALLBACK_REACH:
        return []
    opens = min(turn.start, turn.mention.start if turn.mention else turn.start)
    named = occurrences(people, head, pos)
    if any(not _in_attribution(turn, opens, start) for start, _ in named):
        return []  # ("Cook provided a written statement … the statement said": that one's)
    # (but the statement the last speaker spoke in is theirs: "The ministry, in a statement
    # issued on Friday, stated that … The statement also noted …", "According to the
    # ministry's statement, … “…,” the statement says")
    words = set(regex.findall(r"\p{L}+", people.text[max(0, opens - _IN_SAME_REPORT):turn.end].casefold()))
    if head not in words and not words & _PUBLISHED:
        return []  # (only one who published something: "Ana Ruiz told reporters" wrote no statement)
    why = (f"the {head} is the one {turn.speaker} spoke in just before (offset {turn.start})" if named else
           f"nothing in the article shows who wrote the {head}; {turn.speaker} spoke just before it "
           f"(offset {turn.start})")
    return [Candidate(turn.speaker, turn.role, 1, turn.start, why)]


def _in_attribution(turn: Turn, opens: int, at: int) -> bool:
    """A word at `at` is in the words that attribute the statement, not in what it says:
    just before its content ("In a statement, | the family said …", "The ministry, in a
    statement …, stated that") or, content first, from its speaker on ("…, the ministry
    said in a statement")."""
    mention = turn.mention
    return opens - _IN_SAME_REPORT <= at < turn.start or (
        mention is not None and turn.start < mention.start <= at < turn.end)


def _speaker_naming(people: People, at: int, pos: int, named: Entity) -> tuple[int, Entity] | None:
    """"According to the coach, captain Ivo Marr will miss the match. The specialist
    stressed …": a person named inside the last statement before pos is what its speaker
    spoke of; the speaker, a person, is the one the description goes on with."""
    turn = people.statement_before(pos)
    if turn is None or not turn.start <= at < turn.end or turn.speaker == named.name:
        return None
    speaker = people.by_name(turn.speaker)
    if speaker is None or not speaker.person or speaker.unnamed or not_personal(speaker):
        return None
    return turn.start, speaker


def _introduced_unnamed(people: People, description: Description, pos: int) -> bool:
    """"a defenceman", "one official" before pos: someone the article does not name."""
    text = people.text
    return any(_UNNAMED.search(text[max(0, start - 60):start])
               for start, _ in occurrences(people, description.head, pos))


def _body_compound(words: str) -> bool:
    """The description ends with a body's two-word noun ("the coast guard", "the fire service")."""
    return " ".join(words.casefold().split()[-2:]) in _compounds()


@cache
def _compounds() -> frozenset[str]:
    return frozenset(" ".join(line.casefold().split()) for line in lexicon.lines("body_compounds"))


@cache
def person_heads() -> frozenset[str]:
    """Nouns for one person a description may name (read for every description: built once)."""
    return lexicon.words("person_nouns") | lexicon.words("titles") | role_kin.heads()


# Endings of one who practises a science or an art, past the "-ologist" and "-ographer" of
# tokens.is_occupation: "astrophys|icist", "agron|omist", "astron|omer", "techn|ician",
# "hist|orian", "agr|arian". Not "-ist" alone: "the socialist", "the realist" are labels
# a story gives, not someone's work.
_PRACTITIONER_ENDINGS = ("icist", "omist", "omer", "ician", "orian", "arian")


def is_person_head(word: str) -> bool:
    """A noun that may describe one person, listed or a practitioner's ("the agronomist")."""
    return word in person_heads() or _practitioner(word)


def _practitioner(head: str) -> bool:
    """"the archaeologist", "the astrophysicist", "the agrarian": a noun for one who
    practises a field, however rare the field, is a person noun as the listed ones are."""
    return head.isalpha() and (is_occupation(head) or head.endswith(_PRACTITIONER_ENDINGS))
