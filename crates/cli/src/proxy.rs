//! The HTTP settings of the commands that make requests: timeout and proxy.
//! A proxy password never comes from the command line (other users see it
//! in the process list): from `SMARTBILL_PROXY_PASSWORD`, or a prompt.

use crate::cli::NetworkArgs;
use crate::exit::Failure;
use crate::{seconds, term};
use smartbill_signup_core::http::{Options, ProxyMode};
use smartbill_signup_core::Message;

/// The environment variable holding the proxy password.
pub const PASSWORD_VAR: &str = "SMARTBILL_PROXY_PASSWORD";

pub fn options(network: &NetworkArgs) -> Result<Options, Failure> {
    let mut options = Options::with_timeout_ms(seconds::millis(network.timeout))
        .map_err(|e| Failure::input(format!("--timeout: {}", e.message())))?;
    options
        .set("proxy", &network.proxy)
        .map_err(|e| Failure::input(format!("--proxy: {}", e.message())))?;
    if let Some(user) = &network.proxy_user {
        if !matches!(options.proxy, ProxyMode::Explicit { .. }) {
            return Err(Failure::input(
                Message::CliProxyUserNeedsProxy {}.to_string(),
            ));
        }
        let password = password(user)?;
        options
            .set("proxy_username", user)
            .and_then(|()| options.set("proxy_password", &password))
            .map_err(|e| Failure::input(format!("--proxy-user: {}", e.message())))?;
    }
    Ok(options)
}

fn password(user: &str) -> Result<String, Failure> {
    match std::env::var(PASSWORD_VAR) {
        Ok(password) => return Ok(password),
        Err(std::env::VarError::NotUnicode(_)) => {
            return Err(Failure::input(
                Message::CliNotValidText {
                    variable: PASSWORD_VAR,
                }
                .to_string(),
            ))
        }
        Err(std::env::VarError::NotPresent) => {}
    }
    if !term::stdin_is_terminal() {
        return Err(Failure::input(
            Message::CliSetPassword {
                user: user.to_string(),
                variable: PASSWORD_VAR,
            }
            .to_string(),
        ));
    }
    let prompt = Message::CliPasswordPrompt {
        user: user.to_string(),
    };
    rpassword::prompt_password(prompt.to_string()).map_err(|e| {
        Failure::input(
            Message::CliCannotReadPassword {
                cause: e.to_string(),
            }
            .to_string(),
        )
    })
}
