"""Simplified forms: the check that lets most texts skip OpenCC must never skip one that
OpenCC would change."""

from __future__ import annotations

import subprocess
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
#: the tests of texts that skip OpenCC, which only versions of it the check knows allow
CHECKED = pytest.mark.skipif(opencc.__version__ not in script._CHECKED,
                             reason=f"the check before OpenCC is off for OpenCC "
                                    f"{opencc.__version__} (it knows {script._CHECKED})")


@pytest.fixture
def fresh_table(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """An empty user cache, and the table of changing characters built again."""
    monkeypatch.setenv("VARIANTDIFF_CACHE_DIR", str(tmp_path))
    script._changing.cache_clear()
    script._probe_changed.cache_clear()
    yield tmp_path
    script._changing.cache_clear()
    script._probe_changed.cache_clear()


def test_no_character_that_opencc_changes_is_skipped() -> None:
    """Every code point of the Basic Multilingual Plane, set in a simplified text: where
    the check lets the text skip OpenCC, OpenCC gives it back unchanged."""
    assert str(T2S.convert(PAD)) == PAD
    skipped_wrongly = []
    for code in range(0x10000):
        if code == 0x0A or 0xD800 <= code < 0xE000:
            continue
        text = PAD + chr(code) + PAD
        if script._kept(text) and str(T2S.convert(text)) != text:
            skipped_wrongly.append(chr(code))
    assert skipped_wrongly == []


@CHECKED
def test_phrases_t2s_changes_with_no_character_it_changes_alone() -> None:
    """Every listed phrase, and a longer one holding it, set in a simplified text: OpenCC
    changes it (though it keeps each of its characters alone), and the text goes to
    OpenCC. Words that hold the characters those phrases change, but none of the phrases,
    skip it, and OpenCC would indeed keep them (瞭望, 射覆, 慰藉 as wholes)."""
    for phrase in (*script._PHRASES_ONLY, "深沈不露", "反覆思量", "據瞭解"):
        text = PAD + phrase + PAD
        assert str(T2S.convert(text)) != text, phrase
        assert not script._kept(text)
    for word in ("损坏的设备", "覆盖全国", "沈阳市", "瞭望", "射覆", "慰藉", "海里"):
        assert script._kept(PAD + word) and str(T2S.convert(PAD + word)) == PAD + word


def test_every_phrase_of_the_installed_table(tmp_path: Path) -> None:
    """Every phrase of the installed OpenCC's t2s phrase table, set in a simplified text:
    where OpenCC changes the text, it does not skip OpenCC (what makes the listed phrases
    complete for this version)."""
    share = Path(opencc.__file__).parent / "clib"
    tool = share / "bin" / "opencc_dict"
    if not tool.is_file() or opencc.__version__ not in script._CHECKED:
        pytest.skip(f"OpenCC {opencc.__version__} without its opencc_dict tool, or a version "
                    "the check is off for")
    dump = tmp_path / "TSPhrases.txt"
    subprocess.run([str(tool), "-i", str(share / "share" / "opencc" / "TSPhrases.ocd2"),
                    "-o", str(dump), "-f", "ocd2", "-t", "text"], check=True)
    phrases = [line.split("\t")[0] for line in dump.read_text(encoding="utf-8").splitlines()
               if "\t" in line]
    assert len(phrases) > 400
    skipped_wrongly = [p for p in phrases if script._kept(PAD + p + PAD)
                       and str(T2S.convert(PAD + p + PAD)) != PAD + p + PAD]
    assert skipped_wrongly == []


def test_the_check_is_off_where_the_phrases_were_not_checked(
        monkeypatch: pytest.MonkeyPatch, fresh_table: Path) -> None:
    """Another version of OpenCC, or a t2s of someone's own: every text goes to OpenCC."""
    monkeypatch.setattr(script.opencc, "__version__", "1.3.2")
    assert not script._kept(PAD)
    monkeypatch.undo()
    script._changing.cache_clear()

    class Elsewhere:
        config = str(fresh_table / "t2s.json")

    monkeypatch.setattr(script, "_t2s", lambda: Elsewhere())
    assert not script._kept(PAD)


def test_texts_as_opencc_gives_them() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += ["新華社北京3月21日電（記者王磊）外交部發言人說，美方的敲詐毫無道理。" * 3,
              "𠀀𠀁" + PAD, PAD + "\n" + PAD, PAD + "\x00" + PAD, ""]
    for text in texts:
        assert script.to_simplified(text) == str(T2S.convert(text))
    assert script.keys_to_simplified([PAD, "敲詐個人" * 5, PAD + "深沈"]) == [
        str(T2S.convert(k)) for k in (PAD, "敲詐個人" * 5, PAD + "深沈")]
    keys = [PAD, "", PAD[::-1], "覆盖" * 9]
    assert script.keys_to_simplified(keys) == keys  # (all skip OpenCC at once)


def test_lone_surrogates_are_left_to_opencc() -> None:
    with pytest.raises(UnicodeEncodeError):
        script.to_simplified(PAD + "\ud800")


@CHECKED
def test_the_table_is_kept_in_the_user_cache(fresh_table: Path) -> None:
    assert not script._kept(PAD + "詐")
    (entry,) = fresh_table.glob("opencc-*-t2s-*.npy")
    stored = np.load(entry)
    assert ord("诈") not in stored and ord("詐") in stored and ord("中") not in stored
    script._changing.cache_clear()
    assert script._kept(PAD) and not script._kept(PAD + "詐")  # read back


@CHECKED
@pytest.mark.parametrize("content", [b"\x93NUMPY garbage", "int64", "empty"])
def test_a_damaged_table_is_dropped(fresh_table: Path, content: bytes | str) -> None:
    """A cache entry that cannot be read, or is no table of t2s, is dropped (to be built
    again by the next run), and the characters are probed again."""
    assert script._kept(PAD)
    (entry,) = fresh_table.glob("opencc-*-t2s-*.npy")
    if isinstance(content, bytes):
        entry.write_bytes(content)
    else:
        np.save(entry, np.array([ord("詐")] if content == "int64" else [], dtype=content
                                if content == "int64" else np.uint16))
    script._changing.cache_clear()
    assert script._kept(PAD) and not script._kept(PAD + "詐")
    assert not entry.exists()


def test_probes_that_do_not_come_back_one_for_one(monkeypatch: pytest.MonkeyPatch,
                                                  fresh_table: Path) -> None:
    """An OpenCC that joined or dropped lines: every character counts as changed, no text
    skips OpenCC, and nothing is kept in the cache."""
    real = script._t2s()

    class Joining:
        config = real.config

        def convert(self, text: str) -> str:
            return str(real.convert(text)).replace("\n", "", 1)

    monkeypatch.setattr(script, "_t2s", lambda: Joining())
    changed, whole = script._probe_changed()
    assert not whole and len(changed) == 0x10000 - 0x800 - 2
    assert len(script._changed_alone(script._own_files() or [])) == len(changed)
    assert not script._kept(PAD)
    assert list(fresh_table.iterdir()) == []
