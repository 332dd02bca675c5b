//! Where pages are looked at from ([`PageLocation`]): the `Host:` and path their samples show,
//! and the address a served WSDL advertises. Also the assembly of the WSDL text from its
//! [`WsdlPart`]s and the parsing of the addresses a WSDL gives.

use super::{ServiceDescription, WsdlPart};
use crate::envelope::SoapVersion;

/// Where the pages are being looked at from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum PageLocation {
    /// Rendered without a request (`soapgen doc`): each sample uses the address the WSDL gives
    /// for its SOAP version.
    #[default]
    Described,
    /// Served: the address the request came to.
    Request {
        /// `http` or `https`.
        scheme: String,
        /// The `Host` the request named (host and optional port), already checked to be a
        /// plain authority.
        host: String,
        /// The request's path.
        path: String,
    },
}

impl PageLocation {
    /// A served location; `host` must be a plain authority (see [`is_plain_authority`]),
    /// otherwise `None`.
    pub fn request(scheme: &str, host: &str, path: &str) -> Option<PageLocation> {
        let scheme = if scheme.eq_ignore_ascii_case("https") {
            "https"
        } else {
            "http"
        };
        if !is_plain_authority(host) || !path.starts_with('/') {
            return None;
        }
        Some(PageLocation::Request {
            scheme: scheme.to_owned(),
            host: host.to_owned(),
            path: path.to_owned(),
        })
    }

    /// The `Host:` value and request path of the samples for `version`; `None` parts are
    /// unknown (the WSDL gives no address) and are shown as placeholders.
    pub(crate) fn target(
        &self,
        desc: &ServiceDescription<'_>,
        version: SoapVersion,
    ) -> (Option<String>, Option<String>) {
        match self {
            PageLocation::Request { host, path, .. } => (Some(host.clone()), Some(path.clone())),
            PageLocation::Described => match desc.address(version).and_then(split_url) {
                Some(url) => (Some(url.host), Some(url.path)),
                None => (None, None),
            },
        }
    }

    /// The link from an operation page back to the service page.
    pub(crate) fn service_href(&self, desc: &ServiceDescription<'_>) -> String {
        let path = match self {
            PageLocation::Request { path, .. } => Some(path.clone()),
            PageLocation::Described => desc
                .addresses
                .first()
                .and_then(|(_, a)| split_url(a))
                .map(|u| u.path),
        };
        path.unwrap_or_else(|| "./".to_owned())
    }

    /// The absolute URL of the service, what a served WSDL advertises (`None` offline).
    pub fn url(&self) -> Option<String> {
        match self {
            PageLocation::Request { scheme, host, path } => {
                Some(format!("{scheme}://{host}{path}"))
            }
            PageLocation::Described => None,
        }
    }
}

/// Whether `host` is a plain `host[:port]` authority: a DNS name or IPv4 address
/// (letters, digits, `.`, `-`, `_`) or a bracketed IPv6 address, and an optional numeric port.
/// Anything else (spaces, quotes, markup, user info) is refused, so a `Host` header can be
/// echoed into pages and WSDLs.
pub fn is_plain_authority(host: &str) -> bool {
    if host.is_empty() || host.len() > 255 {
        return false;
    }
    let (name, port) = if let Some(rest) = host.strip_prefix('[') {
        let Some((inner, after)) = rest.split_once(']') else {
            return false;
        };
        if inner.is_empty()
            || !inner
                .chars()
                .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
        {
            return false;
        }
        match after {
            "" => return true,
            _ => match after.strip_prefix(':') {
                Some(port) => (None, Some(port)),
                None => return false,
            },
        }
    } else {
        match host.rsplit_once(':') {
            Some((name, port)) => (Some(name), Some(port)),
            None => (Some(host), None),
        }
    };
    let name_ok = name.is_none_or(|n| {
        !n.is_empty()
            && n.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
    });
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.chars().all(|c| c.is_ascii_digit()));
    name_ok && port_ok
}

/// The parts of an absolute URL a sample shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SplitUrl {
    /// Host with its port when the port is not the scheme's default.
    pub host: String,
    /// The path (`/` when the URL has none), without query or fragment.
    pub path: String,
}

/// Splits `scheme://[user@]host[:port]/path?query#fragment`.
pub(crate) fn split_url(url: &str) -> Option<SplitUrl> {
    let (scheme, rest) = url.trim().split_once("://")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    if authority.is_empty() {
        return None;
    }
    let default_port = match scheme.to_ascii_lowercase().as_str() {
        "http" => Some("80"),
        "https" => Some("443"),
        _ => None,
    };
    let host = match authority.rsplit_once(':') {
        Some((h, port)) if !h.ends_with(':') && (h.starts_with('[') == h.ends_with(']')) => {
            if Some(port) == default_port || port.is_empty() {
                h.to_owned()
            } else {
                authority.to_owned()
            }
        }
        _ => authority.to_owned(),
    };
    let after = &rest[end..];
    let path_end = after.find(['?', '#']).unwrap_or(after.len());
    let path = &after[..path_end];
    let path = if path.is_empty() { "/" } else { path };
    Some(SplitUrl {
        host,
        path: path.to_owned(),
    })
}

/// The WSDL text with every address replaced by `address` (escaped for an XML attribute), or
/// kept as written when `address` is `None`.
pub(crate) fn assemble(parts: &[WsdlPart<'_>], address: Option<&str>) -> String {
    let mut out = String::with_capacity(
        parts
            .iter()
            .map(|p| match p {
                WsdlPart::Text(t) | WsdlPart::Address(t) => t.len(),
            })
            .sum::<usize>()
            + 64,
    );
    for part in parts {
        match (part, address) {
            (WsdlPart::Text(t), _) | (WsdlPart::Address(t), None) => out.push_str(t),
            (WsdlPart::Address(_), Some(url)) => {
                super::sample::push_xml_attr(&mut out, url);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::pages::fixture::DESCRIPTION;

    #[test]
    fn split_urls() {
        let u = split_url("http://secure.example.com/WebApi/A.asmx").unwrap();
        assert_eq!(u.host, "secure.example.com");
        assert_eq!(u.path, "/WebApi/A.asmx");
        let u = split_url("https://user:pw@h.example:443/x?y#z").unwrap();
        assert_eq!((u.host.as_str(), u.path.as_str()), ("h.example", "/x"));
        let u = split_url("http://localhost:8080").unwrap();
        assert_eq!((u.host.as_str(), u.path.as_str()), ("localhost:8080", "/"));
        let u = split_url("http://[::1]:81/p").unwrap();
        assert_eq!((u.host.as_str(), u.path.as_str()), ("[::1]:81", "/p"));
        let u = split_url("http://[::1]/p").unwrap();
        assert_eq!(u.host, "[::1]");
        assert_eq!(split_url("not a url"), None);
        assert_eq!(split_url("http:///path"), None);
    }

    #[test]
    fn authorities() {
        for ok in [
            "localhost",
            "127.0.0.1:8080",
            "a-b.example.com",
            "[::1]",
            "[::1]:80",
            "h_1",
        ] {
            assert!(is_plain_authority(ok), "{ok}");
        }
        for bad in [
            "", "a b", "a\"b", "<x>", "u@h", "h:", "h:99999a", "[::1", "[zz]", "h:123456", "a/b",
        ] {
            assert!(!is_plain_authority(bad), "{bad}");
        }
    }

    #[test]
    fn locations() {
        let served = PageLocation::request("HTTPS", "127.0.0.1:9", "/svc.asmx").unwrap();
        assert_eq!(
            served.url().as_deref(),
            Some("https://127.0.0.1:9/svc.asmx")
        );
        assert_eq!(
            served.target(&DESCRIPTION, SoapVersion::Soap12),
            (Some("127.0.0.1:9".into()), Some("/svc.asmx".into()))
        );
        assert_eq!(served.service_href(&DESCRIPTION), "/svc.asmx");
        assert!(PageLocation::request("http", "evil\"host", "/x").is_none());
        assert!(PageLocation::request("http", "h", "x").is_none());
        let offline = PageLocation::Described;
        assert_eq!(
            offline.target(&DESCRIPTION, SoapVersion::Soap11),
            (
                Some("secure.sosonlinebackup.com".into()),
                Some("/WebApi/AccountManagementService/AccountManagementService.asmx".into())
            )
        );
        assert_eq!(offline.url(), None);
    }

    #[test]
    fn wsdl_assembly() {
        assert_eq!(
            assemble(DESCRIPTION.wsdl, Some("http://h/p?a=1&b=\"2\"")),
            "<definitions><port><soap:address location=\"http://h/p?a=1&amp;b=&quot;2&quot;\" /></port></definitions>"
        );
        assert_eq!(
            DESCRIPTION.wsdl_text(),
            "<definitions><port><soap:address location=\"http://example.com/a.asmx\" /></port></definitions>"
        );
    }
}
