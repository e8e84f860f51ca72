"""Raw scans of files for personal data: whole names (NFC and NFD) and CCCD numbers, in UTF-8 and in
UTF-16-LE (either byte alignment), anywhere in the bytes.

Looking for thousands of needles in megabytes directly is slow, so the bytes are first decoded each
way and cut down to the runs of Vietnamese-Latin text (letters with their diacritics, digits, spaces)
at least as long as the shortest needle; random ciphertext yields few such runs, and any needle
stored in clear lies inside one of them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

# Letters and digits of Vietnamese text: ASCII, Latin-1 and Latin Extended-A/B up to ư, the combining
# tone marks of NFD text and the precomposed Vietnamese block.
_LATIN = "0-9A-Za-z \u00c0-\u01b0\u0300-\u0323\u1ea0-\u1ef9"


class Scanner:
    def __init__(self, texts: Iterable[str]) -> None:
        forms = set()
        for text in texts:
            if text:
                forms.add(unicodedata.normalize("NFC", text))
                forms.add(unicodedata.normalize("NFD", text))
        if not forms:
            msg = "nothing to look for"
            raise ValueError(msg)
        self.needles = sorted(forms)
        shortest = min(len(n) for n in self.needles)
        self._run = re.compile(f"[{_LATIN}]{{{shortest},}}")

    def found_in(self, data: bytes) -> list[str]:
        """The needles that occur in `data` (in any of the encodings)."""
        views = (
            data.decode("utf-8", "replace"),
            data.decode("utf-16-le", "replace"),
            data[1:].decode("utf-16-le", "replace"),
        )
        runs = "\n".join(run for view in views for run in self._run.findall(view))
        return [n for n in self.needles if n in runs]

    def scan(self, *paths: Path) -> list[str]:
        """`file: needle` for every needle found in the files (folders are walked)."""
        leaks = []
        for path in paths:
            files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
            for file in files:
                if file.exists():
                    leaks += [f"{file.name}: {n!r}" for n in self.found_in(file.read_bytes())]
        return leaks


def demo_people(path: Path) -> tuple[list[str], list[str], list[str]]:
    """Every person's whole name (members and candidates), every CCCD and the cell names of an
    encrypted demo database: what a leak scan looks for."""
    from sqlalchemy import select

    from exports import keyring
    from models.db import read_session
    from models.entities import Member
    from models.entities_work import Candidate
    from models.services import organisation as org

    with (
        keyring.unlock(path, keyring.DEMO_LOGIN, keyring.DEMO_PASSWORD, check_drive=False) as unlocked,
        read_session(unlocked.db, unlocked.actor) as session,
    ):
        people = list(
            session.execute(
                select(Member.family_name, Member.middle_name, Member.given_name, Member.cccd)
            ).all()
        )
        people += session.execute(
            select(Candidate.family_name, Candidate.middle_name, Candidate.given_name, Candidate.cccd)
        ).all()
        cells = [c.name for c in org.list_cells(session)]
    names = sorted({" ".join(p for p in row[:3] if p) for row in people})
    return names, sorted({row[3] for row in people if row[3]}), cells
