/* The meeting room's live vote count (chair and office): polls the ballot's
 * /my/ballot/<id>/live route every few seconds and updates the numbers; when
 * the ballot changes state (closed elsewhere) the page reloads to show the
 * result. Plain script, no framework: the room pages load no Odoo assets. */
(function () {
    "use strict";
    var PERIOD_MS = 3000;
    var panels = document.querySelectorAll("[data-pm-live]");
    if (!panels.length || !window.XMLHttpRequest) {
        return;
    }

    function update(panel, data) {
        if (data.state !== panel.getAttribute("data-pm-state")) {
            window.location.reload();
            return;
        }
        var fields = panel.querySelectorAll("[data-pm-field]");
        for (var i = 0; i < fields.length; i++) {
            var value = data[fields[i].getAttribute("data-pm-field")];
            if (value !== undefined) {
                fields[i].textContent = value;
            }
        }
        var counts = panel.querySelectorAll("[data-pm-option]");
        for (var j = 0; j < counts.length; j++) {
            var option = data.options[+counts[j].getAttribute("data-pm-option")];
            if (option) {
                counts[j].textContent = option.count;
            }
        }
    }

    function poll(panel) {
        var request = new XMLHttpRequest();
        request.open("GET", panel.getAttribute("data-pm-live"));
        request.setRequestHeader("Accept", "application/json");
        request.onload = function () {
            if (request.status === 200) {
                update(panel, JSON.parse(request.responseText));
            }
        };
        request.send();
    }

    window.setInterval(function () {
        for (var i = 0; i < panels.length; i++) {
            poll(panels[i]);
        }
    }, PERIOD_MS);
}());
