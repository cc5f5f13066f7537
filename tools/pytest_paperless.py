"""pytest plugin for the addon's suite (loaded with ``-p``).

- Odoo's HttpCase reads ``odoo.tests.common.PORT`` when tests are built:
  point it at the configured port.
- pytest-odoo starts Odoo's server for every test module; in Odoo 11 each
  start spawns another HTTP thread on the same port ("Address already in
  use"). Start it once per session.

A plugin rather than a conftest.py at the addon root, so pytest never imports
the addon outside the ``odoo.addons`` namespace.
"""
import odoo
import odoo.service.server


def pytest_sessionstart(session):
    odoo.tests.common.PORT = odoo.tools.config["http_port"]
    start = odoo.service.server.start
    started = []

    def start_once(*args, **kwargs):
        if started:
            return 0
        started.append(True)
        return start(*args, **kwargs)

    odoo.service.server.start = start_once
