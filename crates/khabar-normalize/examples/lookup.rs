//! Prints model entries and restorations for the words given as arguments (development aid).
fn main() {
    for w in std::env::args().skip(1) {
        let r = khabar_normalize::restore_zwnj_word(&w).replace('\u{200c}', "|");
        println!("{w}\t{}\t{r}", khabar_normalize::debug_entry(&w));
    }
}
