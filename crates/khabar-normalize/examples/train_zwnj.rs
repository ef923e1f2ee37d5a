//! Rebuilds `model/zwnj.bin` from the shipped lexicons:
//! `cargo run --release -p khabar-normalize --features train --example train_zwnj -- data/lexicon crates/khabar-normalize/model/zwnj.bin`
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let data = args.get(1).map_or("data/lexicon", String::as_str);
    let out = args.get(2).map_or("crates/khabar-normalize/model/zwnj.bin", String::as_str);
    let t = std::time::Instant::now();
    let bytes = khabar_normalize::train::train_zwnj(std::path::Path::new(data))?;
    std::fs::write(out, &bytes)?;
    eprintln!("wrote {} ({} bytes) in {:.2?}", out, bytes.len(), t.elapsed());
    Ok(())
}
