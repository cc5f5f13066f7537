"""Static guards run by `make test` with the lint: every risky construct of
the addon's own code is either explained where it stands or reviewed in
tools/static_guards_allowlist.txt, and no SQL is built by string formatting.

Flagged (in the addon's runtime code: not tests/, tools/, bench/):
  sudo   ``.sudo()`` (superuser) not preceded by a comment saying why
  auth   ``auth="public"`` or ``auth="none"`` on a route
  csrf   ``csrf=False`` on a route
  t-raw  ``t-raw`` in a QWeb template (unescaped output)
Flagged everywhere (tests and tools included):
  sql    ``cr.execute(query)`` whose query is built with ``%``, ``+``,
         ``.format()`` or an f-string (directly or through a local variable)

An allowlist line is ``path :: kind :: source line (stripped) :: reason``;
the reason is mandatory. Line numbers are not part of it, so an entry
survives edits around it; an entry nothing matches any more is reported as
stale. Exit status 1 on any unreviewed finding, 0 otherwise.

    python tools/static_guards.py [ROOT] [--allowlist FILE]
"""
import argparse
import ast
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RUNTIME_EXCLUDED = ("tests/", "tools/", "bench/")
T_RAW = re.compile(r"\bt-raw\s*=")
COMMENT = re.compile(r"^\s*#")


class Finding:
    def __init__(self, path, line, kind, source):
        self.path, self.line, self.kind = path, line, kind
        self.source = source.strip()

    def key(self):
        return (self.path, self.kind, self.source)

    def __str__(self):
        return "%s:%s: [%s] %s" % (self.path, self.line, self.kind, self.source)


def _string_value(node):
    """The literal string of ``node`` (3.7's ast.Str or 3.8+'s Constant)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if hasattr(ast, "Str") and isinstance(node, getattr(ast, "Str")):
        return node.s
    return None


def _is_false(node):
    """A literal ``False`` (3.7's ast.NameConstant or 3.8+'s Constant)."""
    literal = (ast.Constant, getattr(ast, "NameConstant", ast.Constant))
    return isinstance(node, literal) and node.value is False


def _formatted(node):
    """Whether a query expression is built by string formatting."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(part, ast.FormattedValue) for part in node.values)
    if isinstance(node, ast.BinOp):
        if isinstance(node.op, ast.Mod):
            return True
        if isinstance(node.op, ast.Add):
            # Two literals glued with + are one literal; anything else is not.
            return not (_literal_concat(node.left) and _literal_concat(node.right))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr == "format" and _string_value(node.func.value) is not None
    return False


def _literal_concat(node):
    if _string_value(node) is not None:
        return True
    return (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add)
            and _literal_concat(node.left) and _literal_concat(node.right))


def _is_cursor(node):
    """``cr``, ``self.cr``, ``self._cr``, ``env.cr``, ``self.env.cr``..."""
    if isinstance(node, ast.Name):
        return node.id in ("cr", "cursor", "_cr")
    if isinstance(node, ast.Attribute):
        return node.attr in ("cr", "_cr", "cursor")
    return False


def _comment_before(lines, first_line, call_line):
    """Whether a comment explains the statement: on the line just above the
    statement (the last line of a comment block), on a line of the statement
    before the call, or at the end of the call's line."""
    above = first_line - 2
    while above >= 0 and not lines[above].strip():
        above -= 1
    if above >= 0 and COMMENT.match(lines[above]):
        return True
    for number in range(first_line - 1, call_line):
        if COMMENT.match(lines[number]):
            return True
    return "#" in lines[call_line - 1].split("sudo(", 1)[-1]


class PythonGuard(ast.NodeVisitor):

    def __init__(self, path, text, runtime):
        self.path, self.runtime = path, runtime
        self.lines = text.splitlines()
        self.findings = []
        self.statement = None
        self.assigned = [{}]

    def add(self, node, kind):
        self.findings.append(
            Finding(self.path, node.lineno, kind, self.lines[node.lineno - 1]))

    def generic_visit(self, node):
        if isinstance(node, ast.stmt):
            outer, self.statement = self.statement, node
            super().generic_visit(node)
            self.statement = outer
        else:
            super().generic_visit(node)

    def _function(self, node):
        self.assigned.append({})
        self.generic_visit(node)
        self.assigned.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = _function

    def visit_Assign(self, node):
        for target in node.targets:
            if isinstance(target, ast.Name):
                self.assigned[-1].setdefault(target.id, []).append(node.value)
        self.generic_visit(node)

    def visit_AugAssign(self, node):
        if isinstance(node.target, ast.Name):
            self.assigned[-1].setdefault(node.target.id, []).append(
                ast.BinOp(left=node.target, op=node.op, right=node.value))
        self.generic_visit(node)

    def visit_Call(self, node):
        func = node.func
        if isinstance(func, ast.Attribute):
            if (func.attr == "sudo" and self.runtime and not node.args
                    and not node.keywords):
                first = self.statement.lineno if self.statement else node.lineno
                if not _comment_before(self.lines, first, node.lineno):
                    self.add(node, "sudo")
            if func.attr == "execute" and _is_cursor(func.value) and node.args:
                query = node.args[0]
                built = _formatted(query)
                if isinstance(query, ast.Name):
                    built = any(_formatted(value)
                                for value in self.assigned[-1].get(query.id, []))
                if built:
                    self.add(node, "sql")
        if self.runtime and self._is_route(func):
            for keyword in node.keywords:
                value = keyword.value
                if keyword.arg == "auth" and _string_value(value) in ("public", "none"):
                    self.add(keyword.value, "auth")
                if keyword.arg == "csrf" and _is_false(value):
                    self.add(keyword.value, "csrf")
        self.generic_visit(node)

    @staticmethod
    def _is_route(func):
        return ((isinstance(func, ast.Attribute) and func.attr == "route")
                or (isinstance(func, ast.Name) and func.id == "route"))


def scan_python(path, text, runtime):
    guard = PythonGuard(path, text, runtime)
    guard.visit(ast.parse(text, filename=path))
    return guard.findings


def scan_xml(path, text):
    return [Finding(path, number, "t-raw", line)
            for number, line in enumerate(text.splitlines(), 1) if T_RAW.search(line)]


def tracked_files(root):
    try:
        out = subprocess.run(
            ["git", "ls-files", "-co", "--exclude-standard"], cwd=root,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True)
        names = out.stdout.decode().splitlines()
    except (OSError, subprocess.CalledProcessError):
        names = [os.path.relpath(os.path.join(folder, name), root)
                 for folder, _dirs, files in os.walk(root) for name in files]
    return sorted(name for name in names if name.endswith((".py", ".xml"))
                  and not name.startswith("."))


def scan(root):
    findings = []
    for name in tracked_files(root):
        if name.startswith("tools/static_guards"):
            continue
        with open(os.path.join(root, name), encoding="utf-8") as handle:
            text = handle.read()
        runtime = not name.startswith(RUNTIME_EXCLUDED)
        if name.endswith(".py"):
            findings += scan_python(name, text, runtime)
        elif runtime:
            findings += scan_xml(name, text)
    return findings


def read_allowlist(path):
    """{(path, kind, source): reason}, and the malformed lines."""
    entries, errors = {}, []
    if not os.path.exists(path):
        return entries, errors
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = [part.strip() for part in line.split(" :: ")]
            if len(parts) != 4 or not all(parts):
                errors.append("%s:%s: expected 'path :: kind :: source :: reason'"
                              % (path, number))
                continue
            entries[tuple(parts[:3])] = parts[3]
    return entries, errors


def check(root, allowlist):
    entries, errors = read_allowlist(allowlist)
    findings = scan(root)
    unreviewed = [finding for finding in findings if finding.key() not in entries]
    seen = {finding.key() for finding in findings}
    stale = [key for key in entries if key not in seen]
    return unreviewed, stale, errors


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", nargs="?", default=os.path.dirname(HERE))
    parser.add_argument("--allowlist",
                        default=os.path.join(HERE, "static_guards_allowlist.txt"))
    args = parser.parse_args(argv)
    unreviewed, stale, errors = check(args.root, args.allowlist)
    for finding in unreviewed:
        print("unreviewed: %s" % finding)
    for key in stale:
        print("stale allowlist entry (nothing matches it): %s" % " :: ".join(key))
    for error in errors:
        print(error)
    if unreviewed:
        print("Explain each sudo() in a comment above it, or review the finding "
              "and add it to %s with a reason; never build SQL with %%, +, "
              ".format() or f-strings (pass parameters to execute)." % args.allowlist)
    ok = not (unreviewed or stale or errors)
    print("static guards: %s" % ("ok" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
