//! `normalize`: stdin to stdout, one normalized line per input line (stand-in for `khabar normalize`).
//! Options: `--digits persian|ascii|keep`, `--no-zwnj`, `--no-punct`, `--strip-diacritics`.
use khabar_normalize::{Digits, Normalizer, NormalizerOptions, normalize_stream};

fn main() -> std::io::Result<()> {
    let mut o = NormalizerOptions::default();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--digits" => {
                i += 1;
                o.digits = match args.get(i).map(String::as_str) {
                    Some("persian") => Digits::Persian,
                    Some("ascii") => Digits::Ascii,
                    _ => Digits::Keep,
                }
            }
            "--no-zwnj" => o.restore_zwnj = false,
            "--no-punct" => o.fix_punctuation = false,
            "--strip-diacritics" => o.remove_diacritics = true,
            _ => {}
        }
        i += 1;
    }
    let n = Normalizer::new(o);
    let stdin = std::io::stdin();
    normalize_stream(&n, stdin.lock(), std::io::stdout().lock())
}
