"""SQL hygiene (issue 3 §6): no value ever goes into SQL text. An AST scan of the application finds
every `execute` / `exec_driver_sql` / `executemany` / `executescript` / SQLAlchemy `text()` call whose
SQL is built at run time (f-string, `%`, `.format()`, `+`, `"sep".join(...)`), following a local
variable to what was assigned or appended to it and a helper to what it returns, and fails when a
built-in part is anything but a literal, a module constant holding a literal, a quoted identifier
(`quote_identifier` / `_quote`: identifiers cannot be bound parameters), an `int()` or one of the few
allow-listed expressions below, each with its reason. Values always go in as bound parameters."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCANNED = ("models", "forms", "exports", "ui")
SQL_METHODS = frozenset({"execute", "exec_driver_sql", "executemany", "executescript"})

# Calls whose result is safe inside SQL text, whatever their argument.
SAFE_CALLS = {
    "quote_identifier": "models.dbfile: an identifier in double quotes, embedded quotes doubled",
    "_quote": "the same identifier quoting (models/demo_province.py)",
    "int": "an integer carries no SQL",
}

# (file, expression as ast.unparse writes it) -> why it is safe. PRAGMA statements take no bound
# parameters, so a key or a number has to be written into their text.
ALLOWED: dict[tuple[str, str], str] = {
    ("models/db.py", "key.hex()"): "PRAGMA key cannot be bound; hex digits of the 32-byte key only",
}


def sources() -> Iterator[Path]:
    for package in SCANNED:
        yield from sorted((ROOT / package).rglob("*.py"))
    yield ROOT / "main.py"


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _is_str(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


@dataclass
class Scope:
    """The assignments of one function (or the module): name -> values assigned or appended."""

    values: dict[str, list[ast.expr]] = field(default_factory=dict)

    def add(self, name: str, value: ast.expr) -> None:
        self.values.setdefault(name, []).append(value)


def _scope_of(node: ast.AST) -> Scope:
    scope = Scope()
    for child in ast.walk(node):
        if isinstance(child, ast.Assign):
            for target in child.targets:
                if isinstance(target, ast.Name):
                    scope.add(target.id, child.value)
        elif isinstance(child, ast.AnnAssign | ast.AugAssign) and isinstance(child.target, ast.Name):
            if child.value is not None:
                scope.add(child.target.id, child.value)
        elif (
            isinstance(child, ast.Call)
            and isinstance(child.func, ast.Attribute)
            and child.func.attr in {"append", "extend", "insert"}
            and isinstance(child.func.value, ast.Name)
            and child.args
        ):
            scope.add(child.func.value.id, child.args[-1])
    return scope


@dataclass
class Module:
    name: str
    tree: ast.Module
    constants: set[str]  # module-level names bound only to literals
    uses_sqlalchemy_text: bool


@dataclass
class Scanner:
    modules: list[Module]
    returns: dict[str, list[tuple[Module, ast.FunctionDef, ast.expr]]]  # helper name -> returned exprs
    found: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, paths: list[Path]) -> Scanner:
        modules: list[Module] = []
        returns: dict[str, list[tuple[Module, ast.FunctionDef, ast.expr]]] = {}
        for path in paths:
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            constants = {
                target.id
                for node in tree.body
                if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
                for target in node.targets
                if isinstance(target, ast.Name)
            }
            text_import = any(
                isinstance(node, ast.ImportFrom)
                and (node.module or "").startswith("sqlalchemy")
                and any(a.name == "text" for a in node.names)
                for node in ast.walk(tree)
            )
            module = Module(_name(path), tree, constants, text_import)
            modules.append(module)
            for node in tree.body:  # module-level helpers (a method named like one is not followed)
                if isinstance(node, ast.FunctionDef) and node.name not in SQL_METHODS | {"text"}:
                    for ret in ast.walk(node):
                        if isinstance(ret, ast.Return) and ret.value is not None:
                            returns.setdefault(node.name, []).append((module, node, ret.value))
        return cls(modules, returns)

    def scan(self) -> list[str]:
        for module in self.modules:
            self._scan_node(module, module.tree, _scope_of(module.tree))
        return self.found

    def _scan_node(self, module: Module, node: ast.AST, scope: Scope) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                self._scan_node(module, child, _scope_of(child))
                continue
            if isinstance(child, ast.Call) and child.args and self._is_sql_call(module, child):
                self._check(module, scope, child.args[0], child.lineno, set())
            self._scan_node(module, child, scope)

    @staticmethod
    def _is_sql_call(module: Module, node: ast.Call) -> bool:
        name = _call_name(node)
        if name in SQL_METHODS:
            return True
        if name != "text":
            return False
        func = node.func
        if isinstance(func, ast.Attribute):
            return isinstance(func.value, ast.Name) and func.value.id in {"sa", "sqlalchemy"}
        return module.uses_sqlalchemy_text

    def _check(self, module: Module, scope: Scope, sql: ast.expr, line: int, seen: set[int]) -> None:
        """Report every part of a built SQL string that is not known to be safe."""
        for part in self._parts(module, scope, sql, seen):
            if not self._safe(module, part):
                self.found.append(
                    f"{module.name}:{line}: SQL text built from `{ast.unparse(part)}` "
                    "(bind it as a parameter, quote an identifier, or allow-list it with a reason)"
                )

    def _parts(self, module: Module, scope: Scope, node: ast.expr, seen: set[int]) -> list[ast.expr]:
        """The run-time parts of a string expression; [] when it is a literal or not a built string."""
        if id(node) in seen:
            return []
        seen = seen | {id(node)}
        if isinstance(node, ast.JoinedStr):
            out: list[ast.expr] = []
            for value in node.values:
                if isinstance(value, ast.FormattedValue):
                    out += self._operand(module, scope, value.value, seen)
            return out
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            if self._stringy(module, scope, node.left, seen) or self._stringy(
                module, scope, node.right, seen
            ):
                return self._operand(module, scope, node.left, seen) + self._operand(
                    module, scope, node.right, seen
                )
            return []
        if (
            isinstance(node, ast.BinOp)
            and isinstance(node.op, ast.Mod)
            and self._stringy(module, scope, node.left, seen)
        ):
            args = node.right.elts if isinstance(node.right, ast.Tuple) else [node.right]
            return self._parts(module, scope, node.left, seen) + [
                p for a in args for p in self._operand(module, scope, a, seen)
            ]
        if isinstance(node, ast.IfExp):
            return self._parts(module, scope, node.body, seen) + self._parts(module, scope, node.orelse, seen)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr == "format" and self._stringy(module, scope, node.func.value, seen):
                args = [*node.args, *(k.value for k in node.keywords)]
                return [p for a in args for p in self._operand(module, scope, a, seen)]
            if node.func.attr == "join" and _is_str(node.func.value) and node.args:
                return self._items(module, scope, node.args[0], seen)
        if isinstance(node, ast.Name) and node.id in scope.values:
            return [
                p
                for value in scope.values[node.id]
                if self._stringy(module, scope, value, seen)
                for p in self._parts(module, scope, value, seen)
            ]
        if (
            isinstance(node, ast.Call)
            and _call_name(node) in self.returns
            and _call_name(node) not in SAFE_CALLS
        ):
            out = []
            for helper_module, function, value in self.returns[_call_name(node)]:
                if self._stringy(helper_module, _scope_of(function), value, seen):
                    out += [
                        p
                        for p in self._parts(helper_module, _scope_of(function), value, seen)
                        if not self._safe(helper_module, p)
                    ]
            return out
        return []

    def _items(self, module: Module, scope: Scope, node: ast.expr, seen: set[int]) -> list[ast.expr]:
        """The parts of what a `"sep".join(x)` joins: a comprehension's element or a list's items."""
        if isinstance(node, ast.GeneratorExp | ast.ListComp | ast.SetComp):
            return self._operand(module, scope, node.elt, seen)
        if isinstance(node, ast.List | ast.Tuple):
            return [p for e in node.elts for p in self._operand(module, scope, e, seen)]
        if isinstance(node, ast.Name) and node.id in scope.values:
            out: list[ast.expr] = []
            for value in scope.values[node.id]:
                out += self._items(module, scope, value, seen) if isinstance(value, ast.List) else []
                if not isinstance(value, ast.List | ast.ListComp | ast.GeneratorExp):
                    out += self._operand(module, scope, value, seen)  # an appended item
            return out
        return [node]

    def _operand(self, module: Module, scope: Scope, node: ast.expr, seen: set[int]) -> list[ast.expr]:
        """One piece put into the SQL text: nothing when literal, its own parts when it is itself a
        built string (followed through local names), else the piece itself."""
        if isinstance(node, ast.Constant):
            return []
        if self._stringy(module, scope, node, seen):
            return self._parts(module, scope, node, seen)
        return [node]

    def _stringy(self, module: Module, scope: Scope, node: ast.expr, seen: set[int]) -> bool:
        """Is `node` a string (literal or built at run time)?"""
        if _is_str(node) or isinstance(node, ast.JoinedStr):
            return True
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
            return self._stringy(module, scope, node.left, seen) or (
                isinstance(node.op, ast.Add) and self._stringy(module, scope, node.right, seen)
            )
        if isinstance(node, ast.IfExp):
            return self._stringy(module, scope, node.body, seen) or self._stringy(
                module, scope, node.orelse, seen
            )
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            return (node.func.attr in {"format", "join"} and _is_str(node.func.value)) or (
                node.func.attr == "format" and self._stringy(module, scope, node.func.value, seen)
            )
        if isinstance(node, ast.Name) and node.id in scope.values and id(node) not in seen:
            inner = seen | {id(node)}
            return any(self._stringy(module, scope, v, inner) for v in scope.values[node.id])
        if (
            isinstance(node, ast.Call)
            and _call_name(node) in self.returns
            and _call_name(node) not in SAFE_CALLS
        ):
            return any(
                self._stringy(m, _scope_of(f), v, seen | {id(node)})
                for m, f, v in self.returns[_call_name(node)]
            )
        return False

    @staticmethod
    def _safe(module: Module, part: ast.expr) -> bool:
        if isinstance(part, ast.Constant):
            return True
        if isinstance(part, ast.Name) and part.id in module.constants:
            return True
        if isinstance(part, ast.Call) and _call_name(part) in SAFE_CALLS:
            return True
        return (module.name, ast.unparse(part)) in ALLOWED


def problems(paths: list[Path]) -> list[str]:
    return Scanner.of(paths).scan()


def test_application_sql_is_never_built_from_values() -> None:
    assert problems(list(sources())) == []


def test_every_allow_list_entry_is_still_used() -> None:
    """An entry whose expression is gone from its file would silently allow it elsewhere later."""
    for (name, expression), reason in ALLOWED.items():
        assert reason
        tree = ast.parse((ROOT / name).read_text(encoding="utf-8"))
        assert any(ast.unparse(n) == expression for n in ast.walk(tree) if isinstance(n, ast.expr)), name


BAD = """
from sqlalchemy import text

LIMIT = 10


def key_sql(key):
    return f"PRAGMA key = '{key}'"


def run(conn, session, name, user, table, ids):
    conn.execute(f"SELECT * FROM members WHERE name = '{name}'")
    conn.exec_driver_sql("SELECT * FROM members WHERE id = %s" % user)
    session.execute(text("DELETE FROM {} WHERE id = 1".format(table)))
    conn.execute("SELECT * FROM " + table)
    query = "SELECT * FROM members WHERE cccd = '" + user + "'"
    conn.execute(query)
    parts = []
    parts.append(f"name = '{name}'")
    conn.execute("SELECT * FROM members WHERE " + " AND ".join(parts))
    conn.execute(key_sql(user))
    conn.executescript("DELETE FROM members WHERE id IN (" + ", ".join(ids) + ")")
"""

GOOD = """
from sqlalchemy import select, text


def _quote(name):
    return '"' + name.replace('"', '""') + '"'


LIMIT = 10


def run(conn, session, name, table, columns):
    conn.execute("SELECT * FROM members WHERE name = ?", (name,))
    session.execute(text("SELECT * FROM members WHERE name = :name"), {"name": name})
    conn.execute("SELECT * FROM " + _quote(table))
    conn.exec_driver_sql(f"PRAGMA busy_timeout={LIMIT}")
    conn.execute(f"PRAGMA user_version = {int(name)}")
    conn.execute("BEGIN" if name else "BEGIN IMMEDIATE")
    query = select(table).where(table.c.name == name)
    session.execute(query)
    listed = ", ".join(_quote(c) for c in columns)
    conn.execute("SELECT " + listed + " FROM " + _quote(table))
    label.text(name)
"""


def test_the_scanner_catches_each_way_of_building_sql(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(BAD, encoding="utf-8")
    found = problems([bad])
    lines = sorted({int(f.split(":")[1]) for f in found})
    expected = [
        n for n, text in enumerate(BAD.splitlines(), 1) if text.lstrip().startswith(("conn.", "session."))
    ]
    assert len(expected) == 8
    assert lines == expected, found


def test_the_scanner_accepts_bound_parameters_and_quoted_identifiers(tmp_path: Path) -> None:
    good = tmp_path / "good.py"
    good.write_text(GOOD, encoding="utf-8")
    assert problems([good]) == []


# ---------------------------------------------------------------- the violation this scan found


def test_encrypting_a_plain_database_quotes_its_table_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The row counts that verify an encryption put the plain file's own table names into SQL: a name
    with a double quote in it once broke out of its quotes (an unhandled error mid-encryption)."""
    import sqlite3

    from exports import keyring
    from models import auth
    from models.setup import open_app_database

    monkeypatch.setattr(auth, "CURRENT_KDF", auth.KdfParams(64, 1, 1))
    path = tmp_path / "cu.db"
    open_app_database(path, create=True, check_drive=False).close()
    with sqlite3.connect(path) as conn:
        conn.execute('CREATE TABLE "ghi ""chú"" cũ" (x)')
        conn.executemany('INSERT INTO "ghi ""chú"" cũ" VALUES (?)', [(1,), (2,)])
    conn.close()
    result = keyring.encrypt_plain_database(path, "quantri", "mật khẩu dài 2026")
    assert result.recovery_code
    unlocked = keyring.unlock(path, "quantri", "mật khẩu dài 2026", check_drive=False)
    with unlocked, unlocked.db.engine.connect() as db_conn:
        count = db_conn.exec_driver_sql('SELECT count(*) FROM "ghi ""chú"" cũ"').scalar()
    assert count == 2
