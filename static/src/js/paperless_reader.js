/* Copyright 2026 paperless_meeting contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
 *
 * The phone reader: draws the stamped copy (the only copy it ever loads)
 * page by page with Odoo's pdf.js, and tells the server where the reader
 * is, so the next visit opens there. Plain ES5: the page has no Odoo
 * JavaScript framework. */
(function () {
    'use strict';

    var root = document.getElementById('pm-reader');
    if (!root) {
        return;
    }
    var $ = function (selector) {
        return root.querySelector(selector);
    };
    var canvas = $('.pm-reader-canvas');
    var sheet = $('.pm-reader-sheet');
    var pageInput = $('.pm-reader-page');
    var prev = $('.pm-reader-prev');
    var next = $('.pm-reader-next');
    var zoomLevel = $('.pm-reader-zoom-level');
    var status = $('.pm-reader-status');
    var failed = $('.pm-reader-failed');
    var ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];
    var state = {
        pdf: null,
        page: parseInt(root.getAttribute('data-page'), 10) || 1,
        count: parseInt(root.getAttribute('data-page-count'), 10) || 0,
        zoom: 2, // index in ZOOMS: 100 % of the sheet's width
        rendering: false,
        wanted: null,
        saveTimer: null,
    };

    function fail() {
        status.classList.add('hidden');
        failed.classList.remove('hidden');
    }

    function saveProgress() {
        clearTimeout(state.saveTimer);
        state.saveTimer = setTimeout(function () {
            var xhr = new XMLHttpRequest();
            xhr.open('POST', root.getAttribute('data-progress-url'));
            xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');
            xhr.send('page=' + state.page + '&csrf_token=' +
                encodeURIComponent(root.getAttribute('data-csrf-token')));
        }, 600);
    }

    function showControls() {
        pageInput.value = state.page;
        prev.disabled = state.page <= 1;
        next.disabled = state.page >= state.count;
        zoomLevel.textContent = Math.round(ZOOMS[state.zoom] * 100) + '%';
        var notePage = $('.pm-reader-note-page');
        if (notePage) {
            notePage.value = state.page;
            $('.pm-reader-note-page-label').textContent = state.page;
        }
    }

    function render(number) {
        if (state.rendering) {
            state.wanted = number;
            return;
        }
        state.rendering = true;
        state.pdf.getPage(number).then(function (page) {
            var natural = page.getViewport(1);
            var width = sheet.clientWidth || natural.width;
            var scale = width / natural.width * ZOOMS[state.zoom];
            var ratio = window.devicePixelRatio || 1;
            var viewport = page.getViewport(scale * ratio);
            canvas.width = Math.floor(viewport.width);
            canvas.height = Math.floor(viewport.height);
            canvas.style.width = Math.floor(viewport.width / ratio) + 'px';
            canvas.style.height = Math.floor(viewport.height / ratio) + 'px';
            return page.render({
                canvasContext: canvas.getContext('2d'),
                viewport: viewport,
            });
        }).then(function () {
            state.rendering = false;
            status.classList.add('hidden');
            root.setAttribute('data-rendered-page', number);
            if (state.wanted !== null) {
                var wanted = state.wanted;
                state.wanted = null;
                render(wanted);
            }
        }, function () {
            state.rendering = false;
            fail();
        });
    }

    function go(number, keep) {
        if (!state.pdf) {
            return;
        }
        number = Math.max(1, Math.min(state.count, parseInt(number, 10) || 1));
        var moved = number !== state.page;
        state.page = number;
        showControls();
        render(number);
        if (moved && !keep) {
            saveProgress();
        }
    }

    function zoom(index) {
        state.zoom = Math.max(0, Math.min(ZOOMS.length - 1, index));
        go(state.page, true);
    }

    prev.addEventListener('click', function () {
        go(state.page - 1);
    });
    next.addEventListener('click', function () {
        go(state.page + 1);
    });
    pageInput.addEventListener('change', function () {
        go(pageInput.value);
    });
    $('.pm-reader-zoom-in').addEventListener('click', function () {
        zoom(state.zoom + 1);
    });
    $('.pm-reader-zoom-out').addEventListener('click', function () {
        zoom(state.zoom - 1);
    });
    $('.pm-reader-zoom-fit').addEventListener('click', function () {
        zoom(2);
    });
    document.addEventListener('keydown', function (event) {
        var tag = (event.target.tagName || '').toLowerCase();
        if (tag === 'input' || tag === 'textarea' || tag === 'select') {
            return;
        }
        if (event.key === 'ArrowLeft' || event.key === 'PageUp') {
            go(state.page - 1);
        } else if (event.key === 'ArrowRight' || event.key === 'PageDown') {
            go(state.page + 1);
        }
    });
    Array.prototype.forEach.call(root.querySelectorAll('.pm-reader-goto'), function (link) {
        link.addEventListener('click', function (event) {
            event.preventDefault();
            go(link.getAttribute('data-page'));
            window.scrollTo(0, root.offsetTop);
        });
    });

    if (typeof PDFJS === 'undefined') {
        fail();
        return;
    }
    // The stamped copy, fetched once: every page the reader sees carries
    // their name, and the server logs this one access.
    var xhr = new XMLHttpRequest();
    xhr.open('GET', root.getAttribute('data-src'));
    xhr.responseType = 'arraybuffer';
    xhr.onload = function () {
        if (xhr.status !== 200) {
            fail();
            return;
        }
        PDFJS.getDocument({data: new Uint8Array(xhr.response)}).then(function (pdf) {
            state.pdf = pdf;
            state.count = pdf.numPages;
            var resumed = $('.pm-reader-resumed');
            if (resumed && state.page > 1) {
                resumed.classList.remove('hidden');
            }
            go(state.page, true);
        }, fail);
    };
    xhr.onerror = fail;
    xhr.send();
}());
