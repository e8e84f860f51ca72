"""The Party-work pages driven through their real widgets on a real database."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from models.db import read_session, unit_of_work
from models.security import SYSTEM_ACTOR
from models.services import admission as ad
from models.services import dues
from tests.ui.conftest import Org
from ui.context import AppContext
from ui.pages.admission import AdmissionPage, candidate_model
from ui.pages.dues import DuesPage, sheet_model

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_admission_board_shows_a_candidate_card(qtbot: QtBot, ctx: AppContext, organisation: Org) -> None:
    with unit_of_work(ctx.db, SYSTEM_ACTOR) as s:
        ad.add_candidate(
            s,
            ad.CandidateInput(
                "Lò", "Thị", "Mai", "F", date(2000, 1, 1), organisation.cell_a, general_education="12/12"
            ),
        )
    page = AdmissionPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    cards = page.board.columns["candidate"]
    assert cards.count() == 1
    assert "Lò Thị Mai" in cards.item(0).text()


def test_dues_sheet_marks_paid_and_saves(qtbot: QtBot, ctx: AppContext, organisation: Org) -> None:
    with unit_of_work(ctx.db, SYSTEM_ACTOR) as s:
        dues.set_rate(s, "other", date(2026, 2, 3), fixed=10_000)
    page = DuesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.month.setCurrentIndex(page.month.findData("2026-03"))
    page.cell.setCurrentIndex(page.cell.findData(organisation.cell_a))
    page.load_sheet()
    assert page.model.rowCount() == 1
    page.mark_all_paid()
    assert page.save()
    with read_session(ctx.db, ctx.actor) as s:
        [row] = dues.sheet(s, organisation.cell_a, "2026-03")
    assert row.recorded and row.amount_paid == 10_000


def test_models_pass_qtmodeltester(qtmodeltester: object) -> None:
    qtmodeltester.check(candidate_model())  # type: ignore[attr-defined]
    qtmodeltester.check(sheet_model())  # type: ignore[attr-defined]
