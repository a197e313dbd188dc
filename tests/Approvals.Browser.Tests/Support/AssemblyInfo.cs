// Hangfire keeps process-wide state, and the browser tests share one Chromium: one host at a time in this process.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
