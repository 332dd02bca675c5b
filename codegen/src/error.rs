//! Errors of the code generator: every problem in the input carries the file, line and column it
//! was found at, the source line it points into (with a caret under the column, rustc-style)
//! and, where one exists, a hint saying what to do about it:
//!
//! ```text
//! wsdl/x.wsdl:12:7: type `{urn:t}Missing` is not defined
//!    |
//! 12 |       <s:element name="a" type="tns:Missing"/>
//!    |       ^
//!   hint: check the spelling and namespace prefix, …
//! ```

use std::fmt;
use std::path::{Path, PathBuf};

/// A place in a source file (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Location {
    /// The file, as it was reached from the root WSDL.
    pub file: PathBuf,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file.display(), self.line, self.column)
    }
}

/// One problem found in a WSDL or XSD document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where the problem is.
    pub location: Location,
    /// What is wrong.
    pub message: String,
    /// What the user can do about it, when there is something to say.
    pub hint: Option<String>,
    /// The source line at [`location`](Self::location), when the file could be read.
    pub excerpt: Option<Excerpt>,
}

impl Diagnostic {
    /// A diagnostic without a hint.
    pub fn new(location: Location, message: impl Into<String>) -> Self {
        Self {
            location,
            message: message.into(),
            hint: None,
            excerpt: None,
        }
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds the excerpt of the line at the diagnostic's position, taken from `text`, the whole
    /// text of the diagnostic's file. Leaves the diagnostic as it is when `text` has no such line.
    pub fn with_excerpt(mut self, text: &str) -> Self {
        self.excerpt = Excerpt::new(text, self.location.line, self.location.column);
        self
    }

    /// Adds the excerpt from the diagnostic's file as it is on disk (bytes that are not UTF-8
    /// shown as U+FFFD), unless there is one already or the file cannot be read (a diagnostic
    /// without a file, or a file gone since).
    pub fn with_excerpt_from_file(self) -> Self {
        if self.excerpt.is_some() {
            return self;
        }
        match read_lossy(&self.location.file) {
            Some(text) => self.with_excerpt(&text),
            None => self,
        }
    }
}

/// The whole text of a file, invalid UTF-8 replaced; `None` when it cannot be read.
fn read_lossy(path: &Path) -> Option<String> {
    if path.as_os_str().is_empty() {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)?;
        if let Some(excerpt) = &self.excerpt {
            let number = self.location.line.to_string();
            let gutter = " ".repeat(number.len());
            write!(f, "\n{gutter} |")?;
            write!(f, "\n{number} |")?;
            if !excerpt.text.is_empty() {
                write!(f, " {}", excerpt.text)?;
            }
            write!(f, "\n{gutter} | {}^", " ".repeat(excerpt.caret))?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// One source line, ready to print under a diagnostic with a caret under its column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// The line as printed: tabs expanded to [`Excerpt::TAB`] spaces, control characters shown
    /// as their Unicode control pictures (`␀`), a byte-order mark dropped, and a line longer
    /// than [`Excerpt::WIDTH`] characters cut around the column, with `…` where it was cut.
    pub text: String,
    /// How many characters of `text` come before the caret (0-based).
    pub caret: usize,
}

impl Excerpt {
    /// Most characters of a printed line, `…` included.
    pub const WIDTH: usize = 120;
    /// Spaces per tab.
    pub const TAB: usize = 4;

    /// The excerpt of 1-based `line` of `text` with the caret at 1-based `column` (counted in
    /// characters, as XML parsers and the loader count them). A column past the end of the line
    /// puts the caret just after it. `None` when `text` has no such line.
    pub fn new(text: &str, line: u32, column: u32) -> Option<Self> {
        let index = usize::try_from(line).ok()?.checked_sub(1)?;
        let raw = text.split('\n').nth(index)?;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let column = usize::try_from(column).unwrap_or(usize::MAX).max(1) - 1;
        // Expand each source character to what is printed for it, noting where the caret goes.
        let mut shown: Vec<char> = Vec::with_capacity(raw.len());
        let mut caret = None;
        for (i, c) in raw.chars().enumerate() {
            if i == column {
                caret = Some(shown.len());
            }
            match c {
                '\t' => shown.extend(std::iter::repeat_n(' ', Self::TAB)),
                '\u{FEFF}' => {}
                '\u{0}'..='\u{1F}' => {
                    shown.push(char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{FFFD}'))
                }
                '\u{7F}' => shown.push('\u{2421}'),
                c => shown.push(c),
            }
        }
        let caret = caret.unwrap_or(shown.len());
        if shown.len() <= Self::WIDTH {
            return Some(Self {
                text: shown.into_iter().collect(),
                caret,
            });
        }
        // Too long: keep a window of the line with the caret in its first third (what follows
        // the position, such as the attributes of an element, is usually what matters).
        let budget = Self::WIDTH - 2;
        let start = caret.saturating_sub(budget / 3).min(shown.len() - budget);
        let end = start + budget;
        let mut text = String::new();
        if start > 0 {
            text.push('…');
        }
        text.extend(&shown[start..end]);
        if end < shown.len() {
            text.push('…');
        }
        Some(Self {
            text,
            caret: caret - start + usize::from(start > 0),
        })
    }
}

/// Everything that can stop code generation.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input documents have a problem at a known position.
    #[error("{0}")]
    Input(Box<Diagnostic>),
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The generated tokens did not form valid Rust (a bug in soapgen: please report it).
    #[error("internal error: generated code does not parse as Rust: {0}")]
    Internal(String),
}

impl Error {
    /// Adds to an input error the excerpt of the line it points at, read from its file (see
    /// [`Diagnostic::with_excerpt_from_file`]); other errors are returned as they are.
    pub fn with_excerpt_from_file(self) -> Self {
        match self {
            Error::Input(d) => Error::Input(Box::new(d.with_excerpt_from_file())),
            other => other,
        }
    }
}

impl From<Diagnostic> for Error {
    fn from(d: Diagnostic) -> Self {
        Error::Input(Box::new(d))
    }
}

/// Result alias used throughout the generator.
pub type Result<T, E = Error> = std::result::Result<T, E>;
