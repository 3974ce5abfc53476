package store

import "time"

// ObserveSteps makes l report the time of each query it runs.
func ObserveSteps(l *Loader, f func(what string, rows int, d time.Duration)) { l.observe = f }
