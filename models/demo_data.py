"""Data tables of the demo commune (models/demo.py): a merged border commune of Sơn La after 1/7/2025.

The place names are typical Thái, Mông and Khơ Mú bản names of the Sốp Cộp area; the commune itself is a
demonstration, not a copy of a real one. Names follow each group's conventions: Thái and Khơ Mú "Văn" /
"Thị", Mông "A" / "Seo" for men and "Thị" for women, Kinh with a wider choice of middle names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

UNIT_NAME = "Đảng bộ xã Mường Lèo"
COMMITTEE_NAME = "Đảng ủy xã Mường Lèo"
PLACE_NAME = "Mường Lèo"
PROVINCE = "Sơn La"
MERGER_DATE = date(2025, 7, 1)
TERM_START = date(2025, 8, 22)  # the commune congress after the merger
TERM_END = date(2030, 8, 21)
UPPER_NOW = ("Tỉnh ủy Sơn La", "TU", "ĐẢNG BỘ TỈNH SƠN LA", "Ban Tổ chức Tỉnh ủy")
UPPER_BEFORE = ("Huyện ủy Sốp Cộp", "HU", "ĐẢNG BỘ HUYỆN SỐP CỘP", "Ban Tổ chức Huyện ủy")
UPPER_BEFORE_FROM = date(2004, 1, 1)  # Sốp Cộp district was split from Sông Mã at the start of 2004
BODY_BEFORE_2004 = "Ban Thường vụ Huyện ủy Sông Mã"
BODY_DISTRICT = "Ban Thường vụ Huyện ủy Sốp Cộp"
BODY_COMMUNE = "Ban Thường vụ Đảng ủy xã Mường Lèo"
OLD_COMMUNES = (
    "xã Mường Lèo, huyện Sốp Cộp, tỉnh Sơn La",
    "xã Mường Lạn, huyện Sốp Cộp, tỉnh Sơn La",
    "xã Nậm Lạnh, huyện Sốp Cộp, tỉnh Sơn La",
)
CURRENT_COMMUNE = "xã Mường Lèo, tỉnh Sơn La"

# Ethnic mixes (shares add up to 1) used by the cells.
MIXES: dict[str, tuple[tuple[str, float], ...]] = {
    "thai": (("Thái", 0.9), ("Kinh", 0.04), ("Khơ Mú", 0.03), ("Lào", 0.03)),
    "mong": (("Mông", 0.96), ("Thái", 0.04)),
    "khomu": (("Khơ Mú", 0.82), ("Thái", 0.18)),
    "lao": (("Lào", 0.7), ("Thái", 0.3)),
    "town": (("Kinh", 0.45), ("Thái", 0.48), ("Mường", 0.04), ("Khơ Mú", 0.03)),
    "staff": (("Thái", 0.5), ("Kinh", 0.34), ("Mông", 0.1), ("Khơ Mú", 0.04), ("Mường", 0.02)),
    "teachers": (("Kinh", 0.5), ("Thái", 0.42), ("Mông", 0.04), ("Mường", 0.04)),
}


@dataclass(frozen=True)
class VillageSpec:
    name: str
    kind: str  # ban / tieu_khu
    households: int
    population: int


@dataclass(frozen=True)
class CellSpec:
    name: str
    kind: str  # village / school / health / police / military / agency
    villages: tuple[str, ...]
    weight: int  # relative number of members
    mix: str
    has_committee: bool = False
    female_share: float = 0.3
    transferred_share: float = 0.08  # members who came from another organisation


def _v(name: str, households: int, kind: str = "ban") -> VillageSpec:
    return VillageSpec(name, kind, households, round(households * 4.6))


VILLAGES: tuple[VillageSpec, ...] = (
    _v("Tiểu khu 1", 210, "tieu_khu"), _v("Tiểu khu 2", 185, "tieu_khu"),
    _v("Tiểu khu 3", 160, "tieu_khu"), _v("Tiểu khu 4", 142, "tieu_khu"),
    _v("Bản Na Hát", 128), _v("Bản Pá Khoang", 96), _v("Bản Co Tòng", 88), _v("Bản Nà Khi", 115),
    _v("Bản Huổi Khương", 74), _v("Bản Pá Lâu", 69), _v("Bản Nà Vạc", 102), _v("Bản Púng Pánh", 131),
    _v("Bản Bó Ban", 58), _v("Bản Phiêng Ban", 83), _v("Bản Nà Lìu", 77), _v("Bản Huổi Làn", 64),
    _v("Bản Nà Dạ", 41), _v("Bản Pá Công", 37), _v("Bản Co Muông", 45), _v("Bản Nà Ngùa", 39),
    _v("Bản Nà Sự", 92), _v("Bản Lọng Phặng", 71), _v("Bản Nà Lốc", 86), _v("Bản Huổi Hịa", 66),
    _v("Bản Pá Hốc", 79), _v("Bản Nậm Ca", 70), _v("Bản Nà Khoang", 94), _v("Bản Huổi Pá", 61),
    _v("Bản Huổi Hẹ", 118), _v("Bản Huổi Sớ", 97), _v("Bản Pá Vai", 84), _v("Bản Phìn Hồ", 76),
    _v("Bản Tà Cọ", 44), _v("Bản Co Đứa", 38), _v("Bản Huổi Mật", 72), _v("Bản Huổi Có", 43),
    _v("Bản Nà Pản", 40), _v("Bản Huổi Lốt", 68),
    # Small Mông settlements without a Party member yet (the "villages with no member" indicator).
    _v("Bản Huổi Lạ", 27), _v("Bản Pá Sang", 31), _v("Bản Co Sáy", 24),
)  # fmt: skip
VILLAGES_WITHOUT_CELL = ("Bản Huổi Lạ", "Bản Pá Sang", "Bản Co Sáy")
# A village merged into its neighbour in the 2019–2020 reorganisation of small villages.
CLOSED_VILLAGE = ("Bản Huổi Hẹ 2", 35, date(2019, 12, 31), "Bản Huổi Hẹ")


def _village_cell(name: str, weight: int, mix: str = "thai", *, committee: bool = False) -> CellSpec:
    return CellSpec(f"Chi bộ bản {name}", "village", (f"Bản {name}",), weight, mix, committee)


def _grouped_cell(first: str, second: str, weight: int, mix: str) -> CellSpec:
    return CellSpec(
        f"Chi bộ bản {first} – {second}", "village", (f"Bản {first}", f"Bản {second}"), weight, mix
    )


CELLS: tuple[CellSpec, ...] = (
    CellSpec("Chi bộ Tiểu khu 1", "village", ("Tiểu khu 1",), 46, "town", True, 0.38, 0.3),
    CellSpec("Chi bộ Tiểu khu 2", "village", ("Tiểu khu 2",), 41, "town", True, 0.38, 0.3),
    CellSpec("Chi bộ Tiểu khu 3", "village", ("Tiểu khu 3",), 37, "town", True, 0.36, 0.25),
    CellSpec("Chi bộ Tiểu khu 4", "village", ("Tiểu khu 4",), 33, "town", True, 0.36, 0.25),
    _village_cell("Na Hát", 34, committee=True), _village_cell("Pá Khoang", 26),
    _village_cell("Co Tòng", 24), _village_cell("Nà Khi", 31, committee=True),
    _village_cell("Huổi Khương", 20), _village_cell("Pá Lâu", 19), _village_cell("Nà Vạc", 28),
    _village_cell("Púng Pánh", 35, committee=True), _village_cell("Bó Ban", 16),
    _village_cell("Phiêng Ban", 23), _village_cell("Nà Lìu", 21), _village_cell("Huổi Làn", 18),
    _grouped_cell("Nà Dạ", "Pá Công", 21, "thai"), _grouped_cell("Co Muông", "Nà Ngùa", 22, "thai"),
    _village_cell("Nà Sự", 25), _village_cell("Lọng Phặng", 19), _village_cell("Nà Lốc", 24),
    _village_cell("Huổi Hịa", 18), _village_cell("Pá Hốc", 22), _village_cell("Nậm Ca", 19),
    _village_cell("Nà Khoang", 26), _village_cell("Huổi Pá", 17),
    _village_cell("Huổi Hẹ", 27, "mong", committee=True), _village_cell("Huổi Sớ", 21, "mong"),
    _village_cell("Pá Vai", 18, "mong"), _village_cell("Phìn Hồ", 16, "mong"),
    _grouped_cell("Tà Cọ", "Co Đứa", 15, "mong"), _village_cell("Huổi Mật", 19, "khomu"),
    _grouped_cell("Huổi Có", "Nà Pản", 17, "khomu"), _village_cell("Huổi Lốt", 18, "lao"),
    CellSpec("Chi bộ Trường Mầm non Mường Lèo", "school", (), 18, "teachers", False, 0.9, 0.45),
    CellSpec("Chi bộ Trường Tiểu học Mường Lèo", "school", (), 22, "teachers", False, 0.65, 0.45),
    CellSpec("Chi bộ Trường THCS Mường Lèo", "school", (), 21, "teachers", False, 0.55, 0.45),
    CellSpec("Chi bộ Trạm Y tế xã", "health", (), 11, "staff", False, 0.55, 0.5),
    CellSpec("Chi bộ Công an xã", "police", (), 14, "staff", False, 0.12, 0.7),
    CellSpec("Chi bộ Quân sự xã", "military", (), 9, "staff", False, 0.05, 0.5),
    CellSpec("Chi bộ Cơ quan Đảng – Mặt trận – Đoàn thể", "agency", (), 28, "staff", True, 0.42, 0.5),
    CellSpec("Chi bộ Cơ quan HĐND – UBND xã", "agency", (), 32, "staff", True, 0.38, 0.5),
)  # fmt: skip


@dataclass(frozen=True)
class NameStock:
    """How one ethnic group names people."""

    families: tuple[tuple[str, int], ...]  # (family name, weight)
    male_middles: tuple[tuple[str, int], ...]
    female_middles: tuple[tuple[str, int], ...]
    male_given: tuple[str, ...]
    female_given: tuple[str, ...]


_THAI_MALE = (
    "Thanh", "Hùng", "Xuân", "Kiên", "Chung", "Dương", "Bun", "Ơn", "Hoan", "Tuấn", "Minh", "Khánh", "Sơn",
    "Thắng", "Thương", "Phong", "Toản", "Duẩn", "Ngọc", "Hặc", "Pấng", "Inh", "Thoan", "Chiến", "Quyết",
    "Tiến", "Đôi", "Panh", "Hiến", "Xiêng", "Lả", "Piếng", "Quân", "Lâm", "Hòa", "Cương", "Ỏn", "Chiêm",
)  # fmt: skip
_THAI_FEMALE = (
    "Lan", "Hoa", "Ban", "Phương", "Thủy", "Hương", "Xuân", "Nga", "Hiên", "Ỉn", "Ón", "Pọm", "Bích",
    "Yến", "Nhung", "Thanh", "Hạnh", "Dung", "Nhàn", "Hằng", "Mai", "Ánh", "Phanh", "Tươi", "Thơm", "Khiêm",
    "Định", "Hồng", "Liên", "Xiêm", "Ính", "Ngoan",
)  # fmt: skip
_THAI_FAMILIES = (
    ("Lò", 22), ("Lường", 16), ("Cầm", 10), ("Quàng", 9), ("Tòng", 8), ("Vì", 7), ("Hà", 6),
    ("Điêu", 5), ("Sầm", 4), ("Bạc", 4), ("Mè", 3), ("Cà", 4), ("Lù", 2),
)  # fmt: skip
_MONG_FAMILIES = (
    ("Giàng", 18), ("Thào", 14), ("Vàng", 14), ("Sùng", 12), ("Lầu", 9), ("Mùa", 9), ("Hờ", 6),
    ("Lù", 6), ("Lý", 5), ("Cứ", 4), ("Hạng", 4), ("Tráng", 3), ("Vừ", 3),
)  # fmt: skip
_MONG_MALE = (
    "Páo", "Chứ", "Tủa", "Dế", "Lử", "Sình", "Chu", "Vàng", "Pó", "Giống", "Sểnh", "Lềnh", "Nhìa",
    "Dình", "Say", "Xà", "Chống", "Cở", "Dủa", "Tồng", "Súa", "Khua", "Dơ", "Của", "Lừ", "Tếnh",
)  # fmt: skip
_MONG_FEMALE = (
    "Mỷ", "Dợ", "Dua", "Mai", "Sua", "Ly", "Chá", "Pà", "Xồng", "Mua", "Sông", "Dính", "Dế", "Chở",
    "Máy", "Nhìa", "Cha", "Súa",
)  # fmt: skip
_KINH_FAMILIES = (
    ("Nguyễn", 32), ("Trần", 11), ("Lê", 9), ("Phạm", 8), ("Hoàng", 6), ("Vũ", 5), ("Đỗ", 4),
    ("Bùi", 4), ("Đặng", 4), ("Ngô", 3), ("Đinh", 3), ("Dương", 2), ("Trịnh", 2), ("Phan", 3),
)  # fmt: skip
_KINH_MALE_MIDDLES = (
    ("Văn", 34), ("Đức", 12), ("Minh", 10), ("Quang", 8), ("Xuân", 7), ("Thanh", 6), ("Ngọc", 5),
    ("Hữu", 8), ("Mạnh", 5), ("Tiến", 5),
)  # fmt: skip
_KINH_FEMALE_MIDDLES = (
    ("Thị", 58), ("Thị Thu", 9), ("Thị Thanh", 8), ("Thị Hồng", 7), ("Thu", 6), ("Ngọc", 6),
    ("Thị Minh", 6),
)  # fmt: skip
_KINH_MALE = (
    "Hùng", "Dũng", "Tuấn", "Hải", "Long", "Nam", "Thắng", "Trung", "Cường", "Sơn", "Quân", "Đức", "Hiếu",
    "Khánh", "Tùng", "Phong", "Bình", "Hưng", "Việt", "Huy", "Thành", "Đạt", "Toàn", "Vinh",
)  # fmt: skip
_KINH_FEMALE = (
    "Hà", "Lan", "Hương", "Hạnh", "Thủy", "Nga", "Hoa", "Huyền", "Trang", "Linh", "Phương", "Hằng",
    "Nhung", "Yến", "Mai", "Thảo", "Loan", "Vân", "Oanh", "Duyên", "Hiền", "Thúy",
)  # fmt: skip
_KHOMU_MALE = ("Thương", "Bun", "Xiêng", "Kiên", "Ơn", "Đôi", "Inh", "Khăm", "Pánh", "Xuân", "Phăn", "Lả")
_KHOMU_FEMALE = ("Ỉn", "Mon", "Pên", "Xuân", "Hoa", "Ỏn", "Bua", "Ót", "Phanh", "Kham")
_LAO_MALE = ("Khăm", "Bun", "Xiêng", "Phăn", "Xay", "Căm", "Phon", "Vông", "Sổm", "Kẹo")
_LAO_FEMALE = ("Khăm", "Phon", "Ỉn", "Ón", "Vẻn", "Bua", "Ngơn", "Sỏi")

NAMES: dict[str, NameStock] = {
    "Thái": NameStock(
        _THAI_FAMILIES,
        (("Văn", 96), ("Đức", 2), ("Minh", 2)),
        (("Thị", 97), ("Thu", 3)),
        _THAI_MALE,
        _THAI_FEMALE,
    ),
    "Mông": NameStock(
        _MONG_FAMILIES,
        (("A", 62), ("Seo", 18), ("Văn", 14), ("Chứ", 3), ("Sống", 3)),
        (("Thị", 85), ("Y", 15)),
        _MONG_MALE,
        _MONG_FEMALE,
    ),
    "Kinh": NameStock(_KINH_FAMILIES, _KINH_MALE_MIDDLES, _KINH_FEMALE_MIDDLES, _KINH_MALE, _KINH_FEMALE),
    "Khơ Mú": NameStock(
        (("Lò", 28), ("Quàng", 24), ("Lường", 16), ("Vi", 12), ("Cà", 10), ("Tòng", 10)),
        (("Văn", 100),),
        (("Thị", 100),),
        _KHOMU_MALE,
        _KHOMU_FEMALE,
    ),
    "Lào": NameStock(
        (("Lò", 30), ("Lường", 25), ("Vì", 20), ("Cầm", 15), ("Lù", 10)),
        (("Văn", 100),),
        (("Thị", 100),),
        _LAO_MALE,
        _LAO_FEMALE,
    ),
    "Mường": NameStock(
        (("Đinh", 35), ("Bùi", 30), ("Quách", 15), ("Hà", 20)),
        (("Văn", 80), ("Công", 20)),
        (("Thị", 100),),
        _KINH_MALE,
        _KINH_FEMALE,
    ),
}

# Birth places of members who came from the lowlands (as written in their life histories).
# With the CCCD province code of the place of birth registration.
LOWLAND_HOME_TOWNS = (
    ("xã Hải Anh, huyện Hải Hậu, tỉnh Nam Định", "036"),
    ("xã Vũ Thắng, huyện Kiến Xương, tỉnh Thái Bình", "034"),
    ("xã Tứ Xã, huyện Lâm Thao, tỉnh Phú Thọ", "025"),
    ("xã Nga Thủy, huyện Nga Sơn, tỉnh Thanh Hóa", "038"),
    ("xã Yên Ninh, huyện Ý Yên, tỉnh Nam Định", "036"),
    ("xã Đông Cơ, huyện Tiền Hải, tỉnh Thái Bình", "034"),
    ("thị trấn Sông Mã, huyện Sông Mã, tỉnh Sơn La", "014"),
    ("phường Chiềng Lề, thành phố Sơn La, tỉnh Sơn La", "014"),
)
SON_LA_CODE = "014"
# Where members transferred out went, or came from.
OTHER_ORGANISATIONS = (
    "Đảng bộ xã Sốp Cộp, tỉnh Sơn La",
    "Đảng bộ xã Mường Lạn, tỉnh Sơn La",
    "Đảng bộ xã Sông Mã, tỉnh Sơn La",
    "Đảng bộ phường Tô Hiệu, tỉnh Sơn La",
    "Đảng bộ xã Mường Chanh, tỉnh Sơn La",
    "Đảng bộ phường Chiềng An, tỉnh Sơn La",
    "Đảng bộ xã Mường Nhé, tỉnh Điện Biên",
    "Đảng bộ Quân sự tỉnh Sơn La",
)
DISTRICT_ORGANISATIONS = (
    "Đảng bộ Cơ quan Huyện ủy Sốp Cộp",
    "Đảng bộ Cơ quan chính quyền huyện Sốp Cộp",
    "Đảng bộ Công an huyện Sốp Cộp",
    "Đảng bộ Quân sự huyện Sốp Cộp",
    "Đảng bộ Trung tâm Y tế huyện Sốp Cộp",
)
TEMPORARY_DESTINATIONS = (
    "Chi bộ Lớp Trung cấp lý luận chính trị, Trường Chính trị tỉnh Sơn La",
    "Đảng bộ Khu công nghiệp Quế Võ, tỉnh Bắc Ninh",
    "Chi bộ Lớp Cao đẳng Y tế Sơn La",
)
AWAY_PLACES = (
    "làm công nhân tại Khu công nghiệp Yên Phong, tỉnh Bắc Ninh",
    "làm công nhân tại Khu công nghiệp Quang Châu, tỉnh Bắc Giang",
    "làm việc tại tỉnh Bình Dương",
    "làm thuê tại thành phố Hà Nội",
)
STRUCK_OFF_REASONS = (
    "Bỏ sinh hoạt chi bộ 3 tháng trong năm không có lý do chính đáng",
    "Không đóng đảng phí 3 tháng trong năm không có lý do chính đáng",
    "Giảm sút ý chí phấn đấu, không làm nhiệm vụ đảng viên",
)
HEALTH_REASONS = ("Sức khỏe yếu, bệnh mãn tính", "Tai nạn lao động, đang điều trị dài ngày")

# Occupation codes (models.services.membership.OCCUPATIONS) by cell kind, with weights.
OCCUPATIONS_BY_KIND: dict[str, tuple[tuple[str, int], ...]] = {
    "village": (("farmer", 74), ("village_part_time", 10), ("enterprise", 5), ("other", 6), ("student", 1)),
    "school": (("public_service", 100),),
    "health": (("public_service", 100),),
    "police": (("police", 100),),
    "military": (("army", 100),),
    "agency": (("commune_official", 70), ("party_state_staff", 30)),
}
QUALIFICATIONS_BY_KIND: dict[str, tuple[str, ...]] = {
    "school": ("Cao đẳng Sư phạm Mầm non", "Đại học Sư phạm Tiểu học", "Đại học Sư phạm Ngữ văn", "Đại học Sư phạm Toán"),
    "health": ("Y sĩ đa khoa", "Cao đẳng Điều dưỡng", "Bác sĩ đa khoa", "Trung cấp Dược"),
    "police": ("Trung cấp Cảnh sát nhân dân", "Đại học An ninh nhân dân"),
    "military": ("Trung cấp Quân sự cơ sở", "Cao đẳng Quân sự"),
    "agency": ("Đại học Luật", "Đại học Kinh tế", "Đại học Nông lâm", "Đại học Hành chính", "Cao đẳng Kế toán"),
}  # fmt: skip
COMMUNE_TITLES = {
    "commune_secretary": "Bí thư Đảng ủy, Chủ tịch HĐND xã",
    "commune_deputy_secretary": "Phó Bí thư Đảng ủy xã",
    "chair": "Phó Bí thư Đảng ủy, Chủ tịch UBND xã",
    "standing_member": "Ủy viên Ban Thường vụ Đảng ủy xã",
    "commune_committee_member": "Đảng ủy viên",
}
