//! Line-by-line streaming used by `khabar normalize`.

use std::io::{BufRead, Write};

use crate::Normalizer;

/// Normalizes `r` line by line into `w` (each output line is [`Normalizer::normalize_str`] of the input line).
/// Invalid UTF-8 is replaced lossily; `\n` and `\r\n` line ends are kept; the writer is flushed at the end.
pub fn normalize_stream<R: BufRead, W: Write>(n: &Normalizer, mut r: R, w: W) -> std::io::Result<()> {
    let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
    let mut buf = Vec::with_capacity(4096);
    loop {
        buf.clear();
        let read = r.read_until(b'\n', &mut buf)?;
        if read == 0 {
            break;
        }
        let mut end = buf.len();
        let mut eol: &[u8] = b"";
        if buf.ends_with(b"\r\n") {
            end -= 2;
            eol = b"\r\n";
        } else if buf.ends_with(b"\n") {
            end -= 1;
            eol = b"\n";
        }
        let line = String::from_utf8_lossy(&buf[..end]);
        w.write_all(n.normalize_str(&line).as_bytes())?;
        w.write_all(eol)?;
    }
    w.flush()
}
