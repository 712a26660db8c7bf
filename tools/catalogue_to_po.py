"""Move the Python message catalogue (src/helpers/catalogue/*.py) into the gettext files.

Reads the ``VI`` dict of every module of the old catalogue, from the working tree or, with
``--rev``, from a git revision (after the modules are deleted, their last version is still in
git), extracts the messages of the code as ``make messages-extract`` does, and writes:

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rev", help="read the catalogue modules from this git revision")
    args = parser.parse_args(argv)
    table = catalogue(args.rev)
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
        f"{len(table)} messages in the catalogue, {len(used)} placed in the .po; written: "
        + (", ".join(str(p.relative_to(ROOT)) for p in changed) or "nothing (up to date)")
    )
    for english in sorted(set(table) - used):
        print(f"  not a message of the code (dropped): {english!r}")
    for line in messages.problems(po, template):
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
