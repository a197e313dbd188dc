// Hangfire keeps process-wide state (its log provider, its global configuration): one host at a time in this process.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
