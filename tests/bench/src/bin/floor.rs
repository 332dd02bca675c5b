//! The HTTP floor for `compare.sh`: the same HTTP stack as the generated server (hyper through
//! the runtime's `serve`, axum routing), reading the whole request body and answering the
//! seed's response bytes without parsing anything. Usage: `soapgen-bench-floor PORT`.

use axum::body::Bytes;
use axum::http::header::CONTENT_TYPE;
use soapgen_runtime::SoapVersion;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port: u16 = std::env::args()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(8080);
    let response: &'static str =
        Box::leak(soapgen_bench::seed_response(SoapVersion::Soap11).into_boxed_str());
    let router = axum::Router::new().route(
        "/WebApi/AccountManagementService/AccountManagementService.asmx",
        axum::routing::post(move |body: Bytes| async move {
            let _ = body;
            ([(CONTENT_TYPE, "text/xml; charset=utf-8")], response)
        }),
    );
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("LISTENING {}", listener.local_addr()?.port());
    soapgen_runtime::server::axum::serve(listener, router).await
}
