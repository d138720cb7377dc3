//! The command line: commands, options and their help.

use crate::exit::EXIT_CODES_HELP;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Parser, Debug)]
#[command(
    name = "smartbill-signup",
    version,
    about = "Set up SmartBill simple signup (간편 회원 가입 연동): check the network path, \
             business-number files, the signup page and callbacks.",
    after_help = EXIT_CODES_HELP,
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// The language of messages and verdicts: ko (Korean) or en (English). Default: the
    /// locale (LC_ALL, LC_MESSAGES, LANG: ko_KR... is Korean; on Windows, without them, the
    /// user's display language). --help is always English.
    #[arg(long, global = true, value_enum, value_name = "ko|en")]
    pub lang: Option<Lang>,
}

/// `--lang`: read by `lang::choose` before parsing; declared here for
/// `--help` and for clap to refuse other values.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Ko,
    En,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Can this machine reach SmartBill? DNS, connect, TLS, HTTP status and time for each
    /// target, and what to ask the firewall team for when a step fails.
    #[command(after_help = EXIT_CODES_HELP)]
    Probe(ProbeArgs),
    /// Business registration numbers (사업자등록번호): check a file, a number's kind, its format.
    #[command(subcommand)]
    Brn(BrnCommand),
    /// Write the signup popup page for a company (or open it in the browser).
    #[command(after_help = EXIT_CODES_HELP)]
    Page(PageArgs),
    /// Test a callback endpoint, read a callback body, check a callback's source address.
    #[command(subcommand)]
    Callback(CallbackCommand),
    /// Run a local SmartBill stand-in on 127.0.0.1 for development and tests; its first line
    /// says where it listens.
    #[command(after_help = STANDIN_HELP)]
    Standin(StandinArgs),
    /// Receive SmartBill's callbacks without a web server: the library's embedded receiver
    /// checks each request, stores it durably (SQLite) before answering 200, and this command
    /// prints each stored callback, the auth code and token redacted.
    #[command(after_help = RECEIVE_HELP)]
    Receive(ReceiveArgs),
}

/// How to reach the network: shared by the commands that make requests.
#[derive(Args, Debug, Clone)]
pub struct NetworkArgs {
    /// Seconds each request may take (decimals allowed).
    #[arg(long, value_name = "SECONDS", default_value = "10", value_parser = crate::seconds::parse)]
    pub timeout: Duration,
    /// `env` (HTTP_PROXY, HTTPS_PROXY, NO_PROXY from the environment), `off`, or a proxy URL
    /// such as http://proxy.corp:3128.
    #[arg(long, value_name = "env|off|URL", default_value = "env")]
    pub proxy: String,
    /// Proxy user name for --proxy URL. The password is read from SMARTBILL_PROXY_PASSWORD, or
    /// asked for when that is not set (never from the command line).
    #[arg(long, value_name = "USER")]
    pub proxy_user: Option<String>,
}

#[derive(Args, Debug)]
pub struct ProbeArgs {
    /// What to probe: `demo` or `production` (its signup endpoint), or an http(s) URL, probed
    /// exactly as given. Default: demo and production.
    #[arg(value_name = "demo|production|URL")]
    pub targets: Vec<String>,
    #[command(flatten)]
    pub network: NetworkArgs,
    /// Print the results as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand, Debug)]
pub enum BrnCommand {
    /// Check every number in a file: plain lines, a CSV column or a fixed-width field.
    #[command(after_help = BRN_CHECK_HELP)]
    Check(BrnCheckArgs),
    /// Print a valid number's kind (corporation, individual_taxable, ...).
    #[command(after_help = EXIT_CODES_HELP)]
    Kind(BrnOneArgs),
    /// Print a valid number as XXX-XX-XXXXX.
    #[command(after_help = EXIT_CODES_HELP)]
    Format(BrnOneArgs),
}

const BRN_CHECK_HELP: &str = "One result per input line: the line number in the file, the input, \
the status (OK, BRN_FORMAT, BRN_LENGTH, BRN_COMPONENT, BRN_CHECKSUM), the number as XXX-XX-XXXXX \
and its kind. A value that is not valid in its encoding is BRN_FORMAT. text and csv print a \
summary by status on stderr; json prints JSON Lines, one object per input line, then one summary \
object. A CSV record is one line (a quoted field cannot span lines).

Exit codes: 0 every number is valid; 1 some are not; 2 usage or input error (one line on \
stderr); 3 a bug in smartbill-signup.";

#[derive(Args, Debug)]
pub struct BrnCheckArgs {
    /// The file to read; `-` or nothing reads stdin.
    #[arg(value_name = "FILE|-")]
    pub input: Option<PathBuf>,
    /// The output.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text, conflicts_with = "json")]
    pub format: OutputFormat,
    /// Same as --format json.
    #[arg(long)]
    pub json: bool,
    /// Read CSV and check this column (1-based). A header row is detected; a UTF-8 BOM is
    /// skipped, as Excel writes it.
    #[arg(long, value_name = "N", value_parser = parse_position, conflicts_with = "fixed")]
    pub column: Option<usize>,
    /// With --column: whether the first line is a header row.
    #[arg(long, value_enum, default_value_t = HeaderMode::Auto, requires = "column")]
    pub header: HeaderMode,
    /// With --column: the field separator, one ASCII character or `tab`.
    #[arg(long, value_name = "CHAR", default_value = ",", value_parser = parse_delimiter, requires = "column")]
    pub delimiter: u8,
    /// Read fixed-width records: the number is LENGTH bytes from byte START (1-based, as
    /// COBOL counts).
    #[arg(long, value_name = "START:LENGTH", value_parser = parse_fixed)]
    pub fixed: Option<FixedField>,
    /// The input's encoding (cp949 is what Korean systems call EUC-KR or MS949).
    #[arg(long, value_enum, default_value_t = Encoding::Utf8)]
    pub encoding: Encoding,
}

#[derive(Args, Debug)]
pub struct BrnOneArgs {
    /// The business number, dashes and spaces allowed.
    #[arg(value_name = "NUMBER", allow_hyphen_values = true)]
    pub number: String,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    Text,
    Csv,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderMode {
    /// A first line whose column holds letters and no digit is a header.
    Auto,
    Yes,
    No,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    #[value(name = "cp949", alias = "euc-kr", alias = "ms949")]
    Cp949,
}

/// `--fixed START:LENGTH`, 1-based START.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FixedField {
    pub start: usize,
    pub length: usize,
}

fn parse_position(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("{text:?} is not a column number (1, 2, ...)")),
    }
}

fn parse_fixed(text: &str) -> Result<FixedField, String> {
    let bad = || format!("{text:?} is not START:LENGTH (1-based byte positions, e.g. 11:10)");
    let (start, length) = text.split_once(':').ok_or_else(bad)?;
    let start: usize = start.trim().parse().map_err(|_| bad())?;
    let length: usize = length.trim().parse().map_err(|_| bad())?;
    if start == 0 || length == 0 {
        return Err(bad());
    }
    if length > 4096 {
        return Err(format!(
            "{text:?}: a field of {length} bytes is not a business number"
        ));
    }
    Ok(FixedField { start, length })
}

fn parse_delimiter(text: &str) -> Result<u8, String> {
    match text {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        _ if text.len() == 1 && text.is_ascii() && text != "\"" && text != "\n" && text != "\r" => {
            Ok(text.as_bytes()[0])
        }
        _ => Err(format!(
            "{text:?} is not one ASCII character (or `tab`) other than a quote or a line break"
        )),
    }
}

#[derive(Args, Debug)]
pub struct PageArgs {
    /// Where the page posts: `demo`, `production` or a base URL (a proxy path, a stand-in).
    #[arg(long = "env", value_name = "demo|production|URL")]
    pub environment: String,
    /// A signup parameter by SmartBill's name, e.g. --set pComRegNo=124-81-00998 (repeat it).
    /// Given after --from-json, it wins.
    #[arg(long = "set", value_name = "NAME=VALUE", value_parser = parse_assignment)]
    pub set: Vec<(String, String)>,
    /// A JSON object of signup parameters: {"pComRegNo": "124-81-00998", ...}.
    #[arg(long, value_name = "FILE")]
    pub from_json: Option<PathBuf>,
    /// The page's encoding: utf-8 (default) or euc-kr.
    #[arg(long, value_name = "utf-8|euc-kr")]
    pub charset: Option<String>,
    /// Where the form opens SmartBill: _blank (default), _self or a window name
    /// (--open makes _self the default).
    #[arg(long, value_name = "_blank|_self|NAME")]
    pub target: Option<String>,
    /// Another form option, e.g. --option brn_check=digits or --option auto_submit=no.
    #[arg(long = "option", value_name = "NAME=VALUE", value_parser = parse_assignment)]
    pub options: Vec<(String, String)>,
    /// Write the page to this file instead of stdout.
    #[arg(long, value_name = "FILE", conflicts_with = "open")]
    pub out: Option<PathBuf>,
    /// Open the page in the default browser, served once from a random loopback URL, so the
    /// customer's data is never left in a file.
    #[arg(long)]
    pub open: bool,
    /// With --open: how long to wait for the browser to fetch the page.
    #[arg(long, value_name = "SECONDS", default_value = "120", value_parser = crate::seconds::parse, requires = "open")]
    pub open_timeout: Duration,
}

fn parse_assignment(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((name, value)) if !name.trim().is_empty() => {
            Ok((name.trim().to_string(), value.to_string()))
        }
        _ => Err(format!("{text:?} is not NAME=VALUE")),
    }
}

#[derive(Subcommand, Debug)]
pub enum CallbackCommand {
    /// Play SmartBill: POST a callback body to your endpoint and print its answer.
    #[command(after_help = CALLBACK_SEND_HELP)]
    Send(CallbackSendArgs),
    /// Read a callback body and print its fields, the auth code, the token and personal data redacted.
    #[command(after_help = EXIT_CODES_HELP)]
    Parse(CallbackParseArgs),
    /// Is this address allowed to deliver callbacks (SmartBill's fixed source addresses)?
    #[command(after_help = EXIT_CODES_HELP)]
    CheckSource(CheckSourceArgs),
}

const CALLBACK_SEND_HELP: &str = "Exit codes: 0 the endpoint answered 2xx; 1 it answered \
otherwise or could not be reached; 2 usage or input error (one line on stderr); 3 a bug in \
smartbill-signup.";

#[derive(Args, Debug)]
pub struct CallbackSendArgs {
    /// Your callback endpoint, e.g. http://127.0.0.1:8080/smartbill/callback.
    #[arg(value_name = "URL")]
    pub url: String,
    /// The JSON body to send (`-` reads stdin).
    #[arg(long, value_name = "BODY.json", conflicts_with = "sample")]
    pub file: Option<PathBuf>,
    /// Send a sample body in the current schema with made-up values (the default).
    #[arg(long)]
    pub sample: bool,
    #[command(flatten)]
    pub network: NetworkArgs,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct CallbackParseArgs {
    /// The body to read; `-` or nothing reads stdin.
    #[arg(value_name = "FILE|-")]
    pub input: Option<PathBuf>,
    /// Bodies larger than this many bytes are refused (CALLBACK_TOO_LARGE).
    #[arg(long, value_name = "BYTES", default_value_t = smartbill_signup_core::callback::DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct CheckSourceArgs {
    /// The address a callback came from (the TCP peer).
    #[arg(value_name = "IP")]
    pub ip: String,
    /// The environment whose source address applies: demo, production or a base URL (which has
    /// no fixed source: give --extra).
    #[arg(
        long = "env",
        value_name = "demo|production|URL",
        default_value = "production"
    )]
    pub environment: String,
    /// More allowed addresses, separated by commas.
    #[arg(long, value_name = "IP,...")]
    pub extra: Option<String>,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
}

const STANDIN_HELP: &str = "It serves POST /xMain/mb/shar_transfer/info_inpt01.aspx, decodes \
the form in the charset it was sent in, answers with a page showing what it received, records \
every request (GET /__requests returns them as JSON) and, with --callback-url, then POSTs a \
callback in the current schema there, as SmartBill does. Point a form at it with its base URL as \
the environment.

Exit codes: 0 stopped by itself (--max-requests, --idle-exit); 2 usage error or the port is \
taken; 3 a bug in smartbill-signup.";

#[derive(Args, Debug)]
pub struct StandinArgs {
    /// The port on 127.0.0.1 (0 picks a free one).
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// After each signup, POST a callback in the current schema here, as SmartBill does.
    #[arg(long, value_name = "URL")]
    pub callback_url: Option<String>,
    /// Also append every signup request to this file, as JSON Lines.
    #[arg(long, value_name = "FILE")]
    pub record: Option<PathBuf>,
    /// Stop after this many signup requests.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub max_requests: usize,
    /// Stop after this many seconds without a request.
    #[arg(long, value_name = "SECONDS", default_value = "600", value_parser = crate::seconds::parse)]
    pub idle_exit: Duration,
}

const RECEIVE_HELP: &str = "The first line says where it listens. Each request's outcome goes \
to stderr. Records stay in the store for the ERP to drain unless --ack is given. Stops on \
Ctrl-C, after --max-records or after --idle-exit, letting requests in flight finish. \
Exit codes: 0 stopped normally; 2 usage or input error, or the receiver could not start \
(one line on stderr); 3 a bug in smartbill-signup.";

#[derive(Args, Debug)]
pub struct ReceiveArgs {
    /// The SQLite store (created owner-only; must be on a local disk).
    #[arg(long, value_name = "FILE")]
    pub store: PathBuf,
    /// Where to listen, ADDRESS:PORT: 0.0.0.0:8080 for every interface, 127.0.0.1:0 for this
    /// machine only on a free port. Required: there is no default.
    #[arg(long, value_name = "ADDRESS:PORT")]
    pub listen: String,
    /// Whose callbacks to accept: `production`, `demo` (SmartBill's fixed source address), or a
    /// base URL (a custom environment: only --extra-ips may deliver).
    #[arg(long, value_name = "ENV", default_value = "production")]
    pub env: String,
    /// More addresses allowed to deliver (comma-separated).
    #[arg(long, value_name = "IP,...", value_delimiter = ',')]
    pub extra_ips: Vec<String>,
    /// Proxies whose X-Forwarded-For is believed (comma-separated).
    #[arg(long, value_name = "IP,...", value_delimiter = ',')]
    pub trusted_proxies: Vec<String>,
    /// The callback path.
    #[arg(long, default_value = smartbill_signup_receiver::DEFAULT_PATH)]
    pub path: String,
    /// Larger bodies are refused with 413.
    #[arg(long, value_name = "BYTES", default_value_t = 65536)]
    pub max_bytes: usize,
    /// Serve HTTPS with this PEM certificate (chain) ...
    #[arg(long, value_name = "PEM", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,
    /// ... and this PEM private key.
    #[arg(long, value_name = "PEM", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
    /// Also append one line per request to this file (never a secret).
    #[arg(long, value_name = "FILE")]
    pub log_file: Option<PathBuf>,
    /// Acknowledge each record after printing it. Without it records stay for the ERP to drain
    /// (each is reserved for 5 seconds after it is printed).
    #[arg(long)]
    pub ack: bool,
    /// Print one JSON object per line: where it listens, then each record.
    #[arg(long)]
    pub json: bool,
    /// Stop after printing this many records.
    #[arg(long, value_name = "N")]
    pub max_records: Option<usize>,
    /// Stop after this many seconds without a new record.
    #[arg(long, value_name = "SECONDS", value_parser = crate::seconds::parse)]
    pub idle_exit: Option<Duration>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn fixed_fields_and_delimiters() {
        assert_eq!(
            parse_fixed("11:10").unwrap(),
            FixedField {
                start: 11,
                length: 10
            }
        );
        for bad in ["0:10", "1:0", "10", "a:b", ":", "1:5000"] {
            assert!(parse_fixed(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_delimiter("tab").unwrap(), b'\t');
        assert_eq!(parse_delimiter(";").unwrap(), b';');
        assert!(parse_delimiter("\"").is_err());
        assert!(parse_delimiter(",,").is_err());
        assert_eq!(
            parse_assignment("pComName=a=b").unwrap(),
            ("pComName".into(), "a=b".into())
        );
        assert!(parse_assignment("=x").is_err());
    }
}
