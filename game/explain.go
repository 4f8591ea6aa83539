package game

import (
	"fmt"
	"strings"
)

// Explain writes a change the way a report says it: the indicator, its
// change, and the largest causes, e.g.
// "industry -6.1: coverage 48% after PRC licensing 'deny'".
func (c Change) Explain(sc *Scenario) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %+.1f", c.Indicator, c.To-c.From)
	sep := ": "
	for _, cause := range c.Causes {
		if cause.Kind == CauseNone {
			continue
		}
		b.WriteString(sep)
		b.WriteString(cause.Text(sc, c.Seat))
		sep = "; "
	}
	return b.String()
}

// Text says what one cause was, for the seat it affected.
func (c Cause) Text(sc *Scenario, seat int) string {
	other := ""
	if c.Other >= 0 && c.Other < len(sc.Seats) {
		other = sc.Seats[c.Other].Name
	}
	lever := func() string {
		if c.Lever < 0 || c.Lever >= len(sc.Levers) {
			return ""
		}
		l := sc.Levers[c.Lever]
		if c.Level >= 0 && c.Level < len(l.Levels) {
			return fmt.Sprintf("%s '%s'", strings.ToLower(l.Name), l.Levels[c.Level].ID)
		}
		return strings.ToLower(l.Name)
	}
	switch c.Kind {
	case CauseBaseline:
		return fmt.Sprintf("baseline growth %+.1f", c.Delta)
	case CauseCoverage:
		return fmt.Sprintf("rare-earth coverage %.0f%% (%+.1f)", c.Value, c.Delta)
	case CauseLicensing:
		if other != "" {
			return fmt.Sprintf("%s %s (%+.1f)", other, lever(), c.Delta)
		}
		return fmt.Sprintf("licensing (%+.1f)", c.Delta)
	case CauseTariffOwn:
		return fmt.Sprintf("own tariffs raise prices (%+.1f)", c.Delta)
	case CauseTariffOn:
		if other != "" {
			return fmt.Sprintf("%s tariff of %.0f%% and others on our goods (%+.1f)", other, c.Value, c.Delta)
		}
		return fmt.Sprintf("tariffs on our goods (%+.1f)", c.Delta)
	case CauseTech:
		if other != "" {
			return fmt.Sprintf("chip and software controls led by %s (%+.1f)", other, c.Delta)
		}
		return fmt.Sprintf("chip and software controls (%+.1f)", c.Delta)
	case CauseControlCost:
		return fmt.Sprintf("sales lost to our own controls (%+.1f)", c.Delta)
	case CauseFinance:
		return fmt.Sprintf("financial sanctions (%+.1f)", c.Delta)
	case CauseInflation:
		return fmt.Sprintf("inflation at %.1f%% (%+.1f)", c.Value, c.Delta)
	case CauseShortage:
		return fmt.Sprintf("shortages at %.0f%% coverage (%+.1f)", c.Value, c.Delta)
	case CauseSubstitution:
		return fmt.Sprintf("domestic substitution (%+.1f)", c.Delta)
	case CauseStockpile:
		return fmt.Sprintf("%.1f kt drawn from the stockpile (%+.1f)", c.Value, c.Delta)
	case CauseRegen:
		return fmt.Sprintf("capital regained (%+.1f)", c.Delta)
	case CausePayoff:
		if c.Lever >= 0 && c.Level >= 0 {
			return fmt.Sprintf("payoff after choosing %s (%+.1f)", lever(), c.Delta)
		}
		return fmt.Sprintf("payoffs (%+.1f)", c.Delta)
	case CausePurchases:
		return fmt.Sprintf("purchase commitments, net $%.0fbn a year (%+.1f)", c.Value, c.Delta)
	case CauseSpend:
		return fmt.Sprintf("spending of $%.1fbn on industrial policy (%+.1f)", c.Value, c.Delta)
	}
	return fmt.Sprintf("%+.1f", c.Delta)
}
