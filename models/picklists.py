"""Picklists: Vietnam's 54 ethnic groups (local groups of the north-west first) with the variant
spellings clerks type, and religions."""

from __future__ import annotations

from models.text import clean, fold

ETHNIC_GROUPS = (
    "Thái", "Kinh", "Mông", "Mường", "Xinh Mun", "Dao", "Khơ Mú", "Kháng", "Lào", "La Ha", "Hà Nhì", "Cống",
    "Si La", "Phù Lá", "Lự", "La Hủ", "Mảng", "Giáy", "Tày", "Nùng", "Hoa", "Sán Chay", "Sán Dìu",
    "Lô Lô", "Pà Thẻn", "Bố Y", "Cơ Lao", "La Chí", "Pu Péo", "Ngái", "Khmer", "Chăm", "Ê Đê", "Gia Rai",
    "Ba Na", "Xơ Đăng", "Cơ Ho", "Hrê", "Mnông", "Raglai", "Xtiêng", "Bru - Vân Kiều", "Thổ", "Cơ Tu", "Giẻ Triêng",
    "Mạ", "Co", "Tà Ôi", "Chơ Ro", "Chu Ru", "Rơ Măm", "Brâu", "Ơ Đu", "Chứt",
)  # fmt: skip
ETHNIC_ALIASES = {
    "h'mong": "Mông",
    "hmong": "Mông",
    "h mong": "Mông",
    "meo": "Mông",
    "thai den": "Thái",
    "thai trang": "Thái",
    "kho mu": "Khơ Mú",
    "khomu": "Khơ Mú",
    "kmu": "Khơ Mú",
    "xa": "Khơ Mú",
    "xinh mun": "Xinh Mun",
    "viet": "Kinh",
    "kinh (viet)": "Kinh",
    "ha nhi": "Hà Nhì",
    "la ha": "La Ha",
}
_BY_FOLD = {fold(name): name for name in ETHNIC_GROUPS}
RELIGIONS = ("Không", "Phật giáo", "Công giáo", "Tin lành", "Cao Đài", "Hòa Hảo", "Hồi giáo", "Khác")


def normalise_ethnicity(value: str) -> str | None:
    """The canonical name of an ethnic group ("H'Mông" → "Mông"), or None if unknown."""
    key = fold(clean(value)).replace("’", "'")
    if key in _BY_FOLD:
        return _BY_FOLD[key]
    return ETHNIC_ALIASES.get(key) or ETHNIC_ALIASES.get(key.replace("'", "").replace("-", " "))


def is_minority(ethnicity: str) -> bool:
    return normalise_ethnicity(ethnicity) not in (None, "Kinh")
