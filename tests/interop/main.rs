//! `soapgen-interop`: our half of the interop suite (`tests/interop/run.sh`).
//!
//! - `serve`: our generated servers for the suite's three WSDLs on one port.
//! - `client`: our generated clients run every case of `CONTRACT.md` against a peer's server.
//! - `proxy`: forwards and checks the raw HTTP of every exchange (see `wire.rs`).

mod cases;
mod generated;
mod proxy;
mod report;
mod services;
mod wire;

use clap::{Parser, Subcommand};
use soapgen_runtime::SoapVersion;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(about = "soapgen's side of the interop suite")]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve /ams, /round4 and /faults (SOAP 1.1 and 1.2) until killed.
    Serve {
        #[arg(long, default_value_t = 0)]
        port: u16,
    },
    /// Run every case against a peer's server and print RESULT lines.
    Client {
        #[arg(long)]
        peer: String,
        /// The base URL; the services are at BASE/ams, BASE/round4, BASE/faults.
        #[arg(long)]
        base: String,
        #[arg(long, value_parser = ["1.1", "1.2"])]
        soap: String,
    },
    /// Forward to UPSTREAM and check every exchange, writing WIRE lines to LOG.
    Proxy {
        #[arg(long, default_value_t = 0)]
        port: u16,
        #[arg(long)]
        upstream: String,
        #[arg(long)]
        wsdl_dir: PathBuf,
        #[arg(long)]
        peer: String,
        #[arg(long)]
        direction: String,
        #[arg(long)]
        log: PathBuf,
    },
}

async fn listen(port: u16) -> std::io::Result<tokio::net::TcpListener> {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    // run.sh waits for this line before it starts a client.
    println!("LISTENING {}", listener.local_addr()?.port());
    Ok(listener)
}

async fn run(args: Args) -> Result<(), String> {
    match args.command {
        Command::Serve { port } => {
            let listener = listen(port).await.map_err(|e| e.to_string())?;
            soapgen_runtime::server::axum::serve(listener, services::router())
                .await
                .map_err(|e| e.to_string())
        }
        Command::Client { peer, base, soap } => {
            let version = if soap == "1.2" {
                SoapVersion::Soap12
            } else {
                SoapVersion::Soap11
            };
            let base = base.trim_end_matches('/');
            let endpoints = cases::Endpoints {
                ams: format!("{base}/ams"),
                round4: format!("{base}/round4"),
                faults: format!("{base}/faults"),
            };
            for line in cases::run(&peer, &endpoints, version).await {
                println!("{line}");
            }
            Ok(())
        }
        Command::Proxy {
            port,
            upstream,
            wsdl_dir,
            peer,
            direction,
            log,
        } => {
            let log = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&log)
                .map_err(|e| format!("{}: {e}", log.display()))?;
            let upstream = upstream.trim_end_matches('/').to_string();
            let router = proxy::router(upstream, &wsdl_dir, peer, direction, log)?;
            let listener = listen(port).await.map_err(|e| e.to_string())?;
            axum::serve(listener, router)
                .await
                .map_err(|e| e.to_string())
        }
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    use std::io::Write;
    let result = run(Args::parse()).await;
    let _ = std::io::stdout().flush();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("soapgen-interop: {e}");
            ExitCode::FAILURE
        }
    }
}
