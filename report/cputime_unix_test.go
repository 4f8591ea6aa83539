//go:build unix

package report_test

import (
	"syscall"
	"testing"
	"time"
)

// reportCPU adds the process's CPU time (user and system, every thread)
// per operation to a benchmark's results: on a machine shared with other
// work the wall time per operation grows with the load, the CPU time
// much less, so the two together tell a slow program from a busy machine.
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		b.ReportMetric(float64((cpuTime()-start).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
