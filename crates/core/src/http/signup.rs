//! The two SmartBill-facing calls: submit a signup form server-side, and
//! probe the path to an environment's signup endpoint.

use super::{post, probe, Options, Probe, Response};
use crate::environment::Environment;
use crate::error::{Error, Result};
use crate::form::SignupForm;
use crate::message::Message;

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

/// The firewall check for an environment: `demo`, `production` or a base
/// URL (a gateway's path prefix included), whose signup endpoint
/// `<base>/xMain/mb/shar_transfer/info_inpt01.aspx` is probed. Text that is
/// not an environment (a query string, a full signup URL, no URL at all) is
/// `INVALID_ARGUMENT` for the field `environment`, never guessed at: to
/// probe a URL exactly as given, call [`probe`].
pub fn probe_environment(environment: &str, options: &Options) -> Result<Probe> {
    let environment = Environment::parse(environment).map_err(|e| {
        Error::new(
            e.status(),
            Message::ProbeEnvironment {
                error: e.into_detail(),
            },
        )
        .with_field("environment")
    })?;
    probe(&environment.action_url(), options)
}
