odoo.define('paperless_meeting.crash_manager', function (require) {
"use strict";

/**
 * The server titles every refused or failed call "Odoo Server Error"
 * (odoo/http.py), in English whatever the user's language, and the web
 * client shows that title as is, over a mere warning too. Title the dialogs
 * in the user's language instead: a notice for a warning, an error for an
 * error.
 */
var core = require('web.core');
var CrashManager = require('web.CrashManager');

var _t = core._t;
var SERVER_TITLE = "Odoo Server Error";

CrashManager.include({
    show_warning: function (error) {
        if (error.message === SERVER_TITLE) {
            error = _.extend({}, error, {message: _t("Notice")});
        }
        return this._super(error);
    },
    show_error: function (error) {
        if (error.message === SERVER_TITLE) {
            error = _.extend({}, error, {message: _t("System error")});
        }
        return this._super(error);
    },
});

});
