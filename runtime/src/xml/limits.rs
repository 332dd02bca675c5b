//! Resource limits enforced by [`XmlReader`](super::XmlReader) on untrusted input.

/// Limits applied while reading XML. Exceeding one yields
/// [`DecodeError::LimitExceeded`](crate::DecodeError::LimitExceeded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Limits {
    /// Maximum element nesting depth (default 256).
    pub max_depth: usize,
    /// Maximum number of attributes (namespace declarations included) on one element (default 256).
    pub max_attributes: usize,
    /// Maximum length in bytes of an element or attribute name (default 1024).
    pub max_name_len: usize,
    /// Maximum length in bytes of one text node, CDATA section or attribute value (default 64 MiB).
    pub max_text_len: usize,
    /// Maximum number of elements in the document (default 10 000 000).
    pub max_elements: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_depth: 256,
            max_attributes: 256,
            max_name_len: 1024,
            max_text_len: 64 * 1024 * 1024,
            max_elements: 10_000_000,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults() {
        let l = Limits::default();
        assert_eq!(l.max_depth, 256);
        assert_eq!(l.max_attributes, 256);
        assert_eq!(l.max_name_len, 1024);
        assert_eq!(l.max_text_len, 64 * 1024 * 1024);
        assert_eq!(l.max_elements, 10_000_000);
    }
}
