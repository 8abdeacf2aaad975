"""Match keys: the key of many texts at once is the key of each."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from variantdiff.chars import fold_width, is_punct, is_space, match_key, match_keys

#: characters of every kind a key keeps, drops or folds: CJK, punctuation, full-width
#: forms, spaces of all kinds, NUL, astral characters, lone surrogates
_CHARS = st.sampled_from([*"中美关系，。！？、“”（）《》 \u3000\t\n１２０ＡＢａｂ12ab.,%#*",
                          "\0", "\u200b", "😀", "𠀀", "\ud800"])
_TEXT = st.text(_CHARS, max_size=300)


@given(st.lists(_TEXT, max_size=12))
def test_match_keys_is_match_key_of_each(texts: list[str]) -> None:
    assert match_keys(texts) == [match_key(text) for text in texts]


def test_match_keys_of_a_long_document() -> None:
    """Past a few hundred characters the keys are worked out together; the same keys."""
    texts = ["口罩 一项，就向美方出口了 １２０ 多亿只。" * k for k in range(1, 30)] + [""]
    assert sum(map(len, texts)) > 1000
    assert match_keys(texts) == [match_key(text) for text in texts]


def test_every_character_of_the_basic_plane_keeps_its_rule() -> None:
    """Each character is left out (white space, punctuation, symbols, after width folding)
    or kept, full-width letters and digits folded: one character at a time, and all of
    them in one batch (NUL aside, which parts the texts of a batch)."""
    chars = [chr(code) for code in range(1, 0x10000)]
    expected = []
    for char in chars:
        folded = fold_width(char)
        expected.append("" if is_space(folded) or is_punct(folded) else folded)
    assert [match_key(char) for char in chars] == expected
    assert match_keys(chars) == expected
    # (inside text too, beyond the plane as well: runs of what is left out go)
    assert match_key("中\u3000\u3000，１a\u200b—😀𠀀b") == "中1a𠀀b"
    assert match_key("中😀𠀀b") == "中𠀀b"
