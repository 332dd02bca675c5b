//! A checking proxy: forwards each exchange between a client and a server unchanged (method,
//! Content-Type, SOAPAction, body; status, Content-Type, body) and writes one WIRE line per
//! message with the rules it broke (see `wire.rs`). It tells whose message broke a rule, so the
//! matrix can fail on our mistakes and record a peer's as quirks.

use crate::report::one_line;
use crate::wire::{self, Actions, HttpMessage};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex};

/// Which side of the exchange is ours.
#[derive(Clone, Copy)]
pub enum Ours {
    Client,
    Server,
}

struct ProxyState {
    upstream: String,
    http: reqwest::Client,
    actions: HashMap<String, Actions>,
    peer: String,
    direction: String,
    ours: Ours,
    log: Mutex<std::fs::File>,
}

/// The proxy for `upstream` (a base URL), with the WSDLs of `wsdl_dir` for the expected actions.
pub fn router(
    upstream: String,
    wsdl_dir: &Path,
    peer: String,
    direction: String,
    log: std::fs::File,
) -> Result<axum::Router, String> {
    let mut actions = HashMap::new();
    for name in ["ams", "round4", "faults"] {
        actions.insert(
            name.to_string(),
            Actions::load(&wsdl_dir.join(format!("{name}.wsdl")))?,
        );
    }
    let ours = if direction.starts_with("soapgen-client") {
        Ours::Client
    } else {
        Ours::Server
    };
    let http = reqwest::Client::builder()
        .build()
        .map_err(|e| e.to_string())?;
    let state = Arc::new(ProxyState {
        upstream,
        http,
        actions,
        peer,
        direction,
        ours,
        log: Mutex::new(log),
    });
    Ok(axum::Router::new().fallback(forward).with_state(state))
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

async fn forward(
    State(state): State<Arc<ProxyState>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let wsdl = uri.path().trim_matches('/').to_string();
    let empty = Actions::default();
    let actions = state.actions.get(&wsdl).unwrap_or(&empty);
    let request = HttpMessage {
        method: Some(method.as_str()),
        status: None,
        content_type: header(&headers, "content-type"),
        soap_action: header(&headers, "soapaction"),
        body: &body,
    };
    let (version, request_broken) = wire::check_request(&request, actions);
    let (request_side, response_side) = match state.ours {
        Ours::Client => ("ours", "peer"),
        Ours::Server => ("peer", "ours"),
    };
    let soap = version.map(|v| v.label()).unwrap_or("?");
    state.write(&wsdl, soap, "request", request_side, &request_broken);

    let url = format!(
        "{}{}",
        state.upstream,
        uri.path_and_query().map(|p| p.as_str()).unwrap_or("/")
    );
    let mut outgoing = state.http.request(method, url).body(body.clone());
    for name in ["content-type", "soapaction", "accept"] {
        if let Some(value) = headers.get(name) {
            outgoing = outgoing.header(name, value);
        }
    }
    let answer = match outgoing.send().await {
        Ok(a) => a,
        Err(e) => {
            state.write(
                &wsdl,
                soap,
                "response",
                response_side,
                &[format!("upstream unreachable: {e}")],
            );
            return (StatusCode::BAD_GATEWAY, e.to_string()).into_response();
        }
    };
    let status = answer.status();
    let content_type = answer.headers().get("content-type").cloned();
    let bytes = answer.bytes().await.unwrap_or_default();
    if let Some(version) = version {
        let response = HttpMessage {
            method: None,
            status: Some(status.as_u16()),
            content_type: content_type.as_ref().and_then(|v| v.to_str().ok()),
            soap_action: None,
            body: &bytes,
        };
        let broken = wire::check_response(&response, version);
        state.write(&wsdl, soap, "response", response_side, &broken);
    }
    let mut reply = Response::builder().status(status.as_u16());
    if let Some(ct) = content_type {
        reply = reply.header("content-type", ct);
    }
    reply
        .body(axum::body::Body::from(bytes))
        .unwrap_or_else(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response())
}

impl ProxyState {
    fn write(&self, wsdl: &str, soap: &str, message: &str, sender: &str, broken: &[String]) {
        let (verdict, detail) = if broken.is_empty() {
            ("PASS", "-".to_string())
        } else {
            ("FAIL", one_line(&broken.join("; ")))
        };
        let line = format!(
            "WIRE\t{}\t{}\t{wsdl}\t{soap}\t{message}\t{sender}\t{verdict}\t{detail}\n",
            self.peer, self.direction
        );
        if let Ok(mut log) = self.log.lock() {
            // A lost log line would show as a missing exchange in the matrix, so failures surface.
            let _ = log.write_all(line.as_bytes());
        }
    }
}
