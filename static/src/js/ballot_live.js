odoo.define('paperless_meeting.ballot_live', function (require) {
"use strict";
/**
 * Live result panel of a ballot for the chair and the secretary.
 *
 * Listens on the bus channel [db, 'paperless.ballot', id] that the server
 * notifies after each vote and on open/close, and re-renders without a
 * reload. Before closing, a secret ballot only shows how many have voted.
 * A slow RPC refresh covers a missed notification.
 */
var AbstractField = require('web.AbstractField');
var core = require('web.core');
var fieldRegistry = require('web.field_registry');
var session = require('web.session');
var bus = require('bus.bus').bus;

var _t = core._t;
var REFRESH_MS = 15000;

var BallotLive = AbstractField.extend({
    className: 'o_paperless_ballot_live',
    supportedFieldTypes: ['integer'],

    start: function () {
        var self = this;
        this.live = null;
        if (this.res_id) {
            this.channel = JSON.stringify([session.db, 'paperless.ballot', this.res_id]);
            bus.add_channel(JSON.parse(this.channel));
            bus.on('notification', this, this._onNotification);
            bus.start_polling();
            this.timer = setInterval(function () { self._fetch(); }, REFRESH_MS);
            this._fetch();
        }
        return this._super.apply(this, arguments);
    },
    destroy: function () {
        if (this.channel) {
            bus.off('notification', this, this._onNotification);
            clearInterval(this.timer);
        }
        this._super.apply(this, arguments);
    },
    _fetch: function () {
        var self = this;
        return this._rpc({
            model: 'paperless.ballot',
            method: 'live_data',
            args: [[this.res_id]],
        }).then(function (data) {
            self.live = data;
            self._render();
        });
    },
    _onNotification: function (notifications) {
        var self = this;
        _.each(notifications, function (notification) {
            if (JSON.stringify(notification[0]) === self.channel) {
                self.live = notification[1];
                self._render();
            }
        });
    },
    _render: function () {
        var data = this.live;
        var $panel = $('<div class="panel panel-default"/>');
        if (!data) {
            this.$el.empty().append($panel.text(this.value || 0));
            return;
        }
        var $body = $('<div class="panel-body"/>').appendTo($panel);
        $('<div class="o_paperless_live_total"/>')
            .text(_.str.sprintf(_t('%s of %s present members have voted'),
                  data.vote_total, data.present_count))
            .appendTo($body);
        if (data.options.length) {
            var max = Math.max(1, data.present_count);
            _.each(data.options, function (option) {
                var percent = Math.round(100 * option.count / max);
                var $row = $('<div class="o_paperless_live_option"/>').appendTo($body);
                $('<span class="o_paperless_live_name"/>').text(option.name).appendTo($row);
                $('<span class="badge pull-right"/>').text(option.count).appendTo($row);
                $('<div class="progress"><div class="progress-bar"/></div>')
                    .find('.progress-bar').css('width', percent + '%')
                    .toggleClass('progress-bar-success', !!option.elected).end()
                    .appendTo($row);
            });
        } else if (data.state === 'open') {
            $('<div class="text-muted"/>')
                .text(_t('Secret ballot: the result is shown when the voting closes.'))
                .appendTo($body);
        }
        if (data.state === 'closed' && data.result) {
            $('<h3/>').text(data.result === 'passed' ? _t('Passed') : _t('Rejected'))
                .toggleClass('text-success', data.result === 'passed')
                .toggleClass('text-danger', data.result !== 'passed')
                .appendTo($body);
        }
        this.$el.empty().append($panel);
    },
});

fieldRegistry.add('paperless_ballot_live', BallotLive);

return BallotLive;
});
