//go:build race

package gazexbeam

const raceEnabled = true
