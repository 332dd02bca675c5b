//! [`SoapVersion`]: SOAP 1.1 vs 1.2 namespaces, media types, `SOAPAction` handling and the
//! parsing of `Content-Type` headers.

/// The SOAP 1.1 envelope namespace.
pub const SOAP11_ENVELOPE_NS: &str = "http://schemas.xmlsoap.org/soap/envelope/";
/// The SOAP 1.2 envelope namespace.
pub const SOAP12_ENVELOPE_NS: &str = "http://www.w3.org/2003/05/soap-envelope";
/// SOAP 1.1 `actor` value addressing the next node.
pub const SOAP11_ACTOR_NEXT: &str = "http://schemas.xmlsoap.org/soap/actor/next";
/// SOAP 1.2 role `next`.
pub const SOAP12_ROLE_NEXT: &str = "http://www.w3.org/2003/05/soap-envelope/role/next";
/// SOAP 1.2 role `ultimateReceiver`.
pub const SOAP12_ROLE_ULTIMATE_RECEIVER: &str =
    "http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver";

/// A SOAP protocol version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SoapVersion {
    /// SOAP 1.1 (`text/xml`, `SOAPAction` header).
    Soap11,
    /// SOAP 1.2 (`application/soap+xml`, `action` media-type parameter).
    Soap12,
}

impl SoapVersion {
    /// The envelope namespace URI.
    pub fn envelope_namespace(self) -> &'static str {
        match self {
            SoapVersion::Soap11 => SOAP11_ENVELOPE_NS,
            SoapVersion::Soap12 => SOAP12_ENVELOPE_NS,
        }
    }

    /// The version whose envelope namespace is `ns`.
    pub fn from_namespace(ns: &str) -> Option<SoapVersion> {
        match ns {
            SOAP11_ENVELOPE_NS => Some(SoapVersion::Soap11),
            SOAP12_ENVELOPE_NS => Some(SoapVersion::Soap12),
            _ => None,
        }
    }

    /// The prefix ASP.NET uses for the envelope namespace: `soap` or `soap12`.
    pub fn default_prefix(self) -> &'static str {
        match self {
            SoapVersion::Soap11 => "soap",
            SoapVersion::Soap12 => "soap12",
        }
    }

    /// The media type without parameters: `text/xml` or `application/soap+xml`.
    pub fn media_type(self) -> &'static str {
        match self {
            SoapVersion::Soap11 => "text/xml",
            SoapVersion::Soap12 => "application/soap+xml",
        }
    }

    /// The `Content-Type` of a request or response without an action:
    /// `text/xml; charset=utf-8` or `application/soap+xml; charset=utf-8`.
    pub fn content_type(self) -> &'static str {
        match self {
            SoapVersion::Soap11 => "text/xml; charset=utf-8",
            SoapVersion::Soap12 => "application/soap+xml; charset=utf-8",
        }
    }

    /// The `Content-Type` of a request for `action`: the 1.2 one carries
    /// `; action="…"` (omitted when `action` is empty).
    pub fn content_type_for(self, action: &str) -> String {
        match self {
            SoapVersion::Soap12 if !action.is_empty() => {
                let escaped = action.replace('\\', "\\\\").replace('"', "\\\"");
                format!("{}; action=\"{escaped}\"", self.content_type())
            }
            _ => self.content_type().to_owned(),
        }
    }

    /// The `SOAPAction` header value for `action`: quoted for 1.1, `None` for 1.2.
    pub fn soap_action_header(self, action: &str) -> Option<String> {
        match self {
            SoapVersion::Soap11 => Some(format!("\"{action}\"")),
            SoapVersion::Soap12 => None,
        }
    }

    /// The HTTP status of a response carrying a fault (500; see
    /// [`Fault::http_status`](crate::Fault::http_status) for the 1.2 `Sender` case).
    pub fn fault_http_status(self) -> u16 {
        500
    }

    /// Recognises a SOAP `Content-Type`: the media type is compared case-insensitively,
    /// parameters may come in any order, quoted or not. For 1.2 the `action` parameter is
    /// returned unquoted.
    pub fn from_content_type(ct: &str) -> Option<(SoapVersion, Option<String>)> {
        let mut params = split_params(ct);
        let media = params.next()?.trim();
        let version = if media.eq_ignore_ascii_case("text/xml") {
            SoapVersion::Soap11
        } else if media.eq_ignore_ascii_case("application/soap+xml") {
            SoapVersion::Soap12
        } else {
            return None;
        };
        if version == SoapVersion::Soap11 {
            return Some((version, None));
        }
        let action = params.find_map(|p| {
            let (name, value) = p.split_once('=')?;
            name.trim()
                .eq_ignore_ascii_case("action")
                .then(|| unquote(value.trim()))
        });
        Some((version, action))
    }
}

/// Splits a header value at `;` outside quoted strings.
fn split_params(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let current = rest?;
        let mut in_quotes = false;
        let mut escaped = false;
        for (i, c) in current.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' if in_quotes => escaped = true,
                '"' => in_quotes = !in_quotes,
                ';' if !in_quotes => {
                    rest = current.get(i + 1..);
                    return current.get(..i);
                }
                _ => {}
            }
        }
        rest = None;
        Some(current)
    })
}

/// Removes surrounding double quotes and backslash escapes.
pub(crate) fn unquote(value: &str) -> String {
    match value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
        Some(inner) => {
            let mut out = String::with_capacity(inner.len());
            let mut escaped = false;
            for c in inner.chars() {
                if escaped || c != '\\' {
                    out.push(c);
                    escaped = false;
                } else {
                    escaped = true;
                }
            }
            out
        }
        None => value.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types() {
        assert_eq!(
            SoapVersion::Soap11.content_type_for("urn:a"),
            "text/xml; charset=utf-8"
        );
        assert_eq!(
            SoapVersion::Soap12.content_type_for("urn:a"),
            "application/soap+xml; charset=utf-8; action=\"urn:a\""
        );
        assert_eq!(
            SoapVersion::Soap12.content_type_for(""),
            "application/soap+xml; charset=utf-8"
        );
        assert_eq!(
            SoapVersion::Soap11.soap_action_header("urn:a").as_deref(),
            Some("\"urn:a\"")
        );
        assert_eq!(SoapVersion::Soap12.soap_action_header("urn:a"), None);
        assert_eq!(SoapVersion::Soap11.fault_http_status(), 500);
    }

    #[test]
    fn parses_content_types() {
        assert_eq!(
            SoapVersion::from_content_type("TEXT/XML; charset=UTF-8"),
            Some((SoapVersion::Soap11, None))
        );
        assert_eq!(
            SoapVersion::from_content_type("text/xml"),
            Some((SoapVersion::Soap11, None))
        );
        assert_eq!(
            SoapVersion::from_content_type("application/soap+xml;action=urn:x;charset=utf-8"),
            Some((SoapVersion::Soap12, Some("urn:x".into())))
        );
        assert_eq!(
            SoapVersion::from_content_type(
                "Application/SOAP+xml; charset=utf-8; ACTION=\"http://t/a;b\\\"c\""
            ),
            Some((SoapVersion::Soap12, Some("http://t/a;b\"c".into())))
        );
        assert_eq!(
            SoapVersion::from_content_type("application/soap+xml"),
            Some((SoapVersion::Soap12, None))
        );
        assert_eq!(SoapVersion::from_content_type("application/json"), None);
        assert_eq!(SoapVersion::from_content_type(""), None);
        assert_eq!(
            SoapVersion::from_content_type(&SoapVersion::Soap12.content_type_for("a\"b")),
            Some((SoapVersion::Soap12, Some("a\"b".into())))
        );
    }

    #[test]
    fn namespaces() {
        assert_eq!(
            SoapVersion::from_namespace(SOAP11_ENVELOPE_NS),
            Some(SoapVersion::Soap11)
        );
        assert_eq!(
            SoapVersion::from_namespace(SOAP12_ENVELOPE_NS),
            Some(SoapVersion::Soap12)
        );
        assert_eq!(SoapVersion::from_namespace("urn:x"), None);
        assert_eq!(SoapVersion::Soap12.default_prefix(), "soap12");
        assert_eq!(SoapVersion::Soap11.media_type(), "text/xml");
    }
}
