"""read_text: every encoding news files come in, and refusal of what is not text."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from framing.errors import InputError
from framing.text.reading import read_text

SAMPLE = "Café \u2013 “quoted”\nSecond line, naïve résumé.\n"  # en dash, curly quotes


def write(tmp_path: Path, data: bytes, name: str = "article.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (SAMPLE.encode("utf-8-sig"), "utf-8-sig"),
        (SAMPLE.encode("utf-16"), "utf-16"),  # with a BOM
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),  # no BOM: told by the NUL pattern
        (SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (SAMPLE.encode("cp1252"), "cp1252"),
    ],
)
def test_each_encoding_gives_the_same_text(tmp_path: Path, data: bytes, encoding: str) -> None:
    assert read_text(write(tmp_path, data)) == (SAMPLE, encoding)


def test_short_cp1252_line_is_not_mistaken_for_another_code_page(tmp_path: Path) -> None:
    # charset-normalizer alone names cp1250 here, which would turn "ï" into "ď"
    assert read_text(write(tmp_path, "Straße café naïve résumé".encode("cp1252"))) == (
        "Straße café naïve résumé", "cp1252")


def test_cyrillic_legacy_file_is_detected(tmp_path: Path) -> None:
    text = "Правительственные войска взяли город к югу от Алеппо, сообщило телевидение."
    decoded, encoding = read_text(write(tmp_path, text.encode("cp1251")))
    assert decoded == text
    assert encoding == "cp1251"


def test_line_endings_become_newlines_and_bom_goes(tmp_path: Path) -> None:
    data = codecs.BOM_UTF8 + b"Title\r\n\r\nOne.\rTwo.\n"
    assert read_text(write(tmp_path, data)) == ("Title\n\nOne.\nTwo.\n", "utf-8-sig")


def test_other_characters_are_left_alone(tmp_path: Path) -> None:
    text = "A\u00a0B\tC  \u2028D\u200b\n"  # nbsp, tab, double space, line separator, ZWSP
    assert read_text(write(tmp_path, text.encode("utf-8")))[0] == text


def test_empty_file_reads_as_empty_text(tmp_path: Path) -> None:
    assert read_text(write(tmp_path, b"")) == ("", "utf-8")


def test_binary_with_nul_bytes_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, b"%PDF-1.4\n\x00\x01\x02\xff\xfe binary \x00\x00 data", "a.txt")
    with pytest.raises(InputError, match=r"a\.txt: looks like a binary file \(it contains NUL"):
        read_text(path)


def test_control_characters_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, bytes(range(1, 32)) * 10, "b.txt")
    with pytest.raises(InputError, match=r"b\.txt: looks like a binary file \(mostly control"):
        read_text(path)


def test_damaged_utf16_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, codecs.BOM_UTF16_LE + b"A\x00\x00\xdc", "c.txt")  # lone surrogate
    with pytest.raises(InputError, match=r"c\.txt: not valid utf-16"):
        read_text(path)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"gone\.txt: cannot read the file"):
        read_text(tmp_path / "gone.txt")


def test_undecodable_bytes_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, bytes(range(0x80, 0x100)) * 4, "d.txt")
    with pytest.raises(InputError, match=r"d\.txt: the text encoding cannot be recognised"):
        read_text(path)
