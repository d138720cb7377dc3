//! The two SmartBill-facing calls: submit a signup form server-side, and
//! probe the path to an environment's signup endpoint.

use super::{post, probe, Options, Probe, Response};
use crate::environment::Environment;
use crate::error::Result;
use crate::form::SignupForm;

/// POSTs `form` (validated first, so a bad form fails with its own status)
/// to its action URL with its urlencoded body and Content-Type, following
/// redirects as a browser would.
pub fn submit(form: &SignupForm, options: &Options) -> Result<Response> {
    let body = form.urlencoded()?;
    post(
        &form.environment().action_url(),
        body.into_bytes(),
        &form.content_type(),
        options,
        true,
    )
}

/// The firewall check for `target`: an environment (`demo`, `production`,
/// a base URL) probes its signup endpoint; any other http(s) URL is probed
/// as it is.
pub fn probe_target(target: &str, options: &Options) -> Result<Probe> {
    match Environment::parse(target) {
        Ok(environment) => probe(&environment.action_url(), options),
        Err(_) => probe(target, options),
    }
}
