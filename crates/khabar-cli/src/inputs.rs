//! Input discovery: files and directories (recursed, sorted) or standard input, read one
//! document at a time so memory stays bounded by the largest document.

use std::io::Read;
use std::path::{Path, PathBuf};

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input, named "-".
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Input {
    /// The name records and messages use.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".into(),
            Input::File(p) => p.display().to_string(),
        }
    }

    /// Reads the whole input, refusing more than `limit` bytes.
    pub fn read(&self, limit: u64) -> Result<Vec<u8>, String> {
        let mut buf = Vec::new();
        let too_large = |size: u64| format!("document too large: {size} bytes, limit {limit} bytes (see --max-bytes)");
        match self {
            Input::Stdin => {
                std::io::stdin().lock().take(limit + 1).read_to_end(&mut buf).map_err(|e| e.to_string())?;
            }
            Input::File(p) => {
                let f = std::fs::File::open(p).map_err(|e| e.to_string())?;
                let size = f.metadata().map(|m| m.len()).unwrap_or(0);
                if size > limit {
                    return Err(too_large(size));
                }
                f.take(limit + 1).read_to_end(&mut buf).map_err(|e| e.to_string())?;
            }
        }
        if buf.len() as u64 > limit {
            return Err(too_large(buf.len() as u64));
        }
        Ok(buf)
    }
}

/// Expands paths into inputs: directories are walked recursively in sorted order (hidden
/// entries skipped), `-` or no path at all means standard input. Paths that cannot be
/// listed are returned as errors, in order, without stopping the walk.
pub fn expand(paths: &[PathBuf]) -> Vec<Result<Input, (String, String)>> {
    if paths.is_empty() {
        return vec![Ok(Input::Stdin)];
    }
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Ok(Input::Stdin));
        } else if p.is_dir() {
            walk(p, &mut out);
        } else if p.exists() {
            out.push(Ok(Input::File(p.clone())));
        } else {
            out.push(Err((p.display().to_string(), "no such file or directory".into())));
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<Input, (String, String)>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.push(Err((dir.display().to_string(), e.to_string())));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| !p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')))
        .collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(Ok(Input::File(p)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_and_reports_missing() {
        let dir = std::env::temp_dir().join(format!("khabar-inputs-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("b")).unwrap();
        std::fs::write(dir.join("b/2.txt"), "x").unwrap();
        std::fs::write(dir.join("a.txt"), "x").unwrap();
        std::fs::write(dir.join(".hidden"), "x").unwrap();
        let got = expand(&[dir.clone(), dir.join("missing")]);
        let names: Vec<String> = got
            .iter()
            .map(|r| match r {
                Ok(i) => i.name(),
                Err((n, _)) => format!("ERR {n}"),
            })
            .collect();
        assert_eq!(names.len(), 3);
        assert!(names[0].ends_with("a.txt") && names[1].ends_with("2.txt") && names[2].starts_with("ERR"));
        let limit_err = Input::File(dir.join("a.txt")).read(0).unwrap_err();
        assert!(limit_err.contains("too large"));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
