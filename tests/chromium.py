# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A headless Chromium driven over the DevTools protocol, for the tests that
look at pages the way a person does and for screenshots (tools/screenshot.py).
Needs Debian's ``chromium`` and the ``websocket-client`` package."""
import base64
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

import websocket

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
    "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--hide-scrollbars",
    "--disable-dev-shm-usage",
]


def chromium_binary():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    raise RuntimeError("Chromium is not installed (Debian package: chromium)")


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Chromium:
    """One browser with one tab; use as a context manager."""

    def __init__(self, width=1280, height=900, mobile=False,
                 timezone="Asia/Ho_Chi_Minh"):
        self.width, self.height, self.mobile = width, height, mobile
        self.timezone = timezone
        self.profile = tempfile.mkdtemp(prefix="pm-chromium-")
        self.port = _free_port()
        self.process = None
        self.socket = None
        self._next_id = 0

    def __enter__(self):
        self.process = subprocess.Popen(
            [chromium_binary()] + CHROMIUM_FLAGS + [
                "--remote-debugging-port=%d" % self.port,
                "--user-data-dir=%s" % self.profile, "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        while True:
            try:
                with urllib.request.urlopen(
                        "http://127.0.0.1:%d/json" % self.port, timeout=2) as reply:
                    tabs = [tab for tab in json.load(reply) if tab["type"] == "page"]
            except OSError:  # not listening yet
                tabs = []
            if tabs:
                break
            if time.time() > deadline:
                raise RuntimeError("Chromium did not start")
            time.sleep(0.2)
        self.socket = websocket.create_connection(
            tabs[0]["webSocketDebuggerUrl"], timeout=30, suppress_origin=True)
        self.send("Page.enable")
        self.send("Emulation.setDeviceMetricsOverride", width=self.width,
                  height=self.height, deviceScaleFactor=1, mobile=self.mobile)
        # Odoo 11's web client shows datetimes in the browser's time zone.
        self.send("Emulation.setTimezoneOverride", timezoneId=self.timezone)
        return self

    def __exit__(self, *exc):
        if self.socket:
            self.socket.close()
        if self.process:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)

    def on_event(self, message):
        """Called with each event the browser sends while a command waits
        for its answer (subclasses record what they need)."""

    def send(self, method, **params):
        self._next_id += 1
        message_id = self._next_id
        self.socket.send(json.dumps({"id": message_id, "method": method,
                                     "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if "method" in message:
                self.on_event(message)
            if message.get("id") == message_id:
                if "error" in message:
                    raise RuntimeError("%s: %s" % (method, message["error"]))
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", expression=expression,
                           returnByValue=True, awaitPromise=True)
        return result.get("result", {}).get("value")

    def wait_for(self, expression, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            # Coerce in the page: a DOM node does not survive serialization.
            if self.evaluate("!!(%s)" % expression):
                return True
            time.sleep(0.25)
        raise AssertionError("timed out waiting for: %s" % expression)

    def open(self, url, ready="document.readyState === 'complete'"):
        # Always a full load: on /web already (after a login), a change of
        # the #fragment alone may race the web client's own start and the
        # view never opens.
        url = url.replace("/web#", "/web?#", 1)
        self.send("Page.navigate", url=url)
        time.sleep(0.3)
        self.wait_for(ready)

    def login(self, base_url, login, password):
        self.open(base_url + "/web/login")
        self.evaluate(
            "document.querySelector('input[name=login]').value = %s;"
            "document.querySelector('input[name=password]').value = %s;"
            "document.querySelector('form.oe_login_form').submit();"
            % (json.dumps(login), json.dumps(password)))
        time.sleep(0.5)
        self.wait_for("document.readyState === 'complete' && "
                      "!location.pathname.startsWith('/web/login')")

    def text(self, selector="body"):
        return self.evaluate(
            "(document.querySelector(%s) || {innerText: ''}).innerText"
            % json.dumps(selector))

    def screenshot(self, path, full_page=True):
        params = {"format": "png"}
        if full_page:
            height = self.evaluate("document.documentElement.scrollHeight") \
                or self.height
            params["clip"] = {"x": 0, "y": 0, "width": self.width,
                              "height": max(height, self.height), "scale": 1}
            params["captureBeyondViewport"] = True
        data = self.send("Page.captureScreenshot", **params)["data"]
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(base64.b64decode(data))
        return path
