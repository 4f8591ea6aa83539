//go:build !unix

package report_test

import "testing"

// reportCPU reports nothing where the process's CPU time is not at hand.
func reportCPU(*testing.B) func() { return func() {} }
