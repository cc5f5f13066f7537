"""Fill empty msgstr entries of a .po from a JSON {msgid: msgstr} file or
from another .po (e.g. a fragment translated on a branch).

    python tools/i18n_fill.py i18n/vi.po terms.json|fragment.po [--overwrite]

With --overwrite, translations already in the .po are replaced too (a
fragment that corrects wording, e.g. "Bạn" to "Đồng chí").
"""
import json
import sys

from babel.messages.pofile import read_po


def main(po_path, json_path, overwrite=False):
    if json_path.endswith(".po"):
        with open(json_path, "rb") as handle:
            new = {m.id: m.string for m in read_po(handle) if m.id and m.string}
    else:
        with open(json_path, encoding="utf-8") as handle:
            new = json.load(handle)
    with open(po_path, "rb") as handle:
        known = {m.id for m in read_po(handle) if m.id and m.string}
    with open(po_path, encoding="utf-8") as handle:
        blocks = handle.read().rstrip("\n").split("\n\n")
    sys.path.insert(0, __file__.rsplit("/", 1)[0])
    from i18n_update import _msgid, _msgstr_lines
    for index, block in enumerate(blocks[1:], 1):
        lines = block.split("\n")
        msgid = _msgid(lines)
        if msgid in new and (overwrite or msgid not in known):
            cut = next(i for i, line in enumerate(lines) if line.startswith("msgstr"))
            blocks[index] = "\n".join(lines[:cut] + _msgstr_lines(new[msgid]))
    with open(po_path, "w", encoding="utf-8") as handle:
        handle.write("\n\n".join(blocks) + "\n")


if __name__ == "__main__":
    arguments = [argument for argument in sys.argv[1:] if argument != "--overwrite"]
    main(*arguments, overwrite="--overwrite" in sys.argv)
