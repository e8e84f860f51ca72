"""What a clerk would see cut off: every visible label, button, check box, group box title, tab and
item-view header or cell whose text is wider (or, wrapped, taller) than the room its widget gives it.

Qt knows both sides: the font metrics' width of the text and the widget's contents rectangle (for a
button or check box, the style's contents rectangle, which leaves out the frame and the indicator).
A cell may be narrower than its text only when the view elides it ("…") and the full text is in its
tooltip; a header, a label, a button never."""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QTabBar,
    QTableView,
    QTreeView,
    QWidget,
)

SLACK = 1  # rounding of fractional advances


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _where(widget: QWidget) -> str:
    names: list[str] = []
    current: QWidget | None = widget
    while current is not None and len(names) < 4:
        names.append(current.objectName() or type(current).__name__)
        current = current.parentWidget()
    return "/".join(reversed(names))


def _visible(widget: QWidget) -> bool:
    """Shown, and not entirely hidden behind a scroll area's edge or another widget."""
    if not widget.isVisible() or widget.width() <= 0 or widget.height() <= 0:
        return False
    region = (
        widget.viewport().visibleRegion()
        if isinstance(widget, QAbstractScrollArea)
        else widget.visibleRegion()
    )
    return not region.isEmpty()


def _label(label: QLabel) -> str | None:
    text = label.text()
    if not text or label.textFormat() == Qt.TextFormat.RichText or QtGui.Qt.mightBeRichText(text):
        return None
    if label.pixmap() is not None and not label.pixmap().isNull():
        return None
    metrics = QFontMetrics(label.font())
    room = label.contentsRect().adjusted(label.margin(), label.margin(), -label.margin(), -label.margin())
    if label.indent() > 0:
        room.setLeft(room.left() + label.indent())
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK:
            return f"wrapped label {text[:60]!r} needs {needed}px of height, has {label.height()}"
        return None
    widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    if widest > room.width() + SLACK:
        return f"label {text[:60]!r} needs {widest}px, has {room.width()}"
    lines = text.count("\n") + 1
    if metrics.height() * lines > room.height() + metrics.leading() * lines + 2:
        return f"label {text[:60]!r} needs {metrics.height() * lines}px of height, has {room.height()}"
    return None


def _button(button: QAbstractButton) -> str | None:
    text = _plain(button.text())
    if not text:
        return None
    option = QStyleOptionButton()
    option.initFrom(button)
    option.text = button.text()
    option.icon = button.icon()
    option.iconSize = button.iconSize()
    style = button.style()
    if isinstance(button, QCheckBox):
        room = style.subElementRect(QStyle.SubElement.SE_CheckBoxContents, option, button)
    elif isinstance(button, QRadioButton):
        room = style.subElementRect(QStyle.SubElement.SE_RadioButtonContents, option, button)
    elif isinstance(button, QPushButton):
        room = style.subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, option, button)
        room = room.adjusted(margin // 2, 0, -(margin // 2), 0)
    else:
        return None
    if not button.icon().isNull():
        room.setLeft(room.left() + button.iconSize().width() + 4)
    metrics = QFontMetrics(button.font())
    widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    if widest > room.width() + SLACK:
        return f"{type(button).__name__} {text[:60]!r} needs {widest}px, has {room.width()}"
    return None


def _combo(combo: QComboBox) -> str | None:
    text = combo.currentText()
    if not text or combo.isEditable():
        return None
    option = QStyleOptionComboBox()
    option.initFrom(combo)
    option.currentText = text
    option.editable = False
    room = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    widest = QFontMetrics(combo.font()).horizontalAdvance(text)
    if widest > room.width() - 4 + SLACK:
        return f"combo box {text[:60]!r} needs {widest}px, has {room.width() - 4}"
    return None


def _group(box: QGroupBox) -> str | None:
    title = _plain(QGroupBox.title(box))  # a TitledBox wraps its title in a label instead
    if not title:
        return None
    widest = QFontMetrics(box.font()).horizontalAdvance(title) + (20 if box.isCheckable() else 8)
    if widest > box.width() + SLACK:
        return f"group box title {title[:60]!r} needs {widest}px, has {box.width()}"
    return None


def _tabs(bar: QTabBar) -> list[str]:
    found = []
    metrics = QFontMetrics(bar.font())
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        text = _plain(bar.tabText(index))
        rect = bar.tabRect(index)
        if metrics.horizontalAdvance(text) + 8 > rect.width() + SLACK:
            found.append(
                f"tab {text[:60]!r} needs {metrics.horizontalAdvance(text) + 8}px, has {rect.width()}"
            )
    return found


def _header(header: QHeaderView) -> list[str]:
    model = header.model()
    if model is None or not _visible(header):
        return []
    found = []
    metrics = QFontMetrics(header.font())
    padding = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    viewport = header.viewport().rect()
    count = model.columnCount() if header.orientation() == Qt.Orientation.Horizontal else model.rowCount()
    for section in range(count):
        if header.isSectionHidden(section) or header.sectionSize(section) <= 0:
            continue
        position = header.sectionViewportPosition(section)
        if position < 0 or position + header.sectionSize(section) > viewport.width():
            continue  # (partly) scrolled out of sight: the scroll bar shows the rest
        text = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not text:
            continue
        widest = max(metrics.horizontalAdvance(line) for line in text.split("\n")) + padding
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
            widest += header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
        if widest > header.sectionSize(section) + SLACK:
            found.append(f"header {text[:60]!r} needs {widest}px, has {header.sectionSize(section)}")
    return found


def _cells(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None or not isinstance(view, QTableView | QTreeView) or not _visible(view):
        return []
    found: list[str] = []
    metrics = QFontMetrics(view.font())
    viewport: QRect = view.viewport().rect()
    elides = view.textElideMode() != Qt.TextElideMode.ElideNone
    top = view.indexAt(viewport.topLeft())
    row = top.row() if top.isValid() else 0
    checked = 0
    while row < model.rowCount(QModelIndex()) and checked < 60:
        first = model.index(row, 0)
        if view.visualRect(first).top() > viewport.bottom():
            break
        checked += 1
        for column in range(model.columnCount(QModelIndex())):
            index = model.index(row, column)
            rect = view.visualRect(index)
            if rect.isEmpty() or not rect.intersects(viewport):
                continue
            if isinstance(view, QTableView) and (
                view.rowSpan(row, column) > 1 or view.columnSpan(row, column) > 1
            ):
                continue
            text = model.data(index, Qt.ItemDataRole.DisplayRole)
            if not isinstance(text, str) or not text.strip():
                continue
            font = model.data(index, Qt.ItemDataRole.FontRole)
            cell_metrics = QFontMetrics(font) if font is not None else metrics
            room = rect.width() - 8
            if model.data(index, Qt.ItemDataRole.DecorationRole) is not None:
                room -= view.iconSize().width() + 4
            if model.data(index, Qt.ItemDataRole.CheckStateRole) is not None:
                room -= 20
            wrapped = (
                isinstance(view, QTableView)
                and view.wordWrap()
                and rect.height() >= 2 * cell_metrics.height()
            )
            widest = max(cell_metrics.horizontalAdvance(line) for line in text.split("\n"))
            if wrapped or widest <= room + SLACK:
                continue
            tooltip = model.data(index, Qt.ItemDataRole.ToolTipRole)
            if elides and "\n" not in text and isinstance(tooltip, str) and text.strip() in tooltip:
                continue  # "…" and the whole text on hover
            found.append(
                f"cell {text[:60]!r} needs {widest}px, has {room}"
                + ("" if elides else " (cut without an ellipsis)")
                + ("" if isinstance(tooltip, str) and tooltip else ", no tooltip")
            )
        row += 1
    return found


def _cut_at_side(widget: QWidget) -> str | None:
    """A widget partly hidden at its left or right edge by the window, a frame or a scroll area that
    cannot scroll sideways (a row wider than its room: buttons pushed off screen)."""
    shown = widget.visibleRegion().boundingRect()
    if shown.width() >= widget.width() - 1:
        return None
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and parent.horizontalScrollBar().isVisible():
            return None  # the clerk can scroll to it
        parent = parent.parentWidget()
    text = widget.text() if isinstance(widget, QLabel | QAbstractButton) else type(widget).__name__
    return f"{type(widget).__name__} {_plain(text)[:60]!r} shows {shown.width()}px of its {widget.width()}px"


def _list_items(view: QListView) -> list[str]:
    """A list's items (cards, names): a wrapped item must be tall enough for all its lines, an
    unwrapped one wide enough or elided with its whole text in the tooltip."""
    model = view.model()
    if model is None or not _visible(view):
        return []
    found: list[str] = []
    viewport = view.viewport().rect()
    for row in range(min(model.rowCount(QModelIndex()), 200)):
        index = model.index(row, view.modelColumn())
        rect = view.visualRect(index)
        if rect.isEmpty() or not viewport.contains(rect):
            continue  # scrolled (partly) out of sight
        text = model.data(index, Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not text.strip():
            continue
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        option.rect = rect
        hint = view.itemDelegateForIndex(index).sizeHint(option, index)
        if view.wordWrap():
            if hint.height() > rect.height() + SLACK:
                found.append(f"item {text[:60]!r} needs {hint.height()}px of height, has {rect.height()}")
            continue
        if hint.width() > rect.width() + SLACK:
            tooltip = model.data(index, Qt.ItemDataRole.ToolTipRole)
            elides = view.textElideMode() != Qt.TextElideMode.ElideNone
            if not (elides and isinstance(tooltip, str) and text.strip() in tooltip):
                found.append(f"item {text[:60]!r} needs {hint.width()}px, has {rect.width()}")
    return found


def clipped_texts(root: QWidget) -> list[str]:
    """Every visible text under `root` (a window or dialog) that does not fit its widget."""
    found: list[str] = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not _visible(widget):
            continue
        problems: list[str] = []
        if isinstance(widget, QLabel):
            problem = _label(widget)
            problems += [problem] if problem else []
        elif isinstance(widget, QAbstractButton):
            problem = _button(widget)
            problems += [problem] if problem else []
        elif isinstance(widget, QComboBox):
            problem = _combo(widget)
            problems += [problem] if problem else []
        elif isinstance(widget, QGroupBox):
            problem = _group(widget)
            problems += [problem] if problem else []
        elif isinstance(widget, QTabBar):
            problems += _tabs(widget)
        elif isinstance(widget, QHeaderView):
            problems += _header(widget)
        elif isinstance(widget, QListView):
            problems += _list_items(widget)
        elif isinstance(widget, QAbstractItemView):
            problems += _cells(widget)
        if isinstance(widget, QLabel | QAbstractButton | QComboBox):
            problem = _cut_at_side(widget)
            problems += [problem] if problem else []
        found += [f"{_where(widget)}: {problem}" for problem in problems]
    return found


def off_screen(window: QWidget) -> list[str]:
    """A window larger than the screen's available area, or reaching outside it."""
    available = window.screen().availableGeometry()
    frame = window.frameGeometry()
    if frame.width() > available.width() + 2 or frame.height() > available.height() + 2:
        return [
            f"{type(window).__name__} is {frame.width()}×{frame.height()}, the screen has "
            f"{available.width()}×{available.height()}"
        ]
    return []
