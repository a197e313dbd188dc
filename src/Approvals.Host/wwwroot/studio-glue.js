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
