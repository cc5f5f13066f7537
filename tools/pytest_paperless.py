"""pytest plugin for the addon's suite (loaded with ``-p``).

- Odoo's HttpCase reads ``odoo.tests.common.PORT`` when tests are built:
  point it at the configured port.
- The HTTP server for HttpCase is started here, once, and waited for.
  pytest-odoo's ``--odoo-http`` calls ``odoo.service.server.start(stop=True)``
  for every test module; on Odoo 11 that spawns the HTTP thread and at once
  stops the server, which shuts the HTTP thread down whenever it was quick
  enough to bind first (a race: "Connection refused" in whole modules), and
  a second module's start fails with "Address already in use".

A plugin rather than a conftest.py at the addon root, so pytest never imports
the addon outside the ``odoo.addons`` namespace.
"""
import socket
import time

import odoo
import odoo.service.server
import odoo.service.wsgi_server


def _wait_for_port(host, port, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with socket.create_connection((host, port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("Odoo's HTTP server did not start on %s:%s" % (host, port))


def pytest_sessionstart(session):
    port = odoo.tools.config["http_port"]
    odoo.tests.common.PORT = port
    # pytest-odoo's per-module start: nothing more to start (see above).
    odoo.service.server.start = lambda *args, **kwargs: 0
    if session.config.getoption("--odoo-http"):
        server = odoo.service.server.ThreadedServer(
            odoo.service.wsgi_server.application)
        server.http_spawn()
        odoo.service.server.server = server
        _wait_for_port(odoo.tests.common.HOST, port)
