"""The home page: figures by status, overdue recognitions, charts, each figure opening its list."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from models.db import unit_of_work
from models.security import SYSTEM_ACTOR
from models.services import membership as ms
from tests import builders
from tests.ui.conftest import Org
from ui.context import AppContext
from ui.dialogs.report_explain import ExplainDialog
from ui.pages.dashboard import DashboardPage


def test_dashboard_shows_the_figures_and_links_to_lists(
    qtbot: QtBot, ctx: AppContext, organisation: Org, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    assert page.heading.text() == "Đảng bộ xã Mường Lèo"
    assert page.figures["members"].text() == "2"
    assert page.figures["cells"].text() == "2"
    assert page.figures["probationary"].text() == "2"  # admitted 2020, never recognised
    assert page.figures["overdue"].text() == "2"
    assert page.figures["not_met"].text() == "2"
    assert page.data.pyramid["41_50"] == (1, 1)
    assert dict(page.data.ethnicities) == {"Thái": 2}
    assert page.data.trend[-1][1] == 2 and len(page.data.trend) == 10
    assert page.trend_chart.series() and page.pyramid_chart.series()
    shown: list[list[str]] = []

    def fake_exec(dialog: ExplainDialog) -> int:
        shown.append(dialog.shown_records())
        return 0

    monkeypatch.setattr(ExplainDialog, "exec", fake_exec)
    with qtbot.waitSignal(page.link_activated) as signal:
        page.figures["overdue"].click()
    assert signal.args == ["members"]
    assert len(shown[0]) == 2 and any("Cầm Thị Lan" in r and "quá" in r for r in shown[0])


def test_every_figure_equals_the_rows_of_its_list(
    qtbot: QtBot, ctx: AppContext, organisation: Org, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A member received for temporary activity is in the register but not counted: neither the
    # figures nor their lists may include him.
    with unit_of_work(ctx.db, SYSTEM_ACTOR) as session:
        temporary = ms.TransferIn(
            builders.profile("Vì", "Văn", "Tạm", born=date(1990, 1, 1)),
            organisation.cell_a,
            date(2025, 6, 1),
            "Đảng bộ xã Chiềng Sơn",
            membership="official",
            temporary=True,
            admission_decision_date=date(2015, 5, 1),
            admission_date=date(2015, 5, 19),
            official_date=date(2016, 5, 19),
        )
        ms.transfer_in(session, temporary)
        builders.admit(
            session, organisation.cell_a, builders.profile("Lò", "Văn", "Mới"), ceremony=date(2025, 9, 2)
        )
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    shown: list[list[str]] = []

    def fake_exec(dialog: ExplainDialog) -> int:
        shown.append(dialog.shown_records())
        return 0

    monkeypatch.setattr(ExplainDialog, "exec", fake_exec)
    checked = []
    for figure in page.data.figures:
        if figure.key == "dues":  # an amount of money, listed by its parts
            continue
        page.figures[figure.key].click()
        listed = shown[-1]
        count = int(page.figures[figure.key].text().split(" / ")[0].replace(".", ""))
        assert count == len(listed), (figure.key, count, listed)
        assert not any("Vì Văn Tạm" in line for line in listed), figure.key
        checked.append(figure.key)
    assert {"members", "official", "probationary", "exempted", "away", "cells", "overdue"} <= set(checked)
    assert page.figures["official"].text() == "0" and page.figures["members"].text() == "3"
