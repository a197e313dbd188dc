// Elsa Studio's list elements raise callbacks instead of navigating; send the browser to the matching studio page.
(function () {
    var studio = document.getElementById('studio');
    if (!studio) return;
    function idOf(value, key) {
        if (value && typeof value === 'object') return value[key] || value.id || value.value;
        return value;
    }
    function go(query) { window.location.href = window.location.pathname + query; }
    if (studio.tagName === 'ELSA-WORKFLOW-DEFINITION-LIST') {
        studio.editWorkflowDefinition = function (arg) { go('?definition=' + encodeURIComponent(idOf(arg, 'definitionId'))); };
    }
    if (studio.tagName === 'ELSA-WORKFLOW-INSTANCE-LIST') {
        studio.viewWorkflowInstance = function (arg) { go('?instance=' + encodeURIComponent(idOf(arg, 'instanceId'))); };
    }
})();
