odoo.define('paperless_meeting.summernote_lang', function (require) {
"use strict";

/**
 * web_editor fills the HTML editor's words ($.summernote.lang.odoo) with
 * _t() when its module loads, before the web client has loaded the user's
 * translations: every tooltip stays English. Translate them once the first
 * editor starts, when the translations are there.
 */
var core = require('web.core');
var backend = require('web_editor.backend');

var _t = core._t;
var translated = false;

function translate(words) {
    _.each(words, function (value, key) {
        if (_.isString(value)) {
            words[key] = _t(value);
        } else if (_.isObject(value)) {
            translate(value);
        }
    });
}

backend.FieldTextHtmlSimple.include({
    _getSummernoteConfig: function () {
        if (!translated && $.summernote.lang.odoo) {
            translate($.summernote.lang.odoo);
            translated = true;
        }
        return this._super.apply(this, arguments);
    },
});

});
