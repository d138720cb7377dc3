//! `probe`: can this machine reach SmartBill? For each target: DNS, TCP
//! connect, TLS (https) and the HTTP answer with times, and for a failure
//! one sentence saying what to ask for; plus the address SmartBill's
//! callbacks come from, to allow inbound.

mod advice;
mod steps;

use crate::cli::ProbeArgs;
use crate::exit::{Failure, Outcome, Verdict};
use crate::{proxy, term};
use smartbill_signup_core::environment::Environment;
use smartbill_signup_core::http::{self, Options, ProxyMode};
use smartbill_signup_core::{Message, Status};
use std::io::Write;
use std::net::IpAddr;
use steps::Step;

/// What is probed: a target as given, and the URL that means.
struct Target {
    given: String,
    url: url::Url,
    environment: Option<Environment>,
}

/// What came of one target.
struct Report {
    target: Target,
    /// How requests travel: directly, or the proxy (for showing).
    route: String,
    via_proxy: bool,
    steps: Vec<Step>,
    http_status: Option<u16>,
    /// `OK` or the failing step's status, with the core's message.
    status: Status,
    message: Option<String>,
    advice: Option<String>,
}

pub fn run(args: ProbeArgs) -> Outcome {
    let options = proxy::options(&args.network)?;
    let given = if args.targets.is_empty() {
        vec!["demo".to_string(), "production".to_string()]
    } else {
        args.targets.clone()
    };
    // Every target is checked before anything is sent.
    let targets = given
        .iter()
        .map(|t| target(t))
        .collect::<Result<Vec<_>, _>>()?;
    let mut out = term::stdout();
    let mut reports = Vec::new();
    for target in targets {
        let report = probe(target, &options);
        if !args.json {
            write_text(&mut out, &report)?;
            out.flush()?;
        }
        reports.push(report);
    }
    let reachable = reports.iter().filter(|r| r.status == Status::Ok).count();
    if args.json {
        let json = serde_json::json!({
            "targets": reports.iter().map(json).collect::<Vec<_>>(),
            "reachable": reachable,
            "total": reports.len(),
        });
        serde_json::to_writer_pretty(&mut out, &json).map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else {
        let total = reports.len();
        writeln!(out, "{}", Message::CliReachableCount { reachable, total })?;
    }
    out.flush()?;
    Ok(Verdict::from_ok(reachable == reports.len()))
}

/// `demo` and `production` mean their signup endpoints; a URL is probed
/// exactly as given (SmartBill's own hosts still name their callback source).
fn target(given: &str) -> Result<Target, Failure> {
    let name = given.trim();
    let bad = || {
        Failure::input(
            Message::CliProbeBadTarget {
                given: format!("{given:?}"),
            }
            .to_string(),
        )
    };
    if name.eq_ignore_ascii_case("demo") || name.eq_ignore_ascii_case("production") {
        let environment = Environment::parse(name).map_err(|_| bad())?;
        let url = url::Url::parse(&environment.action_url()).map_err(|_| bad())?;
        return Ok(Target {
            given: given.to_string(),
            url,
            environment: Some(environment),
        });
    }
    let url = url::Url::parse(name).map_err(|_| bad())?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(bad());
    }
    let environment = Environment::parse(url.origin().ascii_serialization().as_str())
        .ok()
        .filter(|e| e.callback_source().is_some());
    Ok(Target {
        given: given.to_string(),
        url,
        environment,
    })
}

fn probe(target: Target, options: &Options) -> Report {
    let host = target.url.host_str().unwrap_or_default().to_string();
    let port = target.url.port_or_known_default().unwrap_or(80);
    let mut report = Report {
        route: String::new(),
        via_proxy: false,
        steps: Vec::new(),
        http_status: None,
        status: Status::Ok,
        message: None,
        advice: None,
        target,
    };
    // DNS and connect go to whatever the first hop is.
    let first_hop = match &options.proxy {
        ProxyMode::Off => Some((host.clone(), port)),
        ProxyMode::Explicit { url, .. } => {
            report.route = Message::CliRouteProxy {
                proxy: proxy_origin(url),
            }
            .to_string();
            url::Url::parse(url)
                .ok()
                .and_then(|u| Some((u.host_str()?.to_string(), u.port_or_known_default()?)))
        }
        ProxyMode::Environment => match proxy_from_environment() {
            Some(name) => {
                report.route = Message::CliRouteEnvironmentProxy { variable: name }.to_string();
                None
            }
            None => Some((host.clone(), port)),
        },
    };
    report.via_proxy = !report.route.is_empty();
    if report.route.is_empty() {
        report.route = Message::CliRouteDirect {}.to_string();
    }
    if let Some((hop_host, hop_port)) = first_hop {
        let (dns, addresses) = steps::resolve(&hop_host, hop_port, options.timeout);
        let failed = dns.failure;
        report.steps.push(dns);
        if let Some(status) = failed {
            return fail(
                report, status, None, options, &hop_host, hop_port, &addresses,
            );
        }
        let connect = steps::connect(&addresses, options.timeout);
        let failed = connect.failure;
        report.steps.push(connect);
        if let Some(status) = failed {
            return fail(
                report, status, None, options, &hop_host, hop_port, &addresses,
            );
        }
    }
    let is_https = report.target.url.scheme() == "https";
    match http::probe(report.target.url.as_str(), options) {
        Ok(answer) => {
            if is_https {
                report.steps.push(Step::passed(
                    "tls",
                    None,
                    Message::CliTlsVerified {}.to_string(),
                ));
            }
            report.steps.push(Step::passed(
                "http",
                Some(answer.elapsed),
                format!("HTTP {}", answer.status),
            ));
            report.http_status = Some(answer.status);
            report
        }
        Err(e) => {
            let step = if e.status() == Status::HttpTls {
                "tls"
            } else {
                "http"
            };
            report.steps.push(Step::failed(
                step,
                e.status(),
                None,
                e.message().to_string(),
            ));
            let message = e.message().to_string();
            fail(report, e.status(), Some(message), options, &host, port, &[])
        }
    }
}

fn fail(
    mut report: Report,
    status: Status,
    message: Option<String>,
    options: &Options,
    host: &str,
    port: u16,
    addresses: &[std::net::SocketAddr],
) -> Report {
    let step = report.steps.last().map(|s| s.name).unwrap_or("http");
    report.status = status;
    report.message = message.or_else(|| report.steps.last().map(|s| s.detail.clone()));
    report.advice = Some(advice::sentence(&advice::Context {
        status,
        step,
        host,
        port,
        addresses,
        timeout: options.timeout,
        via_proxy: report.via_proxy,
    }));
    report
}

/// The first proxy variable set in the environment, by name.
fn proxy_from_environment() -> Option<&'static str> {
    [
        "HTTP_PROXY",
        "http_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "ALL_PROXY",
        "all_proxy",
    ]
    .into_iter()
    .find(|name| std::env::var(name).is_ok_and(|v| !v.trim().is_empty()))
}

/// A proxy URL without credentials, for showing.
fn proxy_origin(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(u) => match (u.host_str(), u.port_or_known_default()) {
            (Some(host), Some(port)) => format!("{}://{host}:{port}", u.scheme()),
            _ => u.scheme().to_string(),
        },
        Err(_) => "(unparsable)".to_string(),
    }
}

/// The sentence about inbound callbacks for a target.
fn callback_source(environment: Option<&Environment>) -> (Option<IpAddr>, String) {
    match environment {
        Some(env) => match env.callback_source() {
            Some(ip) => (
                Some(ip),
                Message::CliCallbackSource {
                    environment: env.name(),
                    ip: ip.to_string(),
                }
                .to_string(),
            ),
            None => (None, Message::CliNoCallbackSourceCustom {}.to_string()),
        },
        None => (None, Message::CliNoCallbackSourceOther {}.to_string()),
    }
}

fn write_text(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    let (given, url) = (&report.target.given, report.target.url.as_str());
    if given == url {
        writeln!(out, "{url}  ({})", report.route)?;
    } else {
        writeln!(out, "{given}  {url}  ({})", report.route)?;
    }
    for step in &report.steps {
        let verdict = if step.failure.is_some() {
            Message::CliStepFailed {}
        } else {
            Message::CliStepOk {}
        }
        .to_string();
        let time = step
            .elapsed
            .map(|d| format!("{} ms", d.as_millis()))
            .unwrap_or_else(|| "-".to_string());
        writeln!(
            out,
            "  {:<8} {:<7} {:>8}  {}",
            step.name, verdict, time, step.detail
        )?;
    }
    match (&report.http_status, &report.advice) {
        (Some(status), _) => writeln!(out, "  {}", Message::CliReachable { status: *status })?,
        (None, Some(advice)) => {
            let line = Message::CliNotReachable {
                status: report.status.name(),
                advice: advice.clone(),
            };
            writeln!(out, "  {line}")?
        }
        (None, None) => {}
    }
    let (_, sentence) = callback_source(report.target.environment.as_ref());
    writeln!(out, "  {sentence}")?;
    writeln!(out)
}

fn json(report: &Report) -> serde_json::Value {
    let (source, sentence) = callback_source(report.target.environment.as_ref());
    serde_json::json!({
        "target": report.target.given,
        "url": report.target.url.as_str(),
        "route": report.route,
        "reachable": report.status == Status::Ok,
        "status": report.status.name(),
        "http_status": report.http_status,
        "message": report.message,
        "advice": report.advice,
        "callback_source": source.map(|ip| ip.to_string()),
        "callback_note": sentence,
        "steps": report.steps.iter().map(|s| serde_json::json!({
            "step": s.name,
            "ok": s.failure.is_none(),
            "status": s.failure.map(|f| f.name()),
            "ms": s.elapsed.map(|d| d.as_millis() as u64),
            "detail": s.detail,
        })).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets() {
        let demo = target("demo").unwrap();
        assert_eq!(demo.url.host_str(), Some("demo.smartbill.co.kr"));
        assert!(demo.environment.is_some());
        let other = target("https://erp.example.com:8443/health").unwrap();
        assert_eq!(other.url.as_str(), "https://erp.example.com:8443/health");
        assert!(other.environment.is_none());
        let host = target("http://www.smartbill.co.kr/").unwrap();
        assert_eq!(host.url.path(), "/");
        assert_eq!(host.environment, Some(Environment::Production));
        for bad in ["staging", "ftp://example.com", ""] {
            assert!(target(bad).is_err(), "{bad}");
        }
        assert_eq!(
            steps::show_duration(std::time::Duration::from_millis(500)),
            "0.5 s"
        );
        assert_eq!(
            proxy_origin("http://user:pw@proxy.corp:3128"),
            "http://proxy.corp:3128"
        );
    }
}
