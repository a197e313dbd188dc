// Small helpers the interactive pages call.
window.approvals = {
    // The circuit is connected: pages (and browser tests) can rely on clicks reaching the components.
    markInteractive: function () { document.body.dataset.interactive = 'true'; }
};
