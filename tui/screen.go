package tui

import (
	"sort"

	tea "charm.land/bubbletea/v2"

	"github.com/chokepoint-game/chokepoint/game"
	"github.com/chokepoint-game/chokepoint/game/ai"
	"github.com/chokepoint-game/chokepoint/saves"
)

// screen is one screen of the interface. The root model owns one of each,
// made from the screen table, and talks to all of them through this
// interface: it sizes them, gives the present one its keys, draws it and
// asks it for its key map, which the bottom line and the help overlay
// show. What only some screens do is in the small interfaces below.
type screen interface {
	// SetSize gives the screen the cells it may draw: the whole terminal
	// but the bottom line, which is the root model's.
	SetSize(w, h int)
	// Update takes a key the root model did not use, and says what the
	// root model should do next.
	Update(msg tea.KeyPressMsg) action
	// View draws exactly the size given.
	View() string
	// Keys are the bindings that work on the screen now.
	Keys() keyMap
}

// opener is a screen that prepares itself each time it is shown; the
// action that showed it (a counter-proposal's deal, for one) comes along.
type opener interface{ open(a action) }

// refresher is a screen that keeps something of the latest update (a
// selection, a forecast) and must hear of every new one.
type refresher interface{ refresh() }

// typer is a screen with a focused text input: its letters are text,
// not commands.
type typer interface{ typing() bool }

// restyler is a screen that caches drawn text and must redraw it for a
// new background colour.
type restyler interface{ restyle() }

// screenID names a screen; Status.Screen reports it.
type screenID string

// The screens of a game and around it. A new screen (the facilitator's
// console, the projector, the replay viewer) is one new file: it declares
// its id and registers its constructor in an init function.
const (
	scrTitle    screenID = "title"
	scrSetup    screenID = "setup"
	scrLoading  screenID = "loading"
	scrPrivacy  screenID = "privacy"
	scrBriefing screenID = "briefing"
	scrGame     screenID = "game"
	scrOrders   screenID = "orders"
	scrCompose  screenID = "compose"
	scrReport   screenID = "report"
	scrDebrief  screenID = "debrief"
	scrSaveAs   screenID = "save-as"
	scrLoad     screenID = "load"
	scrReplay   screenID = "replay"
	scrBranch   screenID = "branch"
)

// screenTable holds the constructor of every screen.
var screenTable = map[screenID]func(e *env) screen{}

// registerScreen adds a screen to the table. Registering an id twice is
// a programming error.
func registerScreen(id screenID, make func(e *env) screen) {
	if _, dup := screenTable[id]; dup {
		panic("tui: screen " + string(id) + " registered twice")
	}
	screenTable[id] = make
}

// screenIDs lists the registered screens in a fixed order.
func screenIDs() []screenID {
	out := make([]screenID, 0, len(screenTable))
	for id := range screenTable {
		out = append(out, id)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// action is what a screen asks the root model to do after a key.
type action struct {
	kind actionKind
	// to is the screen to show (actShow).
	to screenID
	// cmd is a command for the table (actCommand); text is the line the
	// bottom shows for it, or the error or notice (actError, actNotice).
	cmd  *game.Command
	text string
	// deal goes to the screen shown: the proposal a counter answers; seat
	// too: the seat the privacy screen waits for.
	deal *game.Deal
	seat int
	// level and n are a run of rounds of a payoff-table game (actAuto):
	// the level to play, and for how many rounds.
	level, n int
	// back returns to the game screen after the command.
	back bool
	// load starts a game (actStart).
	load func() (GameSpec, error)
	// ask is a question to confirm first (actConfirm): yes is done on y.
	ask *question
	// player is who takes a seat (actSetPlayer: seat says which).
	player ai.PlayerSpec
	// then is a command of the screen's own (a text input's blink).
	then tea.Cmd
	// from is the screen to return to (the name prompt of a save, or
	// after it); replace says a named save may replace one of its name.
	from    screenID
	replace bool
	// replay is the saved game the replay viewer shows, and turn the
	// turn a branch starts from.
	replay *saves.Save
	turn   int
}

type actionKind int

const (
	actNone      actionKind = iota
	actShow                 // show screen `to`
	actCommand              // give the table a command
	actError                // show an error line
	actNotice               // show a notice line
	actConfirm              // ask a yes/no question first
	actStart                // start a game
	actTitle                // leave the game for the title screen
	actQuit                 // quit the program, asking first during a game
	actTutorial             // start the tutorial
	actBriefed              // the briefing is read: on to the game
	actPassed               // the next player has the keyboard
	actAuto                 // play rounds of a payoff-table game
	actSetPlayer            // hand a seat to people or an AI (the facilitator)
	actReport               // save the game for its after-action report
	actSaveAs               // save the game under the name in text
	actDelete               // delete the save at the path in text
	actBranch               // branch the replayed game at a turn: choose its seats
	actReplay               // open the save at the path in text in the replay viewer
	actSeats                // the facilitator hands the keyboard to the seats played here
)

// question is a yes/no dialog: yes is what y does; no keeps things as
// they are.
type question struct {
	title, text string
	yes         action
	yesWord     string // what y does, in two or three words
	noWord      string // what n does
}

// back is the action that returns to the game screen.
func back() action { return action{kind: actShow, to: scrGame} }

// show is the action that opens a screen.
func show(id screenID) action { return action{kind: actShow, to: id} }

func errorf(text string) action { return action{kind: actError, text: text} }

// command is the action that gives the table a command, with the line
// the bottom shows once it is sent.
func command(c game.Command, text string) action {
	return action{kind: actCommand, cmd: &c, text: text}
}
