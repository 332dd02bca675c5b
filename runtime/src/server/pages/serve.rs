//! The HTTP side of the service pages (feature `server`): an axum middleware in front of the
//! SOAP route that answers, on the service's path,
//!
//! - `GET ?wsdl` (any case): the WSDL, with the service's `soap:address` and `soap12:address`
//!   locations rewritten to the scheme, host and path the request came to (`X-Forwarded-Proto`
//!   or `Forwarded: proto=` give the scheme behind a proxy);
//! - `GET` without a query: the service page; `GET ?op=NAME`: the operation's page (404 page for
//!   an unknown operation);
//! - `POST ?op=NAME` with a form body: the test form's submission. It is accepted only from the
//!   local machine (see [`PagesConfig::test_form`]) and only from the page itself (a browser's
//!   `Origin` must name the `Host`, and `Sec-Fetch-Site` must not say another site), so that a web
//!   page elsewhere cannot make a local browser call the service. The SOAP request built from
//!   the form is sent through the same route as any SOAP request, and the page shows the response.
//!
//! Everything else (SOAP POSTs, other methods) goes to the SOAP route unchanged.
//!
//! Pages carry a `Content-Security-Policy` that allows no script, no image and no frame, and
//! forms that post only to the page's own origin.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use ::axum::body::Body;
use ::axum::extract::{ConnectInfo, Request, State};
use ::axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use ::axum::middleware::{self, Next};
use ::axum::response::Response;
use ::axum::Router;

use super::form::{self, parse_urlencoded};
use super::html::{self, message_page, operation_page_with_test};
use super::sample::push_html;
use super::text::TEST_FORM_LOCAL_ONLY;
use super::wsdl::assemble;
use super::{DescribeService, PageLocation, PagesConfig, ServiceDescription};
use crate::server::axum::router_with_config;
use crate::server::dispatch::SoapDispatch;
use crate::server::handle::ServerConfig;

/// How long a test form submission may take to arrive.
const FORM_BODY_TIMEOUT: Duration = Duration::from_secs(30);
/// The largest SOAP response the test form shows.
const MAX_SHOWN_RESPONSE: usize = 16 * 1024 * 1024;
/// The policy of every page: no script, no images, no frames, forms to the same origin only.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

struct PagesState {
    description: &'static ServiceDescription<'static>,
    config: PagesConfig,
}

/// A router serving `service` on `path` like [`router`](crate::server::axum::router), together
/// with its pages and WSDL (see [`crate::server::pages`]): `GET ?wsdl`, `GET`, `GET ?op=NAME`
/// and the test form. Every server soapgen generates implements [`DescribeService`].
///
/// The test form needs the peer address to recognise local visitors: serve the router with
/// [`serve`](crate::server::axum::serve) (or axum's `into_make_service_with_connect_info`).
///
/// # Panics
///
/// If `path` is not a valid axum route (it must start with `/`); this is configuration, not
/// request data.
pub fn router_with_pages<S: SoapDispatch + DescribeService>(path: &str, service: S) -> Router {
    router_with_pages_and_config(
        path,
        service,
        ServerConfig::default(),
        PagesConfig::default(),
    )
}

/// Like [`router_with_pages`] with explicit server and page settings.
pub fn router_with_pages_and_config<S: SoapDispatch + DescribeService>(
    path: &str,
    service: S,
    config: ServerConfig,
    pages: PagesConfig,
) -> Router {
    let description = service.service_description();
    with_pages(
        router_with_config(path, service, config),
        description,
        pages,
    )
}

/// Adds the pages of `description` in front of every route of `router` (normally the one
/// route of a SOAP service).
pub fn with_pages(
    router: Router,
    description: &'static ServiceDescription<'static>,
    config: PagesConfig,
) -> Router {
    let state = Arc::new(PagesState {
        description,
        config,
    });
    router.layer(middleware::from_fn_with_state(state, pages))
}

/// What the query string asks for.
#[derive(Debug, Default, PartialEq, Eq)]
struct Query {
    wsdl: bool,
    op: Option<String>,
}

fn parse_query(query: Option<&str>) -> Query {
    let mut out = Query::default();
    for (key, value) in parse_urlencoded(query.unwrap_or("")) {
        if key.eq_ignore_ascii_case("wsdl") {
            out.wsdl = true;
        } else if key.eq_ignore_ascii_case("op") && out.op.is_none() {
            out.op = Some(value);
        }
    }
    out
}

async fn pages(State(state): State<Arc<PagesState>>, request: Request, next: Next) -> Response {
    let query = parse_query(request.uri().query());
    match *request.method() {
        Method::GET | Method::HEAD => get(&state, &request, &query),
        Method::POST if is_form(request.headers()) => match query.op {
            Some(op) => submit(&state, request, &op, next).await,
            None => next.run(request).await,
        },
        _ => next.run(request).await,
    }
}

fn get(state: &PagesState, request: &Request, query: &Query) -> Response {
    let desc = state.description;
    let location = location(request);
    if query.wsdl {
        let text = assemble(desc.wsdl, location.url().as_deref());
        return respond(StatusCode::OK, "text/xml; charset=utf-8", text);
    }
    let Some(name) = &query.op else {
        return page(StatusCode::OK, html::service_page(desc, &location));
    };
    let Some(op) = desc.operation(name) else {
        return not_found(desc, &location, name);
    };
    let test = test_section(state, request, op, &Vec::new(), None);
    page(
        StatusCode::OK,
        operation_page_with_test(desc, op, &location, state.config.max_sample_elements, &test),
    )
}

fn not_found(desc: &ServiceDescription<'_>, location: &PageLocation, name: &str) -> Response {
    page(
        StatusCode::NOT_FOUND,
        message_page(
            desc,
            location,
            "Operation not found",
            &format!("This service has no operation named \u{201c}{name}\u{201d}."),
        ),
    )
}

/// The test section of an operation page: the form (with the result of a submission) for
/// local visitors, a sentence for everyone else.
fn test_section(
    state: &PagesState,
    request: &Request,
    op: &super::OperationDescription<'static>,
    values: &form::Values,
    result: Option<&str>,
) -> String {
    let mut out = String::new();
    if !state.config.test_form {
        out.push_str("<p>The test form is turned off on this server.</p>\n");
        return out;
    }
    if !is_local(request) {
        out.push_str("<p>");
        push_html(&mut out, TEST_FORM_LOCAL_ONLY);
        out.push_str("</p>\n");
        return out;
    }
    let plan = form::plan(state.description, op);
    out.push_str(&form::render(
        state.description,
        op,
        &plan,
        values,
        state.config.max_sample_elements,
    ));
    if let Some(result) = result {
        out.push_str(result);
    }
    out
}

async fn submit(state: &PagesState, request: Request, name: &str, next: Next) -> Response {
    let desc = state.description;
    let location = location(&request);
    let Some(op) = desc.operation(name) else {
        return not_found(desc, &location, name);
    };
    if !state.config.test_form || !is_local(&request) {
        return page(
            StatusCode::FORBIDDEN,
            message_page(
                desc,
                &location,
                "Test form unavailable",
                TEST_FORM_LOCAL_ONLY,
            ),
        );
    }
    if is_cross_site(request.headers()) {
        return page(
            StatusCode::FORBIDDEN,
            message_page(
                desc,
                &location,
                "Request refused",
                "The test form accepts submissions from its own page only.",
            ),
        );
    }
    let limit = state.config.max_form_bytes;
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    let too_large = || {
        page(
            StatusCode::PAYLOAD_TOO_LARGE,
            message_page(
                desc,
                &location,
                "Form too large",
                &format!("The submitted form exceeds {limit} bytes."),
            ),
        )
    };
    if declared.is_some_and(|len| len > limit as u64) {
        return too_large();
    }
    let (parts, body) = request.into_parts();
    let bytes =
        match tokio::time::timeout(FORM_BODY_TIMEOUT, ::axum::body::to_bytes(body, limit)).await {
            Ok(Ok(bytes)) => bytes,
            Ok(Err(_)) => return too_large(),
            Err(_) => {
                return page(
                    StatusCode::REQUEST_TIMEOUT,
                    message_page(
                        desc,
                        &location,
                        "Form too slow",
                        "The form did not arrive in time.",
                    ),
                )
            }
        };
    let values = parse_urlencoded(&String::from_utf8_lossy(&bytes));
    let plan = form::plan(desc, op);
    let Some(soap) = form::build(op, &plan, &values) else {
        return page(
            StatusCode::BAD_REQUEST,
            message_page(
                desc,
                &location,
                "No SOAP binding",
                "This operation has no SOAP binding to call.",
            ),
        );
    };
    let mut forward = Request::new(Body::from(soap.envelope.clone()));
    *forward.method_mut() = Method::POST;
    *forward.uri_mut() = parts.uri.clone();
    *forward.version_mut() = parts.version;
    let headers = forward.headers_mut();
    if let Some(host) = parts.headers.get(header::HOST) {
        headers.insert(header::HOST, host.clone());
    }
    if let Ok(value) = HeaderValue::from_str(&soap.version.content_type_for(&soap.action)) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    if let Some(action) = soap.version.soap_action_header(&soap.action) {
        if let Ok(value) = HeaderValue::from_str(&action) {
            headers.insert("soapaction", value);
        }
    }
    headers.insert(
        header::CONTENT_LENGTH,
        HeaderValue::from(soap.envelope.len()),
    );
    let response = next.run(forward).await;
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let body = match ::axum::body::to_bytes(response.into_body(), MAX_SHOWN_RESPONSE).await {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(_) => {
            format!("(the response could not be read, or exceeds {MAX_SHOWN_RESPONSE} bytes)")
        }
    };
    let result = form::render_result(&soap, status, &content_type, &body);
    // The submission's own request is what decides locality; rebuild a view of it.
    let shown = Request::from_parts(parts, Body::empty());
    let test = test_section(state, &shown, op, &values, Some(&result));
    page(
        StatusCode::OK,
        operation_page_with_test(desc, op, &location, state.config.max_sample_elements, &test),
    )
}

/// Whether the request carries a form body.
fn is_form(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|media| {
            media
                .trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        })
}

/// Whether the request comes from the local machine: a loopback peer, and no sign of a proxy.
fn is_local(request: &Request) -> bool {
    let proxied = ["forwarded", "x-forwarded-for", "x-real-ip"]
        .iter()
        .any(|name| request.headers().contains_key(*name));
    !proxied
        && request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .is_some_and(|ConnectInfo(peer)| peer.ip().to_canonical().is_loopback())
}

/// Whether a browser says the submission comes from another site.
fn is_cross_site(headers: &HeaderMap) -> bool {
    let get = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = get("sec-fetch-site") {
        if !matches!(site.trim(), "same-origin" | "none") {
            return true;
        }
    }
    match get("origin") {
        None => false,
        Some(origin) => {
            let origin_host = origin
                .trim()
                .split_once("://")
                .map(|(_, rest)| rest.trim_end_matches('/'));
            match (origin_host, get("host")) {
                (Some(o), Some(h)) => !o.eq_ignore_ascii_case(h.trim()),
                _ => true,
            }
        }
    }
}

/// The location the request came to; the WSDL's own addresses when its `Host` is unusable.
fn location(request: &Request) -> PageLocation {
    let headers = request.headers();
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .or_else(|| request.uri().authority().map(|a| a.as_str()));
    let scheme = forwarded_proto(headers)
        .or_else(|| request.uri().scheme_str().map(str::to_owned))
        .unwrap_or_else(|| "http".to_owned());
    host.and_then(|h| PageLocation::request(&scheme, h.trim(), request.uri().path()))
        .unwrap_or_default()
}

/// The scheme a proxy says the client used.
fn forwarded_proto(headers: &HeaderMap) -> Option<String> {
    let get = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(proto) = get("x-forwarded-proto") {
        return proto.split(',').next().map(|p| p.trim().to_owned());
    }
    let forwarded = get("forwarded")?;
    let first = forwarded.split(',').next()?;
    first.split(';').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("proto")
            .then(|| v.trim().trim_matches('"').to_owned())
    })
}

fn page(status: StatusCode, body: String) -> Response {
    respond(status, "text/html; charset=utf-8", body)
}

fn respond(status: StatusCode, content_type: &'static str, body: String) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if content_type.starts_with("text/html") {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        );
        headers.insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn queries() {
        assert_eq!(
            parse_query(Some("WSDL")),
            Query {
                wsdl: true,
                op: None
            }
        );
        assert_eq!(
            parse_query(Some("op=A%20B&op=C")),
            Query {
                wsdl: false,
                op: Some("A B".into())
            }
        );
        assert_eq!(parse_query(None), Query::default());
    }

    #[test]
    fn cross_site_checks() {
        assert!(!is_cross_site(&headers(&[])));
        assert!(!is_cross_site(&headers(&[
            ("origin", "http://127.0.0.1:8080"),
            ("host", "127.0.0.1:8080"),
            ("sec-fetch-site", "same-origin"),
        ])));
        assert!(is_cross_site(&headers(&[
            ("origin", "http://evil.example"),
            ("host", "127.0.0.1:8080"),
        ])));
        assert!(is_cross_site(&headers(&[
            ("origin", "null"),
            ("host", "h")
        ])));
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "same-site")])));
    }

    #[test]
    fn locality_and_location() {
        let mut request = Request::new(Body::empty());
        assert!(!is_local(&request), "no peer address: not local");
        request
            .extensions_mut()
            .insert(ConnectInfo(SocketAddr::from(([127, 0, 0, 1], 5000))));
        assert!(is_local(&request));
        request
            .headers_mut()
            .insert("x-forwarded-for", HeaderValue::from_static("1.2.3.4"));
        assert!(!is_local(&request));
        let mut remote = Request::new(Body::empty());
        remote
            .extensions_mut()
            .insert(ConnectInfo(SocketAddr::from(([10, 0, 0, 1], 5000))));
        assert!(!is_local(&remote));
        let mut mapped = Request::new(Body::empty());
        mapped.extensions_mut().insert(ConnectInfo(
            "[::ffff:127.0.0.1]:80".parse::<SocketAddr>().unwrap(),
        ));
        assert!(is_local(&mapped));

        let mut request = Request::new(Body::empty());
        *request.uri_mut() = "/svc.asmx?wsdl".parse().unwrap();
        request
            .headers_mut()
            .insert(header::HOST, HeaderValue::from_static("example.com:81"));
        request
            .headers_mut()
            .insert("x-forwarded-proto", HeaderValue::from_static("https"));
        assert_eq!(
            location(&request).url().as_deref(),
            Some("https://example.com:81/svc.asmx")
        );
        request
            .headers_mut()
            .insert(header::HOST, HeaderValue::from_static("bad host\"<"));
        assert_eq!(location(&request), PageLocation::Described);
        assert_eq!(
            forwarded_proto(&headers(&[("forwarded", "for=1.2.3.4;proto=https, for=5")])),
            Some("https".into())
        );
        assert!(is_form(&headers(&[(
            "content-type",
            "application/x-www-form-urlencoded; charset=UTF-8"
        )])));
        assert!(!is_form(&headers(&[("content-type", "text/xml")])));
    }
}
