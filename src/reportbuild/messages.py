"""The pages' message catalogue as gettext files: extract the messages, keep each .po in step.

Files, under ``src/helpers/locale/``:

- ``messages.pot``, the template: every message of the code, found by Babel's extractor as
  ``pybabel extract`` does (``babel.cfg``: literals given to ``tr``, ``tr_n`` and ``N_``), with
  the files it comes from (no line numbers, so that moving code does not change the template);
- ``<language>/LC_MESSAGES/messages.po``, a language's texts: English ``msgid``, the language's
  ``msgstr``; Poedit and Weblate open it (Weblate: "gettext PO file", template ``messages.pot``);
- ``messages.mo`` beside each ``.po``, compiled at build by ``make messages`` (not committed):
  what :func:`helpers.i18n.translation` reads.

English is the source language: its text is the ``msgid`` in the code, so it has no ``.po``.

``python -m reportbuild.messages extract`` (``make messages-extract``) writes the template from
the code and brings every ``.po`` in step with it: a new message gets an empty ``msgstr`` (the
tests fail until it is written), a changed one is marked fuzzy with the old text as a suggestion
(fuzzy texts are not compiled: the tests fail until it is reviewed), a message gone from the
code is dropped; translations and translators' comments are kept. Both files are sorted by
``msgid`` and carry no dates, so the same code gives the same bytes.
``python -m reportbuild.messages check`` exits 1, naming the file, when either is not what
``extract`` would write now. ``python -m reportbuild.messages compile [PO MO]`` compiles a .po
(``make messages`` runs it), or every language's without arguments (the conda route).
"""

from __future__ import annotations

import argparse
import copy
import io
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from helpers import config
from helpers.i18n import LANGUAGES, LOCALE_DIR, fields_of

ROOT = config.PROJECT_ROOT
MAPPING = "babel.cfg"
PROJECT = "giamngheo-notebooks"
WIDTH = 100  # the code's line length: long messages wrap less
HEADER = (
    "# The messages of the Giảm nghèo notebooks' pages{what}.\n"
    "# Written by `python -m reportbuild.messages extract` (make messages-extract)."
)
# Header fields that change with the day a file is written: left out, so that files are
# reproducible (Poedit may add them back; the check compares messages of the .po, not bytes).
_DATED = ('"POT-Creation-Date:', '"PO-Revision-Date:')


def po_path(language: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / language / "LC_MESSAGES" / "messages.po"


def template_path(locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / "messages.pot"


def translated_languages() -> list[str]:
    """The languages with a .po: every language of the pages but English, the source."""
    return [language for language in LANGUAGES if language != "en"]


def extract(root: Path = ROOT) -> Catalog:
    """The template: every message of the code under ``root``, as ``pybabel extract`` finds it
    with ``root/babel.cfg`` (Babel's default keywords, among them ``N_``, plus the mapping's)."""
    with (root / MAPPING).open(encoding="utf-8") as mapping:
        method_map, options_map = parse_mapping_cfg(mapping, str(root / MAPPING))
    template = Catalog(project=PROJECT, header_comment=HEADER.format(what=""), fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        root, method_map, options_map, keywords=DEFAULT_KEYWORDS
    ):
        template.add(
            message,
            None,
            [(Path(filename).as_posix(), lineno)],
            auto_comments=comments,
            context=context,
        )
    return template


def updated(template: Catalog, language: str, locale_dir: Path = LOCALE_DIR) -> Catalog:
    """``language``'s .po brought in step with ``template`` (a new .po if there is none)."""
    path = po_path(language, locale_dir)
    if path.exists():
        with path.open("rb") as f:
            catalog = read_po(f, locale=language)
    else:
        catalog = Catalog(locale=language, project=PROJECT, fuzzy=False)
    # update() takes the template's Message objects into the .po: a copy keeps them apart
    catalog.update(copy.deepcopy(template), update_creation_date=False)
    catalog.obsolete.clear()
    catalog.header_comment = HEADER.format(what=f" in {catalog.locale.english_name}")
    catalog.fuzzy = False
    return catalog


def render(catalog: Catalog) -> bytes:
    """A catalogue's file: sorted by msgid, files without line numbers, no dates.

    Babel flags a message with a ``%`` that looks like a printf conversion ("(% of households)"
    reads as ``% o``) as ``python-format``; the messages are ``str.format`` texts
    (``python-brace-format``), so that flag is dropped: Poedit would check the wrong syntax.
    """
    for message in catalog:
        message.flags.discard("python-format")
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH, sort_output=True, include_lineno=False)
    lines = buffer.getvalue().decode("utf-8").splitlines(keepends=True)
    return "".join(line for line in lines if not line.startswith(_DATED)).encode("utf-8")


def outputs(root: Path = ROOT, locale_dir: Path = LOCALE_DIR) -> dict[Path, bytes]:
    """What ``extract`` writes: the template and every language's .po, by path."""
    template = extract(root)
    files = {template_path(locale_dir): render(template)}
    for language in translated_languages():
        files[po_path(language, locale_dir)] = render(updated(template, language, locale_dir))
    return files


def stale(root: Path = ROOT, locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """The catalogue files that are not what ``extract`` would write now."""
    return [
        path
        for path, content in outputs(root, locale_dir).items()
        if not path.exists() or path.read_bytes() != content
    ]


def problems(catalog: Catalog, template: Catalog) -> list[str]:
    """What stops a .po from serving every message of ``template``, one line each: a message
    without text, a fuzzy (unreviewed) text, other ``{fields}``, a msgid the code lacks."""
    out = []
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id}
    for message in catalog:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        english = [message.id] if isinstance(message.id, str) else list(message.id)
        texts = [message.string] if isinstance(message.string, str) else list(message.string)
        where = f"{catalog.locale}: {key!r}"
        if key not in ids:
            out.append(f"{where}: not a message of the code (obsolete)")
        elif not all(t and t.strip() for t in texts):
            out.append(f"{where}: no text")
        elif message.fuzzy:
            out.append(f"{where}: fuzzy (the English changed): review the text, remove the flag")
        elif any(fields_of(t) != fields_of(english[-1]) for t in texts):
            out.append(f"{where}: its fields {sorted(fields_of(texts[0]))} are not the English's")
    present = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
    out += [f"{catalog.locale}: {key!r}: missing from the .po" for key in sorted(ids - present)]
    out += [f"{catalog.locale}: {m.id!r}: obsolete entry" for m in catalog.obsolete.values()]
    return out


def compile_catalogue(po: Path, mo: Path) -> None:
    """Compile ``po`` to ``mo`` (fuzzy texts left out), written whole or not at all.

    ``pybabel compile`` would refuse a message such as "(% of households)" whose ``%`` Babel
    takes for a printf conversion; the messages' ``{fields}`` are checked by the tests instead.
    """
    with po.open("rb") as f:
        catalog = read_po(f, locale=po.parent.parent.name)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    partial = mo.with_name(mo.name + ".partial")
    partial.write_bytes(buffer.getvalue())
    partial.replace(mo)


def write(files: dict[Path, bytes]) -> list[Path]:
    """Write the files whose bytes changed; returns them."""
    changed = []
    for path, content in files.items():
        if not path.exists() or path.read_bytes() != content:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            changed.append(path)
    return changed


def _relative(paths: Iterable[Path]) -> str:
    return ", ".join(str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else str(p) for p in paths)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m reportbuild.messages",
        description="Extract the pages' messages into messages.pot and each language's .po.",
    )
    parser.add_argument("command", choices=("extract", "check", "compile"))
    parser.add_argument(
        "files", nargs="*", type=Path, help="compile: a .po and its .mo (default: every language)"
    )
    args = parser.parse_args(argv)
    if args.command == "compile":
        if len(args.files) not in (0, 2):
            parser.error("compile takes no file (every language) or a .po and the .mo to write")
        pairs = (
            [args.files]
            if args.files
            else [
                (po_path(language), po_path(language).with_suffix(".mo"))
                for language in translated_languages()
            ]
        )
        for po, mo in pairs:
            compile_catalogue(po, mo)
        return 0
    if args.command == "check":
        if paths := stale():
            print(
                f"not what extraction writes now: {_relative(paths)}; run `make messages-extract`",
                file=sys.stderr,
            )
            return 1
        return 0
    changed = write(outputs())
    print(f"written: {_relative(changed)}" if changed else "the catalogue files were up to date")
    template = extract()
    for language in translated_languages():
        with po_path(language).open("rb") as f:
            for line in problems(read_po(f, locale=language), template):
                print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
