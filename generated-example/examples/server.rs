//! Serves the AccountManagementService example (see `generated_example::demo`).
//!
//! ```text
//! cargo run -p generated-example --example server -- --addr 127.0.0.1:8080 [--user NAME --password PW]
//! ```
//!
//! It serves SOAP 1.1 and 1.2 at `/WebApi/AccountManagementService/AccountManagementService.asmx`
//! and checks the AuthHeader against the given credentials (default `admin`/`secret`). Open that
//! address in a browser for the service's help pages (with a test form, from this machine), or
//! add `?wsdl` for its WSDL.

use clap::Parser;
use generated_example::demo::DemoService;
use generated_example::AccountManagementServiceServer;
use std::net::SocketAddr;

/// The path the service is published at.
const PATH: &str = "/WebApi/AccountManagementService/AccountManagementService.asmx";

#[derive(Parser)]
#[command(about = "Serve the AccountManagementService example")]
struct Args {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// API user name expected in the AuthHeader.
    #[arg(long, default_value = "admin")]
    user: String,
    /// API password expected in the AuthHeader.
    #[arg(long, default_value = "secret")]
    password: String,
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let args = Args::parse();
    let service = DemoService::new(args.user, args.password);
    // The SOAP endpoint, plus its WSDL (`?wsdl`) and help pages with the test form (`GET`).
    let router = soapgen_runtime::server::axum::router_with_pages(
        PATH,
        AccountManagementServiceServer::new(service),
    );
    let listener = tokio::net::TcpListener::bind(args.addr).await?;
    println!(
        "AccountManagementService listening on http://{}{PATH}",
        listener.local_addr()?
    );
    soapgen_runtime::server::axum::serve(listener, router).await
}
