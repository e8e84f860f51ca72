"""The home page: figures by status, overdue recognitions, charts, each figure opening its list."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

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
