"""Vietnamese collation, folding and NFC cleaning (DOMAIN.md §6)."""

from __future__ import annotations

import itertools
import unicodedata
from typing import Any

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


def test_every_dung_before_every_dung_with_a_tone() -> None:
    people = [("Đặng", "Văn", "Dũng"), ("Lò", "Thị", "Dung"), ("Cầm", "Văn", "Dùng"), ("Vì", "A", "Dung")]
    ordered = sorted(people, key=lambda p: name_sort_key(*p))
    assert ordered == [
        ("Lò", "Thị", "Dung"),
        ("Vì", "A", "Dung"),
        ("Cầm", "Văn", "Dùng"),
        ("Đặng", "Văn", "Dũng"),
    ]
    # The family name decides between equal given names before the middle name does.
    assert name_sort_key("Lò", "Văn", "Anh") < name_sort_key("Lô", "A", "Anh")
    assert name_sort_key("Lo", "Văn", "Anh") < name_sort_key("Lò", "A", "Anh")


# An independent model of the order, written from the rule rather than from models.text: each base
# letter has its place in the Vietnamese alphabet, each tone its place in none < huyền < hỏi < ngã < sắc
# < nặng; a field compares its words' letters (a shorter word first), then its tones; fields compare in
# the order given name, family name, middle name.
_BASES = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
_VOWELS = frozenset("aăâeêioôơuưy")
_letter = st.tuples(st.integers(0, len(_BASES) - 1), st.integers(0, 5)).map(
    lambda bt: (bt[0], bt[1] if _BASES[bt[0]] in _VOWELS else 0)  # tones sit on vowels
)
_syllable = st.lists(_letter, min_size=1, max_size=4)
_field = st.lists(_syllable, min_size=1, max_size=2)
_name = st.tuples(_field, _field, _field)  # family, middle, given


def _spell(field: list[list[tuple[int, int]]]) -> str:
    return " ".join(
        unicodedata.normalize("NFC", "".join(_BASES[b] + _TONES[t] for b, t in word)) for word in field
    ).capitalize()


def _model(field: list[list[tuple[int, int]]]) -> tuple[list[list[int]], list[int]]:
    return [[b for b, _ in word] for word in field], [t for word in field for _, t in word]


@given(st.lists(_name, min_size=2, max_size=8))
def test_name_order_is_given_letters_then_tones_then_family_then_middle(names: list[Any]) -> None:
    spelled = [tuple(_spell(f) for f in name) for name in names]
    by_key = sorted(range(len(names)), key=lambda i: (name_sort_key(*spelled[i]), i))
    by_model = sorted(
        range(len(names)),
        key=lambda i: (_model(names[i][2]), _model(names[i][0]), _model(names[i][1]), i),
    )
    assert [spelled[i] for i in by_key] == [spelled[i] for i in by_model]


@given(_name, _name)
def test_a_given_name_without_tones_sorts_before_the_same_letters_with_any_tone(a: Any, b: Any) -> None:
    family_a, middle_a = _spell(a[0]), _spell(a[1])
    family_b, middle_b = _spell(b[0]), _spell(b[1])
    toned = [[(_BASES.index("a"), 4), *word] for word in a[2]]  # "á…" against "a…"
    plain = [[(_BASES.index("a"), 0), *((letter, 0) for letter, _ in word)] for word in a[2]]
    assert name_sort_key(family_a, middle_a, _spell(plain)) < name_sort_key(family_b, middle_b, _spell(toned))
