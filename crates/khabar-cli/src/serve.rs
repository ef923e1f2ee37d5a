//! `khabar serve`: the archive's web UI and JSON API.

use std::io::Write;
use std::net::SocketAddr;
use std::process::ExitCode;

use anyhow::Context;

use crate::archive::DbArg;

/// Options of `khabar serve`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub db: DbArg,
    /// Where to listen (port 0: any free port). Binds loopback only unless told otherwise.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Largest request body accepted, in bytes.
    #[arg(long, default_value_t = 64 * 1024)]
    pub body_limit: usize,
}

/// Serves `db` on `addr`, printing the URL on stdout first (a test or script reads it there).
pub fn serve(db: std::path::PathBuf, addr: SocketAddr, body_limit: usize) -> anyhow::Result<ExitCode> {
    let mut config = khabar_server::Config::new(&db);
    config.addr = addr;
    config.body_limit = body_limit;
    let server = khabar_server::Server::bind(&config).with_context(|| format!("serving {}", db.display()))?;
    if !addr.ip().is_loopback() {
        tracing::warn!("listening on {addr}: the archive is reachable from other machines");
    }
    let mut out = std::io::stdout();
    writeln!(out, "khabar: serving the archive in {} at {}", db.display(), server.url())?;
    writeln!(out, "khabar: press Ctrl-C to stop")?;
    out.flush()?;
    server.run()?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `khabar serve`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    serve(args.db.dir()?, args.addr, args.body_limit)
}
