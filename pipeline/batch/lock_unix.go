//go:build unix

package batch

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// lock takes an exclusive lock on OUT_DIR for the run, so that two runs
// never write into one folder. The kernel drops it when the process dies;
// the returned release also removes OUT_DIR/.lock, so a folder that a run
// left cleanly holds only outputs.
//
// Because release removes the file, a run that opened the old file just
// before may lock a name that no longer exists: after taking the lock, a
// run checks that the file it locked is still OUT_DIR/.lock, and tries
// again if not.
func lock(out string) (func(), error) {
	name := filepath.Join(out, ".lock")
	for range 10 {
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, err
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			f.Close()
			return nil, fmt.Errorf("%s is in use by another gazex batch run (%v)", out, err)
		}
		locked, ferr := f.Stat()
		current, serr := os.Stat(name)
		if ferr == nil && serr == nil && os.SameFile(locked, current) {
			return func() {
				os.Remove(name) // while still holding the lock
				f.Close()
			}, nil
		}
		f.Close() // released by a run that finished meanwhile
	}
	return nil, fmt.Errorf("%s: could not take the lock %s", out, name)
}
