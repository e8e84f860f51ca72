"""Vietnamese text: NFC normalisation, folding for search, and collation keys for sorting.

Collation follows the Vietnamese alphabet (a < ă < â < b < c < d < đ < e < ê < … < o < ô < ơ < … < u < ư
< …) with tones as a secondary difference in the order none < huyền < hỏi < ngã < sắc < nặng, field by field.
Names sort by the whole given name (letters, then tones), then family name, then middle name. Keys are plain ASCII strings, so SQLite's binary
comparison orders them correctly and an index can serve ORDER BY.
"""

from __future__ import annotations

import re
import unicodedata

# Zero-width and bidirectional control characters, and C0/C1 control characters other than tab and
# line breaks (which the white-space rules handle), that must never be stored.
_INVISIBLE = dict.fromkeys(
    [
        *(c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)),
        *range(0x7F, 0xA0),
        0x200B,
        0x200C,
        0x200D,
        0x200E,
        0x200F,
        0x2060,
        0xFEFF,
        0x00AD,
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
    ],
    None,
)
_SPACES = re.compile(r"\s+")

_TONE_MARKS = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng
_LETTER_MARKS = {"\u0306": "breve", "\u0302": "circumflex", "\u031b": "horn"}

# The Vietnamese alphabet with the foreign letters f, j, w, z in their Latin places.
_ALPHABET = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n",
    "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
]  # fmt: skip
_DIGITS = "0123456789"
# Primary weights: digits, then letters; each weight is one printable ASCII character above the
# separators, which order "end of key" < "end of field" < "end of word" so shorter names sort first.
_WEIGHT: dict[str, str] = {}
for _i, _ch in enumerate(_DIGITS + "".join(_ALPHABET)):
    _WEIGHT[_ch] = chr(0x30 + _i)
_LEVEL_SEP = "!"
_FIELD_SEP = '"'
_WORD_SEP = "#"


def clean(value: str | None) -> str:
    """NFC-normalise, drop invisible control characters, collapse white space, strip."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", value.translate(_INVISIBLE))
    return _SPACES.sub(" ", text).strip()


def clean_optional(value: str | None) -> str | None:
    text = clean(value)
    return text or None


def clean_multiline(value: str | None) -> str:
    """Like `clean` but keeps line breaks (minutes text, notes)."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", value.translate(_INVISIBLE)).replace("\r\n", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def fold(value: str | None) -> str:
    """Search key: lower case, no diacritics, đ→d, single spaces. "Đức" → "duc", "hoà" = "hòa"."""
    text = clean(value).lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _letters(word: str) -> list[tuple[str, int]]:
    """Split a cleaned lower-case word into (base letter, tone) pairs."""
    out: list[tuple[str, int]] = []
    for ch in word:
        decomposed = unicodedata.normalize("NFD", ch)
        base = decomposed[0]
        tone = 0
        marks = ""
        for mark in decomposed[1:]:
            if mark in _TONE_MARKS:
                tone = _TONE_MARKS[mark]
            else:
                marks += mark
        letter = unicodedata.normalize("NFC", base + marks)
        out.append((letter, tone))
    return out


def collation_parts(value: str | None) -> tuple[str, str]:
    """Primary (letters) and secondary (tones) weights of one field."""
    primary: list[str] = []
    secondary: list[str] = []
    for letter, tone in _letters(clean(value).lower()):
        weight = _WEIGHT.get(letter)
        if weight is None:
            if letter == " ":
                primary.append(_WORD_SEP)
                secondary.append(_WORD_SEP)
                continue
            # Other scripts and symbols: sort after every Vietnamese letter by code point.
            weight = "~" + format(ord(letter), "06x")
        primary.append(weight)
        secondary.append(str(tone))
    return "".join(primary), "".join(secondary)


def collation_key(*fields: str | None) -> str:
    """A binary-comparable key ordering the fields the Vietnamese way, field by field: the whole of a
    field (its letters, then its tones) decides before the next field is looked at, so every "Dung"
    sorts before every "Dũng" whatever the other fields. One field gives its letters, "!", its tones."""
    return _FIELD_SEP.join(
        primary + _LEVEL_SEP + secondary for primary, secondary in map(collation_parts, fields)
    )


def name_sort_key(family: str | None, middle: str | None, given: str | None) -> str:
    """Vietnamese name order: given name (letters, then tones), then family name, then middle name.
    Stored in members.sort_key and candidates.sort_key (migration 0010 recomputes them)."""
    return collation_key(given, family, middle)


def full_name(family: str | None, middle: str | None, given: str | None) -> str:
    return " ".join(part for part in (clean(family), clean(middle), clean(given)) if part)


def split_full_name(name: str) -> tuple[str, str, str]:
    """ "Lò Văn Thanh" → ("Lò", "Văn", "Thanh"); a single word is a given name."""
    words = clean(name).split(" ")
    if not words or words == [""]:
        return "", "", ""
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


def upper_vi(value: str) -> str:
    """Upper case for headers ("Đảng ủy xã Mường Lèo" → "ĐẢNG ỦY XÃ MƯỜNG LÈO"), kept NFC."""
    return unicodedata.normalize("NFC", clean(value).upper())


# Legacy 8-bit Vietnamese encodings (TCVN3/ABC and VNI) typed with Windows fonts show up as Latin-1
# symbols and non-Vietnamese Latin letters when read as Unicode; real Vietnamese text never has them.
_LEGACY_MARKERS = set("§¶·µ¸¹¨»¾¼½©®ª«\u00ad×÷¢£¤¥¦¬¯°±²³´º¿ÆÇËÎÏÐÑÖØÞßäåæçëîïñöøûüþ")
_VNI_PATTERNS = re.compile(r"[aeoAEOuUyYiI][ùøûõïöôâåêëéèäæ][ùøûõï]?|ñ|Ñ")


def looks_legacy_encoded(value: str) -> bool:
    """True when the text looks like TCVN3 (ABC) or VNI typed with legacy fonts."""
    if not value:
        return False
    chars = [c for c in value if not c.isspace()]
    if not chars:
        return False
    markers = sum(1 for c in chars if c in _LEGACY_MARKERS)
    if markers >= 2 and markers / len(chars) > 0.03:
        return True
    vni = len(_VNI_PATTERNS.findall(value))
    has_real_vietnamese = any(0x1EA0 <= ord(c) <= 0x1EF9 or c in "ăâđêôơưĂÂĐÊÔƠƯ" for c in value)
    return vni >= 2 and not has_real_vietnamese
