"""Simplified forms: the check that lets most texts skip OpenCC must never skip one that
OpenCC would change."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import opencc
import pytest

from variantdiff import script

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
#: a simplified text longer than the memoised short ones, each character of which t2s keeps
PAD = "中国政府为美方提供了口罩和防护服"

T2S = opencc.OpenCC("t2s")


@pytest.fixture
def fresh_table(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """An empty user cache, and the table of changing characters built again."""
    monkeypatch.setenv("VARIANTDIFF_CACHE_DIR", str(tmp_path))
    script._changing.cache_clear()
    yield tmp_path
    script._changing.cache_clear()


def test_no_character_that_opencc_changes_is_skipped() -> None:
    """Every code point of the Basic Multilingual Plane, set in a simplified text: where
    the check lets the text skip OpenCC, OpenCC gives it back unchanged."""
    assert script._kept(PAD) and str(T2S.convert(PAD)) == PAD
    skipped_wrongly = []
    for code in range(0x10000):
        if code == 0x0A or 0xD800 <= code < 0xE000:
            continue
        text = PAD + chr(code) + PAD
        if script._kept(text) and str(T2S.convert(text)) != text:
            skipped_wrongly.append(chr(code))
    assert skipped_wrongly == []


def test_phrases_t2s_changes_with_no_character_it_changes_alone() -> None:
    """Every listed phrase, and a longer one holding it, set in a simplified text: OpenCC
    changes it (though it keeps each of its characters alone), so no such text skips it.
    The characters those phrases change, in other words, skip it."""
    for phrase in (*script._PHRASES_ONLY, "深沈不露", "反覆思量", "據瞭解"):
        text = PAD + phrase + PAD
        assert str(T2S.convert(text)) != text, phrase
        assert not script._kept(text) and script.to_simplified(text) == str(T2S.convert(text))
    for text in ("损坏的设备", "覆盖全国", "沈阳市", "凭借", "了解"):
        assert script._kept(PAD + text) and str(T2S.convert(PAD + text)) == PAD + text


def test_texts_as_opencc_gives_them() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += ["新華社北京3月21日電（記者王磊）外交部發言人說，美方的敲詐毫無道理。" * 3,
              "𠀀𠀁" + PAD, PAD + "\n" + PAD, PAD + "\x00" + PAD, ""]
    for text in texts:
        assert script.to_simplified(text) == str(T2S.convert(text))
    assert script.keys_to_simplified([PAD, "敲詐個人" * 5, PAD + "深沈"]) == [
        str(T2S.convert(k)) for k in (PAD, "敲詐個人" * 5, PAD + "深沈")]


def test_lone_surrogates_are_left_to_opencc() -> None:
    with pytest.raises(UnicodeEncodeError):
        script.to_simplified(PAD + "\ud800")


def test_the_table_is_kept_in_the_user_cache(fresh_table: Path) -> None:
    assert not script._kept(PAD + "詐")
    (entry,) = fresh_table.glob("opencc-*-t2s.npy")
    stored = np.load(entry)
    assert ord("诈") not in stored and ord("詐") in stored and ord("中") not in stored
    script._changing.cache_clear()
    assert script._kept(PAD) and not script._kept(PAD + "詐")  # read back


def test_a_damaged_table_is_built_again(fresh_table: Path) -> None:
    assert script._kept(PAD)
    (entry,) = fresh_table.glob("opencc-*-t2s.npy")
    entry.write_bytes(b"\x93NUMPY garbage")
    script._changing.cache_clear()
    assert script._kept(PAD) and not script._kept(PAD + "詐")
    assert not entry.exists()  # dropped, to be built again by the next run


def test_probes_that_do_not_come_back_one_for_one(monkeypatch: pytest.MonkeyPatch,
                                                  fresh_table: Path) -> None:
    """An OpenCC that joined or dropped lines: no text skips it."""

    class Joining:
        def convert(self, text: str) -> str:
            return text.replace("\n", "", 1)

    monkeypatch.setattr(script, "_t2s", lambda: Joining())
    assert not script._kept(PAD)
