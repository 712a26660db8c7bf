"""Move the Python message catalogue (src/helpers/catalogue/*.py) and the vocabularies'
``(English, Vietnamese)`` pairs (src/helpers/vocabulary.py) into the gettext files.

Reads the ``VI`` dict of every module of the old catalogue and the vocabulary module, from the
working tree or, with ``--rev``, from a git revision (after the modules are deleted or
rewritten, their last version is still in git). In the vocabulary module it rewrites every
pair in a table (a dict value of two string literals, ``"actual": ("result", "kết quả")``) to
its English marked with ``N_`` (``"actual": N_("result")``), keeping the Vietnamese for the
.po; the result is written to the working tree's src/helpers/vocabulary.py (a module already
rewritten has no pair left and is unchanged). Then it extracts the messages of the code as
``make messages-extract`` does, and writes:

- ``src/helpers/locale/messages.pot``, the template;
- ``src/helpers/locale/vi/LC_MESSAGES/messages.po``: each message of the code with its
  Vietnamese from the catalogue (or, for a message the catalogue lacks, from the .po already
  there), and a translator's comment naming the catalogue module(s) it was in
  (``# catalogue: profile``). A ``tr_n`` message is one entry, ``msgid`` the singular,
  ``msgid_plural`` the plural, ``msgstr[0]`` the plural's Vietnamese (Vietnamese has one form).

Same inputs, same bytes (sorted by msgid, no dates). It prints what it could not place:
catalogue messages the code no longer uses (dropped; mark a message kept in a table with
``N_`` where it is written if it is still used) and messages of the code with no Vietnamese
(left empty; the tests fail until one is written).

    .venv/bin/python tools/catalogue_to_po.py            # the modules in the working tree
    .venv/bin/python tools/catalogue_to_po.py --rev main # the modules as they are on main
"""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reportbuild import messages  # noqa: E402

CATALOGUE = "src/helpers/catalogue"
VOCABULARY = "src/helpers/vocabulary.py"


def _read(relative: str, rev: str | None) -> str:
    if rev is None:
        return (ROOT / relative).read_text(encoding="utf-8")
    return subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{rev}:{relative}"],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    ).stdout


def catalogue(rev: str | None = None) -> dict[str, tuple[str, list[str]]]:
    """English -> (Vietnamese, [modules it is in]) of the old catalogue; a message with two
    different Vietnamese texts is an error naming both modules (as the old catalogue's was)."""
    init = ast.parse(_read(f"{CATALOGUE}/__init__.py", rev))
    parts = next(
        ast.literal_eval(node.value)
        for node in init.body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "PARTS"
    )
    merged: dict[str, tuple[str, list[str]]] = {}
    for part in parts:
        namespace: dict = {}
        exec(
            compile(_read(f"{CATALOGUE}/{part}.py", rev), f"{CATALOGUE}/{part}.py", "exec"),
            namespace,
        )  # noqa: S102
        for english, vietnamese in namespace["VI"].items():
            if english in merged and merged[english][0] != vietnamese:
                raise SystemExit(
                    f"the message {english!r} has two Vietnamese texts, in "
                    f"{CATALOGUE}/{merged[english][1][0]}.py and {CATALOGUE}/{part}.py: keep one"
                )
            merged.setdefault(english, (vietnamese, []))[1].append(part)
    return merged


# The vocabulary module's docstring, said of the tables once they hold N_ messages.
DOCSTRING = [
    (
        "sees as an ``(English, Vietnamese)`` pair; :func:`label` picks the page's language\n"
        "(:mod:`helpers.i18n`).",
        "sees: its English, marked with ``N_``; its Vietnamese is in the gettext catalogue\n"
        "(src/helpers/locale/vi/LC_MESSAGES/messages.po), and :func:`label` gives the page's\n"
        "language (:mod:`helpers.i18n`).",
    ),
]


def _quoted(text: str) -> str:
    """A Python literal of ``text``, in double quotes as ruff writes them."""
    return f'"{text}"' if '"' not in text and "\\" not in text else repr(text)


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def vocabulary(rev: str | None = None) -> tuple[str, dict[str, tuple[str, list[str]]]]:
    """The vocabulary module with its tables' pairs rewritten to ``N_("English")``, and
    English -> (Vietnamese, [tables]) of the pairs it held."""
    source = _read(VOCABULARY, rev)
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))

    def position(line: int, column: int) -> int:  # ast columns count UTF-8 bytes
        return offsets[line - 1] + len(lines[line - 1].encode()[:column].decode())

    edits: list[tuple[int, int, str]] = []
    pairs: dict[str, tuple[str, list[str]]] = {}
    for node in tree.body:
        if isinstance(node, ast.AnnAssign):
            target = node.target
        elif isinstance(node, ast.Assign):
            target = node.targets[0]
        else:
            continue
        if not isinstance(target, ast.Name) or not isinstance(node.value, ast.Dict):
            continue
        rewritten = False
        for value in node.value.values:
            if not (isinstance(value, ast.Tuple) and len(value.elts) == 2):
                continue
            english, vietnamese = (_literal(e) for e in value.elts)
            if english is None or vietnamese is None:
                continue
            if english and pairs.get(english, (vietnamese,))[0] != vietnamese:
                raise SystemExit(
                    f"{VOCABULARY}: {english!r} has two Vietnamese texts, "
                    f"{pairs[english][0]!r} ({pairs[english][1][0]}) and {vietnamese!r} "
                    f"({target.id}): give one of them a different English"
                )
            if english:
                pairs.setdefault(english, (vietnamese, []))[1].append(target.id)
            start = position(value.lineno, value.col_offset)
            end = position(value.end_lineno, value.end_col_offset)
            edits.append((start, end, f"N_({_quoted(english)})" if english else '""'))
            rewritten = True
        if rewritten and isinstance(node, ast.AnnAssign):
            annotation = node.annotation
            start = position(annotation.lineno, annotation.col_offset)
            end = position(annotation.end_lineno, annotation.end_col_offset)
            if source[start:end] == "dict[str, tuple[str, str]]":
                edits.append((start, end, "dict[str, str]"))
    for start, end, text in sorted(edits, reverse=True):
        source = source[:start] + text + source[end:]
    imported = source.split("from helpers.i18n import ", 1)[1].split("\n", 1)[0]
    names = imported.split(", ")
    if pairs and "N_" not in names:
        # ruff's (isort's) order: constants, then classes, then the rest, each alphabetical
        order = sorted([*names, "N_"], key=lambda n: (not n.isupper(), not n[:1].isupper(), n))
        source = source.replace(
            f"from helpers.i18n import {imported}\n",
            f"from helpers.i18n import {', '.join(order)}\n",
            1,
        )
    for old, new in DOCSTRING:
        source = source.replace(old, new, 1)
    return source, pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rev", help="read the catalogue modules from this git revision")
    args = parser.parse_args(argv)
    table = catalogue(args.rev)
    rewritten, pairs = vocabulary(args.rev)
    for english, (vietnamese, tables) in pairs.items():
        if english in table and table[english][0] != vietnamese:
            raise SystemExit(
                f"{english!r} is {table[english][0]!r} in {CATALOGUE}/{table[english][1][0]}.py "
                f"but {vietnamese!r} in {VOCABULARY} ({tables[0]}): keep one"
            )
        table.setdefault(english, (vietnamese, []))[1].extend(f"vocabulary.{t}" for t in tables)
    vocabulary_path = ROOT / VOCABULARY
    if vocabulary_path.read_text(encoding="utf-8") != rewritten:
        vocabulary_path.write_text(rewritten, encoding="utf-8")
        ruff = ROOT / ".venv" / "bin" / "ruff"  # a long English on one line is wrapped
        if ruff.exists():
            subprocess.run([str(ruff), "format", "--quiet", str(vocabulary_path)], check=True)
        print(f"rewritten: {VOCABULARY} ({len(pairs)} pairs to N_ messages)")
    template = messages.extract()
    po = messages.updated(template, "vi")
    used = set()
    for message in po:
        if not message.id:
            continue
        plural = not isinstance(message.id, str)
        english = message.id[1] if plural else message.id  # tr_n: the plural's Vietnamese
        if english not in table:
            continue
        vietnamese, parts = table[english]
        used.add(english)
        message.string = (vietnamese,) if plural else vietnamese
        message.flags.discard("fuzzy")
        message.user_comments = [
            c for c in message.user_comments if not c.startswith("catalogue: ")
        ] + [f"catalogue: {', '.join(parts)}"]
    files = {
        messages.template_path(): messages.render(template),
        messages.po_path("vi"): messages.render(po),
    }
    changed = messages.write(files)
    print(
        f"{len(table)} messages in the catalogue and vocabulary, {len(used)} in the .po; written: "
        + (", ".join(str(p.relative_to(ROOT)) for p in changed) or "nothing (up to date)")
    )
    for english in sorted(set(table) - used):
        print(f"  not a message of the code (dropped): {english!r}")
    for line in messages.problems(po, template):
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
