package store

import (
	"errors"
)

// ErrNotFound is wrapped by every error about an id that does not exist.
var ErrNotFound = errors.New("not found")

// AppChanges names the fields of an application to change; nil fields are
// left as they are in the database, so that a write never overwrites a change
// another process made to another field meanwhile.
type AppChanges struct {
	Company   *string
	Role      *string
	Recruiter *string
	Contact   *string
	URL       *string
	Notes     *string
}

// Empty reports whether c changes nothing.
func (c AppChanges) Empty() bool {
	return c.Company == nil && c.Role == nil && c.Recruiter == nil && c.Contact == nil && c.URL == nil && c.Notes == nil
}
