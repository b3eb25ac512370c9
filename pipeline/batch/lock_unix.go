//go:build unix

package batch

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// lock takes an exclusive lock on OUT_DIR for the run, so that two runs
// never write into one folder. The kernel drops it when the process dies.
func lock(out string) (func(), error) {
	f, err := os.OpenFile(filepath.Join(out, ".lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, fmt.Errorf("%s is in use by another gazex batch run (%v)", out, err)
	}
	return func() { f.Close() }, nil
}
