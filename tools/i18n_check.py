"""Fail when i18n/vi.po misses or leaves fuzzy a term of the exported .pot:
the UI is Vietnamese first, so an untranslated string is a defect.

    python tools/i18n_check.py i18n/paperless_meeting.pot i18n/vi.po
"""
import sys

from babel.messages.pofile import read_po


def load(path):
    with open(path, "rb") as handle:
        return read_po(handle)


def main(pot_path, po_path):
    template, catalog = load(pot_path), load(po_path)
    problems = []
    for message in template:
        if not message.id:
            continue
        translated = catalog.get(message.id, message.context)
        if translated is None or not translated.string:
            problems.append("untranslated: %r" % (message.id,))
        elif translated.fuzzy:
            problems.append("fuzzy: %r" % (message.id,))
    for problem in problems:
        print(problem)
    if problems:
        print("%d of the %d terms lack a Vietnamese translation in %s"
              % (len(problems), len([m for m in template if m.id]), po_path))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
