//go:build !unix

package session

import "os"

// tryLock: without flock there is no lock that a crash lets go of; every
// session counts as free.
func tryLock(*os.File) (bool, error) { return true, nil }
