//! An in-memory implementation of the generated [`AccountManagementService`] trait, used by the
//! `server` example and the end-to-end tests.
//!
//! It checks the AuthHeader against fixed API credentials and answers a wrong or missing one
//! with a Client (1.1) / Sender (1.2) fault. Backup accounts live in memory;
//! ChangeBackupAccountEmail and ChangeBackupAccountPassword create the account on first use, so
//! the example works with any account name. Results follow the partner wiki's standard result
//! object (`Result` number, `Code` name, `Message`), sent as raw XML because the WSDL declares
//! `Result` without a type.

use crate::*;
use soapgen_runtime::{Fault, RawXml};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// One backup account.
#[derive(Debug, Clone, Default)]
struct Account {
    password: String,
    email: String,
    size_mb: i64,
    used_kb: i64,
    ultra_safe: bool,
    notifications_sent: u32,
}

/// The service state: the expected API credentials and the accounts.
pub struct DemoService {
    user: String,
    password: String,
    accounts: Mutex<BTreeMap<String, Account>>,
    tokens: AtomicU64,
}

/// The wiki's standard result object: numeric code, symbolic code, message.
fn result(code: u32, name: &str, message: &str) -> Option<RawXml> {
    let message = message
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    Some(RawXml::new(format!(
        "<Result>{code}</Result><Code>{name}</Code><Message>{message}</Message>"
    )))
}

fn success() -> Option<RawXml> {
    result(0, "Success", "")
}

impl DemoService {
    /// A service accepting the API credentials `user`/`password`, with no accounts.
    pub fn new(user: impl Into<String>, password: impl Into<String>) -> Self {
        Self {
            user: user.into(),
            password: password.into(),
            accounts: Mutex::new(BTreeMap::new()),
            tokens: AtomicU64::new(0),
        }
    }

    /// The email address recorded for `account`, if the account exists.
    pub fn email_of(&self, account: &str) -> Option<String> {
        self.accounts().get(account).map(|a| a.email.clone())
    }

    /// The quota (MB) and UltraSafe flag of `account`, if the account exists.
    pub fn plan_of(&self, account: &str) -> Option<(i64, bool)> {
        self.accounts()
            .get(account)
            .map(|a| (a.size_mb, a.ultra_safe))
    }

    /// How many notification emails `account` was sent.
    pub fn notifications_of(&self, account: &str) -> u32 {
        self.accounts()
            .get(account)
            .map_or(0, |a| a.notifications_sent)
    }

    fn check(&self, header: &Option<AuthHeader>) -> Result<(), Fault> {
        let ok = header.as_ref().is_some_and(|h| {
            h.user_name.as_deref() == Some(self.user.as_str())
                && h.password.as_deref() == Some(self.password.as_str())
        });
        if ok {
            Ok(())
        } else {
            Err(Fault::client(
                "Invalid credentials: the AuthHeader user name or password is wrong",
            ))
        }
    }

    fn accounts(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, Account>> {
        // A poisoned lock only means another request panicked; the map itself is still valid.
        self.accounts.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn token(&self, prefix: &str) -> String {
        format!(
            "{prefix}-{:016x}",
            self.tokens.fetch_add(1, Ordering::Relaxed) + 1
        )
    }

    fn create(&self, name: Option<String>, account: Account) -> Option<RawXml> {
        let Some(name) = name.filter(|n| !n.is_empty()) else {
            return result(2, "InvalidInputParameters", "Username is required");
        };
        let mut accounts = self.accounts();
        if accounts.contains_key(&name) {
            return result(
                52,
                "AlreadyExists",
                &format!("Account '{name}' already exists"),
            );
        }
        accounts.insert(name, account);
        success()
    }
}

impl AccountManagementService for DemoService {
    async fn authenticate(
        &self,
        auth_header: Option<AuthHeader>,
        user_name: Option<String>,
        password: Option<String>,
    ) -> Result<AuthenticateResponse, Fault> {
        self.check(&auth_header)?;
        let accounts = self.accounts();
        let found = user_name.as_ref().and_then(|u| accounts.get(u));
        Ok(match found {
            Some(account) if Some(&account.password) == password.as_ref() => AuthenticateResponse {
                authenticate_result: success(),
                account_status: AccountStatus::Active,
                backup_server_name: Some("backup01.example.invalid".into()),
            },
            _ => AuthenticateResponse {
                authenticate_result: result(
                    2,
                    "InvalidInputParameters",
                    "Unknown user name or wrong password",
                ),
                account_status: AccountStatus::Inactive,
                backup_server_name: None,
            },
        })
    }

    async fn change_account_email(
        &self,
        auth_header: Option<AuthHeader>,
        user_name: Option<String>,
        password: Option<String>,
        email: Option<String>,
    ) -> Result<Option<RawXml>, Fault> {
        self.check(&auth_header)?;
        let mut accounts = self.accounts();
        Ok(match user_name.as_ref().and_then(|u| accounts.get_mut(u)) {
            Some(account) if Some(&account.password) == password.as_ref() => {
                account.email = email.unwrap_or_default();
                account.notifications_sent += 1;
                success()
            }
            _ => result(
                2,
                "InvalidInputParameters",
                "Unknown user name or wrong password",
            ),
        })
    }

    async fn change_account_password(
        &self,
        auth_header: Option<AuthHeader>,
        user_name: Option<String>,
        password: Option<String>,
        new_password: Option<String>,
    ) -> Result<Option<RawXml>, Fault> {
        self.check(&auth_header)?;
        let mut accounts = self.accounts();
        Ok(match user_name.as_ref().and_then(|u| accounts.get_mut(u)) {
            Some(account) if Some(&account.password) == password.as_ref() => {
                account.password = new_password.unwrap_or_default();
                account.notifications_sent += 1;
                success()
            }
            _ => result(
                2,
                "InvalidInputParameters",
                "Unknown user name or wrong password",
            ),
        })
    }

    async fn change_backup_account_email(
        &self,
        auth_header: Option<AuthHeader>,
        request: Option<ChangeBackupAccountEmailRequest>,
    ) -> Result<Option<ChangeBackupAccountEmailResponse>, Fault> {
        self.check(&auth_header)?;
        let request = request.unwrap_or_default();
        let (Some(name), Some(email)) = (request.username, request.email) else {
            return Ok(Some(ChangeBackupAccountEmailResponse {
                result: result(
                    2,
                    "InvalidInputParameters",
                    "Username and Email are required",
                ),
            }));
        };
        let mut accounts = self.accounts();
        let account = accounts.entry(name).or_default();
        account.email = email;
        if request.send_email_to_customer {
            account.notifications_sent += 1;
        }
        Ok(Some(ChangeBackupAccountEmailResponse { result: success() }))
    }

    async fn change_backup_account_password(
        &self,
        auth_header: Option<AuthHeader>,
        request: Option<ChangeBackupAccountPasswordRequest>,
    ) -> Result<Option<ChangeBackupAccountPasswordResponse>, Fault> {
        self.check(&auth_header)?;
        let request = request.unwrap_or_default();
        let (Some(name), Some(password)) = (request.username, request.new_password) else {
            return Ok(Some(ChangeBackupAccountPasswordResponse {
                result: result(
                    2,
                    "InvalidInputParameters",
                    "Username and NewPassword are required",
                ),
            }));
        };
        let mut accounts = self.accounts();
        let account = accounts.entry(name).or_default();
        account.password = password;
        if request.send_email_to_customer {
            account.notifications_sent += 1;
        }
        Ok(Some(ChangeBackupAccountPasswordResponse {
            result: success(),
        }))
    }

    #[allow(clippy::too_many_arguments)]
    async fn create_account_by_partner_license_key(
        &self,
        auth_header: Option<AuthHeader>,
        _first_name: Option<String>,
        user_name: Option<String>,
        password: Option<String>,
        email: Option<String>,
        _license_key: Option<String>,
        _partner_license_key: Option<String>,
        _locale_code: Option<String>,
        is_ultra_safe: bool,
        _secret_question: Option<String>,
        _answer: Option<String>,
    ) -> Result<Option<RawXml>, Fault> {
        self.check(&auth_header)?;
        let account = Account {
            password: password.unwrap_or_default(),
            email: email.unwrap_or_default(),
            size_mb: 5 * 1024,
            ultra_safe: is_ultra_safe,
            ..Account::default()
        };
        Ok(self.create(user_name, account))
    }

    async fn create_account_by_size(
        &self,
        auth_header: Option<AuthHeader>,
        request: Option<CreateAccountBySizeRequest>,
    ) -> Result<Option<CreateAccountBySizeResponse>, Fault> {
        self.check(&auth_header)?;
        let request = request.unwrap_or_default();
        let outcome = if request.account_size_mb <= 0 {
            result(
                2,
                "InvalidInputParameters",
                "AccountSizeMB must be positive",
            )
        } else {
            let account = Account {
                password: request.password.unwrap_or_default(),
                email: request.email.unwrap_or_default(),
                size_mb: request.account_size_mb,
                ultra_safe: request.is_ultrasafe,
                notifications_sent: u32::from(!request.disable_emails_notification),
                ..Account::default()
            };
            self.create(request.username, account)
        };
        Ok(Some(CreateAccountBySizeResponse { result: outcome }))
    }

    async fn get_account_used_space(
        &self,
        auth_header: Option<AuthHeader>,
        user_name: Option<String>,
    ) -> Result<GetAccountUsedSpaceResponse, Fault> {
        self.check(&auth_header)?;
        let accounts = self.accounts();
        Ok(match user_name.as_ref().and_then(|u| accounts.get(u)) {
            Some(account) => GetAccountUsedSpaceResponse {
                get_account_used_space_result: success(),
                used_space_in_kb: account.used_kb,
            },
            None => GetAccountUsedSpaceResponse {
                get_account_used_space_result: result(
                    2,
                    "InvalidInputParameters",
                    "Unknown user name",
                ),
                used_space_in_kb: 0,
            },
        })
    }

    async fn get_authentication_token(
        &self,
        auth_header: Option<AuthHeader>,
        request: Option<GetAuthenticationTokenRequest>,
    ) -> Result<Option<GetAuthenticationTokenResponse>, Fault> {
        self.check(&auth_header)?;
        let request = request.unwrap_or_default();
        let valid = {
            let accounts = self.accounts();
            let found = request.username.as_ref().and_then(|u| accounts.get(u));
            found.is_some_and(|a| Some(&a.password) == request.password.as_ref())
        };
        Ok(Some(if valid {
            GetAuthenticationTokenResponse {
                result: success(),
                token: Some(self.token("auth")),
            }
        } else {
            GetAuthenticationTokenResponse {
                result: result(
                    2,
                    "InvalidInputParameters",
                    "Unknown user name or wrong password",
                ),
                token: None,
            }
        }))
    }

    async fn get_authorization_token_by_entity(
        &self,
        auth_header: Option<AuthHeader>,
        request: Option<GetAuthorizationTokenByEntityRequest>,
    ) -> Result<Option<GetAuthorizationTokenByEntityResponse>, Fault> {
        self.check(&auth_header)?;
        let request = request.unwrap_or_default();
        let known = request
            .username
            .as_ref()
            .is_some_and(|u| self.accounts().contains_key(u));
        Ok(Some(if known || request.is_app_user {
            GetAuthorizationTokenByEntityResponse {
                auth_token: Some(self.token("sso")),
                result: success(),
            }
        } else {
            GetAuthorizationTokenByEntityResponse {
                auth_token: None,
                result: result(53, "ObjectEntityMismatch", "Unknown user name"),
            }
        }))
    }
}
