"""Screenshot a page of a running server as a given user, at a given width.

    .venv/bin/python tools/screenshot.py URL LOGIN PASSWORD OUT.png [WIDTH]
        [--click CSS_SELECTOR]...

Waits for the Odoo web client to finish rendering before the shot; each
``--click`` clicks the first element matching it first (a form's tab, say).
"""
import importlib.util
import json
import os
import sys
import time
from urllib.parse import urlsplit

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    "chromium", os.path.join(HERE, "..", "tests", "chromium.py"))
chromium = importlib.util.module_from_spec(spec)
spec.loader.exec_module(chromium)


def main(url, login, password, out, width="1280", clicks=()):
    width = int(width)
    parts = urlsplit(url)
    base = "%s://%s" % (parts.scheme, parts.netloc)
    with chromium.Chromium(width=width, height=900 if width > 600 else 844,
                           mobile=width <= 600) as browser:
        browser.login(base, login, password)
        browser.open(url)
        if "/web" in parts.path:
            browser.wait_for("document.querySelector('.o_content, .o_form_view')")
        time.sleep(2)
        for selector in clicks:
            browser.evaluate("document.querySelector(%s).click()"
                             % json.dumps(selector))
            time.sleep(1)
        print(browser.screenshot(out))


if __name__ == "__main__":
    args, clicks = [], []
    argv = iter(sys.argv[1:])
    for arg in argv:
        if arg == "--click":
            clicks.append(next(argv))
        else:
            args.append(arg)
    main(*args, clicks=clicks)
