"""Layout: which paragraphs are not the reporter's prose, and embedded posts."""

from __future__ import annotations

import pytest

from quotes.layout import Layout
from quotes.model import Article

PROSE = "Tara Quill opened the hearing on Monday."


def _aside(line: str) -> bool:
    layout = Layout(Article(id="a", text=f"{PROSE}\n\n{line}\n\n{PROSE}"))
    assert layout.aside[0] is False and layout.aside[2] is False
    return layout.aside[1]


@pytest.mark.parametrize("line", [
    "Crews clear the road near Eastvale on Sunday. (Lena Park / Valley News)",
    "Crews clear the road near Eastvale on Sunday. (Lena Park/Valley News/Getty Images)",
    "Odo Brandt, left, planned to move in the spring. (Submitted by Ana Brandt)",
    "Lena Park / Valley News Odo Brandt and Ana Brandt at their home.",
    "READ MORE: Mayor Petra Lind defends transit cuts",
    "WATCH | Harbour team wins at home",
    "The home side scored three times in the second period. 0:25",
    "By Ann Lee",
    "Roads are closed in Eastvale tonight. pic.twitter.com/Qw3rTy7 — Lakeside Power (@lakesidepower) January 3, 2019",
])
def test_credits_captions_links_bylines_and_posts_are_asides(line: str) -> None:
    assert _aside(line)


@pytest.mark.parametrize("line", [
    "The Valley Post/City Radio poll was taken over three days.",
    "The Reuters/Ipsos poll showed a close race.",
    "Quill said the council (which meets weekly) would decide.",
    "WARNING signs went up along the river.",
])
def test_prose_is_not_an_aside(line: str) -> None:
    assert not _aside(line)


def test_a_post_on_its_own_line_has_its_text_on_the_line_before() -> None:
    text = f"{PROSE}\n\nRoads are closed tonight.\n\n— Lakeside Power (@lakesidepower) January 3, 2019"
    layout = Layout(Article(id="a", text=text))
    assert layout.aside == [False, True, True]
    (post,) = layout.posts
    assert text[post.author[0]:post.author[1]] == "Lakeside Power"
    assert layout.post_at(text.index("Roads")) == post
