package ai

import (
	"slices"
	"strings"
	"unicode"

	"github.com/chokepoint-game/chokepoint/game"
)

// This file reads a message a seat wrote to the AI: which levers it
// names, whose they are, towards whom, and which way it wants them to
// move, in the scenario's own vocabulary (lever ids, the distinctive
// words of lever names, level ids, seat ids and names). It understands
// sentences like "lift the denial on Japan and we drop the chip
// controls" or "keep your tariff towards us at most 10%", not prose; what
// it cannot place it leaves out, and the reply says what it understood.

// heard is what the AI understood of one message.
type heard struct {
	asks    []game.Clause // what the writer asks of the AI
	offers  []game.Clause // what the writer offers: its own levers eased or held
	threat  []game.Clause // the writer's own levers raised against the AI
	others  []int         // seats other than the two whose levers it names
	notMine []int         // levers it asks the AI to move that the AI does not set
	named   bool          // it names the AI (by id or name)
}

// word is one word of a message: lower-cased, and whether it was written
// all in capitals (so that "US" is a seat and "us" the writer).
type word struct {
	w    string
	caps bool
}

func words(text string) []word {
	var out []word
	f := strings.FieldsFunc(text, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'' || r == '$' || r == '/')
	})
	for _, w := range f {
		w = strings.Trim(w, "-'")
		if w == "" {
			continue
		}
		caps := strings.ToUpper(w) == w && strings.ToLower(w) != w
		lw := strings.ToLower(w)
		lw = strings.TrimSuffix(lw, "'s")
		out = append(out, word{w: lw, caps: caps})
	}
	return out
}

// stem folds the ordinary endings a writer may use ("tariffs",
// "denial", "denied", "sanctions") onto the scenario's words.
func stem(w string) string {
	switch {
	case strings.HasSuffix(w, "ial") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "es") && len(w) > 4 && !strings.HasSuffix(w, "ses"):
		return w[:len(w)-1]
	case strings.HasSuffix(w, "s") && len(w) > 3 && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

// same reports whether a writer's word w is the scenario's word k:
// equal once stemmed, or sharing their first five letters ("licences"
// and "licensing", "financial" and "finance").
func same(w, k string) bool {
	if stem(w) == stem(k) {
		return true
	}
	return len(w) >= 5 && len(k) >= 5 && w[:5] == k[:5]
}

// Verbs and little words: how a writer says which way a lever moves and
// who does what to whom.
var (
	liftWords  = []string{"lift", "drop", "end", "remove", "scrap", "cancel", "stop", "withdraw", "halt", "suspend", "reverse", "abolish"}
	easeWords  = []string{"ease", "lower", "cut", "reduce", "relax", "soften", "loosen"}
	raiseWords = []string{"raise", "impose", "tighten", "increase", "escalate", "hike", "add", "extend", "expand"}
	holdWords  = []string{"keep", "hold", "freeze", "maintain", "cap", "limit"}
	towards    = []string{"on", "towards", "toward", "against", "to", "for", "with"}
	writerSelf = []string{"we", "our", "ours", "us", "i", "my", "me"}
	readerSelf = []string{"you", "your", "yours"}
	splitWords = []string{"and", "if", "then", "but", "or", "unless", "otherwise", "while"}
	// nameFillers are words of seat names too common to name a seat.
	nameFillers = []string{"people", "republic", "union", "united", "states", "kingdom", "federal", "democratic"}
)

func is(w string, set []string) bool {
	for _, x := range set {
		if w == x {
			return true
		}
	}
	return false
}

// lexicon is what the AI recognises in a message, built once from the
// public scenario.
type lexicon struct {
	// lever maps a word to the levers it names when it names exactly one.
	lever map[string]int
	seat  map[string]int // seat ids and the words of seat names
}

func newLexicon(ps *game.PublicScenario) *lexicon {
	x := &lexicon{lever: map[string]int{}, seat: map[string]int{}}
	count := map[string]int{}
	owner := map[string]int{}
	add := func(w string, l int) {
		w = stem(strings.ToLower(w))
		if w == "" {
			return
		}
		if o, ok := owner[w]; ok && o == l {
			return
		}
		owner[w] = l
		count[w]++
	}
	for l := range ps.Levers {
		lv := &ps.Levers[l]
		add(lv.ID, l)
		add(lv.Kind, l)
		for _, w := range words(lv.Name) {
			add(w.w, l)
		}
		for _, level := range lv.Levels {
			if !isNumber(level.ID) {
				add(level.ID, l)
			}
		}
	}
	for w, n := range count {
		if n == 1 && len(w) > 2 && !is(w, towards) {
			x.lever[w] = owner[w]
		}
	}
	// Seats by id, by name, and by a long word of the name no other
	// seat's name shares ("China" for the People's Republic of China).
	names := map[string]int{}
	seen := map[string]int{}
	for i := range ps.Seats {
		x.seat[strings.ToLower(ps.Seats[i].ID)] = i
		x.seat[strings.ToLower(ps.Seats[i].Name)] = i
		for _, w := range words(ps.Seats[i].Name) {
			if len(w.w) >= 5 && !is(w.w, nameFillers) {
				names[w.w] = i
				seen[w.w]++
			}
		}
	}
	for w, i := range names {
		if _, taken := x.seat[w]; seen[w] == 1 && !taken {
			x.seat[w] = i
		}
	}
	return x
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) && r != '.' {
			return false
		}
	}
	return true
}

// leverOf is the lever word w names, if any.
func (x *lexicon) leverOf(w string) (int, bool) {
	if l, ok := x.lever[stem(w)]; ok {
		return l, true
	}
	for k, l := range x.lever {
		if same(w, k) {
			return l, true
		}
	}
	return 0, false
}

// seatAt is the seat the words from i on name, and how many words its
// name takes: an id ("eu", "US" in capitals) or a name ("European
// Union", "Japan"). A lower-case "us" is the writer, not the US.
func (x *lexicon) seatAt(ws []word, i int) (int, int, bool) {
	for n := min(4, len(ws)-i); n >= 1; n-- {
		parts := make([]string, n)
		for k := range n {
			parts[k] = ws[i+k].w
		}
		name := strings.Join(parts, " ")
		if j, ok := x.seat[name]; ok {
			if n == 1 && (name == "us" || name == "me" || name == "i") && !ws[i].caps {
				return 0, 0, false
			}
			return j, n, true
		}
	}
	return 0, 0, false
}

// fragment is one clause of a sentence as the writer put it.
type fragment struct {
	actor, target int  // seats; -1 when the fragment does not say
	carried       bool // actor and dir carried on from the fragment before
	lever         int
	hasLever      bool
	dir           int // -2 lift, -1 ease, 0 not said, +1 raise; 2 hold
	level         int // a level of the lever it names, -1 for none
	bound         int // -1 at most, +1 at least, 0 not said
}

// hear reads a message from seat from to the AI.
func (s *Scripted) hear(v *game.View, from int, text string) heard {
	if s.lex == nil {
		s.lex = newLexicon(s.k.ps)
	}
	var h heard
	var frags []fragment
	for _, sentence := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(".;:!?\n", r) }) {
		frags = s.fragments(words(sentence), from, &h, frags)
	}
	for _, f := range frags {
		s.place(v, from, &f, &h)
	}
	return h
}

// fragments reads one sentence into fragments, appended to frags.
func (s *Scripted) fragments(ws []word, from int, h *heard, frags []fragment) []fragment {
	me := s.k.me
	x := s.lex
	cur := fragment{actor: -1, target: -1, level: -1}
	flush := func() {
		if cur.hasLever {
			frags = append(frags, cur)
		}
		prev := cur
		cur = fragment{actor: -1, target: -1, level: -1}
		// "drop the chip and software controls": a fragment that names a
		// lever but no one and no verb carries on the one before.
		cur.actor, cur.dir, cur.carried = prev.actor, prev.dir, true
		if !prev.hasLever {
			cur.target = prev.target
		}
	}
	// "we" names the writer and "you" the reader: the target after "to",
	// else the one who acts unless someone already does.
	pronoun := func(who int, prep bool) {
		if prep {
			cur.target = who
		} else if cur.actor < 0 || cur.carried {
			cur.actor, cur.carried = who, false
		}
	}
	for i := 0; i < len(ws); i++ {
		w := ws[i].w
		if is(w, splitWords) && (cur.hasLever || cur.actor >= 0 || cur.dir != 0) {
			flush()
			if w == "if" || w == "unless" || w == "otherwise" {
				cur.actor, cur.dir = -1, 0
			}
			continue
		}
		prep := i > 0 && is(ws[i-1].w, towards)
		if j, n, ok := x.seatAt(ws, i); ok {
			if j == me {
				h.named = true
			}
			switch {
			case j == me && !prep:
				// The reader named as the one addressed ("PRC, ...")
				// or as the subject: either way, what follows falls to
				// it unless the writer says "we".
			case prep:
				cur.target = j
			case (cur.actor < 0 || cur.carried) && !cur.hasLever:
				cur.actor, cur.carried = j, false
			case cur.target < 0:
				cur.target = j
			}
			i += n - 1
			continue
		}
		switch {
		case is(w, writerSelf):
			pronoun(from, prep)
			continue
		case is(w, readerSelf):
			pronoun(me, prep)
			continue
		case is(w, liftWords):
			cur.dir = -2
			cur.carried = cur.carried && cur.actor < 0
		case is(w, easeWords):
			cur.dir = -1
		case is(w, raiseWords):
			cur.dir = 1
		case is(w, holdWords):
			cur.dir = 2
		case w == "most" || w == "below" || w == "under" || w == "max" || w == "maximum":
			cur.bound = -1
		case w == "least" || w == "above" || w == "over" || w == "minimum":
			cur.bound = 1
		}
		if l, ok := x.leverOf(w); ok && (!cur.hasLever || cur.lever == l) {
			if !cur.hasLever {
				cur.lever, cur.hasLever = l, true
			}
			if k, ok := s.k.ps.LevelIndex(l, w); ok {
				cur.level = k
			} else if k, ok := s.levelOf(l, w); ok {
				cur.level = k
			}
			continue
		}
		if cur.hasLever {
			if k, ok := s.levelOf(cur.lever, w); ok {
				cur.level = k
			}
		}
	}
	flush()
	return frags
}

// levelOf reads w as a level of lever l: its id, or a number written
// with or without its unit ("10%", "$110/kg").
func (s *Scripted) levelOf(l int, w string) (int, bool) {
	lv := &s.k.ps.Levers[l]
	w = strings.TrimSuffix(strings.TrimPrefix(w, "$"), "%")
	for k := range lv.Levels {
		id := strings.ToLower(lv.Levels[k].ID)
		if id == w || strings.TrimPrefix(id, "$") == w || stem(id) == stem(w) {
			return k, true
		}
	}
	return 0, false
}

// place turns one fragment into a clause: who keeps which lever towards
// whom at most or at least which level, sorted into what the writer asks
// of the AI, offers, or threatens.
func (s *Scripted) place(v *game.View, from int, f *fragment, h *heard) {
	me := s.k.me
	ps := s.k.ps
	l := f.lever
	lv := &ps.Levers[l]
	actor := f.actor
	if actor < 0 {
		// An order with no one named is addressed to the reader.
		actor = me
	}
	if actor != me && actor != from {
		if !slices.Contains(h.others, actor) {
			h.others = append(h.others, actor)
		}
		return
	}
	if !ps.MaySet(actor, l) {
		if actor == me && !slices.Contains(h.notMine, l) {
			h.notMine = append(h.notMine, l)
		}
		return
	}
	slot := 0
	if lv.Scope == game.ScopeEach {
		t := f.target
		if t < 0 || t == actor {
			t = from
			if actor == from {
				t = me
			}
		}
		if !ps.MayTarget(actor, l, t) {
			return
		}
		slot = t
	}
	cur := int(v.Seats[actor].Policy[l][slot])
	top := len(lv.Levels) - 1
	// Which way: for a coercive or trade lever lower is milder; for a
	// spending or purchase lever, higher is what others want.
	up := 1
	if !lv.Hostile {
		up = -1
	}
	level, bound := cur, game.AtMost
	dir := f.dir
	switch {
	case f.bound < 0 && f.level >= 0:
		level, bound = f.level, game.AtMost
	case f.bound > 0 && f.level >= 0:
		level, bound = f.level, game.AtLeast
	case dir == 2:
		level = cur
		if f.level >= 0 {
			level = f.level
		}
		if !lv.Hostile {
			bound = game.AtLeast
		}
	case dir == 1:
		// Raising: on a hostile lever a threat (or a demand that the AI
		// press a third seat); on a spending lever, more of it.
		level = min(cur+1, top)
		if f.level > cur {
			level = f.level
		}
		bound = game.AtLeast
		if !lv.Hostile {
			level = min(cur+1, top)
			if f.level > cur {
				level = f.level
			}
		}
	case dir < 0 && lv.Hostile:
		level = max(cur-1, 0)
		if dir == -2 {
			level = 0
		}
		if f.level >= 0 && f.level < cur {
			level = f.level
		}
	case dir < 0:
		level, bound = max(cur-1, 0), game.AtMost
	case f.level >= 0:
		level = f.level
		if level*up > cur*up || (!lv.Hostile && level == cur) {
			bound = game.AtLeast
		}
	default:
		// A lever named with no way to move it: calm on it.
		if !lv.Hostile {
			return
		}
		level = max(cur-1, 0)
	}
	if bound == game.AtLeast && lv.Hostile && actor == from && level > cur {
		if c, ok := s.makeClause(game.AtLeast, actor, l, slot, level); ok {
			h.threat = append(h.threat, c)
		} else {
			h.threat = append(h.threat, game.Clause{Bound: game.AtLeast, Actor: actor, Target: slot, Slot: slot, Lever: l, Level: level})
		}
		return
	}
	c, ok := s.makeClause(bound, actor, l, slot, level)
	if !ok {
		return
	}
	if actor == me {
		h.asks = append(h.asks, c)
	} else {
		h.offers = append(h.offers, c)
	}
}
