//! The `soapgen` command line tool.
//!
//! - `soapgen generate WSDL [-o FILE]` writes the Rust for a WSDL (stdout without `-o`);
//! - `soapgen generate WSDL -o FILE --check` exits 1 with a diff summary when FILE is stale;
//! - `soapgen doc WSDL [--operation NAME] [--format text|html]` prints the service's help page
//!   (the operation list) or one operation's page with sample SOAP 1.1 and 1.2 messages.
//!
//! Exit codes: 0 success, 1 stale file (`--check`), 2 a problem with the input or the files.

use clap::{Args, Parser, Subcommand};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "soapgen",
    version,
    about = "Generate typed Rust SOAP clients and servers from WSDL"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Generate Rust from a WSDL.
    Generate(GenerateArgs),
    /// Print a service's help page, or an operation's page with sample SOAP messages.
    Doc(DocArgs),
}

#[derive(Args)]
struct DocArgs {
    /// The root WSDL file.
    wsdl: PathBuf,
    /// The operation whose page to print (default: the service page, listing the operations).
    #[arg(long, value_name = "NAME")]
    operation: Option<String>,
    /// The service to document, for a WSDL with several (default: the first).
    #[arg(long, value_name = "NAME")]
    service: Option<String>,
    /// Output format: the page's text, or a standalone HTML page.
    #[arg(long, value_enum, default_value_t = DocFormat::Text)]
    format: DocFormat,
    /// Read an imported location from a local file: LOCATION=PATH (repeatable).
    #[arg(long = "map", value_name = "LOCATION=PATH")]
    map: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum DocFormat {
    /// What a browser shows of the page, as plain text.
    Text,
    /// A standalone HTML page.
    Html,
}

#[derive(Args)]
struct GenerateArgs {
    /// The root WSDL file.
    wsdl: PathBuf,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Do not write: exit 1 if the output file differs from what would be generated.
    #[arg(long, requires = "output")]
    check: bool,
    /// Read an imported location from a local file: LOCATION=PATH (repeatable).
    #[arg(long = "map", value_name = "LOCATION=PATH")]
    map: Vec<String>,
    /// Generate only this operation and the types it reaches (repeatable).
    #[arg(long = "operation", value_name = "NAME")]
    operations: Vec<String>,
    /// Do not generate the client.
    #[arg(long)]
    no_client: bool,
    /// Do not generate the server trait and dispatcher.
    #[arg(long)]
    no_server: bool,
    /// Do not embed the service description the server's WSDL and help pages are served from.
    #[arg(long)]
    no_pages: bool,
    /// Path of the runtime crate in generated code.
    #[arg(long, default_value = "::soapgen_runtime")]
    runtime_path: String,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Generate(args) => generate(args),
        Command::Doc(args) => doc(args),
    }
}

fn doc(args: DocArgs) -> ExitCode {
    let mut options = soapgen::doc::DocOptions {
        service: args.service,
        operation: args.operation,
        format: match args.format {
            DocFormat::Text => soapgen::doc::Format::Text,
            DocFormat::Html => soapgen::doc::Format::Html,
        },
        ..Default::default()
    };
    for mapping in &args.map {
        let Some((location, path)) = mapping.split_once('=') else {
            eprintln!("error: --map expects LOCATION=PATH, got `{mapping}`");
            return ExitCode::from(2);
        };
        options
            .load
            .location_map
            .insert(location.to_string(), PathBuf::from(path));
    }
    match soapgen::doc::document(&args.wsdl, &options) {
        Ok(page) => {
            // The text format is the page's text exactly, without a final newline.
            print!("{page}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn generate(args: GenerateArgs) -> ExitCode {
    let mut builder = soapgen::configure()
        .build_client(!args.no_client)
        .build_server(!args.no_server)
        .build_pages(!args.no_pages)
        .runtime_crate(args.runtime_path.clone());
    for mapping in &args.map {
        let Some((location, path)) = mapping.split_once('=') else {
            eprintln!("error: --map expects LOCATION=PATH, got `{mapping}`");
            return ExitCode::from(2);
        };
        builder = builder.map_location(location, path);
    }
    if !args.operations.is_empty() {
        let names: BTreeSet<String> = args.operations.iter().cloned().collect();
        builder = builder.operations(names);
    }
    let generated = match builder.generate(&args.wsdl) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    for note in &generated.notes {
        eprintln!("note: {note}");
    }
    let Some(output) = args.output else {
        print!("{}", generated.code);
        return ExitCode::SUCCESS;
    };
    if args.check {
        let existing = match std::fs::read_to_string(&output) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("{}: stale: cannot read it ({e})", output.display());
                return ExitCode::from(1);
            }
        };
        return match diff_summary(&existing, &generated.code) {
            None => ExitCode::SUCCESS,
            Some(summary) => {
                eprintln!("{}: stale: {summary}", output.display());
                eprintln!(
                    "regenerate with: soapgen generate {} -o {}",
                    args.wsdl.display(),
                    output.display()
                );
                ExitCode::from(1)
            }
        };
    }
    if let Err(e) = std::fs::write(&output, &generated.code) {
        eprintln!("error: {}: {e}", output.display());
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}

/// None when equal; otherwise how many lines differ and the first difference.
fn diff_summary(old: &str, new: &str) -> Option<String> {
    if old == new {
        return None;
    }
    let old_lines: Vec<&str> = old.lines().collect();
    let new_lines: Vec<&str> = new.lines().collect();
    let common = old_lines.len().min(new_lines.len());
    let differing = (0..common)
        .filter(|&i| old_lines[i] != new_lines[i])
        .count()
        + old_lines.len().abs_diff(new_lines.len());
    let first = (0..common)
        .find(|&i| old_lines[i] != new_lines[i])
        .unwrap_or(common);
    let show = |lines: &[&str]| {
        lines
            .get(first)
            .map(|l| l.trim().to_string())
            .unwrap_or_else(|| "<end of file>".into())
    };
    Some(format!(
        "{differing} line(s) differ ({} in the file, {} generated); first at line {}:\n  - {}\n  + {}",
        old_lines.len(),
        new_lines.len(),
        first + 1,
        show(&old_lines),
        show(&new_lines)
    ))
}
