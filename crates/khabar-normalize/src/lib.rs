//! Persian text normalization (placeholder, being built).
