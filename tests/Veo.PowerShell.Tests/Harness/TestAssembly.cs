// VEO_HOME is an environment variable, so it is process-wide: two tests running at once would write each other's
// journals and routes. Each test sets it to its own folder, so this assembly runs its tests one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
