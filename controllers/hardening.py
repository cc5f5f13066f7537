# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Production hardening of Odoo 11's own web routes (README "Production").

* ``redirect`` parameters of /web, /web/login, /web/dbredirect and
  /web/session/logout: only a path of this site is followed; anything else
  (another host, ``//host``, ``/\\host``, a scheme) is dropped, so a link in a
  phishing mail cannot bounce a logged-in user to a look-alike site.
* The database manager (/web/database/*) answers 404: databases are created,
  copied, backed up and dropped by the IT staff's tools (make backup/restore).
* The session cookie: ``SameSite=Lax``, ``Secure`` over HTTPS (behind the
  reverse proxy with ``proxy_mode``) or when ``paperless_cookie_secure`` is
  set, and a lifetime of ``paperless_session_lifetime`` seconds without a
  request (default 8 hours) instead of Odoo's 90 days; an idle session is
  logged out on the server too, not only forgotten by the browser.

* Mail templates over RPC (README "Odoo 11 end of support"): Odoo 11 lets
  every internal user write ``mail.template`` records and render any text as
  a Jinja template (``render_template``), and mass-mail composers render
  their body the same way; the pinned Jinja2 2.11 has known sandbox escapes.
  Over RPC (the web client's call_kw, XML-RPC, JSON-RPC), only the
  administrators (Settings) may do more than read templates, or use a
  mass-mail composer. The server's own sending (invitations) is untouched.
* The mail gateway over RPC (CVE-2018-15645): ``message_process`` and the
  routing methods behind it are public methods of every mail.thread model,
  so any user could hand Odoo a crafted message and its route (a model and
  the values of a new record). Over RPC only the administrators may; the
  incoming mail of the units' aliases is fetched on the server (fetchmail),
  which is not an RPC call.

The cookie and RPC rules patch Odoo for the whole process: load the addon in
``server_wide_modules`` (deploy/odoo.conf) so that they hold from the first
request of every worker.
"""
import time

import werkzeug.exceptions
import werkzeug.urls

import odoo
import odoo.addons.web.controllers.main as web_main
from odoo import _, http
from odoo.exceptions import AccessError
from odoo.http import request
from odoo.tools import config

from odoo.addons.web.controllers.main import Database, Home, Session

DEFAULT_LIFETIME = 8 * 60 * 60
# The idle stamp is refreshed at most this often (a session file write).
STAMP_EVERY = 60
SEEN_KEY = "paperless_seen"


def local_url(url):
    """``url`` if it is a path on this site, else None."""
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    if not url.startswith("/") or url.startswith("//"):
        return None
    if any(char in url for char in "\\\r\n\t") or not url.isprintable():
        return None
    parsed = werkzeug.urls.url_parse(url)
    if parsed.scheme or parsed.netloc:
        return None
    return url


def _only_local_redirect():
    """Drop a foreign ``redirect`` from the request's parameters; return the
    local one, or None."""
    url = local_url(request.params.get("redirect"))
    if url is None:
        request.params.pop("redirect", None)
    return url


class HardenedHome(Home):

    @http.route()
    def web_client(self, s_action=None, **kw):
        if "redirect" in kw:
            kw["redirect"] = _only_local_redirect()
        return super().web_client(s_action=s_action, **kw)

    @http.route()
    def web_db_redirect(self, redirect="/", **kw):
        return super().web_db_redirect(redirect=local_url(redirect) or "/", **kw)

    @http.route()
    def web_login(self, redirect=None, **kw):
        return super().web_login(redirect=_only_local_redirect(), **kw)


class HardenedSession(Session):

    @http.route()
    def logout(self, redirect="/web"):
        return super().logout(redirect=local_url(redirect) or "/web")


class NoDatabaseManager(Database):
    """Every route of Odoo's database manager, refused."""

    @staticmethod
    def _refuse():
        raise werkzeug.exceptions.NotFound()

    @http.route()
    def selector(self, **kw):
        return self._refuse()

    @http.route()
    def manager(self, **kw):
        return self._refuse()

    @http.route()
    def create(self, master_pwd=None, name=None, lang=None, password=None,
               **post):  # pylint: disable=method-required-super
        return self._refuse()

    @http.route()
    def duplicate(self, master_pwd=None, name=None, new_name=None):
        return self._refuse()

    @http.route()
    def drop(self, master_pwd=None, name=None):
        return self._refuse()

    @http.route()
    def backup(self, master_pwd=None, name=None, backup_format="zip"):
        return self._refuse()

    @http.route()
    def restore(self, master_pwd=None, backup_file=None, name=None, copy=False):
        return self._refuse()

    @http.route()
    def change_password(self, master_pwd=None, master_pwd_new=None):
        return self._refuse()

    @http.route()
    def list(self):
        return self._refuse()


def session_lifetime():
    try:
        return int(config.get("paperless_session_lifetime") or DEFAULT_LIFETIME)
    except (TypeError, ValueError):
        return DEFAULT_LIFETIME


def _cookie_secure(httprequest):
    return httprequest.scheme == "https" or bool(config.get("paperless_cookie_secure"))


def _setup_session(root, httprequest):
    explicit = _setup_session.odoo(root, httprequest)
    session = httprequest.session
    seen = session.get(SEEN_KEY)
    if session.uid and seen and time.time() - seen > session_lifetime():
        # Idle too long: logged out here, whatever the browser still holds.
        session.logout(keep_db=True)
    return explicit


def _get_response(root, httprequest, result, explicit_session):
    session = httprequest.session
    now = int(time.time())
    if session.uid and now - (session.get(SEEN_KEY) or 0) > STAMP_EVERY:
        session[SEEN_KEY] = now
    response = _get_response.odoo(root, httprequest, result, explicit_session)
    cookies = response.headers.getlist("Set-Cookie") if hasattr(
        response, "headers") else []
    if any(cookie.startswith("session_id=") for cookie in cookies):
        response.headers.remove("Set-Cookie")
        for cookie in cookies:
            if not cookie.startswith("session_id="):
                response.headers.add("Set-Cookie", cookie)
        response.set_cookie(
            "session_id", session.sid, max_age=session_lifetime(), httponly=True,
            secure=_cookie_secure(httprequest), samesite="Lax")
    return response


# What the web client reads of templates; anything else is an administrator's.
TEMPLATE_READS = {
    "read", "search_read", "search", "search_count", "name_get", "name_search",
    "fields_get", "fields_view_get", "load_views", "read_group", "default_get",
    "onchange", "check_access_rights",
}


def _mentions(value, needle):
    if isinstance(value, str):
        return value == needle
    if isinstance(value, dict):
        return any(_mentions(item, needle) for item in value.values())
    if isinstance(value, (list, tuple)):
        return any(_mentions(item, needle) for item in value)
    return False


# The mail gateway's entry points (mail.thread), for any model.
GATEWAY_METHODS = {
    "message_process", "message_route", "message_route_process",
    "message_route_verify", "message_new", "message_update", "message_parse",
    "message_parse_extract_payload",
}


def _check_rpc(model, name, args, kwargs):
    """Refuse the template and mail gateway calls of README "Odoo 11 end of
    support" to anyone but the administrators."""
    if name in GATEWAY_METHODS and not model.env.user._is_system():
        context = model.env.context  # noqa: F841 pylint: disable=unused-variable
        raise AccessError(_("Only the administrators may hand messages to the "
                            "mail gateway."))
    if model._name not in ("mail.template", "mail.compose.message"):
        return
    if model.env.user._is_system():
        return
    if model._name == "mail.template":
        refused = name not in TEMPLATE_READS
    else:
        refused = name.startswith("render") or _mentions([args, kwargs], "mass_mail")
    if refused:
        # _() reads the language from a local named context.
        context = model.env.context  # noqa: F841 pylint: disable=unused-variable
        raise AccessError(_("Only the administrators may edit or render e-mail "
                            "templates."))


def _call_kw(model, name, args, kwargs):
    _check_rpc(model, name, args, kwargs)
    return _call_kw.odoo(model, name, args, kwargs)


def _patch_root():
    root_class = odoo.http.Root
    if getattr(root_class.setup_session, "odoo", None):
        return
    _setup_session.odoo = root_class.setup_session
    _get_response.odoo = root_class.get_response
    root_class.setup_session = _setup_session
    root_class.get_response = _get_response
    # RPC: odoo.service.model (XML-RPC, JSON-RPC) and the web client's
    # call_kw (imported by name into web's controllers).
    _call_kw.odoo = odoo.api.call_kw
    odoo.api.call_kw = _call_kw
    web_main.call_kw = _call_kw


_patch_root()
