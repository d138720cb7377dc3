//! `brn check`, `brn kind`, `brn format` end to end: golden outputs, exit
//! codes, CSV with a header row and a BOM, a CP949 fixed-width file, bad
//! input, a closed pipe.

mod common;

use common::{fixtures, golden, run};
use smartbill_signup_core::brn;
use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

#[test]
fn plain_lines_text_and_json() {
    let text = run(&["brn", "check", "numbers.txt"], None).expect(1);
    golden("brn-check-numbers.txt", &text.stdout);
    assert_eq!(
        text.stderr,
        "checked 8 lines: 4 OK, 1 BRN_FORMAT, 1 BRN_LENGTH, 1 BRN_COMPONENT, 1 BRN_CHECKSUM\n"
    );
    let json = run(&["brn", "check", "numbers.txt", "--json"], None).expect(1);
    golden("brn-check-numbers.jsonl", &json.stdout);
    assert_eq!(json.stderr, "", "json: the summary is the last object");
    let same = run(&["brn", "check", "numbers.txt", "--format", "json"], None).expect(1);
    assert_eq!(same.stdout, json.stdout);
    // Every line is an object; the last one is the summary.
    let objects: Vec<serde_json::Value> = json
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(objects.len(), 9);
    assert_eq!(objects[8]["summary"]["by_status"]["OK"], 4);
}

#[test]
fn csv_with_a_bom_and_a_header_row() {
    let csv = run(
        &[
            "brn",
            "check",
            "vendors.csv",
            "--column",
            "3",
            "--format",
            "csv",
        ],
        None,
    )
    .expect(1);
    golden("brn-check-vendors.csv", &csv.stdout);
    assert!(
        csv.stderr.contains("(line 1 is a header row, not counted)"),
        "{}",
        csv.stderr
    );
    let json = run(
        &["brn", "check", "vendors.csv", "--column", "3", "--json"],
        None,
    )
    .expect(1);
    golden("brn-check-vendors.jsonl", &json.stdout);
    assert!(json.stdout.ends_with(
        "{\"summary\":{\"lines\":10,\"header_line\":1,\"by_status\":{\"OK\":4,\"BRN_FORMAT\":1,\"BRN_LENGTH\":3,\"BRN_COMPONENT\":1,\"BRN_CHECKSUM\":1}}}\n"
    ));
    // --header no: the title row is a line like any other (BRN_FORMAT).
    let no = run(
        &[
            "brn",
            "check",
            "vendors.csv",
            "--column",
            "3",
            "--header",
            "no",
            "--json",
        ],
        None,
    )
    .expect(1);
    let first: serde_json::Value = serde_json::from_str(no.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(first["line"], 1);
    assert_eq!(first["input"], "사업자번호");
    assert_eq!(first["status"], "BRN_FORMAT");
}

#[test]
fn cp949_csv_from_korean_excel() {
    let run = run(
        &[
            "brn",
            "check",
            "vendors-cp949.csv",
            "--column",
            "1",
            "--delimiter",
            ";",
            "--encoding",
            "cp949",
        ],
        None,
    )
    .expect(0);
    assert_eq!(
        run.stderr,
        "checked 3 lines: 3 OK (line 1 is a header row, not counted)\n"
    );
}

#[test]
fn cp949_fixed_width_records() {
    let args = [
        "brn",
        "check",
        "vendors-cp949.dat",
        "--fixed",
        "27:12",
        "--encoding",
        "cp949",
    ];
    let text = run(&args, None).expect(1);
    golden("brn-check-vendors-cp949.txt", &text.stdout);
    let mut json_args = args.to_vec();
    json_args.push("--json");
    let json = run(&json_args, None).expect(1);
    golden("brn-check-vendors-cp949.jsonl", &json.stdout);
    // Hangul in the number's field is decoded and shown; a byte that is
    // not CP949 is BRN_FORMAT and the run goes on.
    assert!(json.stdout.contains(r#""input":"일이사-81   ""#));
    assert!(json
        .stdout
        .contains(r#""line":4,"input":"124\\xB0 81-0099","status":"BRN_FORMAT""#));
    assert!(json.stdout.contains(r#""line":8,"#));
}

#[test]
fn a_file_in_the_wrong_encoding_is_format_errors_not_the_end() {
    // The CP949 file read as UTF-8: the Hangul lines are BRN_FORMAT, every
    // line still gets its result.
    let json = run(
        &[
            "brn",
            "check",
            "vendors-cp949.dat",
            "--fixed",
            "27:12",
            "--json",
        ],
        None,
    )
    .expect(1);
    let lines: Vec<serde_json::Value> = json
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 9);
    assert_eq!(lines[2]["status"], "BRN_FORMAT");
    assert!(lines[2]["message"].as_str().unwrap().contains("not UTF-8"));
    assert_eq!(lines[0]["status"], "OK");
}

#[test]
fn every_line_gets_the_cores_verdict() {
    // Generated numbers, valid and not, through stdin: one result per line,
    // each the status the core's scanner gives.
    let mut input = Vec::new();
    let mut expected = Vec::new();
    for i in 0..5000u32 {
        let line = match i % 5 {
            0 => format!("{:03}-{:02}-{:05}", 101 + i % 800, 1 + i % 98, i),
            1 => format!("{:010}", i as u64 * 7919),
            2 => format!(" {} ", i),
            3 => format!("12{i}a"),
            _ => format!("124-81-0099{}", i % 10),
        };
        expected.push(brn::check_bytes(line.as_bytes()).name().to_string());
        input.extend_from_slice(line.as_bytes());
        input.push(b'\n');
    }
    let out = run(&["brn", "check", "-", "--format", "csv"], Some(&input));
    let rows: Vec<&str> = out.stdout.lines().skip(1).collect();
    assert_eq!(rows.len(), expected.len());
    for (i, (row, status)) in rows.iter().zip(&expected).enumerate() {
        let fields: Vec<&str> = row.splitn(4, ',').collect();
        assert_eq!(fields[0], (i + 1).to_string());
        assert_eq!(fields[2], status, "{row}");
    }
    let code = if expected.iter().all(|s| s == "OK") {
        0
    } else {
        1
    };
    assert_eq!(out.code, code);
}

#[test]
fn all_valid_is_exit_0_and_empty_input_too() {
    let good = run(&["brn", "check"], Some(b"124-81-00998\r\n220-81-62517\r\n")).expect(0);
    assert_eq!(good.stderr, "checked 2 lines: 2 OK\n");
    let empty = run(&["brn", "check", "-", "--json"], Some(b"")).expect(0);
    assert_eq!(
        empty.stdout,
        "{\"summary\":{\"lines\":0,\"header_line\":null,\"by_status\":{\"OK\":0,\"BRN_FORMAT\":0,\"BRN_LENGTH\":0,\"BRN_COMPONENT\":0,\"BRN_CHECKSUM\":0}}}\n"
    );
}

#[test]
fn bad_input_is_exit_2_with_one_line() {
    run(&["brn", "check", "no-such-file.txt"], None).expect_input_error("no-such-file.txt");
    let dir = fixtures();
    let out =
        run(&["brn", "check", dir.to_str().unwrap()], None).expect_input_error("it is a directory");
    assert_eq!(out.stdout, "", "nothing printed before the error");
    run(&["brn", "check", "--column", "0"], None).expect_input_error("column");
    run(&["brn", "check", "--fixed", "0:10"], None).expect_input_error("START:LENGTH");
    run(&["brn", "check", "--fixed", "10"], None).expect_input_error("START:LENGTH");
    run(&["brn", "check", "--column", "1", "--fixed", "1:10"], None)
        .expect_input_error("cannot be used with");
    run(&["brn", "check", "--header", "yes"], None).expect_input_error("--column");
    run(&["brn", "check", "--encoding", "latin1"], None).expect_input_error("latin1");
    run(&["brn", "check", "--format", "xml"], None).expect_input_error("xml");
    run(&["brn", "check", "--json", "--format", "csv"], None)
        .expect_input_error("cannot be used with");
    run(
        &["brn", "check", "--column", "2", "--delimiter", "ab"],
        None,
    )
    .expect_input_error("ASCII character");
    run(&["brn", "kind"], None).expect_input_error("NUMBER");
    run(&["brn"], None).expect(2);
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut input = Vec::new();
    for _ in 0..200_000 {
        input.extend_from_slice(b"124-81-00998\n");
    }
    let mut child = common::command(&["brn", "check", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.contains("LINE"), "{first}");
    // The reader goes away, as `| head -1` does.
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "", "nothing on stderr");
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let dir = std::env::temp_dir().join(format!("sb-cli-progress-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.txt");
    let line = b"124-81-00998\n";
    let data: Vec<u8> = line
        .iter()
        .copied()
        .cycle()
        .take(line.len() * 120_000)
        .collect();
    std::fs::write(&path, data).unwrap();
    let out = run(
        &["brn", "check", path.to_str().unwrap(), "--format", "csv"],
        None,
    )
    .expect(0);
    assert_eq!(out.stderr, "checked 120000 lines: 120000 OK\n");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn kind_and_format() {
    let kind = run(&["brn", "kind", "124-81-00998"], None).expect(0);
    assert_eq!(
        (kind.stdout.as_str(), kind.stderr.as_str()),
        ("corporation\n", "")
    );
    let format = run(&["brn", "format", " 1248100998 "], None).expect(0);
    assert_eq!(format.stdout, "124-81-00998\n");
    assert_eq!(
        run(&["brn", "kind", "138-83-00012"], None).expect(0).stdout,
        "government\n"
    );
    let bad = run(&["brn", "format", "123-45-67890"], None).expect(1);
    assert_eq!(bad.stdout, "");
    assert_eq!(
        bad.stderr,
        "BRN_CHECKSUM: business number \"123-45-67890\": check digit is 0, expected 1\n"
    );
    // A leading dash is a number's, not an option's.
    run(&["brn", "kind", "-124-81-00998"], None).expect(0);
    let json = run(&["brn", "kind", "124-81-00998", "--json"], None).expect(0);
    let bad_json = run(&["brn", "kind", "12a", "--json"], None).expect(1);
    golden(
        "brn-kind.jsonl",
        &format!("{}{}", json.stdout, bad_json.stdout),
    );
}
