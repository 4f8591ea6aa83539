package serve

import (
	"net"
	"testing"
	"time"

	"github.com/chokepoint-game/chokepoint/game/ai"
)

// A server closed before its Serve has begun (Ctrl+C the instant the join
// table is printed) still stops: Serve returns at once rather than
// accepting on a listener nobody will close.
func TestCloseBeforeServeStops(t *testing.T) {
	sc := testScenario(t)
	s, err := New(Config{Scenario: sc, Players: make([]ai.Player, len(sc.Seats)), HostKey: t.TempDir() + "/hk"})
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	done := make(chan error, 1)
	go func() { done <- s.Serve(l) }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve after Close: %v", err)
		}
	case <-time.After(10 * time.Second):
		_ = l.Close()
		t.Fatal("Serve after Close kept accepting")
	}
}
