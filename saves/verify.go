package saves

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/chokepoint-game/chokepoint/content"
	"github.com/chokepoint-game/chokepoint/game"
)

// altered ends every message about a save that does not replay: the two
// ways it comes about, in the order a person should suspect them.
const altered = "the save was altered, or written by an incompatible version of chokepoint"

// Load reads the save at path and verifies it (Read). It only reads: a
// file that fails is left as it is.
func Load(path string) (*Save, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return Read(path, data)
}

// readFile reads a save file, refusing what cannot be one before reading
// it: a directory, a device or pipe (which could block), a file over
// MaxSize.
func readFile(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, osError(err, path, false)
	}
	switch {
	case fi.IsDir():
		return nil, &Error{File: path, Kind: ErrIsDir, Msg: "is a directory, not a save"}
	case !fi.Mode().IsRegular():
		return nil, &Error{File: path, Kind: ErrNotRegular, Msg: "is not a regular file (a device, pipe or socket), so not a save"}
	case fi.Size() > MaxSize:
		return nil, &Error{File: path, Kind: ErrTooLarge, Msg: fmt.Sprintf("the file is %s, more than the %d MiB a save may be", size(fi.Size()), MaxSize>>20)}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, osError(err, path, false)
	}
	defer f.Close()
	// One byte past the limit, in case the file grew since Stat.
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, osError(err, path, false)
	}
	return data, nil
}

// Read decodes a save and verifies it; name is the file name used in
// errors (may be empty).
func Read(name string, data []byte) (*Save, error) {
	s, err := Decode(data)
	if err != nil {
		return nil, withFile(err, name)
	}
	if err := s.Verify(); err != nil {
		return nil, withFile(err, name)
	}
	return s, nil
}

// Verify loads the save's scenario and replays its log with game.Replay,
// comparing every recorded state hash with the replayed state's. On
// success the save knows its scenario and final state and can record
// further commands; on failure it is unchanged.
func (s *Save) Verify() error {
	if err := s.verify(); err != nil {
		return newerProgram(err, s.Program)
	}
	return nil
}

func (s *Save) verify() error {
	sc, err := s.Copy.scenario()
	if err != nil {
		return err
	}
	if err := checkSeats(sc, s.Seats); err != nil {
		return err
	}
	start, err := game.NewGame(sc, s.Seed)
	if err != nil {
		return newError(ErrScenario, "scenario %s: %v", sc.ID, err)
	}
	// The states to hash (the start, every phase change, the end) are
	// kept as the log replays and hashed afterwards on every core: hashing
	// is most of the cost of loading, and states are never modified, so
	// they may be hashed in any order.
	spots := []game.State{start}
	afters := []int{0}
	prev := start
	final, err := game.Replay(sc, s.Log(), func(i int, st game.State) {
		if st.Turn != prev.Turn || st.Phase != prev.Phase {
			spots, afters = append(spots, st), append(afters, i+1)
		}
		prev = st
	})
	var re *game.ReplayError
	switch {
	case errors.As(err, &re):
		c := s.Commands[re.Index]
		return &Error{Kind: ErrMismatch, Msg: fmt.Sprintf("command %d (%s by %s) is refused when the game is replayed (%v): %s",
			re.Index+1, c.Kind, clip(c.Seat, 30), oneLine(re.Err), altered), Err: err}
	case err != nil:
		return &Error{Kind: ErrMismatch, Msg: fmt.Sprintf("the game does not replay (%s): %s", oneLine(err), altered), Err: err}
	}
	if afters[len(afters)-1] != len(s.Commands) {
		spots, afters = append(spots, final), append(afters, len(s.Commands))
	}
	checks := hashAll(spots, afters)
	if i := firstDifference(s.Checks, checks); i >= 0 {
		at := checks[min(i, len(checks)-1)]
		if i < len(s.Checks) {
			at = s.Checks[i]
		}
		return newError(ErrMismatch, "the replayed game differs from the recorded one after %d commands (turn %d, %s): %s", at.After, at.Turn, at.Phase, altered)
	}
	s.sc, s.cur = sc, final
	return nil
}

// hashAll makes the checks of the given states, hashing them on as many
// goroutines as there are cores.
func hashAll(states []game.State, afters []int) []Check {
	checks := make([]Check, len(states))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(states)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(states) {
					return
				}
				st := &states[i]
				checks[i] = Check{After: afters[i], Turn: st.Turn, Phase: st.Phase, Hash: game.Hash(*st)}
			}
		})
	}
	wg.Wait()
	return checks
}

// firstDifference is the index of the first check that differs between
// the recorded and the replayed lists, or -1 when they are the same.
func firstDifference(recorded, replayed []Check) int {
	for i := range min(len(recorded), len(replayed)) {
		if recorded[i] != replayed[i] {
			return i
		}
	}
	if len(recorded) != len(replayed) {
		return min(len(recorded), len(replayed))
	}
	return -1
}

// scenario loads the scenario of a save. When the shipped scenario of
// that id is the very text of the copy, the shipped one is used (it is
// pre-decoded, so much faster); otherwise the copy goes through the
// content loader, which checks it like any scenario file.
func (c *ScenarioCopy) scenario() (*game.Scenario, error) {
	if content.SourceDigest(c.Source) != c.Digest {
		return nil, newError(ErrMismatch, "its copy of scenario %s does not match the digest recorded with it: %s", clip(c.ID, 40), altered)
	}
	var sc *game.Scenario
	var err error
	if _, digest, ok := content.ShippedSource(c.ID); ok && digest == c.Digest {
		sc, err = shippedScenario(c.ID, digest)
	} else {
		sc, err = content.Load(c.ID+".yaml", c.Source)
	}
	if err != nil {
		return nil, &Error{Kind: ErrScenario, Msg: fmt.Sprintf("its copy of scenario %s does not load: %s", clip(c.ID, 40), firstProblem(err)), Err: err}
	}
	if sc.ID != c.ID {
		return nil, newError(ErrCorrupt, "its copy of the scenario is of %q, but the save says %q", clip(sc.ID, 40), clip(c.ID, 40))
	}
	return sc, nil
}

// shipped keeps the shipped scenarios this process has loaded, by the
// digest of their text. Loading one parses its YAML, a few milliseconds,
// and a process that lists, verifies, continues or replays saves loads the
// same few over and over. A validated scenario is never modified (the
// simulator shares one among all its games), so one copy serves them all.
var shipped sync.Map // digest → *game.Scenario

func shippedScenario(id, digest string) (*game.Scenario, error) {
	if sc, ok := shipped.Load(digest); ok {
		return sc.(*game.Scenario), nil
	}
	sc, err := content.Get(id)
	if err != nil {
		return nil, err
	}
	actual, _ := shipped.LoadOrStore(digest, sc)
	return actual.(*game.Scenario), nil
}

// firstProblem puts a scenario's problems on one line: the first, placed
// in the copy, with a count of the others.
func firstProblem(err error) string {
	var ce *content.Error
	if !errors.As(err, &ce) || len(ce.Problems) == 0 {
		return oneLine(err)
	}
	p := ce.Problems[0]
	var b strings.Builder
	if p.Line > 0 {
		fmt.Fprintf(&b, "line %d, column %d: ", p.Line, p.Col)
	}
	if path := strings.TrimPrefix(strings.TrimPrefix(p.Path, "$"), "."); path != "" {
		b.WriteString(path + ": ")
	}
	b.WriteString(p.Msg)
	switch n := len(ce.Problems) - 1; {
	case n == 1:
		b.WriteString(" (and 1 more problem)")
	case n > 1:
		fmt.Fprintf(&b, " (and %d more problems)", n)
	}
	return b.String()
}
