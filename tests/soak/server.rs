//! The server side of the soak: the example server run in a child process (this binary with
//! `--serve`), so its memory can be measured alone, and its log collected for panics.

use std::io::{BufRead, BufReader, Read};
use std::net::SocketAddr;
use std::process::{Command, ExitCode, Stdio};
use std::sync::Arc;
use std::time::Duration;

use generated_example::demo::DemoService;
use generated_example::AccountManagementServiceServer;
use soapgen_runtime::server::axum::{router_with_config, serve_with, ConnectionConfig};
use soapgen_runtime::server::ServerConfig;

/// The service path, as in the example server.
pub const PATH: &str = "/WebApi/AccountManagementService/AccountManagementService.asmx";

/// The API credentials the demo service accepts.
pub const USER: &str = "admin";
/// See [`USER`].
pub const PASSWORD: &str = "secret";

/// Body timeout of the soak server: short, so that the slow-client kinds finish quickly.
pub const BODY_TIMEOUT: Duration = Duration::from_secs(1);
/// Header timeout of the soak server, which is also its idle keep-alive timeout (see
/// [`BODY_TIMEOUT`]).
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(2);
/// The valid clients' pool idle timeout: below [`HEADER_TIMEOUT`] with a margin, so that they
/// never reuse a connection the server is closing.
pub const POOL_IDLE_TIMEOUT: Duration = Duration::from_millis(500);

/// Child mode: serves the example on a free loopback port, prints `listening ADDR`, and runs
/// until killed. Panics are logged to stderr (the default hook), which the parent reads.
pub fn serve_forever() -> ExitCode {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(async {
        let service =
            AccountManagementServiceServer::new(Arc::new(DemoService::new(USER, PASSWORD)));
        let config = ServerConfig {
            body_timeout: BODY_TIMEOUT,
            ..ServerConfig::default()
        };
        let connections = ConnectionConfig {
            header_read_timeout: HEADER_TIMEOUT,
            ..ConnectionConfig::default()
        };
        let router = router_with_config(PATH, service, config);
        let listener = match tokio::net::TcpListener::bind("127.0.0.1:0").await {
            Ok(l) => l,
            Err(e) => {
                eprintln!("cannot bind: {e}");
                return ExitCode::FAILURE;
            }
        };
        match listener.local_addr() {
            Ok(addr) => println!("listening {addr}"),
            Err(e) => {
                eprintln!("no local address: {e}");
                return ExitCode::FAILURE;
            }
        }
        match serve_with(listener, router, connections).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("server stopped: {e}");
                ExitCode::FAILURE
            }
        }
    })
}

/// The running child server.
pub struct Child {
    process: std::process::Child,
    addr: SocketAddr,
    log: std::thread::JoinHandle<String>,
}

impl Child {
    /// Starts `<this binary> --serve` and waits for its address.
    pub fn spawn() -> std::io::Result<Child> {
        let exe = std::env::current_exe()?;
        let mut process = Command::new(exe)
            .arg("--serve")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let stdout = process
            .stdout
            .take()
            .ok_or_else(|| std::io::Error::other("no stdout"))?;
        let mut stderr = process
            .stderr
            .take()
            .ok_or_else(|| std::io::Error::other("no stderr"))?;
        let log = std::thread::spawn(move || {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text);
            text
        });
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line)?;
        let addr = line
            .trim()
            .strip_prefix("listening ")
            .and_then(|a| a.parse().ok())
            .ok_or_else(|| std::io::Error::other(format!("unexpected server output {line:?}")))?;
        Ok(Child { process, addr, log })
    }

    /// The server's address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.process.id()
    }

    /// Stops the server and returns its log (stderr).
    pub fn stop(mut self) -> String {
        let _ = self.process.kill();
        let _ = self.process.wait();
        self.log.join().unwrap_or_default()
    }
}
