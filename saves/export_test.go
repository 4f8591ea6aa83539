package saves

// HasMigration reports whether a migration from format version v exists.
func HasMigration(v int) bool { _, ok := migrations[v]; return ok }

// OSError is osError for tests.
func OSError(err error, file string, writing bool) error { return osError(err, file, writing) }

// ForgetShipped empties the cache of shipped scenarios, so that a
// benchmark can measure a process's first load.
func ForgetShipped() { shipped.Clear() }
