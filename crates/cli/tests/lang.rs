//! `--lang ko|en` and the locale: every message and verdict the tool
//! prints in Korean (probe sentences, business-number results and summary,
//! callback verdicts, the page's field hints, input errors), English by
//! default, the flag over the environment, `--help` always English.

mod common;

use common::{closed_port, command, run, run_command, Run};

/// The tool with `args` under the locale variables given (others removed).
fn with_locale(vars: &[(&str, &str)], args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut command = command(args);
    command.env_remove("LANG");
    for (name, value) in vars {
        command.env(name, value);
    }
    run_command(command, stdin)
}

fn has_hangul(text: &str) -> bool {
    text.chars().any(|c| ('가'..='힣').contains(&c))
}

const KOREAN: &[(&str, &str)] = &[("LANG", "ko_KR.UTF-8")];

#[test]
fn brn_results_and_summary_in_korean_from_the_flag_and_from_lang() {
    let input = b"1248100998\n124-81-00997\n12\n";
    let by_flag = run(&["--lang", "ko", "brn", "check"], Some(input)).expect(1);
    let by_locale = with_locale(KOREAN, &["brn", "check"], Some(input)).expect(1);
    for out in [&by_flag, &by_locale] {
        assert!(
            out.stdout.contains(
                "BRN_CHECKSUM   사업자등록번호 \"124-81-00997\": 검증번호가 맞지 않습니다(입력 7, 올바른 값 8)\n"
            ),
            "{out:#?}"
        );
        assert!(out.stdout.contains(
            "BRN_LENGTH     사업자등록번호 \"12\": 숫자가 2자리입니다. 10자리여야 합니다\n"
        ));
        assert_eq!(
            out.stderr,
            "3줄을 검사했습니다: OK 1건, BRN_LENGTH 1건, BRN_CHECKSUM 1건\n"
        );
    }
    // The flag goes after the command too (a global option).
    let kind = run(&["brn", "kind", "124-81-00997", "--lang=ko"], None).expect(1);
    assert_eq!(
        kind.stderr,
        "BRN_CHECKSUM: 사업자등록번호 \"124-81-00997\": 검증번호가 맞지 않습니다(입력 7, 올바른 값 8)\n"
    );
    let header = with_locale(
        KOREAN,
        &["brn", "check", "vendors.csv", "--column", "2"],
        None,
    );
    assert!(
        header
            .stderr
            .ends_with(" (1번째 줄은 머리글 행이어서 세지 않았습니다)\n"),
        "{header:#?}"
    );
}

#[test]
fn english_by_default_and_the_flag_wins_over_the_locale() {
    let plain = with_locale(&[], &["brn", "kind", "1"], None).expect(1);
    assert_eq!(
        plain.stderr,
        "BRN_LENGTH: business number \"1\": has 1 digits, needs 10\n"
    );
    let flag = with_locale(KOREAN, &["--lang", "en", "brn", "kind", "1"], None).expect(1);
    assert_eq!(flag.stderr, plain.stderr);
    // POSIX order: LC_ALL, then LC_MESSAGES, then LANG.
    let c = with_locale(
        &[("LC_ALL", "C"), ("LANG", "ko_KR.UTF-8")],
        &["brn", "kind", "1"],
        None,
    );
    assert_eq!(c.expect(1).stderr, plain.stderr);
    let messages = with_locale(
        &[("LC_MESSAGES", "ko_KR.eucKR"), ("LANG", "en_US.UTF-8")],
        &["brn", "kind", "1"],
        None,
    );
    assert_eq!(
        messages.expect(1).stderr,
        "BRN_LENGTH: 사업자등록번호 \"1\": 숫자가 1자리입니다. 10자리여야 합니다\n"
    );
    let english_locale = with_locale(&[("LANG", "en_US.UTF-8")], &["brn", "kind", "1"], None);
    assert_eq!(english_locale.expect(1).stderr, plain.stderr);
}

#[test]
fn probe_sentences_in_korean() {
    let port = closed_port();
    let url = format!("http://127.0.0.1:{port}/x");
    let args = ["probe", url.as_str(), "--proxy", "off", "--timeout", "5"];
    let out = with_locale(KOREAN, &args, None).expect(1);
    for part in [
        "  (직접 연결)\n",
        "  dns      정상 ",
        "127.0.0.1은 주소이므로 조회하지 않았습니다\n",
        "  connect  실패 ",
        &format!(
            "  연결할 수 없습니다(HTTP_CONNECT): 127.0.0.1 포트 {port} 연결이 거부되었습니다: 방화벽이 나가는 {port}번 포트를 막거나 그곳에서 기다리는 서버가 없습니다. 127.0.0.1로 나가는 TCP {port}번 포트를 열어 달라고 요청하십시오\n"
        ),
        "  스마트빌 환경이 아니므로 콜백 출발지 주소가 없습니다\n",
        "1곳 중 0곳에 연결됩니다\n",
    ] {
        assert!(out.stdout.contains(part), "{part:?} in {out:#?}");
    }
    assert!(!out.stdout.contains("NOT REACHABLE") && !out.stdout.contains("direct"));
    let json = run(
        &["--lang", "ko", "probe", &url, "--proxy", "off", "--json"],
        None,
    )
    .expect(1);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let target = &value["targets"][0];
    assert_eq!(target["status"], "HTTP_CONNECT", "status names stay");
    assert!(has_hangul(target["advice"].as_str().unwrap()), "{target}");
    let english = run(&["probe", &url, "--proxy", "off"], None).expect(1);
    assert!(english
        .stdout
        .contains("  NOT REACHABLE (HTTP_CONNECT): the connection to 127.0.0.1 port"));
    assert!(!has_hangul(&english.stdout), "{}", english.stdout);
}

#[test]
fn callback_verdicts_in_korean() {
    let parsed = run(
        &["--lang", "ko", "callback", "parse", "callback-guide.json"],
        None,
    )
    .expect(0);
    assert!(
        parsed.stdout.contains("AUTH_CODE      <가려짐, 32자>\n"),
        "{parsed:#?}"
    );
    assert!(parsed.stdout.contains("USER_PHONE     (비어 있음)\n"));
    assert!(parsed.stdout.ends_with(
        "COM_REGNO가 사업자등록번호 검사를 통과하지 못했습니다(BRN_CHECKSUM): 콜백을 저장하고 표시해 두십시오\n"
    ));
    assert!(
        !parsed.stdout.contains("13F89DFE"),
        "the auth code stays hidden"
    );
    let missing = with_locale(
        KOREAN,
        &["callback", "parse"],
        Some(br#"{"USER_SBID":"a","COM_REGNO":"1","AUTH_CODE":"c"}"#),
    )
    .expect(1);
    assert_eq!(
        missing.stderr,
        "CALLBACK_MISSING [AUTH_TOKEN]: 필수 키 AUTH_TOKEN이(가) 없습니다\n"
    );
    let allowed = run(
        &[
            "--lang",
            "ko",
            "callback",
            "check-source",
            "183.111.188.210",
        ],
        None,
    )
    .expect(0);
    assert_eq!(
        allowed.stdout,
        "production 콜백의 출발지 183.111.188.210: 허용됩니다(허용 주소: 183.111.188.210)\n"
    );
    let refused = run(
        &["--lang", "ko", "callback", "check-source", "10.0.0.1"],
        None,
    )
    .expect(1);
    assert!(
        refused.stdout.contains(": 허용되지 않습니다(허용 주소: "),
        "{refused:#?}"
    );
}

#[test]
fn page_problems_in_korean() {
    let bad = with_locale(
        KOREAN,
        &["page", "--env", "demo", "--set", "pComRegNo=124-81-00997"],
        None,
    )
    .expect(1);
    assert!(
        bad.stderr.starts_with(
            "FIELD_FORMAT: 사업자번호(pComRegNo): 올바른 사업자등록번호가 아닙니다(BRN_CHECKSUM)"
        ),
        "{bad:#?}"
    );
    assert!(bad
        .stderr
        .ends_with("\n  사업자번호(pComRegNo): 필수 항목, 올바른 사업자등록번호(- 포함 가능, 10자리 숫자로 보냄; brn_check=digits이면 아무 10자리 숫자). CP949로 최대 10바이트입니다(한글 한 글자는 2바이트입니다)\n"));
}

#[test]
fn input_errors_in_korean() {
    run(&["--lang", "ko", "brn", "check", "no-such-file.txt"], None)
        .expect_input_error("no-such-file.txt을(를) 읽을 수 없습니다: ");
    // A value clap checks with this tool's parser speaks the language too.
    run(&["--lang", "ko", "probe", "--timeout", "0"], None)
        .expect_input_error("\"0\": 시간은 0초보다 길어야 합니다");
    run(&["--lang", "ko", "probe", "staging"], None).expect_input_error(
        "probe: \"staging\"은(는) demo, production 또는 http(s) URL이 아닙니다",
    );
    run(&["--lang", "fr", "brn", "kind", "1"], None).expect_input_error("'fr'");
}

#[test]
fn help_stays_english() {
    for args in [
        &["--help"][..],
        &["brn", "check", "--help"],
        &["probe", "--help"],
    ] {
        let english = run(args, None).expect(0);
        let mut korean_args = vec!["--lang", "ko"];
        korean_args.extend_from_slice(args);
        let by_flag = run(&korean_args, None).expect(0);
        let by_locale = with_locale(KOREAN, args, None).expect(0);
        assert_eq!(by_flag.stdout, english.stdout, "{args:?}");
        assert_eq!(by_locale.stdout, english.stdout, "{args:?}");
        assert!(english.stdout.contains("--lang <ko|en>"), "{args:?}");
    }
}
