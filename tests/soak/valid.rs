//! The valid 90 %: calls through the generated client, each checked against the answer the
//! demo service must give.

use std::net::SocketAddr;
use std::time::Duration;

use generated_example::*;
use soapgen_runtime::client::http::HttpTransport;
use soapgen_runtime::SoapVersion;

use crate::report::Outcome;
use crate::server::{PASSWORD, PATH, POOL_IDLE_TIMEOUT, USER};

/// One worker's clients (one per SOAP version, sharing nothing with other workers).
pub struct Clients {
    soap11: AccountManagementServiceClient,
    soap12: AccountManagementServiceClient,
    account: String,
}

impl Clients {
    /// Clients for worker `worker` of the server at `addr`; the worker's account name is fixed,
    /// so the service's state stays bounded.
    pub fn new(addr: SocketAddr, worker: usize) -> Clients {
        let make = |version| {
            let transport = HttpTransport::builder(format!("http://{addr}{PATH}"))
                .timeout(Duration::from_secs(30))
                // Below the soak server's short idle timeout, as the default is below the
                // default one (see HttpTransportBuilder::pool_idle_timeout).
                .pool_idle_timeout(POOL_IDLE_TIMEOUT)
                .build()
                .expect("a valid URL");
            AccountManagementServiceClient::new(transport)
                .with_soap_version(version)
                .with_auth_header(AuthHeader {
                    user_name: Some(USER.into()),
                    password: Some(PASSWORD.into()),
                    ..AuthHeader::default()
                })
        };
        Clients {
            soap11: make(SoapVersion::Soap11),
            soap12: make(SoapVersion::Soap12),
            account: format!("soak-{worker}"),
        }
    }

    /// Makes call number `i` and checks its answer.
    pub async fn call(&self, i: usize) -> Outcome {
        let client = if i % 2 == 0 {
            &self.soap11
        } else {
            &self.soap12
        };
        let email = format!("{}-{}@example.com", self.account, i % 7);
        match (i / 2) % 4 {
            0 => {
                let request = ChangeBackupAccountEmailRequest {
                    username: Some(self.account.clone()),
                    email: Some(email),
                    send_email_to_customer: i % 3 == 0,
                };
                match client.change_backup_account_email(Some(request)).await {
                    Ok(Some(r)) if has_code(&r.result, "Success") => Outcome::Ok,
                    other => Outcome::Wrong(format!("ChangeBackupAccountEmail: {other:?}")),
                }
            }
            1 => match client
                .authenticate(Some("nobody".into()), Some("wrong".into()))
                .await
            {
                Ok(r) if r.account_status == AccountStatus::Inactive => Outcome::Ok,
                other => Outcome::Wrong(format!("Authenticate: {other:?}")),
            },
            2 => match client.get_account_used_space(Some("nobody".into())).await {
                Ok(r)
                    if r.used_space_in_kb == 0
                        && has_code(&r.get_account_used_space_result, "InvalidInputParameters") =>
                {
                    Outcome::Ok
                }
                other => Outcome::Wrong(format!("GetAccountUsedSpace: {other:?}")),
            },
            _ => {
                let request = ChangeBackupAccountPasswordRequest {
                    username: Some(self.account.clone()),
                    new_password: Some(format!("pw-{}", i % 5)),
                    send_email_to_customer: false,
                };
                match client.change_backup_account_password(Some(request)).await {
                    Ok(Some(r)) if has_code(&r.result, "Success") => Outcome::Ok,
                    other => Outcome::Wrong(format!("ChangeBackupAccountPassword: {other:?}")),
                }
            }
        }
    }
}

/// Whether the demo service's result object carries `<Code>code</Code>` (whatever namespace
/// declarations the raw copy adds).
fn has_code(result: &Option<soapgen_runtime::RawXml>, code: &str) -> bool {
    result
        .as_ref()
        .is_some_and(|r| r.as_str().contains(&format!(">{code}</")))
}
