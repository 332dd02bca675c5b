//! Resource limits enforced by [`XmlReader`](super::XmlReader) on untrusted input.
//!
//! Each limit bounds the memory or the time one document can cost: depth and in-scope
//! namespace declarations bound the per-element work (names are resolved against the
//! declarations in scope), attributes per element bound the duplicate check, lengths bound
//! single allocations, and the element count bounds the whole walk. A document over a limit is
//! refused with [`DecodeError::LimitExceeded`](crate::DecodeError::LimitExceeded) as soon as
//! the limit is crossed, before anything more is read.

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
    /// Maximum number of namespace declarations in scope at once, summed over an element and
    /// its ancestors (default 256). Without it, a document nesting thousands of declarations
    /// makes resolving every name slow (about 40 s of CPU for a 4 MiB request).
    pub max_namespace_bindings: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_depth: 256,
            max_attributes: 256,
            max_name_len: 1024,
            max_text_len: 64 * 1024 * 1024,
            max_elements: 10_000_000,
            max_namespace_bindings: 256,
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
        assert_eq!(l.max_namespace_bindings, 256);
    }
}
