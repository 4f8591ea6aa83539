package sim

// Summer sums up games as they come, in game order: wins, scores (kept
// whole for exact percentiles) and a stream per other indicator and per
// world indicator. Fed the same outcomes in the same order it gives the
// same summary to the last bit, whichever process played the games: a
// run, or a merge of its shards' raw files.
type Summer struct {
	l      *Layout
	n      int
	wins   []float64
	scores []exactSample
	ind    [][]stream // [seat][indicator]; the score's stream is unused
	world  []stream
	buf    []float64
	// Refused sums the outcomes' refused commands.
	refused int
}

// NewSummer prepares to sum up to games outcomes of the layout (more
// only cost growing the score samples).
func NewSummer(l *Layout, games int) *Summer {
	n := len(l.Seats)
	s := &Summer{l: l, wins: make([]float64, n), scores: make([]exactSample, n),
		ind: make([][]stream, n), world: make([]stream, len(l.World)), buf: make([]float64, n)}
	for i := range s.ind {
		s.ind[i] = make([]stream, len(l.Indicators))
		// The scores of every game are kept: sized once, they take four
		// bytes a game, with no room left over by growing.
		s.scores[i].f32 = make([]float32, 0, games)
	}
	return s
}

// Add counts one game.
func (s *Summer) Add(o *Outcome) {
	for seat := range s.ind {
		for k := range s.ind[seat] {
			x := o.Seats[seat][k]
			if k == s.l.Score {
				s.scores[seat].add(x)
				s.buf[seat] = x
			} else {
				s.ind[seat][k].add(x)
			}
		}
	}
	Wins(s.buf, s.wins)
	for w := range s.world {
		s.world[w].add(o.World[w])
	}
	s.refused += o.Refused
	s.n++
}

// Result sums up the games counted, as a run of games games from seed
// seed reports them. It sorts the score samples: call it once, at the end.
func (s *Summer) Result(games int, seed uint64) *Result {
	l := s.l
	res := &Result{Scenario: l.Scenario, Games: games, Seed: seed, Refused: s.refused}
	for _, k := range l.Report {
		res.Indicators = append(res.Indicators, l.Indicators[k])
	}
	for seat := range s.ind {
		sr := SeatResult{Seat: l.Seats[seat], Player: l.Players[seat], Wins: s.wins[seat], Final: map[string]Summary{}}
		for _, k := range l.Report {
			name := l.Indicators[k]
			if k == l.Score {
				sr.Score = s.scores[seat].summary()
				sr.Final[name] = sr.Score
			} else {
				sr.Final[name] = s.ind[seat][k].summary()
			}
		}
		res.Seats = append(res.Seats, sr)
	}
	res.World = map[string]Summary{}
	for w, name := range l.World {
		res.WorldNames = append(res.WorldNames, name)
		res.World[name] = s.world[w].summary()
	}
	return res
}
