"""Lexicons read as named subsets: one list per word family, each kind a tag."""

import pytest

import quotes
from quotes import lexicon

# Tagged lexicons and the kinds their second column may name.
_KINDS = {
    "finite_auxiliaries": {"be", "have", "modal", "do"},
    "determiners": {"article", "possessive", "demonstrative", "quantifier", "number"},
    "calendar": {"day", "month"},
    "time_words": {"period", "periods", "adverb"},
    "publishing_verbs": {"publish", "speak", "report"},
}


@pytest.mark.parametrize("name", sorted(_KINDS))
def test_every_row_names_one_known_kind(name: str) -> None:
    for row in lexicon.lines(name):
        _word, *kind = row.split()
        assert kind and kind[0] in _KINDS[name] and len(kind) == 1, row


@pytest.mark.parametrize("name", sorted(_KINDS))
def test_the_kinds_make_up_the_whole_list_without_overlap(name: str) -> None:
    parts = [lexicon.tagged(name, kind) for kind in sorted(_KINDS[name])]
    assert frozenset().union(*parts) == lexicon.tagged(name) == lexicon.words(name)
    assert sum(len(part) for part in parts) == len(lexicon.tagged(name))


def test_a_subset_holds_only_its_kinds() -> None:
    modal = lexicon.tagged("finite_auxiliaries", "modal")
    assert {"would", "shall", "might"} <= modal and not {"was", "has", "did"} & modal
    assert lexicon.tagged("determiners", "article") == {"the", "a", "an"}
    assert lexicon.tagged("determiners", "article", "possessive") >= {"an", "their"}
    assert lexicon.tagged("calendar", "day") == {"monday", "tuesday", "wednesday", "thursday", "friday",
                                                 "saturday", "sunday"}


def test_a_partly_tagged_list_keeps_every_word_and_names_a_subset() -> None:
    # org_words tags the words that describe a body rather than head its name
    describing = lexicon.tagged("org_words", "describing")
    assert {"national", "republican", "white"} <= describing < lexicon.words("org_words")
    assert "ministry" not in describing and lexicon.tagged("org_words") == lexicon.words("org_words")
    # trading_kinds tags the two nouns a trade name shows among the body nouns (of either
    # list) that may trade
    trading = lexicon.tagged("trading_kinds", "trade")
    kinds = lexicon.words("body_kinds") | lexicon.words("named_body_kinds")
    assert trading == {"company", "firm"} < lexicon.tagged("trading_kinds") <= kinds
    # and "service" the nouns, beside those, that mean the one body that spoke as "the
    # company" does: bodies that run a service, never a group, network or bank
    serving = lexicon.tagged("trading_kinds", "service")
    assert {"airline", "operator", "utility"} <= serving < lexicon.tagged("trading_kinds")
    assert not serving & ({"group", "network", "bank"} | trading)


@pytest.mark.parametrize("sentence", [
    "The harbour trust no longer believes that the ferry can pay its way.",
    "Its owners no longer think that the mill can reopen, the notice said.",
])
def test_an_adverb_that_is_also_a_determiner_opens_no_speaker(sentence: str) -> None:
    # "no" opens noun phrases ("no official") but here it is an adverb: no speaker "no longer"
    assert all(quote.speaker != "no longer" for quote in quotes.extract(sentence))
