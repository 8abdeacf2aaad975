"""Match keys: the key of many texts at once is the key of each."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from variantdiff.chars import match_key, match_keys

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
