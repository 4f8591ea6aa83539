//go:build unix

package sweep_test

import "syscall"

// cpuSeconds is the CPU time the process has used, user and system, as
// the kernel counts it: unlike the runtime's estimates, time the process
// waited for a core does not count.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	sec := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return sec(ru.Utime) + sec(ru.Stime)
}
