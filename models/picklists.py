"""Picklists: Vietnam's 54 ethnic groups (local groups of the north-west first) with the variant
spellings clerks type, foreign nationality, and religions.

One home for ethnicity (issue 13): `normalise_ethnicity` maps what a clerk typed or an old file holds
— with or without diacritics, a local subgroup ("Dao Đỏ", "Thái Đen", "Mông Hoa"), an older or
foreign spelling ("H'Mông", "Mèo", "Khmu", "Jrai", "Rhade"), "dân tộc …" — to the official name, or
None when it is not a group (a figure that counts minorities flags those). `is_minority`: every
group except Kinh (a foreign national is not a minority)."""

from __future__ import annotations

import re

from models.text import clean, fold

ETHNIC_GROUPS = (
    "Thái", "Kinh", "Mông", "Mường", "Xinh Mun", "Dao", "Khơ Mú", "Kháng", "Lào", "La Ha", "Hà Nhì", "Cống",
    "Si La", "Phù Lá", "Lự", "La Hủ", "Mảng", "Giáy", "Tày", "Nùng", "Hoa", "Sán Chay", "Sán Dìu",
    "Lô Lô", "Pà Thẻn", "Bố Y", "Cơ Lao", "La Chí", "Pu Péo", "Ngái", "Khmer", "Chăm", "Ê Đê", "Gia Rai",
    "Ba Na", "Xơ Đăng", "Cơ Ho", "Hrê", "Mnông", "Raglai", "Xtiêng", "Bru - Vân Kiều", "Thổ", "Cơ Tu", "Giẻ Triêng",
    "Mạ", "Co", "Tà Ôi", "Chơ Ro", "Chu Ru", "Rơ Măm", "Brâu", "Ơ Đu", "Chứt",
)  # fmt: skip
FOREIGN = "Nước ngoài"  # a foreign national (người nước ngoài), not one of the 54 groups
ETHNICITY_CHOICES = (*ETHNIC_GROUPS, FOREIGN)
MAJORITY = "Kinh"

ETHNIC_ALIASES = {
    "h'mong": "Mông",
    "hmong": "Mông",
    "h mong": "Mông",
    "meo": "Mông",
    "thai den": "Thái",
    "thai trang": "Thái",
    "kho mu": "Khơ Mú",
    "khomu": "Khơ Mú",
    "khmu": "Khơ Mú",
    "kmu": "Khơ Mú",
    "xa": "Khơ Mú",
    "xinh mun": "Xinh Mun",
    "viet": "Kinh",
    "kinh (viet)": "Kinh",
    "ha nhi": "Hà Nhì",
    "la ha": "La Ha",
    "man": "Dao",
    "cao lan": "Sán Chay",
    "san chi": "Sán Chay",
    "han": "Hoa",
    "khome": "Khmer",
    "kho me": "Khmer",
    "jrai": "Gia Rai",
    "rhade": "Ê Đê",
    "bahnar": "Ba Na",
    "sedang": "Xơ Đăng",
    "se dang": "Xơ Đăng",
    "koho": "Cơ Ho",
    "ra glai": "Raglai",
    "stieng": "Xtiêng",
    "bru": "Bru - Vân Kiều",
    "van kieu": "Bru - Vân Kiều",
    "ka tu": "Cơ Tu",
    "katu": "Cơ Tu",
    "pa co": "Tà Ôi",
    "gie trieng": "Giẻ Triêng",
    "co lao": "Cơ Lao",
    "lolo": "Lô Lô",
    "nuoc ngoai": FOREIGN,
    "nguoi nuoc ngoai": FOREIGN,
    "quoc tich nuoc ngoai": FOREIGN,
    "ngoai quoc": FOREIGN,
}
# Local subgroups written after the group's name ("Dao Đỏ", "Thái Trắng", "Mông Hoa").
_SUBGROUPS = {
    "Dao": ("do", "tien", "quan chet", "quan trang", "thanh y", "lo gang", "lan ten", "tuyen", "coc mun"),
    "Thái": ("den", "trang", "do"),
    "Mông": ("hoa", "den", "trang", "xanh", "do", "dau"),
}
_PREFIXES = ("dan toc ", "nguoi ")
_PUNCTUATION = re.compile(r"[\s'’‘`\-–.]+")


def _compact(key: str) -> str:
    return _PUNCTUATION.sub("", key)


_BY_KEY: dict[str, str] = {}
for _name in ETHNICITY_CHOICES:
    _BY_KEY[_compact(fold(_name))] = _name
for _alias, _name in ETHNIC_ALIASES.items():
    _BY_KEY.setdefault(_compact(_alias), _name)
for _name, _suffixes in _SUBGROUPS.items():
    for _base in {fold(_name), *(a for a, n in ETHNIC_ALIASES.items() if n == _name)}:
        for _suffix in _suffixes:
            _BY_KEY.setdefault(_compact(f"{_base} {_suffix}"), _name)

RELIGIONS = ("Không", "Phật giáo", "Công giáo", "Tin lành", "Cao Đài", "Hòa Hảo", "Hồi giáo", "Khác")


def normalise_ethnicity(value: str) -> str | None:
    """The official name of an ethnic group ("H'Mông" → "Mông", "Dao Đỏ" → "Dao", "Thai" → "Thái"),
    FOREIGN for a foreign national, or None if the value is not a group."""
    key = fold(clean(value)).replace("’", "'")
    for prefix in _PREFIXES:
        if key.startswith(prefix):
            key = key[len(prefix) :]
    key = key.removeprefix("(").removesuffix(")")
    return _BY_KEY.get(_compact(key)) if key else None


def is_minority(ethnicity: str) -> bool:
    """Every group except Kinh; False for a foreign national and for a value that is not a group
    (`normalise_ethnicity` is None: the figure should flag it)."""
    return normalise_ethnicity(ethnicity) not in (None, MAJORITY, FOREIGN)
