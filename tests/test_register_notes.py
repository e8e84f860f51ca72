"""The register's notes column explains each member's standing: exemption, working away, temporary
transfers out and in, and the return from each."""

from __future__ import annotations

from datetime import date

from forms.register import member_register
from models.db import Database, read_session, unit_of_work
from models.security import SYSTEM_ACTOR
from models.services import membership as ms
from tests.builders import admit, profile, village_and_cell


def test_notes_column_shows_every_period_that_explains_the_standing(db: Database) -> None:
    with unit_of_work(db, SYSTEM_ACTOR) as s:
        cell = village_and_cell(s)
        thanh = admit(s, cell, profile(given="Thanh", born=date(1960, 1, 1)), ceremony=date(2000, 3, 5))
        ms.recognise_official(s, ms.EventInput(thanh, date(2001, 3, 5)))
        ms.start_exemption(s, ms.EventInput(thanh, date(2024, 4, 1), reason="Tuổi cao"))
        ms.end_exemption(s, ms.EventInput(thanh, date(2025, 6, 1)))
        ms.transfer_out(
            s,
            ms.EventInput(
                thanh, date(2025, 7, 1), other_organisation="Đảng bộ xã Chiềng Sơn", temporary=True
            ),
        )
        ms.end_temporary_transfer(s, ms.EventInput(thanh, date(2025, 10, 1)))
        ms.start_away(
            s, ms.EventInput(thanh, date(2026, 2, 1), until=date(2026, 12, 31), reason="Làm công nhân")
        )
        ms.transfer_in(
            s,
            ms.TransferIn(
                profile("Vì", "Văn", "Giang", born=date(1990, 3, 3)), cell, date(2026, 1, 10),
                "Đảng bộ phường Chiềng Lề", temporary=True, membership="official",
                admission_decision_date=date(2015, 5, 1), admission_date=date(2015, 5, 19),
                official_date=date(2016, 5, 19),
            ),
        )  # fmt: skip
        hoa = ms.transfer_in(
            s,
            ms.TransferIn(
                profile("Cầm", "Thị", "Hoa", sex="F", born=date(1992, 3, 3)), cell, date(2025, 1, 10),
                "Đảng bộ xã Mường Bon", temporary=True, membership="official",
                admission_decision_date=date(2016, 5, 1), admission_date=date(2016, 5, 19),
                official_date=date(2017, 5, 19),
            ),
        ).member_id  # fmt: skip
        ms.end_temporary_transfer(s, ms.EventInput(hoa, date(2025, 12, 20)))
    with read_session(db, SYSTEM_ACTOR) as s:
        sheet = member_register(s)
        notes = {row[1]: row[-1] for row in sheet.rows}
    assert notes["Lò Văn Thanh"].split("\n") == [
        "Miễn công tác và sinh hoạt từ 01/04/2024, đến 01/06/2025 (Tuổi cao)",
        "Chuyển sinh hoạt tạm thời đến Đảng bộ xã Chiềng Sơn từ 01/07/2025, trở về sinh hoạt tại đảng bộ 01/10/2025",
        "Đi làm ăn xa từ 01/02/2026, dự kiến đến 31/12/2026 (Làm công nhân)",
    ]
    assert notes["Vì Văn Giang"].split("\n") == [
        "Tạm thời",
        "Sinh hoạt tạm thời, chuyển đến từ Đảng bộ phường Chiềng Lề 10/01/2026",
    ]
    # A temporary member who went back is among former members, and the notes say why.
    assert notes["Cầm Thị Hoa"] == (
        "Sinh hoạt tạm thời, chuyển đến từ Đảng bộ xã Mường Bon 10/01/2025, đã trở về đơn vị cũ 20/12/2025"
    )
