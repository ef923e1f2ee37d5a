//! The shipped ZWNJ model is exactly what `khabar train zwnj` builds from the shipped lexicons: a change to the
//! trainer or to `data/lexicon` without a rebuild of `model/zwnj.bin` fails here.
#![cfg(feature = "train")]

use std::path::Path;

#[test]
fn shipped_model_is_rebuilt_from_shipped_lexicons() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/lexicon");
    let built = khabar_normalize::train::train_zwnj(&data).expect("training from data/lexicon");
    let shipped: &[u8] = include_bytes!("../model/zwnj.bin");
    assert_eq!(built.len(), shipped.len(), "model size differs: rebuild model/zwnj.bin (see NOTES.md)");
    assert!(built == shipped, "model bytes differ: rebuild model/zwnj.bin (see NOTES.md)");
}
