// Elsa Studio's list elements raise callbacks instead of navigating; send the browser to the matching studio page.
// The callbacks are set once the element is defined: Blazor's custom element replaces properties set before that.
(function () {
    var studio = document.getElementById('studio');
    if (!studio) return;
    var tag = studio.tagName.toLowerCase();
    function idOf(value, key) {
        if (value && typeof value === 'object') return value[key] || value.id || value.value;
        return value;
    }
    function go(query) { window.location.href = window.location.pathname + query; }
    customElements.whenDefined(tag).then(function () {
        if (tag === 'elsa-workflow-definition-list') {
            studio.editWorkflowDefinition = function (arg) { go('?definition=' + encodeURIComponent(idOf(arg, 'definitionId'))); };
        }
        if (tag === 'elsa-workflow-instance-list') {
            studio.viewWorkflowInstance = function (arg) { go('?instance=' + encodeURIComponent(idOf(arg, 'instanceId'))); };
        }
    });
})();

// The page's token opens the Elsa API only and lasts minutes: every call the studio makes to /elsa/api carries a current
// one, renewed with the browser's own sign-in (and the page's antiforgery token) shortly before it runs out.
(function () {
    var meta = document.querySelector('meta[name="approvals-studio"]');
    if (!meta || !window.fetch) return;
    var token = meta.getAttribute('data-token');
    var expires = Number(meta.getAttribute('data-expires'));
    var renewal = meta.getAttribute('data-renewal');
    var pending = null;
    var original = window.fetch.bind(window);
    var api = new URL('/elsa/api', window.location.href).href;
    function current() {
        if (Date.now() < expires - 60000) return Promise.resolve(token);
        if (!pending) {
            pending = original('/studio/token', { method: 'POST', credentials: 'same-origin', headers: { 'RequestVerificationToken': renewal } })
                .then(function (r) { return r.ok ? r.json() : null; })
                .then(function (renewed) {
                    pending = null;
                    if (renewed) { token = renewed.accessToken; expires = Date.parse(renewed.expiresAt); }
                    return token;
                }, function () { pending = null; return token; });
        }
        return pending;
    }
    window.fetch = function (input, init) {
        var url = typeof input === 'string' ? input : (input && input.url) || String(input);
        if (new URL(url, window.location.href).href.indexOf(api) !== 0) return original(input, init);
        return current().then(function (t) {
            var options = Object.assign({}, init || {});
            var headers = new Headers(options.headers || (input instanceof Request ? input.headers : undefined));
            headers.set('Authorization', 'Bearer ' + t);
            options.headers = headers;
            return original(input, options);
        });
    };
})();
