package store

import "testing"

// BenchmarkExpedites10k reads what the expedite items need at 10,000
// applications: the open offers and the processes still deciding, through
// the kept stage's index, with their last contact.
func BenchmarkExpedites10k(b *testing.B) {
	s := demo10k(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.WithExpedite(nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenOffers10k is the cost of the expedite rule when no process
// needs it: one indexed read of the open offers.
func BenchmarkOpenOffers10k(b *testing.B) {
	s := demo10k(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.OpenOffers(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOffers10k is `afterview offers` at 10,000 applications.
func BenchmarkOffers10k(b *testing.B) {
	s := demo10k(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Offers(); err != nil {
			b.Fatal(err)
		}
	}
}
