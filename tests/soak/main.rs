//! `soapgen-soak`: a soak test of the example server (not part of `cargo test`).
//!
//! It starts the generated AccountManagementService server with the demo service in a child
//! process (itself, with `--serve`), then sends `--requests` requests from `--clients`
//! concurrent clients over loopback: 90 % valid calls through the generated client (SOAP 1.1
//! and 1.2 alternately), 10 % hostile requests over raw sockets, cycling through the kinds in
//! [`hostile`]. It reports:
//!
//! * valid requests answered correctly (must be 100 %);
//! * hostile requests answered with the expected status and fault, per kind;
//! * the server's resident memory through the run, and its peak (must stay flat);
//! * panics in the server's log (must be none).
//!
//! It exits 0 only when all of these hold. Traffic goes to 127.0.0.1 only; the run is bounded
//! by the request count and by `--max-seconds`.
//!
//! ```text
//! cargo run --release -p soapgen-tests --bin soapgen-soak -- [--requests 20000] [--clients 32]
//! ```

mod hostile;
mod report;
mod server;
mod valid;

use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use report::Tally;

/// Command-line settings.
#[derive(Debug, Clone)]
struct Settings {
    requests: usize,
    clients: usize,
    hostile_every: usize,
    max_seconds: u64,
}

fn parse_args(args: &[String]) -> Result<Settings, String> {
    let mut settings = Settings {
        requests: 20_000,
        clients: 32,
        hostile_every: 10,
        max_seconds: 600,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| -> Result<usize, String> {
            it.next()
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| format!("{name} needs a positive number"))
        };
        match arg.as_str() {
            "--requests" => settings.requests = value("--requests")?,
            "--clients" => settings.clients = value("--clients")?.max(1),
            "--hostile-every" => settings.hostile_every = value("--hostile-every")?.max(1),
            "--max-seconds" => settings.max_seconds = value("--max-seconds")? as u64,
            "-h" | "--help" => {
                return Err("usage: soapgen-soak [--requests N] [--clients N] [--hostile-every N] [--max-seconds N]".into())
            }
            other => return Err(format!("unknown argument `{other}` (try --help)")),
        }
    }
    Ok(settings)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--serve") {
        return server::serve_forever();
    }
    let settings = match parse_args(&args) {
        Ok(s) => s,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(run(settings))
}

async fn run(settings: Settings) -> ExitCode {
    let child = match server::Child::spawn() {
        Ok(child) => child,
        Err(e) => {
            eprintln!("cannot start the server: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "soak: {} requests from {} concurrent clients against the example server (pid {}) at {}; 1 in {} hostile ({} kinds)",
        settings.requests,
        settings.clients,
        child.pid(),
        child.addr(),
        settings.hostile_every,
        hostile::KINDS.len()
    );
    println!(
        "server limits: defaults, except body timeout {} ms and header/idle timeout {} ms (short, so stalled clients finish quickly)",
        server::BODY_TIMEOUT.as_millis(),
        server::HEADER_TIMEOUT.as_millis()
    );
    let tally = Arc::new(Tally::default());
    let next = Arc::new(AtomicUsize::new(0));
    let sampler = report::RssSampler::start(child.pid(), settings.requests, Arc::clone(&next));
    let started = Instant::now();
    let deadline = started + Duration::from_secs(settings.max_seconds);
    let mut workers = Vec::new();
    for worker in 0..settings.clients {
        let (tally, next, settings) = (Arc::clone(&tally), Arc::clone(&next), settings.clone());
        let addr = child.addr();
        workers.push(tokio::spawn(async move {
            let clients = valid::Clients::new(addr, worker);
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= settings.requests || Instant::now() > deadline {
                    break;
                }
                let began = Instant::now();
                if i % settings.hostile_every == settings.hostile_every - 1 {
                    let kind = &hostile::KINDS[(i / settings.hostile_every) % hostile::KINDS.len()];
                    let outcome = hostile::send(addr, kind).await;
                    tally.hostile(kind.name, outcome, began.elapsed());
                } else {
                    let outcome = clients.call(i).await;
                    tally.valid(outcome, began.elapsed());
                }
            }
        }));
    }
    for w in workers {
        let _ = w.await;
    }
    let elapsed = started.elapsed();
    let rss = sampler.finish().await;
    let log = child.stop();
    let panics = log.lines().filter(|l| l.contains("panicked")).count();
    let timed_out = next.load(Ordering::Relaxed) < settings.requests;
    let pass = report::print(&tally, &rss, panics, elapsed, timed_out);
    if panics > 0 {
        eprintln!("server log:\n{log}");
    }
    if pass {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
