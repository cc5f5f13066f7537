"""Merge a fresh .pot into i18n/vi.po, as msgmerge would: the entries and
their Odoo references come from the .pot, the translations from vi.po; new
terms stay empty (and are listed), obsolete ones are dropped. Odoo needs its
``#:`` references verbatim, so blocks are copied as text, not rewritten.

    python tools/i18n_update.py i18n/paperless_meeting.pot i18n/vi.po
"""
import ast
import sys

from babel.messages.pofile import read_po


def _quote(text):
    return '"%s"' % (text.replace("\\", "\\\\").replace('"', '\\"')
                     .replace("\n", "\\n").replace("\t", "\\t"))


def _msgstr_lines(text):
    if "\n" not in text[:-1]:
        return ["msgstr %s" % _quote(text)]
    parts = text.split("\n")
    chunks = [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
    return ['msgstr ""'] + [_quote(chunk) for chunk in chunks]


def _msgid(block_lines):
    chunks, inside = [], False
    for line in block_lines:
        if line.startswith("msgid "):
            inside = True
            line = line[len("msgid "):]
        elif line.startswith("msgstr"):
            break
        if inside and line.startswith('"'):
            chunks.append(ast.literal_eval(line))
    return "".join(chunks)


def main(pot_path, po_path):
    with open(po_path, "rb") as handle:
        translations = {m.id: m.string for m in read_po(handle) if m.id}
    with open(po_path, encoding="utf-8") as handle:
        header = handle.read().split("\n\n", 1)[0]
    with open(pot_path, encoding="utf-8") as handle:
        blocks = handle.read().strip("\n").split("\n\n")
    out, missing = [header], []
    for block in blocks[1:]:
        lines = block.split("\n")
        msgid = _msgid(lines)
        cut = next(i for i, line in enumerate(lines) if line.startswith("msgstr"))
        translated = translations.get(msgid) or ""
        if not translated:
            missing.append(msgid)
        out.append("\n".join(lines[:cut] + _msgstr_lines(translated)))
    with open(po_path, "w", encoding="utf-8") as handle:
        handle.write("\n\n".join(out) + "\n")
    for term in missing:
        print("new term: %r" % (term,))


if __name__ == "__main__":
    main(*sys.argv[1:])
