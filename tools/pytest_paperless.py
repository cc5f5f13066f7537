"""pytest plugin for the addon's suite (loaded with ``-p``).

Odoo's HttpCase reads ``odoo.tests.common.PORT`` at import time, before
pytest-odoo parses the configuration: point it at the configured port.
A plugin rather than a conftest.py at the addon root, so pytest never imports
the addon outside the ``odoo.addons`` namespace.
"""
import odoo


def pytest_sessionstart(session):
    odoo.tests.common.PORT = odoo.tools.config["http_port"]
