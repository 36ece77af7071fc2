"""Who leads a body, under whatever title: "the head of the National Bank" for the
"Chairman of the National Bank", "the head of state" for a president (the offices in
`lexicons/heads_of.txt`), "the head of the agency" for the "Chairman of the National
Space Agency of Urmania", "the head of the defence ministry" for the "Minister of
Defence of Lirovia". Deputies, spokespeople and a Prime Minister lead no such body.
"""

from __future__ import annotations

from functools import cache

from quotes import lexicon
from quotes.body_descriptions import is_kind, kinds
from quotes.role_kin import same_word
from quotes.roles import role_head, role_words

# Heads that name a leader of whatever body follows "of" ("the head of the Bank").
LEADERS = frozenset("head chief leader boss chairman chairwoman chair president governor director".split())
_NOT_THE_HEAD = lexicon.words("other_holders")
# Titles of those who lead a body, as a role's head: the leaders', and a chief executive's.
_LEADING_TITLES = LEADERS | {"executive"}
# Words of a second in an office: "the deputy head of …" for a "Vice Minister of …".
DEPUTY = frozenset("vice deputy".split())
# Titles of those who speak for a body or serve it, not lead it ("spokeswoman of the Ministry").
_SPEAKS_FOR = lexicon.words("speaks_for")
# Ministers who lead no ministry: "Prime Minister", "Minister without portfolio".
_NOT_A_MINISTRY = frozenset("prime portfolio".split())
# Secretaries who lead no secretariat: a press secretary, a committee's or a party's secretary.
_NOT_A_SECRETARIAT = frozenset("press private personal executive".split())


def leads(head: str, complement: str, role: str, *, deputy: bool = False) -> bool:
    """Does "the <head> of <complement>" ("the head of the National Bank") stand for one
    who holds this role ("Chairman of the National Bank")? With `deputy` ("the deputy
    head of the ministry"), for one who is second in such an office ("Vice Minister of
    Fisheries", "Deputy Governor of the Central Bank")."""
    if head not in LEADERS:
        return False
    said = role_words(role)
    if deputy != bool(said & DEPUTY):
        return False  # ("the head of …" is no "Deputy Minister …"; "the deputy head" no Minister)
    if deputy:
        role = " ".join(w for w in role.split() if w.casefold().rstrip(".,") not in DEPUTY)
        said = role_words(role)
    if said & _NOT_THE_HEAD:
        return False  # ("Vice President", "Former Minister of …")
    last = complement.split()[-1].casefold()
    if any(role_words(office) <= said and role_head(office) == role_head(role)
           for office in _heads_of().get(last, ())):
        return True
    if _heads_body(complement, role):
        return True
    if " of " not in f" {role} ":
        return False
    body = f" {role} ".split(" of ", 1)[1]
    title = _title(role)
    # (the body's name, or its last noun with words of it: "the head of the society" for
    # the "president of the Northern Rural Society")
    named = role_words(body)
    return title in _LEADING_TITLES | lexicon.words("titles") and title not in _SPEAKS_FOR and (
        named == role_words(complement) or (role_head(complement) == role_head(body) and all(
            any(same_word(w, other) for other in named) for w in role_words(complement))))


def _title(role: str) -> str:
    """The title of a role as a leader's: its head noun, "executive" for a "Chief
    Executive Officer" (a "Chief Financial Officer" leads nothing)."""
    head = role_head(role)
    return "executive" if head == "officer" and {"chief", "executive"} <= role_words(role) else head


def _heads_body(complement: str, role: str) -> bool:
    """"the head of the agency" for the "Chairman of the National Space Agency of Urmania",
    "the head of the defence ministry" for the "Minister of Defence of Lirovia": the role
    leads a body of the noun's kind and holds every word written with the noun."""
    noun = role_head(complement)
    if not is_kind(noun):
        return False
    head = _title(role)
    said = role_words(role)
    if head == "minister" and not said & _NOT_A_MINISTRY:
        said |= {"ministry"}  # (a minister leads a ministry the title need not name)
    elif head == "secretary" and not said & _NOT_A_SECRETARIAT:
        said |= {"secretariat"}  # (as a state's Secretary of Culture leads its secretariat)
    elif head not in _LEADING_TITLES:
        return False  # ("spokesman of the Ministry of Defence")
    if not (said - {head}) & kinds()[noun]:
        return False
    return all(any(same_word(word, other) for other in said) for word in role_words(complement) - {noun})


@cache
def _heads_of() -> dict[str, tuple[str, ...]]:
    """The last word of "the head of X" and the offices it stands for."""
    return {r[0]: r[1:] for r in lexicon.rows("heads_of")}
