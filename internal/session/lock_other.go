//go:build !unix

package session

import "os"

// tryLock: without flock there is no lock that a crash lets go of; every
// session counts as free.
func tryLock(*os.File) (bool, error) { return true, nil }

// noFollow: where the system has no such flag, links are not refused.
const noFollow = 0

// ownedAlone: without the system's link count, any regular file counts.
func ownedAlone(os.FileInfo) bool { return true }
