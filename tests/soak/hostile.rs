//! The hostile 10 %: requests no honest client sends, over raw sockets, each with the answer
//! the server must give (status, fault code, and a word of the reason), or — for clients that
//! stall before sending a complete request — the connection being closed.

use std::net::SocketAddr;
use std::time::Duration;

use soapgen_runtime::fault::FaultCode;
use soapgen_runtime::xml::Limits;
use soapgen_runtime::Message;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::report::Outcome;
use crate::server::{PASSWORD, PATH, USER};

const NS11: &str = "http://schemas.xmlsoap.org/soap/envelope/";
const NS12: &str = "http://www.w3.org/2003/05/soap-envelope";
const ACTION: &str = "sosonlinebackup.com/ChangeBackupAccountEmail";

/// Longest a hostile exchange may take before it counts as unanswered.
const GIVE_UP: Duration = Duration::from_secs(20);

/// What a hostile request is and what must come back.
pub struct Kind {
    /// Short name for the report.
    pub name: &'static str,
    build: fn() -> Request,
    expect: Expect,
}

/// How to send it.
enum Request {
    /// A complete request (head and body), as bytes.
    Complete(Vec<u8>),
    /// These bytes, then nothing: the client stalls.
    Stalled(Vec<u8>),
}

/// What must come back.
enum Expect {
    /// This status and a fault with this code whose reason contains this text.
    Fault(u16, FaultCode, &'static str),
    /// This status (a fault body, any code).
    Status(u16),
    /// The server closes the connection.
    Closed,
}

/// The kinds, cycled through in order.
pub static KINDS: [Kind; 18] = [
    Kind {
        name: "billion laughs (DOCTYPE)",
        build: billion_laughs,
        expect: Expect::Fault(500, FaultCode::Client, "DOCTYPE"),
    },
    Kind {
        name: "external entity (XXE)",
        build: xxe,
        expect: Expect::Fault(500, FaultCode::Client, "DOCTYPE"),
    },
    Kind {
        name: "truncated envelope",
        build: truncated,
        expect: Expect::Fault(500, FaultCode::Client, "malformed XML"),
    },
    Kind {
        name: "invalid UTF-8",
        build: bad_utf8,
        expect: Expect::Fault(400, FaultCode::Client, "UTF-8"),
    },
    Kind {
        name: "ISO-8859-1 declaration",
        build: latin1,
        expect: Expect::Fault(500, FaultCode::Client, "ISO-8859-1"),
    },
    Kind {
        name: "not an envelope",
        build: not_envelope,
        expect: Expect::Fault(500, FaultCode::Client, "not a SOAP envelope"),
    },
    Kind {
        name: "envelope without Body",
        build: no_body,
        expect: Expect::Fault(400, FaultCode::Client, "no Body"),
    },
    Kind {
        name: "SOAP 1.2 envelope as text/xml",
        build: version_mismatch,
        expect: Expect::Fault(500, FaultCode::VersionMismatch, ""),
    },
    Kind {
        name: "wrong Content-Type",
        build: wrong_media_type,
        expect: Expect::Fault(415, FaultCode::Client, "Unsupported media type"),
    },
    Kind {
        name: "PUT instead of POST",
        build: put,
        expect: Expect::Status(405),
    },
    Kind {
        name: "unknown operation",
        build: unknown_operation,
        expect: Expect::Fault(500, FaultCode::Client, "{urn:evil}Drop"),
    },
    Kind {
        name: "undeclared mustUnderstand header",
        build: must_understand,
        expect: Expect::Fault(500, FaultCode::MustUnderstand, "Security"),
    },
    Kind {
        name: "boolean `maybe`",
        build: bad_boolean,
        expect: Expect::Fault(400, FaultCode::Client, "maybe"),
    },
    Kind {
        name: "int overflow",
        build: int_overflow,
        expect: Expect::Fault(500, FaultCode::Client, "TargetEntityId"),
    },
    Kind {
        name: "100 MB Content-Length",
        build: huge_length,
        expect: Expect::Fault(413, FaultCode::Client, "exceeds"),
    },
    Kind {
        name: "nesting depth 1000",
        build: deep,
        expect: Expect::Fault(500, FaultCode::Client, "element depth"),
    },
    Kind {
        name: "stalled body",
        build: stalled_body,
        expect: Expect::Fault(408, FaultCode::Client, "not received"),
    },
    Kind {
        name: "stalled headers (slowloris)",
        build: stalled_headers,
        expect: Expect::Closed,
    },
];

/// Sends one hostile request and checks the answer.
pub async fn send(addr: SocketAddr, kind: &Kind) -> Outcome {
    match tokio::time::timeout(GIVE_UP, exchange(addr, (kind.build)())).await {
        Err(_) => Outcome::Wrong("no answer and the connection stayed open".into()),
        Ok(Err(e)) => Outcome::Wrong(format!("I/O error: {e}")),
        Ok(Ok(bytes)) => check(&bytes, &kind.expect),
    }
}

async fn exchange(addr: SocketAddr, request: Request) -> std::io::Result<Vec<u8>> {
    let mut stream = TcpStream::connect(addr).await?;
    let (bytes, stall) = match request {
        Request::Complete(bytes) => (bytes, false),
        Request::Stalled(bytes) => (bytes, true),
    };
    stream.write_all(&bytes).await?;
    if !stall {
        stream.flush().await?;
    }
    let mut out = Vec::new();
    match stream.read_to_end(&mut out).await {
        Ok(_) => Ok(out),
        // A reset after the answer arrived still counts as answered.
        Err(_) if !out.is_empty() => Ok(out),
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => Ok(out),
        Err(e) => Err(e),
    }
}

fn check(bytes: &[u8], expect: &Expect) -> Outcome {
    let text = String::from_utf8_lossy(bytes);
    if let Expect::Closed = expect {
        return if text.is_empty() || text.starts_with("HTTP/1.1 408") {
            Outcome::Ok
        } else {
            Outcome::Wrong(format!("expected the connection closed, got {text:.200}"))
        };
    }
    let Some((head, body)) = text.split_once("\r\n\r\n") else {
        return Outcome::Wrong(format!("no HTTP response: {text:.200}"));
    };
    let status: u16 = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let (want_status, want) = match expect {
        Expect::Fault(s, code, reason) => (*s, Some((code, *reason))),
        Expect::Status(s) => (*s, None),
        Expect::Closed => unreachable!("handled above"),
    };
    if status != want_status {
        return Outcome::Wrong(format!(
            "status {status}, expected {want_status}: {body:.300}"
        ));
    }
    let fault = Message::parse(body.as_bytes(), Limits::default())
        .ok()
        .and_then(|m| m.fault().ok().flatten());
    match (fault, want) {
        (None, _) => Outcome::Wrong(format!("no fault in the body: {body:.300}")),
        (Some(_), None) => Outcome::Ok,
        (Some(f), Some((code, reason))) if &f.code == code && f.reason.contains(reason) => {
            Outcome::Ok
        }
        (Some(f), Some(_)) => Outcome::Wrong(format!("fault {:?}: {}", f.code, f.reason)),
    }
}

fn ns(v12: bool) -> &'static str {
    if v12 {
        NS12
    } else {
        NS11
    }
}

fn envelope(v12: bool, header: &str, body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><e:Envelope xmlns:e=\"{}\"><e:Header><AuthHeader xmlns=\"sosonlinebackup.com\"><UserName>{USER}</UserName><Password>{PASSWORD}</Password></AuthHeader>{header}</e:Header><e:Body>{body}</e:Body></e:Envelope>",
        ns(v12)
    )
}

fn change_email(send: &str) -> String {
    format!("<ChangeBackupAccountEmail xmlns=\"sosonlinebackup.com\"><request><Username>hostile</Username><Email>h@example.com</Email><SendEmailToCustomer>{send}</SendEmailToCustomer></request></ChangeBackupAccountEmail>")
}

/// A complete POST; `v12` chooses the media type (with the action), else text/xml and
/// SOAPAction.
fn post(v12: bool, action: &str, body: &[u8]) -> Vec<u8> {
    let media = if v12 {
        format!("application/soap+xml; charset=utf-8; action=\"{action}\"")
    } else {
        format!("text/xml; charset=utf-8\r\nSOAPAction: \"{action}\"")
    };
    raw_post(&media, body)
}

fn raw_post(content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "POST {PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(body);
    out
}

fn with_doctype(dtd: &str, entity: &str) -> Vec<u8> {
    let body = envelope(false, "", &change_email("true")).replace("hostile", entity);
    let body = body.replacen("?>", &format!("?>{dtd}"), 1);
    post(false, ACTION, body.as_bytes())
}

fn billion_laughs() -> Request {
    let mut dtd = String::from("<!DOCTYPE e:Envelope [<!ENTITY lol \"lol\">");
    for i in 1..10 {
        let prev = if i == 1 {
            "lol".to_owned()
        } else {
            format!("lol{}", i - 1)
        };
        dtd.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">",
            format!("&{prev};").repeat(10)
        ));
    }
    dtd.push_str("]>");
    Request::Complete(with_doctype(&dtd, "&lol9;"))
}

fn xxe() -> Request {
    Request::Complete(with_doctype(
        "<!DOCTYPE e:Envelope [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
        "&xxe;",
    ))
}

fn truncated() -> Request {
    let body = envelope(false, "", &change_email("true"));
    Request::Complete(post(false, ACTION, &body.as_bytes()[..body.len() * 2 / 3]))
}

fn bad_utf8() -> Request {
    let mut body = envelope(true, "", &change_email("true")).into_bytes();
    let at = body.windows(7).position(|w| w == b"hostile").unwrap_or(0);
    body[at] = 0xC3;
    body[at + 1] = 0x28;
    Request::Complete(post(true, ACTION, &body))
}

fn latin1() -> Request {
    let body = envelope(false, "", &change_email("true")).replace("utf-8", "ISO-8859-1");
    Request::Complete(post(false, ACTION, body.as_bytes()))
}

fn not_envelope() -> Request {
    Request::Complete(post(
        false,
        ACTION,
        b"<html><body><form>login</form></body></html>",
    ))
}

fn no_body() -> Request {
    let body = format!("<e:Envelope xmlns:e=\"{NS12}\"><e:Header/></e:Envelope>");
    Request::Complete(post(true, ACTION, body.as_bytes()))
}

fn version_mismatch() -> Request {
    let body = envelope(true, "", &change_email("true"));
    Request::Complete(post(false, ACTION, body.as_bytes()))
}

fn wrong_media_type() -> Request {
    let body = envelope(false, "", &change_email("true"));
    Request::Complete(raw_post("application/json", body.as_bytes()))
}

fn put() -> Request {
    let body = envelope(false, "", &change_email("true"));
    let mut bytes = raw_post("text/xml", body.as_bytes());
    bytes.splice(..4, *b"PUT ");
    bytes.remove(4);
    Request::Complete(bytes)
}

fn unknown_operation() -> Request {
    let body = envelope(
        false,
        "",
        "<Drop xmlns=\"urn:evil\"><Table>*</Table></Drop>",
    );
    Request::Complete(post(false, "urn:evil/Drop", body.as_bytes()))
}

fn must_understand() -> Request {
    let header =
        "<w:Security xmlns:w=\"urn:wsse\" e:mustUnderstand=\"1\"><w:Token>t</w:Token></w:Security>";
    let body = envelope(false, header, &change_email("true"));
    Request::Complete(post(false, ACTION, body.as_bytes()))
}

fn bad_boolean() -> Request {
    let body = envelope(true, "", &change_email("maybe"));
    Request::Complete(post(true, ACTION, body.as_bytes()))
}

fn int_overflow() -> Request {
    let op = "<CreateAccountBySize xmlns=\"sosonlinebackup.com\"><request><TargetEntityId>99999999999</TargetEntityId><Username>h</Username><AccountSizeMB>1</AccountSizeMB><IsUltrasafe>false</IsUltrasafe><DisableEmailsNotification>true</DisableEmailsNotification></request></CreateAccountBySize>";
    let body = envelope(false, "", op);
    Request::Complete(post(
        false,
        "sosonlinebackup.com/CreateAccountBySize",
        body.as_bytes(),
    ))
}

fn huge_length() -> Request {
    let head = format!(
        "POST {PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\nContent-Length: 100000000\r\n\r\n<e:Envelope"
    );
    Request::Stalled(head.into_bytes())
}

fn deep() -> Request {
    let nested = format!("{}{}", "<x>".repeat(1000), "</x>".repeat(1000));
    let body = envelope(
        false,
        "",
        &change_email("true").replace("<request>", &format!("<request>{nested}")),
    );
    Request::Complete(post(false, ACTION, body.as_bytes()))
}

fn stalled_body() -> Request {
    let body = envelope(true, "", &change_email("true"));
    let request = post(true, ACTION, body.as_bytes());
    Request::Stalled(request[..request.len() - body.len() / 2].to_vec())
}

fn stalled_headers() -> Request {
    Request::Stalled(format!("POST {PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a").into_bytes())
}
