//! Calls ChangeBackupAccountEmail on an AccountManagementService and prints the response.
//!
//! ```text
//! cargo run -p generated-example --example client -- --url URL --soap 11|12 \
//!     --user NAME --password PW --username ACCOUNT --email EMAIL [--send-email]
//! ```
//!
//! On a SOAP fault it prints the fault code and text and exits with 1; on any other failure
//! (connection, HTTP, a response that is not SOAP) it prints the error and exits with 2.

use clap::Parser;
use generated_example::{
    AccountManagementServiceClient, AuthHeader, ChangeBackupAccountEmailRequest,
};
use soapgen_runtime::client::http::HttpTransport;
use soapgen_runtime::{Error, SoapVersion};
use std::process::ExitCode;

#[derive(Parser)]
#[command(about = "Call ChangeBackupAccountEmail")]
struct Args {
    /// The service address.
    #[arg(long)]
    url: String,
    /// SOAP version: 11 or 12.
    #[arg(long, default_value = "11", value_parser = ["11", "12"])]
    soap: String,
    /// API user name (AuthHeader).
    #[arg(long)]
    user: String,
    /// API password (AuthHeader).
    #[arg(long)]
    password: String,
    /// The backup account to change.
    #[arg(long)]
    username: String,
    /// The new email address.
    #[arg(long)]
    email: String,
    /// Send a notification email to the customer.
    #[arg(long)]
    send_email: bool,
}

/// Prints the service's standard result object (`Result` number, `Code` name, `Message`), which
/// the WSDL leaves untyped; anything else is printed as it came.
fn print_result(raw: &str) {
    let wrapped = format!("<result>{raw}</result>");
    let mut fields = Vec::new();
    let mut reader = soapgen_runtime::XmlReader::new(&wrapped);
    let parsed = (|| -> Result<(), soapgen_runtime::DecodeError> {
        let root = reader.root()?;
        while let Some(child) = reader.next_child(&root)? {
            let name = child.local().to_string();
            fields.push((name, reader.read_text(&child)?.into_owned()));
        }
        Ok(())
    })();
    if parsed.is_err() || fields.is_empty() {
        println!("Result: {raw}");
        return;
    }
    for (name, value) in fields {
        let label = if name == "Result" {
            "Result code"
        } else {
            name.as_str()
        };
        println!("{label}: {value}");
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    let version = if args.soap == "12" {
        SoapVersion::Soap12
    } else {
        SoapVersion::Soap11
    };
    let transport = match HttpTransport::new(args.url.clone()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let client = AccountManagementServiceClient::new(transport)
        .with_soap_version(version)
        .with_auth_header(AuthHeader {
            user_name: Some(args.user),
            password: Some(args.password),
            ..AuthHeader::default()
        });
    let request = ChangeBackupAccountEmailRequest {
        username: Some(args.username),
        email: Some(args.email),
        send_email_to_customer: args.send_email,
    };
    match client.change_backup_account_email(Some(request)).await {
        Ok(response) => {
            println!("ChangeBackupAccountEmail succeeded");
            match response.and_then(|r| r.result) {
                Some(result) => print_result(result.as_str()),
                None => println!("Result: (none)"),
            }
            ExitCode::SUCCESS
        }
        Err(Error::Fault { status, fault }) => {
            println!("SOAP fault (HTTP {status})");
            println!("Fault code: {}", fault.code_name(version));
            println!("Fault text: {}", fault.reason);
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
