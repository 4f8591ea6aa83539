package saves

// HasMigration reports whether a migration from format version v exists.
func HasMigration(v int) bool { _, ok := migrations[v]; return ok }
