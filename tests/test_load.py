"""Tests for variantdiff.load: how bytes on disk become the text every later stage counts in."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from variantdiff.errors import InputError, VariantdiffError
from variantdiff.load import Source, decode, load

#: a short transcript line with a traditional/simplified-neutral mix of CJK and punctuation
SAMPLE = "王毅：各位记者朋友，大家好！\n今年的记者会在特殊时间召开。\n"
#: the same in traditional characters, encodable in Big5
SAMPLE_BIG5 = "王毅：各位記者朋友，大家好！\n今年的記者會在特殊時間召開。\n"


def write(tmp_path: Path, data: bytes, name: str = "doc.txt") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def load_error(path: str, encoding: str | None = None) -> InputError:
    with pytest.raises(InputError) as info:
        load(path, encoding)
    return info.value


def assert_helpful(err: InputError, path: str) -> None:
    """The message must name the file and say what to do about it."""
    message = str(err)
    assert message.startswith(f"{path}: "), message
    assert err.path == path
    assert err.hint, "an InputError must carry a hint for the user"
    assert err.hint in message
    assert "\n" not in message, "the CLI prints this as one line"


# --- UTF-8, BOM, line ends -------------------------------------------------------------


def test_utf8_without_bom(tmp_path: Path) -> None:
    """Plain UTF-8 is the default and is read unchanged."""
    path = write(tmp_path, SAMPLE.encode("utf-8"))
    source = load(path)
    assert source == Source(path=path, text=SAMPLE, encoding="utf-8")


def test_utf8_bom_is_removed_and_reported_as_utf8(tmp_path: Path) -> None:
    """A BOM must not become a character: it would shift every column on line 1."""
    path = write(tmp_path, codecs.BOM_UTF8 + SAMPLE.encode("utf-8"))
    source = load(path)
    assert source.text == SAMPLE
    assert not source.text.startswith("\ufeff")
    assert source.encoding == "utf-8"


def test_utf8_bom_with_explicit_utf8_encoding_is_still_removed(tmp_path: Path) -> None:
    """--encoding utf-8 on a file with a BOM must not leave U+FEFF in the text."""
    path = write(tmp_path, codecs.BOM_UTF8 + SAMPLE.encode("utf-8"))
    source = load(path, "utf-8")
    assert source.text == SAMPLE
    assert source.encoding == "utf-8"


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "lone-cr"])
def test_line_ends_become_newline(tmp_path: Path, newline: str) -> None:
    """Windows and old-Mac line ends must count as one line break, like "\\n"."""
    path = write(tmp_path, SAMPLE.replace("\n", newline).encode("utf-8"))
    source = load(path)
    assert source.text == SAMPLE
    assert "\r" not in source.text


def test_mixed_line_ends_keep_line_count(tmp_path: Path) -> None:
    """A file mixing CRLF, CR and LF keeps one line per break, so line numbers stay right."""
    path = write(tmp_path, "甲\r\n乙\r丙\n丁".encode())
    assert load(path).text == "甲\n乙\n丙\n丁"


def test_bom_and_crlf_together(tmp_path: Path) -> None:
    """A Windows-saved file (BOM + CRLF) reads the same as a Unix one."""
    path = write(tmp_path, codecs.BOM_UTF8 + SAMPLE.replace("\n", "\r\n").encode("utf-8"))
    assert load(path) == Source(path=path, text=SAMPLE, encoding="utf-8")


# --- UTF-16 / UTF-32 --------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_decodes_without_encoding(tmp_path: Path, codec: str) -> None:
    """Notepad-style UTF-16 files (with BOM) must work without --encoding."""
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    path = write(tmp_path, bom + SAMPLE.replace("\n", "\r\n").encode(codec))
    source = load(path)
    assert source.text == SAMPLE
    assert source.encoding == "utf-16"


def test_utf32_with_bom_is_not_mistaken_for_utf16(tmp_path: Path) -> None:
    """The UTF-32-LE BOM begins with the UTF-16-LE one; it must still decode as UTF-32."""
    path = write(tmp_path, codecs.BOM_UTF32_LE + SAMPLE.encode("utf-32-le"))
    source = load(path)
    assert source.text == SAMPLE
    assert source.encoding == "utf-32"


def test_utf16_without_bom_is_refused_as_binary_with_hint(tmp_path: Path) -> None:
    """BOM-less UTF-16 is full of NULs; the message should point at --encoding utf-16."""
    path = write(tmp_path, SAMPLE.encode("utf-16-le"))
    err = load_error(path)
    assert_helpful(err, path)
    assert "binary" in str(err)
    assert "--encoding utf-16" in str(err)


def test_utf16_without_bom_decodes_with_encoding(tmp_path: Path) -> None:
    """Following that hint (naming the byte order) must then work."""
    path = write(tmp_path, SAMPLE.encode("utf-16-le"))
    source = load(path, "utf-16-le")
    assert source.text == SAMPLE
    assert source.encoding == "utf-16-le"


# --- Chinese legacy encodings -----------------------------------------------------------


def test_gb18030_without_encoding_suggests_gb18030(tmp_path: Path) -> None:
    """Mainland files in GB18030 are common; the error must tell the user the fix."""
    path = write(tmp_path, SAMPLE.encode("gb18030"))
    err = load_error(path)
    assert_helpful(err, path)
    assert "--encoding gb18030" in str(err)


def test_gb18030_with_encoding_decodes(tmp_path: Path) -> None:
    """With --encoding gb18030 the same bytes give the original text, encoding reported."""
    path = write(tmp_path, SAMPLE.replace("\n", "\r\n").encode("gb18030"))
    source = load(path, encoding="gb18030")
    assert source == Source(path=path, text=SAMPLE, encoding="gb18030")


def test_big5_without_encoding_suggests_big5_first(tmp_path: Path) -> None:
    """A Big5 file also decodes as GB18030, into nonsense (kana, box drawing): the hint
    names the encoding that reads it as Chinese first."""
    path = write(tmp_path, SAMPLE_BIG5.encode("big5"))
    err = load_error(path)
    assert_helpful(err, path)
    assert str(err).endswith("try --encoding big5 (or gb18030)")


def test_big5_with_encoding_decodes(tmp_path: Path) -> None:
    """Taiwan/Hong Kong reprints in Big5 decode with --encoding big5."""
    path = write(tmp_path, SAMPLE_BIG5.encode("big5"))
    source = load(path, encoding="big5")
    assert source.text == SAMPLE_BIG5
    assert source.encoding == "big5"


def test_wrong_explicit_encoding_is_an_input_error(tmp_path: Path) -> None:
    """Bytes invalid in the encoding the user named give an InputError, not UnicodeDecodeError."""
    path = write(tmp_path, SAMPLE.encode("gb18030"))
    err = load_error(path, "utf-8")
    assert_helpful(err, path)
    assert "--encoding" in str(err)


def test_unknown_encoding_name_is_an_input_error(tmp_path: Path) -> None:
    """A typo in --encoding must be reported (naming it), not raise LookupError."""
    path = write(tmp_path, SAMPLE.encode("utf-8"))
    err = load_error(path, "gb-18030-typo")
    assert_helpful(err, path)
    assert "gb-18030-typo" in str(err)
    assert "encoding" in str(err)


@pytest.mark.parametrize("name", ["hex", "base64"])
def test_non_text_codec_name_is_an_input_error(tmp_path: Path, name: str) -> None:
    """--encoding hex/base64 names a codec Python knows but not a text encoding: refuse it."""
    path = write(tmp_path, SAMPLE.encode("utf-8"))
    err = load_error(path, name)
    assert_helpful(err, path)
    assert name in str(err)


# --- files that hold no usable text -----------------------------------------------------


@pytest.mark.parametrize("data", [
    b"",
    b" \n\t\r\n  \n",
    "\u3000\u3000\n\u3000\r\n".encode("utf-8"),
    codecs.BOM_UTF8,
    codecs.BOM_UTF8 + " \u3000\n".encode("utf-8"),
], ids=["empty", "ascii-whitespace", "ideographic-space", "bom-only", "bom-and-whitespace"])
def test_empty_or_whitespace_only_file_is_an_input_error(tmp_path: Path, data: bytes) -> None:
    """Comparing against an empty file is almost always a mistake; say so."""
    path = write(tmp_path, data)
    err = load_error(path)
    assert_helpful(err, path)
    assert "empty" in str(err)


def test_nul_bytes_mean_binary(tmp_path: Path) -> None:
    """A binary file (e.g. a .docx or image given by mistake) is refused as binary."""
    path = write(tmp_path, b"PK\x03\x04\x00\x00\x08\x00" + SAMPLE.encode("utf-8"))
    err = load_error(path)
    assert_helpful(err, path)
    assert "binary" in str(err)


def test_nul_after_utf8_bom_means_binary(tmp_path: Path) -> None:
    """A NUL hidden behind a UTF-8 BOM is caught too."""
    path = write(tmp_path, codecs.BOM_UTF8 + "甲\x00乙".encode())
    err = load_error(path)
    assert_helpful(err, path)
    assert "binary" in str(err)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    """A wrong path gives a one-line InputError naming it, not FileNotFoundError."""
    path = str(tmp_path / "no-such-file.txt")
    err = load_error(path)
    assert_helpful(err, path)


def test_directory_is_an_input_error(tmp_path: Path) -> None:
    """Passing a directory (e.g. seeds/) gives an InputError saying so."""
    path = str(tmp_path)
    err = load_error(path)
    assert_helpful(err, path)
    assert "directory" in str(err)


def test_input_error_is_a_variantdiff_error() -> None:
    """The CLI catches VariantdiffError; InputError must be one."""
    assert issubclass(InputError, VariantdiffError)


# --- decode() on bytes ------------------------------------------------------------------


def test_decode_keeps_the_given_path() -> None:
    """decode() reports whatever path it was given, so messages name the user's file."""
    source = decode(SAMPLE.encode("utf-8"), "in/memory.txt")
    assert source == Source(path="in/memory.txt", text=SAMPLE, encoding="utf-8")


def test_decode_errors_name_the_given_path() -> None:
    """decode() errors name the path passed in, even though no file was read."""
    with pytest.raises(InputError) as info:
        decode(b"", "in/memory.txt")
    assert_helpful(info.value, "in/memory.txt")


def test_decode_explicit_encoding_overrides_bom_sniffing() -> None:
    """An explicit encoding wins: the caller knows better than the BOM sniffing."""
    data = codecs.BOM_UTF16_LE + "甲乙".encode("utf-16-le")
    assert decode(data, "x.txt", "utf-16").text == "甲乙"


def test_load_equals_decode_of_file_bytes(tmp_path: Path) -> None:
    """load() is decode() of the file's bytes: the two never disagree."""
    data = codecs.BOM_UTF8 + SAMPLE.replace("\n", "\r\n").encode("utf-8")
    path = write(tmp_path, data)
    assert load(path) == decode(data, path)


def test_seed_files_load_as_utf8() -> None:
    """The bundled seed documents are valid UTF-8 text with no CR left."""
    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
    assert len(seeds) == 5
    for seed in seeds:
        source = load(str(seed))
        assert source.encoding == "utf-8"
        assert "\r" not in source.text
        assert source.text.strip()
