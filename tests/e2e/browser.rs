//! The service pages in a real browser: headless Chromium, driven over the W3C WebDriver
//! protocol through chromedriver on a loopback port, opens the example server's service page,
//! follows the link to ChangeBackupAccountEmail, fills in the AuthHeader and the request,
//! invokes it and sees the success response, then submits wrong credentials and sees the
//! fault. Each step's screenshot goes to `<target dir>/browser-screenshots/`.
//!
//! Needs the Debian packages `chromium` and `chromium-driver` (`.ci/run` installs them). Without
//! them the test says SKIPPED, except under `CI=true`, where that is a failure.
//!
//! The WebDriver client is the few JSON calls below, on the same raw HTTP helper as the other
//! page tests: a WebDriver crate would add a large dependency tree (and its build time on CI)
//! for six endpoints.

use crate::pages::{http, start_pages_server, Reply};
use crate::support::PATH;
use base64::Engine as _;
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The key under which WebDriver returns an element reference.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

fn find_program(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|candidate| candidate.is_file())
}

/// `<target dir>/browser-screenshots`, next to the test binary's `debug/` folder.
fn screenshot_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary's path");
    // <target>/debug/deps/e2e-…
    let target = exe
        .ancestors()
        .nth(3)
        .map(Path::to_path_buf)
        .unwrap_or_else(std::env::temp_dir);
    let dir = target.join("browser-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Kills chromedriver (and so its browser) however the test ends.
struct Driver {
    child: Child,
    addr: SocketAddr,
    session: Option<String>,
    profile: PathBuf,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

impl Driver {
    async fn start(chromedriver: &Path, chromium: &Path) -> Driver {
        let port = {
            let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            probe.local_addr().unwrap().port()
        };
        let child = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let profile = std::env::temp_dir().join(format!(
            "soapgen-browser-profile-{}-{port}",
            std::process::id()
        ));
        let mut driver = Driver {
            child,
            addr: SocketAddr::from(([127, 0, 0, 1], port)),
            session: None,
            profile,
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(Ok(reply)) = tokio::time::timeout(
                Duration::from_secs(2),
                try_http(driver.addr, "GET", "/status", ""),
            )
            .await
            {
                if reply.status == 200 && reply.body.contains("\"ready\":true") {
                    break;
                }
            }
            assert!(
                Instant::now() < deadline,
                "chromedriver did not become ready"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        std::fs::create_dir_all(&driver.profile).unwrap();
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--window-size=1280,1400",
            &format!("--user-data-dir={}", driver.profile.display()),
        ];
        let session = driver
            .call(
                "POST",
                "/session",
                json!({"capabilities": {"alwaysMatch": {
                    "browserName": "chrome",
                    "goog:chromeOptions": {"binary": chromium.to_string_lossy(), "args": args},
                }}}),
            )
            .await;
        driver.session = Some(
            session["sessionId"]
                .as_str()
                .expect("a session id")
                .to_string(),
        );
        driver
    }

    async fn call(&self, method: &str, path: &str, body: Value) -> Value {
        let body = if method == "GET" {
            String::new()
        } else {
            body.to_string()
        };
        let reply = try_http(self.addr, method, path, &body)
            .await
            .unwrap_or_else(|e| panic!("WebDriver {method} {path}: {e}"));
        let value: Value = serde_json::from_str(&reply.body)
            .unwrap_or_else(|e| panic!("WebDriver {method} {path}: {e}: {}", reply.body));
        assert_eq!(reply.status, 200, "WebDriver {method} {path}: {value}");
        value["value"].clone()
    }

    async fn session_call(&self, method: &str, path: &str, body: Value) -> Value {
        let session = self.session.as_deref().expect("a session");
        self.call(method, &format!("/session/{session}{path}"), body)
            .await
    }

    async fn goto(&self, url: &str) {
        self.session_call("POST", "/url", json!({ "url": url }))
            .await;
    }

    /// The first element matching `css`, waiting up to 10 s for it.
    async fn find(&self, css: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let session = self.session.as_deref().expect("a session");
            let body = json!({"using": "css selector", "value": css}).to_string();
            let reply = try_http(
                self.addr,
                "POST",
                &format!("/session/{session}/element"),
                &body,
            )
            .await
            .unwrap();
            if reply.status == 200 {
                let value: Value = serde_json::from_str(&reply.body).unwrap();
                return value["value"][ELEMENT_KEY]
                    .as_str()
                    .expect("an element id")
                    .to_string();
            }
            assert!(Instant::now() < deadline, "no element matches {css}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    async fn click(&self, css: &str) {
        let id = self.find(css).await;
        self.session_call("POST", &format!("/element/{id}/click"), json!({}))
            .await;
    }

    async fn type_into(&self, css: &str, text: &str) {
        let id = self.find(css).await;
        self.session_call("POST", &format!("/element/{id}/clear"), json!({}))
            .await;
        self.session_call(
            "POST",
            &format!("/element/{id}/value"),
            json!({ "text": text }),
        )
        .await;
    }

    async fn text(&self, css: &str) -> String {
        let id = self.find(css).await;
        self.session_call("GET", &format!("/element/{id}/text"), json!({}))
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// The text of the element matching `css` once it satisfies `ready`, waiting up to 10 s:
    /// after a click the old page may still be shown, or its elements may go stale mid-read.
    async fn wait_for_text(&self, css: &str, ready: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut last = String::new();
        while Instant::now() < deadline {
            let id = self.find(css).await;
            let session = self.session.as_deref().expect("a session");
            let path = format!("/session/{session}/element/{id}/text");
            if let Ok(reply) = try_http(self.addr, "GET", &path, "").await {
                if reply.status == 200 {
                    let value: Value = serde_json::from_str(&reply.body).unwrap_or_default();
                    last = value["value"].as_str().unwrap_or_default().to_string();
                    if ready(&last) {
                        return last;
                    }
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("`{css}` never became ready; last text: {last:?}");
    }

    async fn url(&self) -> String {
        self.session_call("GET", "/url", json!({}))
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Saves a screenshot of the viewport as `name`.
    async fn screenshot(&self, dir: &Path, name: &str) -> PathBuf {
        let data = self.session_call("GET", "/screenshot", json!({})).await;
        let png = base64::engine::general_purpose::STANDARD
            .decode(data.as_str().expect("base64 PNG"))
            .expect("valid base64");
        assert!(png.starts_with(b"\x89PNG"), "a PNG screenshot");
        let path = dir.join(name);
        std::fs::write(&path, png).unwrap();
        path
    }
}

/// One request to chromedriver, with errors as values (it may not be listening yet).
async fn try_http(addr: SocketAddr, method: &str, path: &str, body: &str) -> Result<Reply, String> {
    if tokio::net::TcpStream::connect(addr).await.is_err() {
        return Err(format!("nothing listens on {addr}"));
    }
    let headers: &[(&str, &str)] = if body.is_empty() {
        &[]
    } else {
        &[("Content-Type", "application/json; charset=utf-8")]
    };
    Ok(http(addr, method, path, headers, body).await)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invoke_through_the_test_form_in_chromium() {
    let chromium = find_program(&["chromium", "chromium-browser", "google-chrome"]);
    let chromedriver = find_program(&["chromedriver"]);
    let (Some(chromium), Some(chromedriver)) = (chromium, chromedriver) else {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("chromium and chromedriver are required under CI=true (apt-get install chromium chromium-driver)");
        }
        eprintln!("SKIPPED: the browser test needs chromium and chromedriver on PATH (Debian: apt-get install chromium chromium-driver)");
        return;
    };
    let (addr, service) = start_pages_server().await;
    let dir = screenshot_dir();
    let driver = Driver::start(&chromedriver, &chromium).await;

    // The service page lists the operation; its link leads to the operation page.
    driver.goto(&format!("http://{addr}{PATH}")).await;
    assert_eq!(driver.text("header h1").await, "AccountManagementService");
    driver.screenshot(&dir, "01-service-page.png").await;
    driver.click("a[href='?op=ChangeBackupAccountEmail']").await;
    assert!(driver.url().await.ends_with("?op=ChangeBackupAccountEmail"));
    assert_eq!(driver.text("h2").await, "ChangeBackupAccountEmail");
    driver.screenshot(&dir, "02-operation-page.png").await;

    // Fill in the AuthHeader and the request, and invoke.
    driver
        .type_into("[name='AuthHeader.UserName']", "admin")
        .await;
    driver
        .type_into("[name='AuthHeader.Password']", "secret")
        .await;
    driver.type_into("[name='request.Username']", "alice").await;
    driver
        .type_into("[name='request.Email']", "alice@example.com")
        .await;
    driver
        .click("select[name='request.SendEmailToCustomer'] option[value='true']")
        .await;
    driver.screenshot(&dir, "03-form-filled.png").await;
    driver.click("#invoke").await;
    let status = driver
        .wait_for_text("#status", |t| t.starts_with("HTTP "))
        .await;
    assert_eq!(status, "HTTP 200 OK");
    let response = driver.text("#response").await;
    assert!(
        response.contains("<ChangeBackupAccountEmailResponse"),
        "{response}"
    );
    assert!(response.contains("<Code>Success</Code>"), "{response}");
    assert_eq!(
        service.email_of("alice").as_deref(),
        Some("alice@example.com")
    );
    assert_eq!(service.notifications_of("alice"), 1);
    driver.screenshot(&dir, "04-success-response.png").await;

    // The same form, filled in again by the server, with a wrong password.
    driver
        .type_into("[name='AuthHeader.Password']", "wrong")
        .await;
    driver
        .type_into("[name='request.Email']", "mallory@example.com")
        .await;
    driver.click("#invoke").await;
    // The page shown before the click also has a status ("HTTP 200 OK"): wait for the new one.
    let status = driver
        .wait_for_text("#status", |t| t.starts_with("HTTP ") && t != "HTTP 200 OK")
        .await;
    assert_eq!(status, "HTTP 500 Internal Server Error: SOAP fault");
    let response = driver.text("#response").await;
    assert!(response.contains("Invalid credentials"), "{response}");
    assert!(response.contains("soap:Client"), "{response}");
    assert_eq!(
        service.email_of("alice").as_deref(),
        Some("alice@example.com")
    );
    driver.screenshot(&dir, "05-fault-response.png").await;

    driver.session_call("DELETE", "", json!({})).await;
    eprintln!("browser screenshots: {}", dir.display());
}
