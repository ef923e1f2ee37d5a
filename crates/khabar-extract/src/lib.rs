//! Article extraction (being built).
