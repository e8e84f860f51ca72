"""Vietnamese collation, folding and NFC cleaning (DOMAIN.md §6)."""

from __future__ import annotations

import itertools
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from models.text import (
    clean,
    collation_key,
    fold,
    looks_legacy_encoded,
    name_sort_key,
    split_full_name,
    upper_vi,
)


def _sorted(words: list[str]) -> list[str]:
    return sorted(words, key=collation_key)


def test_alphabet_order_with_special_letters() -> None:
    assert _sorted(["ư", "u", "ơ", "ô", "o", "ê", "e", "đ", "d", "â", "ă", "a"]) == [
        "a", "ă", "â", "d", "đ", "e", "ê", "o", "ô", "ơ", "u", "ư",
    ]  # fmt: skip


def test_dang_after_every_d_and_before_e() -> None:
    names = ["Em", "Đặng", "Dương", "Dung", "Dz", "Đào", "Đỗ", "Eng", "Duẩn"]
    ordered = _sorted(names)
    assert ordered == ["Duẩn", "Dung", "Dương", "Dz", "Đào", "Đặng", "Đỗ", "Em", "Eng"]
    # Code-point order is wrong: it puts Đ after every other letter.
    assert sorted(names)[-1] == "Đỗ"


def test_tones_are_secondary_in_order_none_huyen_hoi_nga_sac_nang() -> None:
    assert _sorted(["má", "mạ", "mà", "mã", "ma", "mả"]) == ["ma", "mà", "mả", "mã", "má", "mạ"]
    # The tone never outranks a letter: "mạ" < "mai".
    assert _sorted(["mai", "mạ"]) == ["mạ", "mai"]


def test_names_sort_by_given_then_family_then_middle() -> None:
    people = [
        ("Lò", "Văn", "Thanh"),
        ("Cầm", "Thị", "Anh"),
        ("Lò", "Thị", "Anh"),
        ("Đinh", "Văn", "Anh"),
        ("Vì", "A", "Ánh"),
        ("Bạc", "Cầm", "Thanh"),
    ]
    ordered = sorted(people, key=lambda p: name_sort_key(*p))
    assert ordered == [
        ("Cầm", "Thị", "Anh"),
        ("Đinh", "Văn", "Anh"),
        ("Lò", "Thị", "Anh"),
        ("Vì", "A", "Ánh"),
        ("Bạc", "Cầm", "Thanh"),
        ("Lò", "Văn", "Thanh"),
    ]


def test_folding_for_search() -> None:
    assert fold("Đức") == "duc"
    assert fold("Chiềng  Mung") == "chieng mung"
    assert fold("hoà") == fold("hòa") == "hoa"  # old and new tone placement
    assert fold("THÚY") == fold("thuý")
    assert "lo van" in fold("Lò Văn Thanh")


def test_clean_normalises_nfc_and_drops_invisible_characters() -> None:
    decomposed = unicodedata.normalize("NFD", "Mường Lèo")
    assert clean(f"  {decomposed}\u200b\u202e ") == "Mường Lèo"
    assert unicodedata.is_normalized("NFC", clean(decomposed))


def test_upper_and_split() -> None:
    assert upper_vi("Đảng ủy xã Mường Lèo") == "ĐẢNG ỦY XÃ MƯỜNG LÈO"
    assert split_full_name("Lò Văn Thanh") == ("Lò", "Văn", "Thanh")
    assert split_full_name("Cầm Thị Ngọc Anh") == ("Cầm", "Thị Ngọc", "Anh")


def test_legacy_encodings_are_detected() -> None:
    assert looks_legacy_encoded("§¶ng bé x· M­êng LÌo")  # TCVN3 (ABC) read as Unicode
    assert looks_legacy_encoded("Ñaûng boä xaõ Möôøng Leøo")  # VNI read as Unicode
    assert not looks_legacy_encoded("Đảng bộ xã Mường Lèo")
    assert not looks_legacy_encoded("Nguyen Van A")


@given(st.text())
def test_fold_and_key_never_crash_and_are_nfc_stable(text: str) -> None:
    assert fold(text) == fold(unicodedata.normalize("NFD", text))
    assert collation_key(text) == collation_key(unicodedata.normalize("NFD", text))
    assert unicodedata.is_normalized("NFC", clean(text))


@given(
    st.lists(
        st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxy àảãáạ", min_size=1, max_size=8),
        min_size=2,
        max_size=6,
    )
)
def test_collation_is_a_total_order_consistent_with_letters(words: list[str]) -> None:
    keys = [collation_key(w) for w in words]
    ordered = [w for _, w in sorted(zip(keys, words, strict=True))]
    for a, b in itertools.pairwise(ordered):
        assert collation_key(a) <= collation_key(b)
