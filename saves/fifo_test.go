//go:build unix

package saves_test

import (
	"path/filepath"
	"syscall"
	"testing"

	"github.com/chokepoint-game/chokepoint/saves"
)

// A named pipe is refused without opening it, which would block until a
// writer came.
func TestPipeIsNoSave(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	_, err := saves.Load(fifo)
	checkError(t, err, fifo, saves.ErrNotRegular, "not a regular file")
}
