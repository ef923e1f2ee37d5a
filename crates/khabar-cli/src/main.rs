//! `khabar`: scraped Persian news in, structured records out.

fn main() {}
