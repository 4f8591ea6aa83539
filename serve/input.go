package serve

import (
	"context"
	"io"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"
)

// input is a session's keyboard as its program reads it: paced, so that
// a huge paste or a client sending garbage as fast as it can costs the
// server no more than quick typing, and watched, so that an idle session
// can be ended.
type input struct {
	ctx  context.Context
	r    io.Reader
	lim  *rate.Limiter
	max  int
	last atomic.Int64
}

func newInput(ctx context.Context, r io.Reader, l Limits) *input {
	in := &input{ctx: ctx, r: r, lim: rate.NewLimiter(rate.Limit(l.InputRate), l.InputBurst), max: l.InputBurst}
	in.last.Store(time.Now().UnixNano())
	return in
}

func (in *input) Read(p []byte) (int, error) {
	if len(p) > in.max {
		p = p[:in.max]
	}
	n, err := in.r.Read(p)
	if n > 0 {
		in.last.Store(time.Now().UnixNano())
		if werr := in.lim.WaitN(in.ctx, n); werr != nil {
			return 0, io.EOF
		}
	}
	return n, err
}

// lastKey is when the session last sent anything.
func (in *input) lastKey() time.Time { return time.Unix(0, in.last.Load()) }
