package store

import (
	"encoding/csv"
	"io"
)

// CSVWriter writes CSV for a spreadsheet as the exports do: every cell that
// a spreadsheet would run as a formula ("=HYPERLINK(…)" in a note) is
// written as text (see formulaSafe). The job-search log writes through it.
type CSVWriter struct{ w *csv.Writer }

// NewCSVWriter returns a CSVWriter writing to w.
func NewCSVWriter(w io.Writer) *CSVWriter { return &CSVWriter{csv.NewWriter(w)} }

// Write writes one row, each cell made formula-safe.
func (c *CSVWriter) Write(row []string) error {
	safe := make([]string, len(row))
	for i, cell := range row {
		safe[i] = formulaSafe(cell)
	}
	return c.w.Write(safe)
}

// Flush writes what is buffered and returns the first error of any write.
func (c *CSVWriter) Flush() error {
	c.w.Flush()
	return c.w.Error()
}
