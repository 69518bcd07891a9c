package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// The interchange's errors, reworded for people: where in the file (the top
// level, the settings, which application and event), and what is wrong.

// checkFormat refuses every "format" but this version's.
func checkFormat(format string) error {
	var v int
	switch {
	case format == Format:
		return nil
	case format == "":
		return fmt.Errorf(`not an afterview export: it has no "format": %q (make one with afterview export)`, Format)
	case strings.HasPrefix(format, "afterview/v"):
		if _, err := fmt.Sscanf(format, "afterview/v%d", &v); err == nil && v > 1 {
			return fmt.Errorf("written by a newer afterview (format %s; this one reads %s): upgrade afterview to import it", format, Format)
		}
	}
	return fmt.Errorf("not an afterview export: its format is %q, not %q", format, Format)
}

// claimedFormat checks the "format" of a file that did not decode: a valid
// JSON object of another format or version gets that error first.
func claimedFormat(data []byte) error {
	var head map[string]json.RawMessage
	if err := json.Unmarshal(data, &head); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return fmt.Errorf("not an afterview export: the file holds a JSON %s, not an object with \"format\": %q", te.Value, Format)
		}
		return nil // not valid JSON: let the syntax error speak
	}
	var format string
	if raw, ok := head["format"]; ok {
		if json.Unmarshal(raw, &format) != nil {
			return fmt.Errorf(`not an afterview export: its "format" is %s, not %q`, raw, Format)
		}
	}
	return checkFormat(format)
}

// locateJSONError decodes the file again piece by piece to say where err is:
// the top level, the settings, or which application and event.
func locateJSONError(data []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) || errors.Is(err, io.ErrUnexpectedEOF) {
		return jsonProblem(err, data, nil)
	}
	var top struct {
		Format       string            `json:"format"`
		Settings     json.RawMessage   `json:"settings"`
		Applications []json.RawMessage `json:"applications"`
	}
	if e := decodeStrict(data, &top, true); e != nil {
		return fmt.Errorf("at the top level: %w", jsonProblem(e, nil, ixFile{}))
	}
	for i, raw := range top.Applications {
		var a ixAppRaw
		if e := decodeStrict(raw, &a, false); e != nil {
			return fmt.Errorf("application %d: %w", i+1, jsonProblem(e, nil, ixApp{}))
		}
		for j, ev := range a.Events {
			var x EventJSON
			if e := decodeStrict(ev, &x, false); e != nil {
				return fmt.Errorf("application %d (%s), event %d: %w", i+1, a.Company, j+1, jsonProblem(e, nil, EventJSON{}))
			}
		}
	}
	return jsonProblem(err, data, nil)
}

// jsonProblem rewords an encoding/json error for people: the line and column
// of a syntax error (when data is given), the field that holds the wrong kind
// of value, or the unknown field with the fields that the object of type
// shape takes.
func jsonProblem(err error, data []byte, shape any) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		if data != nil {
			line, col := lineCol(data, se.Offset)
			return fmt.Errorf("not valid JSON: line %d, column %d: %v", line, col, se)
		}
		return fmt.Errorf("not valid JSON: %v", se)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("not valid JSON: it ends too early (is the file cut short?)")
	case errors.As(err, &te):
		field := te.Field[strings.LastIndex(te.Field, ".")+1:]
		if field == "" {
			return fmt.Errorf("want an object, not a JSON %s", te.Value)
		}
		return fmt.Errorf("%q must be %s, not %s", field, kindName(te), te.Value)
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		if shape == nil {
			return fmt.Errorf("unknown field %s", name)
		}
		return fmt.Errorf("unknown field %s (%s takes: %s)", name, shapeName(shape), strings.Join(jsonFields(shape), ", "))
	}
	return err
}

func kindName(te *json.UnmarshalTypeError) string {
	switch te.Type.Kind().String() {
	case "string":
		return "text in quotes"
	case "int64", "int":
		return "a whole number"
	case "bool":
		return "true or false"
	case "slice":
		return "a list [...]"
	case "struct", "map":
		return "an object {...}"
	}
	return "a " + te.Type.String()
}

func shapeName(shape any) string {
	switch shape.(type) {
	case ixApp:
		return "an application"
	case EventJSON:
		return "an event"
	}
	return "the file"
}

// lineCol turns a byte offset into a 1-based line and column.
func lineCol(data []byte, off int64) (int, int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	return line, int(off) - bytes.LastIndexByte(before, '\n') - 1
}

// duplicateKey finds an object in data that holds a key twice, which
// encoding/json would read as the last value without a word: an edited
// export with two "deadline"s must say so, not pick one. It returns nil for
// data that is not valid JSON (the decoder's error says more).
func duplicateKey(data []byte) error {
	type frame struct {
		object    bool
		keys      map[string]bool
		expectKey bool
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var stack []*frame
	valueDone := func() {
		if n := len(stack); n > 0 && stack[n-1].object {
			stack[n-1].expectKey = true
		}
	}
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil // the end, or a syntax error reported elsewhere
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{':
				stack = append(stack, &frame{object: true, keys: map[string]bool{}, expectKey: true})
			case '[':
				stack = append(stack, &frame{})
			default:
				stack = stack[:len(stack)-1]
				valueDone()
			}
		case string:
			if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].expectKey {
				top := stack[n-1]
				if top.keys[t] {
					line, col := lineCol(data, dec.InputOffset())
					return fmt.Errorf("line %d, column %d: the key %q appears twice in one object: keep one", line, col, t)
				}
				top.keys[t] = true
				top.expectKey = false
				continue
			}
			valueDone()
		default:
			valueDone()
		}
	}
}
