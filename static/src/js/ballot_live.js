odoo.define('paperless_meeting.ballot_live', function (require) {
"use strict";
/**
 * Live result panel of a ballot for the chair and the secretary.
 *
 * Listens to the bus notifications the server pushes on the ballots' live
 * channel after each vote and on open/close, and re-renders without a
 * reload. Before closing, a secret ballot only shows how many have voted.
 * A slow RPC refresh covers a missed notification.
 */
var AbstractField = require('web.AbstractField');
var core = require('web.core');
var fieldRegistry = require('web.field_registry');
var bus = require('bus.bus').bus;

var _t = core._t;
var REFRESH_MS = 15000;

var BallotLive = AbstractField.extend({
    className: 'o_paperless_ballot_live',
    supportedFieldTypes: ['integer'],

    /**
     * The panel has something to show from the first vote on, including
     * "0 of N": an integer 0 must not count as an empty field (which the
     * form hides in read mode).
     */
    isSet: function () {
        return true;
    },

    start: function () {
        var self = this;
        this.live = null;
        if (this.res_id) {
            // The server subscribes the office and the chair to the live
            // channel (controllers/bus.py): no channel to add here.
            bus.on('notification', this, this._onNotification);
            this.timer = setInterval(function () { self._fetch(); }, REFRESH_MS);
            this._fetch();
        }
        return this._super.apply(this, arguments);
    },
    destroy: function () {
        if (this.timer) {
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
            var message = notification[1];
            if (message && message.type === 'paperless.ballot.live' &&
                    message.ballot_id === self.res_id) {
                self.live = message;
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
