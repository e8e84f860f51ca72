"""Demo cell meetings: `add_demo_meetings(db, actor, seed=..., start=..., end=...)` records, for an existing
demo commune, the monthly regular meetings and the quarterly thematic meetings of every active cell
(DOMAIN.md §3.5), written only through `models.services.meetings.save_meeting` so the numbering, the
attendance arithmetic and the rules are the real ones.

Realistic content: attendance with a few excused and, now and then, unexcused absences; one to three agenda
items of village life (harvest and planting, forest protection, new rural development, security and
the border, Party dues, admission of new members) with one to three speakers and what they said; tasks
for next month; votes; a quality score. Some cells miss a month. A meeting in the month of `end` that
falls after `end` is recorded as planned.

Deterministic for a seed: every random choice comes from one `random.Random` per cell, seeded from the
seed and the cell's name, and cells and months are visited in a fixed order. One transaction per cell and
year."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from sqlalchemy.orm import Session

from models.dates import today
from models.db import Database, read_session, unit_of_work
from models.security import Actor
from models.services import meetings as mt
from models.services import organisation as org

Progress = Callable[[int, int], None]
_T = TypeVar("_T")

MISSED_MONTH_SHARE = 0.04  # a cell does not meet in about one month of 25
COMBINED_THEMATIC_SHARE = 0.6  # the quarter's thematic meeting shares the regular session
ABSENCE_REASONS = (
    "ốm",
    "đi viện thăm người nhà",
    "đi làm nương xa",
    "đi công tác",
    "việc gia đình",
    "đi học lớp bồi dưỡng",
    "con ốm",
    "đi chữa bệnh ở tỉnh",
)


@dataclass(frozen=True)
class Topic:
    title: str
    content: str
    speeches: tuple[str, ...]
    conclusion: str
    tasks: tuple[str, ...]
    months: tuple[int, ...] = tuple(range(1, 13))
    vote: str = ""  # a vote rule key when the item is voted on
    vote_subject: str = ""


TOPICS: tuple[Topic, ...] = (
    Topic(
        "Thu hoạch vụ mùa và chuẩn bị vụ đông",
        "tình hình thu hoạch lúa ruộng, lúa nương và ngô; năng suất ước đạt {yield_} tạ/ha; một số hộ bị "
        "chuột và sâu cuốn lá gây hại.",
        (
            "Đề nghị chi bộ vận động bà con thu hoạch dứt điểm trước mưa, phơi khô bảo quản ngô giống.",
            "Hộ tôi và các hộ xóm dưới đã gặt xong; năm nay lúa nương được hơn năm ngoái.",
            "Đề nghị tổ khuyến nông xã hướng dẫn trồng ngô đông, tránh để đất bỏ trống qua mùa khô.",
            "Còn một số hộ nghèo thiếu nhân lực, đề nghị Đoàn thanh niên giúp gặt.",
        ),
        "Chi bộ thống nhất giao đồng chí trưởng bản đôn đốc thu hoạch, đăng ký diện tích cây vụ đông.",
        ("Vận động các hộ hoàn thành thu hoạch vụ mùa", "Đăng ký diện tích trồng ngô vụ đông"),
        (9, 10, 11),
    ),
    Topic(
        "Chuẩn bị gieo trồng vụ xuân – hè",
        "kế hoạch gieo cấy lúa nước, trồng ngô, sắn trên diện tích {area} ha; nguồn giống hỗ trợ của xã.",
        (
            "Đề nghị nạo vét mương thủy lợi đầu nguồn trước khi lấy nước đổ ải.",
            "Nhiều hộ muốn chuyển ruộng một vụ sang trồng cây ăn quả, đề nghị cán bộ xã hướng dẫn.",
            "Giống ngô năm trước nảy mầm kém, đề nghị mua giống ở cửa hàng có hóa đơn.",
        ),
        "Tổ chức ngày công nạo vét mương; các đoàn thể vận động gieo trồng đúng khung thời vụ.",
        ("Tổ chức nạo vét mương thủy lợi", "Vận động gieo cấy đúng khung thời vụ"),
        (2, 3, 4, 5, 6),
    ),
    Topic(
        "Quản lý, bảo vệ rừng và phòng cháy chữa cháy rừng mùa khô",
        "bản quản lý {forest} ha rừng cộng đồng; mùa khô có nguy cơ cháy cao, còn hiện tượng đốt nương "
        "không báo tổ bảo vệ rừng.",
        (
            "Tổ bảo vệ rừng đã tuần tra 4 lần trong tháng, chưa phát hiện chặt phá trái phép.",
            "Đề nghị các hộ đốt nương phải báo trước, làm đường băng cản lửa và có người canh.",
            "Tiền dịch vụ môi trường rừng năm nay đề nghị dùng một phần sửa nhà văn hóa.",
            "Đề nghị xử lý nghiêm hộ để trâu bò thả rông phá rừng trồng mới.",
        ),
        "Chi bộ yêu cầu đảng viên gương mẫu, không đốt nương khi chưa báo; duy trì tuần tra hằng tuần.",
        ("Duy trì tổ tuần tra bảo vệ rừng hằng tuần", "Phát quang đường băng cản lửa"),
        (1, 2, 3, 4, 11, 12),
    ),
    Topic(
        "Xây dựng nông thôn mới, làm đường bê tông nội bản",
        "tiến độ làm {road} m đường bê tông nội bản theo phương thức Nhà nước hỗ trợ xi măng, nhân dân "
        "góp công và cát sỏi.",
        (
            "Đã có 46 hộ đăng ký góp ngày công; còn 5 hộ chưa góp, đề nghị tổ đoàn kết vận động.",
            "Đề nghị làm đoạn qua khe suối trước mùa mưa để học sinh đi lại an toàn.",
            "Bản cần giữ vệ sinh đường làng, mỗi tháng tổng vệ sinh một lần vào chủ nhật cuối tháng.",
        ),
        "Giao chi hội trưởng các đoàn thể vận động hội viên góp công; phấn đấu xong trong quý.",
        ("Vận động các hộ góp ngày công làm đường", "Tổng vệ sinh đường làng chủ nhật cuối tháng"),
    ),
    Topic(
        "An ninh trật tự, quản lý biên giới và phòng chống ma túy",
        "tình hình an ninh trật tự trên địa bàn ổn định; còn người lạ vào bản buôn bán không khai báo tạm "
        "trú; tuyên truyền phòng chống ma túy và mua bán người.",
        (
            "Đề nghị tổ an ninh bản kiểm tra người lạ đến ở qua đêm, báo công an xã.",
            "Thanh niên trong bản đi làm ăn xa nhiều, cần nhắc gia đình giữ liên lạc, tránh bị lừa qua biên giới.",
            "Tuần qua có việc tranh chấp đất vườn giữa hai hộ, tổ hòa giải đã giải quyết xong.",
            "Đề nghị lắp thêm đèn chiếu sáng ở ngã ba đầu bản.",
        ),
        "Chi bộ giao tổ an ninh bản phối hợp công an xã nắm tình hình; không để xảy ra điểm nóng.",
        ("Kiểm tra, nắm tình hình người lạ đến bản", "Tuyên truyền phòng chống ma túy tại buổi họp bản"),
    ),
    Topic(
        "Thu, nộp đảng phí",
        "kết quả thu đảng phí tháng trước: {paid}/{total} đồng chí đã nộp; một số đồng chí đi làm ăn xa "
        "chưa nộp.",
        (
            "Tôi đề nghị các đồng chí đi làm xa nộp qua Cổng dịch vụ công cho thuận tiện.",
            "Đồng chí chi ủy viên phụ trách thu đảng phí sẽ thông báo trực tiếp cho người còn nợ.",
        ),
        "Các đồng chí chưa nộp hoàn thành trước ngày họp tháng sau.",
        ("Hoàn thành thu đảng phí của đảng viên còn nợ",),
    ),
    Topic(
        "Phát triển đảng viên",
        "rà soát nguồn phát triển đảng: quần chúng ưu tú là Đoàn viên thanh niên, trưởng thôn, công an "
        "viên; đề nghị cử quần chúng đi học lớp bồi dưỡng nhận thức về Đảng.",
        (
            "Quần chúng Lò Văn Tiến nhiệt tình trong công tác Đoàn, tôi đề nghị chi bộ xem xét.",
            "Tôi đồng ý phân công đảng viên giúp đỡ quần chúng, định kỳ báo cáo chi bộ.",
            "Đề nghị chú ý phát triển đảng viên nữ và người dân tộc Mông trong bản.",
        ),
        "Chi bộ thống nhất đề nghị Đảng ủy xã cử quần chúng đi học lớp nhận thức về Đảng; phân công đảng "
        "viên giúp đỡ.",
        ("Hoàn thiện hồ sơ quần chúng đi học lớp nhận thức về Đảng",),
        vote="resolution",
        vote_subject="Cử quần chúng đi học lớp bồi dưỡng nhận thức về Đảng",
    ),
    Topic(
        "Chuẩn bị đón Tết và giữ gìn bản sắc văn hóa",
        "tổ chức đón Tết vui tươi, lành mạnh, tiết kiệm; giữ gìn lễ hội truyền thống, phòng chống cờ bạc.",
        (
            "Đề nghị tổ chức thi đấu bóng chuyền, ném còn cho thanh niên trong bản.",
            "Các hộ thăm hỏi gia đình chính sách, người già neo đơn trước Tết.",
        ),
        "Giao Chi hội phụ nữ và Chi đoàn thanh niên phối hợp tổ chức hoạt động văn nghệ, thể thao.",
        ("Thăm hỏi gia đình chính sách trước Tết",),
        (1, 2, 12),
    ),
)

THEMATIC_TOPICS = (
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về tinh thần đoàn kết",
    "Nâng cao vai trò tiền phong, gương mẫu của đảng viên trong xây dựng nông thôn mới",
    "Phát triển kinh tế hộ gia đình gắn với bảo vệ rừng",
    "Nâng cao chất lượng sinh hoạt chi bộ",
    "Phòng, chống ma túy và mua bán người ở vùng biên giới",
    "Xây dựng bản văn hóa, gia đình văn hóa",
    "Trách nhiệm của đảng viên trong chuyển đổi số ở cơ sở",
    "Phát huy vai trò của Mặt trận và các đoàn thể trong giảm nghèo bền vững",
)


def _choice(rng: random.Random, items: Sequence[_T]) -> _T:
    return items[rng.randrange(len(items))]


def _months(start: date, end: date) -> list[tuple[int, int]]:
    out = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _month_key(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _add_minutes(hhmm: str, minutes: int) -> str:
    hours, mins = (int(p) for p in hhmm.split(":"))
    total = (hours * 60 + mins + minutes) % (24 * 60)
    return f"{total // 60:02d}:{total % 60:02d}"


@dataclass(frozen=True)
class _CellInfo:
    id: str
    name: str
    kind: str
    place: str
    evening: bool
    secretaries: tuple[tuple[date, date | None, str], ...]  # (start, end, member id)
    deputies: tuple[tuple[date, date | None, str], ...]
    assignees: tuple[tuple[date, date | None, str], ...]  # (start, end, name)


def _holder(posts: tuple[tuple[date, date | None, str], ...], on: date) -> str | None:
    for start, end, who in posts:
        if start <= on and (end is None or on <= end):
            return who
    return None


def _place(cell: org.CellView) -> str:
    if cell.kind == "village" and cell.village_names:
        name = cell.village_names[0]
        return "nhà văn hóa " + (name[0].lower() + name[1:] if name.startswith("Bản") else name)
    if cell.kind == "school":
        return "phòng họp nhà trường"
    if cell.kind == "health":
        return "phòng giao ban Trạm Y tế xã"
    return "hội trường cơ quan"


def _cells(session: Session) -> list[_CellInfo]:
    positions = org.list_positions(session, current_only=False)
    assignments = org.list_assignments(session, current_only=False)
    out = []
    for cell in org.list_cells(session, include_closed=False):
        mine = [p for p in positions if p.cell_id == cell.id]
        out.append(
            _CellInfo(
                cell.id,
                cell.name,
                cell.kind,
                _place(cell),
                cell.kind == "village",
                tuple((p.start_date, p.end_date, p.member_id) for p in mine if p.role == "secretary"),
                tuple((p.start_date, p.end_date, p.member_id) for p in mine if p.role == "deputy_secretary"),
                tuple((a.start_date, a.end_date, a.member_name) for a in assignments if a.cell_id == cell.id),
            )
        )
    return sorted(out, key=lambda c: c.name)


class _Writer:
    def __init__(self, session: Session, cell: _CellInfo, rng: random.Random, end: date) -> None:
        self.session = session
        self.cell = cell
        self.rng = rng
        self.end = end

    def _attendance(
        self, entries: list[mt.RosterEntry]
    ) -> tuple[dict[str, tuple[str, str]], list[mt.RosterEntry]]:
        expected = [e for e in entries if e.activity not in ("exempted", "away")]
        attendance: dict[str, tuple[str, str]] = {}
        excused = min(len(expected) // 4, self.rng.choice((0, 0, 1, 1, 1, 2, 2, 3)))
        unexcused = 1 if len(expected) > 3 and self.rng.random() < 0.12 else 0
        absent = self.rng.sample(expected, excused + unexcused) if expected else []
        for e in absent[:excused]:
            attendance[e.member_id] = ("absent_excused", _choice(self.rng, ABSENCE_REASONS))
        for e in absent[excused:]:
            attendance[e.member_id] = ("absent_unexcused", "")
        present = [e for e in expected if e.member_id not in attendance]
        return attendance, present

    def _item(self, topic: Topic, present: list[mt.RosterEntry], month: int) -> mt.AgendaInput:
        presenter = _choice(self.rng, present).name if present else ""
        content = topic.content.format(
            yield_=self.rng.randint(28, 46),
            area=self.rng.randint(12, 60),
            forest=self.rng.randint(80, 900),
            road=f"{self.rng.randrange(200, 1500, 50):,}".replace(",", "."),
            paid=max(len(present) - self.rng.randint(0, 2), 0),
            total=len(present),
        )
        count = min(len(present), self.rng.randint(1, 3), len(topic.speeches))
        speakers = self.rng.sample(present, count)
        texts = self.rng.sample(topic.speeches, count)
        return mt.AgendaInput(
            topic.title,
            presenter,
            content[0].upper() + content[1:],
            tuple(mt.Speech(s.name, t, s.member_id) for s, t in zip(speakers, texts, strict=True)),
            topic.conclusion,
        )

    def meeting(self, year: int, month: int, *, thematic: str, combined: bool) -> mt.MeetingInput | None:
        """`thematic`: "" for a regular meeting, else the thematic topic (combined or separate)."""
        rng = self.rng
        separate = bool(thematic) and not combined
        day = rng.randint(14, 20) if separate else rng.choice((3, 3, 3, 2, 4, 5, 5, 6, 8, 10))
        held = date(year, month, day)
        kind = "thematic" if separate else "regular"
        if held > self.end:
            if (year, month) != (self.end.year, self.end.month):
                return None
            return mt.MeetingInput(
                cell_id=self.cell.id,
                kind=kind,
                month=_month_key(year, month),
                planned_date=held,
                thematic_topic=thematic,
            )
        entries = mt.roster(self.session, self.cell.id, held)
        if not entries:
            return None
        attendance, present = self._attendance(entries)
        if not present:
            return None
        chair_id = _holder(self.cell.secretaries, held) or present[0].member_id
        if chair_id not in {p.member_id for p in present}:
            chair_id = present[0].member_id
        others = [p for p in present if p.member_id != chair_id] or present
        secretary_id = _holder(self.cell.deputies, held)
        if secretary_id not in {p.member_id for p in others}:
            secretary_id = _choice(rng, others).member_id
        chair = next(p for p in present if p.member_id == chair_id)
        start = (
            rng.choice(("19:30", "19:30", "20:00", "19:00"))
            if self.cell.evening
            else rng.choice(("14:00", "16:00"))
        )
        minutes = rng.choice((120, 120, 105, 150, 90, 75)) if not combined else rng.choice((150, 165, 180))
        guests: tuple[mt.Guest, ...] = ()
        assignee = _holder(self.cell.assignees, held)
        if assignee and rng.random() < 0.4:
            guests = (mt.Guest(assignee, "Đảng ủy viên", assigned=True),)
        agenda: list[mt.AgendaInput] = []
        tasks: list[mt.TaskInput] = []
        votes: list[mt.VoteInput] = []
        due = date(year + (month == 12), month % 12 + 1, 1) + timedelta(days=27)
        if separate:
            agenda.append(
                mt.AgendaInput(
                    "Trình bày và thảo luận chuyên đề",
                    chair.name,
                    "Đồng chí bí thư trình bày nội dung chuyên đề, liên hệ với thực tế của chi bộ.",
                    tuple(
                        mt.Speech(
                            s.name,
                            _choice(
                                rng,
                                (
                                    "Chuyên đề rất thiết thực, bản thân tôi sẽ tự liên hệ và sửa mình.",
                                    "Đề nghị mỗi đảng viên đăng ký một việc làm cụ thể để thực hiện.",
                                    "Đề nghị tuyên truyền nội dung chuyên đề trong buổi họp bản.",
                                ),
                            ),
                            s.member_id,
                        )
                        for s in rng.sample(present, min(len(present), rng.randint(1, 3)))
                    ),
                    "Mỗi đảng viên đăng ký việc làm theo chuyên đề và báo cáo tại kỳ sinh hoạt cuối quý.",
                )
            )
        else:
            previous = 12 if month == 1 else month - 1
            agenda.append(
                mt.AgendaInput(
                    f"Đánh giá kết quả thực hiện nhiệm vụ tháng {previous}, triển khai nhiệm vụ tháng {month}",
                    chair.name,
                    "Đồng chí bí thư báo cáo kết quả lãnh đạo thực hiện nhiệm vụ chính trị tháng trước; "
                    "quán triệt văn bản của Đảng ủy xã và triển khai nhiệm vụ tháng này.",
                    (),
                    "Chi bộ nhất trí với báo cáo và phương hướng nhiệm vụ tháng tới.",
                )
            )
            seasonal = [t for t in TOPICS if month in t.months]
            for topic in rng.sample(seasonal, min(len(seasonal), rng.choice((0, 1, 1, 2)))):
                agenda.append(self._item(topic, present, month))
                for text in topic.tasks:
                    tasks.append(mt.TaskInput(text, _choice(rng, present).name, due))
                if topic.vote:
                    officials = [p for p in present if p.membership == "official"]
                    votes.append(
                        mt.VoteInput(topic.vote_subject, len(officials), rule=topic.vote, method="hands")
                    )
            if not tasks:
                tasks.append(mt.TaskInput("Thực hiện nhiệm vụ theo phân công của chi bộ", chair.name, due))
            officials_present = sum(1 for p in present if p.membership == "official")
            abstain = 1 if officials_present > 8 and rng.random() < 0.15 else 0
            votes.insert(
                0,
                mt.VoteInput(
                    f"Nghị quyết sinh hoạt chi bộ tháng {month}",
                    officials_present - abstain,
                    0,
                    abstain,
                ),
            )
        unexcused = sum(1 for s, _r in attendance.values() if s == "absent_unexcused")
        score = rng.randint(70, 96) - 12 * unexcused - (8 if minutes < 90 else 0)
        return mt.MeetingInput(
            cell_id=self.cell.id,
            kind=kind,
            month=_month_key(year, month),
            held_date=held,
            planned_date=date(year, month, 3) if not separate else held,
            start_time=start,
            end_time=_add_minutes(start, minutes),
            place=self.cell.place,
            chair_member_id=chair_id,
            secretary_member_id=secretary_id,
            guests=guests,
            attendance=attendance,
            agenda=tuple(agenda),
            tasks=tuple(tasks),
            votes=tuple(votes),
            thematic_topic=thematic,
            thematic_presenter=chair.name if thematic else "",
            combined_thematic=bool(thematic) and combined,
            conclusion="Đồng chí chủ trì kết luận: chi bộ thống nhất các nội dung đã thảo luận; giao các "
            "đồng chí chi ủy viên theo dõi, đôn đốc thực hiện và báo cáo tại kỳ sinh hoạt sau.",
            quality_score=max(score, 40),
            prep_committee_met=rng.random() < 0.85,
            prep_members_notified=rng.random() < 0.95,
        )


def add_demo_meetings(
    db: Database,
    actor: Actor,
    *,
    seed: int,
    start: date,
    end: date,
    progress: Progress | None = None,
) -> int:
    """Record demo meetings from `start` to `end` (never after today) for every active cell; returns the
    number of meetings written (held and planned)."""
    end = min(end, today())
    with read_session(db, actor) as session:
        cells = _cells(session)
    months = _months(start, end)
    years = sorted({y for y, _m in months})
    total, done, written = len(cells) * len(years), 0, 0
    for cell in cells:
        rng = random.Random(f"demo-meetings:{seed}:{cell.name}")  # noqa: S311 - reproducible sample data
        # Per quarter: which month carries the thematic meeting, and whether it is combined.
        quarters = {
            (y, q): (rng.randint(0, 2), rng.random() < COMBINED_THEMATIC_SHARE, _choice(rng, THEMATIC_TOPICS))
            for y in years
            for q in range(4)
        }
        for year in years:
            with unit_of_work(db, actor) as session:
                writer = _Writer(session, cell, rng, end)
                for y, month in months:
                    if y != year:
                        continue
                    if rng.random() < MISSED_MONTH_SHARE and (y, month) != (end.year, end.month):
                        continue  # the cell did not meet this month
                    offset, combined, topic = quarters[(year, (month - 1) // 3)]
                    thematic_month = (month - 1) % 3 == offset
                    plans = [("", False)]
                    if thematic_month:
                        plans = [(topic, True)] if combined else [("", False), (topic, False)]
                    for thematic, is_combined in plans:
                        cmd = writer.meeting(year, month, thematic=thematic, combined=is_combined)
                        if cmd is not None:
                            mt.save_meeting(session, cmd)
                            written += 1
            done += 1
            if progress is not None:
                progress(done, total)
    return written
