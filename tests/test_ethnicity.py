"""Ethnicity from the official list of 54 groups plus foreign nationality (issue 13): spellings,
subgroups and unaccented input map to one name; old free-text values are mapped in one audited
transaction, so "Thai" no longer splits the filter and the statistics."""

from __future__ import annotations

import pytest

from models import audit
from models.db import Database, read_session, unit_of_work
from models.errors import ValidationError
from models.picklists import ETHNIC_GROUPS, ETHNICITY_CHOICES, FOREIGN, is_minority, normalise_ethnicity
from models.security import SYSTEM_ACTOR
from models.services import ethnicity as eth
from models.services import membership as ms
from models.services import register as reg
from tests.builders import admit, profile, village_and_cell


def test_the_official_list() -> None:
    assert len(ETHNIC_GROUPS) == len(set(ETHNIC_GROUPS)) == 54
    assert ETHNICITY_CHOICES[-1] == FOREIGN == "Nước ngoài"


@pytest.mark.parametrize(
    ("typed", "official"),
    [
        ("Thai", "Thái"),
        ("thai", "Thái"),
        ("Thái Đen", "Thái"),
        ("H'Mông", "Mông"),
        ("Hmong", "Mông"),
        ("Mèo", "Mông"),
        ("Mông Hoa", "Mông"),
        ("Dao Đỏ", "Dao"),
        ("dao tien", "Dao"),
        ("TÀY", "Tày"),
        ("dân tộc Mường", "Mường"),
        ("Việt", "Kinh"),
        ("Khmu", "Khơ Mú"),
        ("Bru-Vân Kiều", "Bru - Vân Kiều"),
        ("ede", "Ê Đê"),
        ("Gia-rai", "Gia Rai"),
        ("Cao Lan", "Sán Chay"),
        ("nuoc ngoai", FOREIGN),
    ],
)
def test_spellings_map_to_one_group(typed: str, official: str) -> None:
    assert normalise_ethnicity(typed) == official


def test_minority_is_every_group_but_kinh() -> None:
    assert is_minority("thai") and is_minority("Dao Đỏ")
    assert not is_minority("Kinh") and not is_minority("Nước ngoài")
    assert normalise_ethnicity("Thái Lan") is None and not is_minority("xyz")


def test_stored_values_mapped_in_one_audited_transaction(db: Database) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        cell = village_and_cell(s)
        admit(s, cell, profile("Lò", "Văn", "An", ethnicity="Thái"))
        thai = [admit(s, cell, profile("Lò", "Văn", given, ethnicity="Thai")) for given in ("Bình", "Cường")]
        admit(s, cell, profile("Cầm", "Thị", "Dung", ethnicity="Xyz"))
    with read_session(db, SYSTEM_ACTOR) as s:
        assert set(reg.distinct_values(s, "ethnicity")) == {"Thai", "Thái", "Xyz"}
        values = eth.values_to_map(s)
        head_before = audit.head(s)
    assert [(v.value, v.count, v.suggestion) for v in values] == [("Thai", 2, "Thái"), ("Xyz", 1, None)]
    with unit_of_work(db, SYSTEM_ACTOR) as s, pytest.raises(ValidationError, match="không có trong danh mục"):
        eth.map_values(s, {"Xyz": "Xyz"})
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        assert eth.map_values(s, {"Thai": "Thái"}) == 2
    with read_session(db, SYSTEM_ACTOR) as s:
        assert set(reg.distinct_values(s, "ethnicity")) == {"Thái", "Xyz"}
        assert [v.value for v in eth.values_to_map(s)] == ["Xyz"]
        assert audit.head(s)[0] == head_before[0] + 2
        assert audit.verify(s).ok
        assert {ms.get_member(s, mid).profile.ethnicity for mid in thai} == {"Thái"}
