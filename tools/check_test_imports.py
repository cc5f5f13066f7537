"""Fail when a tests/test_*.py module is not imported by tests/__init__.py:
Odoo runs only the imported ones, so a forgotten import is a missing test."""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.join(os.path.dirname(HERE), "tests")

with open(os.path.join(TESTS, "__init__.py")) as handle:
    imported = set(re.findall(r"^from \. import (\w+)", handle.read(), re.M))
modules = {name[:-3] for name in os.listdir(TESTS)
           if name.startswith("test_") and name.endswith(".py")}
missing = sorted(modules - imported)
unknown = sorted(imported - modules)
for name in missing:
    print("tests/%s.py is not imported by tests/__init__.py" % name)
for name in unknown:
    print("tests/__init__.py imports %s, which does not exist" % name)
if not modules:
    print("no test modules in tests/")
sys.exit(1 if missing or unknown or not modules else 0)
