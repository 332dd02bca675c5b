//! The generated AccountManagementService server, answering ChangeBackupAccountEmail with the
//! seed's empty result and every other operation with a fault: the server side of
//! `compare.sh`'s wrk run. Usage: `soapgen-bench-server PORT`.

use generated_example::{
    AccountManagementService, AccountManagementServiceServer, AuthHeader, AuthenticateResponse,
    ChangeBackupAccountEmailRequest, ChangeBackupAccountEmailResponse,
    ChangeBackupAccountPasswordRequest, ChangeBackupAccountPasswordResponse,
    CreateAccountBySizeRequest, CreateAccountBySizeResponse, GetAccountUsedSpaceResponse,
    GetAuthenticationTokenRequest, GetAuthenticationTokenResponse,
    GetAuthorizationTokenByEntityRequest, GetAuthorizationTokenByEntityResponse,
};
use soapgen_runtime::{Fault, RawXml};

struct Bench;

fn unused<T>() -> Result<T, Fault> {
    Err(Fault::client(
        "only ChangeBackupAccountEmail is benchmarked",
    ))
}

impl AccountManagementService for Bench {
    async fn change_backup_account_email(
        &self,
        header: Option<AuthHeader>,
        request: Option<ChangeBackupAccountEmailRequest>,
    ) -> Result<Option<ChangeBackupAccountEmailResponse>, Fault> {
        if header.is_none() || request.is_none() {
            return Err(Fault::client("AuthHeader and request are required"));
        }
        Ok(Some(ChangeBackupAccountEmailResponse {
            result: Some(RawXml::new("")),
        }))
    }
    async fn authenticate(
        &self,
        _: Option<AuthHeader>,
        _: Option<String>,
        _: Option<String>,
    ) -> Result<AuthenticateResponse, Fault> {
        unused()
    }
    async fn change_account_email(
        &self,
        _: Option<AuthHeader>,
        _: Option<String>,
        _: Option<String>,
        _: Option<String>,
    ) -> Result<Option<RawXml>, Fault> {
        unused()
    }
    async fn change_account_password(
        &self,
        _: Option<AuthHeader>,
        _: Option<String>,
        _: Option<String>,
        _: Option<String>,
    ) -> Result<Option<RawXml>, Fault> {
        unused()
    }
    async fn change_backup_account_password(
        &self,
        _: Option<AuthHeader>,
        _: Option<ChangeBackupAccountPasswordRequest>,
    ) -> Result<Option<ChangeBackupAccountPasswordResponse>, Fault> {
        unused()
    }
    #[allow(clippy::too_many_arguments)]
    async fn create_account_by_partner_license_key(
        &self,
        _: Option<AuthHeader>,
        _: Option<String>,
        _: Option<String>,
        _: Option<String>,
        _: Option<String>,
        _: Option<String>,
        _: Option<String>,
        _: Option<String>,
        _: bool,
        _: Option<String>,
        _: Option<String>,
    ) -> Result<Option<RawXml>, Fault> {
        unused()
    }
    async fn create_account_by_size(
        &self,
        _: Option<AuthHeader>,
        _: Option<CreateAccountBySizeRequest>,
    ) -> Result<Option<CreateAccountBySizeResponse>, Fault> {
        unused()
    }
    async fn get_account_used_space(
        &self,
        _: Option<AuthHeader>,
        _: Option<String>,
    ) -> Result<GetAccountUsedSpaceResponse, Fault> {
        unused()
    }
    async fn get_authentication_token(
        &self,
        _: Option<AuthHeader>,
        _: Option<GetAuthenticationTokenRequest>,
    ) -> Result<Option<GetAuthenticationTokenResponse>, Fault> {
        unused()
    }
    async fn get_authorization_token_by_entity(
        &self,
        _: Option<AuthHeader>,
        _: Option<GetAuthorizationTokenByEntityRequest>,
    ) -> Result<Option<GetAuthorizationTokenByEntityResponse>, Fault> {
        unused()
    }
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port: u16 = std::env::args()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(8080);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    let router = soapgen_runtime::server::axum::router(
        "/WebApi/AccountManagementService/AccountManagementService.asmx",
        AccountManagementServiceServer::new(Bench),
    );
    println!("LISTENING {}", listener.local_addr()?.port());
    soapgen_runtime::server::axum::serve(listener, router).await
}
