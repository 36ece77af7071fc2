"""Speaker identity across articles: which names are one person (invented names only)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotes.dataset.identity import group_names, group_speakers, name_parts, person_key


@pytest.mark.parametrize(("variant", "name"), [
    ("NATO Secretary General Tomas Verlind", "Tomas Verlind"),
    ("Sen. Tomas Verlind", "Tomas Verlind"),
    ("Tomas J. Verlind", "Tomas Verlind"),
    ("TOMAS VERLIND", "Tomas Verlind"),
    ("Tomas Verlindė", "Tomas Verlinde"),
    ("Ana O’Daly", "Ana O'Daly"),
    ("Ana Holt-Baring", "Ana HoltBaring"),
])
def test_variants_share_a_key(variant: str, name: str) -> None:
    assert person_key(variant) == person_key(name)


def test_namesakes_have_different_keys() -> None:
    assert person_key("Rosa Quill") != person_key("Hugo Quill")
    assert person_key("Hugo Quill Jr.") != person_key("Hugo Quill")
    assert group_names({"Hugo Quill Jr.": 1, "Hugo Quill": 1})["Hugo Quill Jr."] == "Hugo Quill Jr."


def test_parts_keep_particles_in_the_surname() -> None:
    parts = name_parts("Mayor Lena de Vries")
    assert (parts.given, parts.surname, parts.roles) == ("lena", "de vries", frozenset({"mayor"}))
    assert name_parts("de Vries").surname_only


def test_group_picks_the_most_frequent_full_name() -> None:
    groups = group_names({"Tomas Verlind": 4, "Tomas J. Verlind": 9, "Secretary General Tomas Verlind": 1,
                          "Verlind": 20, "Tomas Arno Verlind": 2})
    assert set(groups.values()) == {"Tomas J. Verlind"}


def test_surname_joins_the_only_person_with_it() -> None:
    groups = group_names({"Pia Marsh": 2, "Marsh": 7})
    assert groups["Marsh"] == "Pia Marsh"


def test_namesakes_stay_apart_and_the_bare_surname_stays_alone() -> None:
    groups = group_names({"Rosa Quill": 3, "Hugo Quill": 2, "Quill": 5})
    assert groups["Rosa Quill"] != groups["Hugo Quill"]
    assert groups["Quill"] == "Quill"


def test_a_role_singles_out_one_namesake() -> None:
    groups = group_names({"Rosa Quill": 3, "Hugo Quill": 2, "Governor Quill": 1, "Quill": 1},
                         roles={"Rosa Quill": ["Governor of Eastland"], "Hugo Quill": ["Senator"],
                                "Quill": ["former senator"]})
    assert groups["Governor Quill"] == "Rosa Quill"
    assert groups["Quill"] == "Hugo Quill"


def test_vague_roles_do_not_single_anyone_out() -> None:
    groups = group_names({"Rosa Quill": 3, "Hugo Quill": 2, "Quill": 1},
                         roles={"Rosa Quill": ["former governor"], "Hugo Quill": ["former senator"],
                                "Quill": ["former official"]})
    assert groups["Quill"] == "Quill"


def test_aliases_join_names_that_look_unalike() -> None:
    groups = group_names({"Pia Marsh": 2, "Pia Marsh-Oduya": 1},
                         aliases={"Pia Marsh": "Q1", "Pia Marsh-Oduya": "Q1"})
    assert groups["Pia Marsh-Oduya"] == groups["Pia Marsh"]


def test_titles_alone_are_their_own_speaker() -> None:
    groups = group_names({"the President": 1, "President Ida Lorn": 1})
    assert groups["the President"] == "the President"


_NAMES = st.sampled_from(["Rosa Quill", "Hugo Quill", "Quill", "Gov. Rosa Quill", "Pia Marsh", "Marsh",
                          "PIA MARSH", "Pia K. Marsh", "Mayor Quill", "Lena de Vries", "de Vries"])


_ROLES = st.lists(st.sampled_from(["Governor", "senator", "former mayor", ""]), max_size=2)


@given(st.dictionaries(_NAMES, st.integers(1, 5), min_size=1), st.dictionaries(_NAMES, _ROLES),
       st.randoms())
def test_groups_do_not_depend_on_order(counts: dict[str, int], roles: dict[str, list[str]],
                                       rnd: random.Random) -> None:
    items = list(counts.items())
    rnd.shuffle(items)
    assert group_names(dict(items), roles) == group_names(counts, roles)
    assert set(group_names(counts, roles)) == set(counts)  # every name in exactly one group


def test_a_role_seen_far_more_often_with_one_namesake_picks_it() -> None:
    counts = {("Rosa Quill", "Governor"): 40, ("Hugo Quill", "Governor"): 2, ("Quill", "Governor"): 9,
              ("Hugo Quill", "Senator"): 30, ("Quill", "Senator"): 1}
    groups = group_speakers(counts)
    assert groups[("Quill", "Governor")] == "Rosa Quill"
    assert groups[("Quill", "Senator")] == "Hugo Quill"
    counts[("Hugo Quill", "Governor")] = 10  # no longer far fewer: ambiguous
    assert group_speakers(counts)[("Quill", "Governor")] == "Quill"


def test_a_phrase_about_someone_is_not_that_person() -> None:
    groups = group_names({"Rosa Quill": 5, "A spokesman for Governor Rosa Quill": 1})
    assert groups["A spokesman for Governor Rosa Quill"] != "Rosa Quill"


def test_descriptions_join_only_themselves() -> None:
    groups = group_names({"a state official": 2, "a city official": 1, "experts": 1, "Experts": 1})
    assert len({groups["a state official"], groups["a city official"], groups["experts"]}) == 3
