package timeline

import "fmt"

// CheckField returns nil when events of type t take field f, else the error
// that names the fields t does take. The command line asks it for every flag
// given, even one whose value is empty or zero, which Validate cannot see.
func (t EventType) CheckField(f Field) error {
	if t.Takes(f) {
		return nil
	}
	return fmt.Errorf("%s %s event does not take --%s (%s takes: %s)", article(string(t)), t, f.Flag(), t, fieldList(t))
}
