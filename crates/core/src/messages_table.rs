// The message table: every message the library writes for people, in
// English and in Korean, with its named arguments. `src/message.rs` turns it
// into the `Message` enum; a message is rendered only when someone reads
// it, in the language asked for.
//
// Rules for both columns (tests in `src/message/tests.rs` hold them):
// - the same arguments, each used at least once, in both languages;
// - Korean in the plain polite style (…입니다, …하십시오), with the terms
//   사업자등록번호, 검증번호, 콜백, 스마트빌, and the guide's field labels
//   (a `Label` argument writes `회사명(pComName)`);
// - a Korean particle after an argument is written `{arg:은}`, `{arg:이}`,
//   `{arg:을}`, `{arg:과}`, `{arg:으로}` and chosen by the argument's sound;
// - no argument ever carries a secret (an auth code or token) or personal
//   data: call sites pass names, sizes, positions and characters.
//
// Some kinds are parts (`what`, `why`, `at`) that a whole message holds as a
// nested `Box<Message>` argument, rendered in the same language.
//
// Kind { arguments } en: "...", ko: "...";
message_table! {
    // ---- General: arguments and output (the C ABI's own messages) ----

    /// A required pointer argument was NULL.
    NullArgument { name: String }
        en: "{name} is NULL",
        ko: "{name:이} NULL입니다";
    /// An argument that must not be empty is.
    EmptyArgument { name: String }
        en: "{name} is empty",
        ko: "{name:이} 비어 있습니다";
    /// Text that is not valid in its declared encoding.
    InvalidText { what: String, charset: &'static str, offset: usize }
        en: "{what}: invalid {charset} at byte {offset}",
        ko: "{what}: 바이트 {offset}부터 올바른 {charset} 텍스트가 아닙니다";
    /// The caller's buffer is smaller than the output.
    BufferTooSmall { needed: usize, cap: usize }
        en: "output needs {needed} bytes (plus 1 for a NUL), buffer holds {cap}",
        ko: "출력에 {needed}바이트(NUL까지 1바이트 더)가 필요하지만 버퍼는 {cap}바이트입니다";
    /// Text flags the library does not know.
    UnknownFlags { flags: String }
        en: "unknown text flags {flags}",
        ko: "알 수 없는 텍스트 플래그 {flags}입니다";
    /// A character the output encoding cannot hold.
    Unencodable { what: String, character: String, charset: &'static str }
        en: "{what}: character {character} cannot be represented in {charset}",
        ko: "{what}: 문자 {character:은} {charset:으로} 나타낼 수 없습니다";
    /// A secret value that CP949 cannot hold: the character is not named.
    SecretUnencodable { key: String }
        en: "{key}: the value holds a character that CP949 cannot represent",
        ko: "{key}: 값에 CP949로 나타낼 수 없는 문자가 있습니다";
    /// A language the library does not know.
    UnknownLanguage { text: String }
        en: "unknown language {text}: use \"ko\" (Korean) or \"en\" (English)",
        ko: "알 수 없는 언어 {text}입니다: \"ko\"(한국어) 또는 \"en\"(영어)을 쓰십시오";
    /// A batch of fixed-width records larger than memory can address.
    RecordsOverflow {}
        en: "record_width * record_count overflows",
        ko: "record_width * record_count 값이 너무 큽니다(오버플로)";
    /// Fixed-width records of width 0.
    RecordWidthZero {}
        en: "record_width is 0",
        ko: "record_width가 0입니다";
    /// Too few status slots for a batch.
    StatusSlotsTooFew { cap: usize, needed: usize }
        en: "statuses holds {cap} slots, {needed} numbers need one each",
        ko: "statuses의 칸은 {cap}개인데 번호 {needed}개에 하나씩 필요합니다";
    /// A callback key index past the end.
    /// An item count larger than any array in memory.
    CountTooLarge { count: usize }
        en: "count {count} is more items than an array can hold",
        ko: "개수 {count}개는 배열에 담을 수 있는 것보다 많습니다";
    KeyIndexOutOfRange { index: usize, count: usize }
        en: "key index {index} is out of range: the callback has {count} keys",
        ko: "키 번호 {index:은} 범위 밖입니다: 콜백의 키는 {count}개입니다";
    /// A receiver handle opened as a store only.
    ReceiverWithoutServer {}
        en: "this handle is a store opened without a server (smartbill_receiver_open_store): it has no port or URL",
        ko: "이 핸들은 서버 없이 연 저장소(smartbill_receiver_open_store)이므로 포트나 URL이 없습니다";
    /// A caught panic, with what it said.
    Internal { function: String, what: String }
        en: "internal error in {function}: {what} (this is a bug; please report it)",
        ko: "{function}에서 내부 오류가 발생했습니다: {what} (라이브러리의 버그입니다. 보고해 주십시오)";
    /// A caught panic that said nothing readable.
    InternalUnknown { function: String }
        en: "internal error in {function}: unknown panic (this is a bug; please report it)",
        ko: "{function}에서 알 수 없는 내부 오류가 발생했습니다 (라이브러리의 버그입니다. 보고해 주십시오)";
    /// A status number not in the table, for descriptions.
    UnknownStatus { code: i32 }
        en: "Unknown status {code}.",
        ko: "알 수 없는 상태 코드 {code}입니다.";

    // ---- Parts used by several areas ----

    /// A host, as a failure names it (a part).
    Host { host: String }
        en: "{host}",
        ko: "{host}";
    /// A host reached through a proxy (a part).
    HostThroughProxy { host: String, proxy: String }
        en: "{host} (through proxy {proxy})",
        ko: "{host}(프록시 {proxy} 경유)";
    /// A failure and its cause as the system or a library said it.
    WithCause { what: Box<Message>, cause: String }
        en: "{what}: {cause}",
        ko: "{what}: {cause}";
    /// Two choices (a part).
    EitherOr { first: String, second: String }
        en: "{first} or {second}",
        ko: "{first} 또는 {second}";

    // ---- Text ----

    /// A charset name that is neither UTF-8 nor CP949.
    UnknownCharset { name: String }
        en: "unknown charset {name}: use \"utf-8\" or \"euc-kr\" (CP949)",
        ko: "알 수 없는 문자 집합 {name}입니다: \"utf-8\" 또는 \"euc-kr\"(CP949)을 쓰십시오";

    // ---- Business registration numbers (사업자등록번호) ----

    /// BRN_FORMAT: a character that is not a digit, space or dash.
    BrnCharacter { input: String, character: String, position: usize }
        en: "business number {input}: character {character} at position {position} is not a digit, space or dash",
        ko: "사업자등록번호 {input}: {position}번째 문자 {character:은} 숫자, 공백, 대시(-)가 아닙니다";
    /// BRN_FORMAT: a byte that does not start a UTF-8 character.
    BrnByte { byte: String, position: usize }
        en: "business number: byte {byte} at position {position} is not a digit, space or dash (the text is not UTF-8: CP949 Hangul?)",
        ko: "사업자등록번호: {position}번째 바이트 {byte:은} 숫자, 공백, 대시(-)가 아닙니다(UTF-8 텍스트가 아닙니다. CP949 한글입니까?)";
    /// BRN_LENGTH.
    BrnLength { input: String, digits: usize }
        en: "business number {input}: has {digits} digits, needs 10",
        ko: "사업자등록번호 {input}: 숫자가 {digits}자리입니다. 10자리여야 합니다";
    /// BRN_COMPONENT: the office code.
    BrnOfficeCode { input: String, office: String }
        en: "business number {input}: office code {office} is below 101",
        ko: "사업자등록번호 {input}: 세무서 코드 {office:이} 101보다 작습니다";
    /// BRN_COMPONENT: the type code.
    BrnTypeCode { input: String }
        en: "business number {input}: type code is 00",
        ko: "사업자등록번호 {input}: 구분 코드(4-5번째 자리)가 00입니다";
    /// BRN_COMPONENT: the serial.
    BrnSerial { input: String }
        en: "business number {input}: serial is 0000",
        ko: "사업자등록번호 {input}: 일련번호(6-9번째 자리)가 0000입니다";
    /// BRN_CHECKSUM.
    BrnCheckDigit { input: String, found: u8, expected: u8 }
        en: "business number {input}: check digit is {found}, expected {expected}",
        ko: "사업자등록번호 {input}: 검증번호가 맞지 않습니다(입력 {found}, 올바른 값 {expected})";

    // ---- Environments ----

    /// An environment that is neither demo, production nor a usable base URL.
    BadEnvironment { text: String, why: Box<Message> }
        en: "environment {text}: {why}; use \"demo\", \"production\" or a base URL such as \"https://host/path\"",
        ko: "환경 {text}: {why}. \"demo\", \"production\" 또는 \"https://host/path\" 같은 기본 URL을 쓰십시오";
    EnvEmpty {}
        en: "is empty",
        ko: "비어 있습니다";
    EnvNotUrl { cause: String }
        en: "is not a URL ({cause})",
        ko: "URL이 아닙니다({cause})";
    EnvScheme { scheme: String }
        en: "scheme {scheme} is not http or https",
        ko: "스킴 {scheme:은} http나 https가 아닙니다";
    EnvNoHost {}
        en: "has no host",
        ko: "호스트가 없습니다";
    /// The URL's credentials are never quoted.
    EnvCredentials {}
        en: "contains credentials",
        ko: "자격 증명(사용자 이름이나 비밀번호)이 들어 있습니다";
    EnvQuery {}
        en: "has a query string",
        ko: "쿼리 문자열이 있습니다";
    EnvFragment {}
        en: "has a fragment",
        ko: "프래그먼트(#)가 있습니다";
    EnvActionPath { path: &'static str }
        en: "already ends in {path}: give only the part before it",
        ko: "이미 {path:으로} 끝납니다: 그 앞부분만 주십시오";
    /// The probe's own hint after an environment error.
    ProbeEnvironment { error: Box<Message> }
        en: "{error}; to probe a URL exactly as given, use probe_url",
        ko: "{error}. URL을 주어진 그대로 검사하려면 probe_url을 쓰십시오";

    // ---- The signup form ----

    /// FIELD_REQUIRED.
    FieldRequired { field: Label }
        en: "{field} is required but is missing or blank",
        ko: "{field:은} 필수 항목인데 없거나 비어 있습니다";
    /// FIELD_UNENCODABLE.
    FieldUnencodable { field: Label, character: String, position: usize }
        en: "{field}: character {character} at position {position} cannot be represented in CP949, the encoding SmartBill stores",
        ko: "{field}: {position}번째 문자 {character:은} 스마트빌이 저장하는 인코딩인 CP949로 나타낼 수 없습니다";
    /// FIELD_TOO_LONG.
    FieldTooLong { field: Label, size: usize, limit: usize }
        en: "{field} is {size} bytes in CP949, over its limit of {limit} (a Hangul syllable counts 2 bytes); it is never cut, shorten it",
        ko: "{field:은} CP949로 {size}바이트여서 한도 {limit}바이트를 넘습니다(한글 한 글자는 2바이트입니다). 자르지 않으니 줄여서 입력하십시오";
    /// FIELD_FORMAT: the field and what is wrong with it.
    FieldFormat { field: Label, what: Box<Message> }
        en: "{field} {what}",
        ko: "{field}: {what}";
    FieldControlCharacter { character: String, position: usize }
        en: "holds control character {character} at position {position}: values are single-line text",
        ko: "{position}번째에 제어 문자 {character:이} 있습니다. 값은 한 줄 텍스트여야 합니다";
    FieldZipCode { got: Option<Box<Message>> }
        en: "must be 5 digits (the zip codes in use since 2015){got}",
        ko: "숫자 5자리여야 합니다(2015년부터 쓰는 우편번호){got}";
    FieldPhone { why: Box<Message>, got: Option<Box<Message>> }
        en: "must be digits and dashes, starting and ending with a digit, like 02-1111-1111: {why}{got}",
        ko: "숫자와 대시(-)만 쓰고 숫자로 시작하고 끝나야 합니다(예: 02-1111-1111). {why}{got}";
    PhoneCharacter { character: String, position: usize }
        en: "character {character} at position {position} is not a digit or a dash",
        ko: "{position}번째 문자 {character:은} 숫자나 대시가 아닙니다";
    PhoneDashAtEnd {}
        en: "it starts or ends with a dash",
        ko: "대시로 시작하거나 끝납니다";
    PhoneDoubleDash {}
        en: "it has two dashes in a row",
        ko: "대시가 두 개 연달아 있습니다";
    FieldEmail { why: Box<Message> }
        en: "is not a plausible e-mail address: {why}",
        ko: "올바른 이메일 주소가 아닙니다: {why}";
    FieldYesNo { got: Option<Box<Message>> }
        en: "must be Y or N (uppercase){got}",
        ko: "Y 또는 N(대문자)이어야 합니다{got}";
    FieldBrnInvalid { status: &'static str, error: Box<Message> }
        en: "is not a valid business number ({status}): {error}; SmartBill's demo numbers such as 0000000000 need the option brn_check=digits",
        ko: "올바른 사업자등록번호가 아닙니다({status}): {error}. 0000000000 같은 스마트빌 데모 번호에는 brn_check=digits 옵션이 필요합니다";
    FieldBrnDigits { got: Option<Box<Message>> }
        en: "must be 10 digits, dashes and spaces allowed (brn_check=digits){got}",
        ko: "숫자 10자리여야 합니다. 대시와 공백은 쓸 수 있습니다(brn_check=digits){got}";
    /// The value a format message quotes (never personal data), after a comma.
    GotAfterComma { value: String }
        en: ", got {value}",
        ko: " (입력값 {value})";
    /// The same after a semicolon.
    GotAfterSemicolon { value: String }
        en: "; got {value}",
        ko: " (입력값 {value})";
    EmailNoAt {}
        en: "it has no @",
        ko: "@가 없습니다";
    EmailManyAt {}
        en: "it has more than one @",
        ko: "@가 둘 이상입니다";
    EmailNothingBeforeAt {}
        en: "nothing comes before the @",
        ko: "@ 앞에 아무것도 없습니다";
    EmailCharacter { character: String }
        en: "character {character} is not allowed before the @",
        ko: "@ 앞에는 문자 {character:을} 쓸 수 없습니다";
    EmailDots {}
        en: "dots before the @ must separate words",
        ko: "@ 앞의 점(.)은 단어 사이에만 올 수 있습니다";
    EmailDomain { domain: String }
        en: "the domain {domain} is not a host name such as example.com",
        ko: "도메인 {domain:은} example.com 같은 호스트 이름이 아닙니다";
    /// The same for a personal field: its domain is not quoted.
    EmailDomainHidden {}
        en: "the domain after the @ is not a host name such as example.com",
        ko: "@ 뒤의 도메인이 example.com 같은 호스트 이름이 아닙니다";
    /// An unknown parameter name, and a hint.
    UnknownParameter { name: String, hint: Box<Message> }
        en: "unknown signup parameter {name}; {hint}",
        ko: "알 수 없는 가입 파라미터 {name}입니다. {hint}";
    DidYouMean { name: String }
        en: "did you mean {name}? Names are case-sensitive",
        ko: "{name:을} 뜻했습니까? 이름은 대소문자를 구분합니다";
    ParametersAre { names: String }
        en: "the parameters are {names}",
        ko: "파라미터는 {names}입니다";
    UnknownFormOption { name: String, options: String }
        en: "unknown form option {name}; the options are {options}",
        ko: "알 수 없는 폼 옵션 {name}입니다. 옵션은 {options}입니다";
    BadFormOption { name: String, value: String, expected: Box<Message> }
        en: "form option {name}: {value} is not {expected}",
        ko: "폼 옵션 {name}: {value:은} {expected:이} 아닙니다";
    /// What a target window name may be (a part).
    TargetName { max: usize }
        en: "_blank, _self, _parent, _top or a window name of at most {max} letters, digits, _ and - not starting with _",
        ko: "_blank, _self, _parent, _top 또는 _로 시작하지 않고 영문자, 숫자, _, -로 된 {max}자 이하의 창 이름";
    /// What a yes/no option takes (a part).
    YesOrNoChoices {}
        en: "yes or no (true/false, 1/0)",
        ko: "yes 또는 no(true/false, 1/0)";

    // ---- The callback (콜백) ----

    /// CALLBACK_TOO_LARGE.
    CallbackTooLarge { size: usize, limit: usize }
        en: "the callback body is {size} bytes, more than the limit of {limit} bytes",
        ko: "콜백 본문이 {size}바이트로 한도 {limit}바이트보다 큽니다";
    /// The callback body is not UTF-8.
    CallbackNotUtf8 { offset: usize }
        en: "the callback body is not valid UTF-8 at byte {offset} (SmartBill sends UTF-8)",
        ko: "콜백 본문이 바이트 {offset}부터 올바른 UTF-8이 아닙니다(스마트빌은 UTF-8로 보냅니다)";
    /// CALLBACK_MISSING: absent.
    CallbackKeyAbsent { key: &'static str, older: Option<Box<Message>> }
        en: "required key {key}{older} is absent",
        ko: "필수 키 {key}{older:이} 없습니다";
    /// CALLBACK_MISSING: null.
    CallbackKeyNull { key: &'static str, older: Option<Box<Message>> }
        en: "required key {key}{older} is null",
        ko: "필수 키 {key}{older:이} null입니다";
    /// CALLBACK_MISSING: blank.
    CallbackKeyBlank { key: &'static str, older: Option<Box<Message>> }
        en: "required key {key}{older} is blank",
        ko: "필수 키 {key}{older:이} 비어 있습니다";
    /// The older guide's name of a key (a part).
    OrOlderName { name: &'static str }
        en: " (or {name})",
        ko: "(또는 {name})";
    /// CALLBACK_SHAPE: a key given twice (or in two spellings).
    CallbackDuplicateKey { key: String, at: Box<Message>, first: Box<Message> }
        en: "key {key}{at} repeats the same key, first given{first}; keys match in any case and SBID and Email stand for USER_SBID and USER_EMAIL, so the callback is ambiguous",
        ko: "키 {key}{at}: 앞서{first} 나온 같은 키를 반복합니다. 키는 대소문자를 구분하지 않고 SBID와 Email은 USER_SBID와 USER_EMAIL을 뜻하므로 콜백이 모호합니다";
    /// CALLBACK_SHAPE: a known key given twice.
    CallbackDuplicateKnownKey { key: String, at: Box<Message>, means: &'static str, first: Box<Message> }
        en: "key {key}{at} repeats {means}, first given{first}; keys match in any case and SBID and Email stand for USER_SBID and USER_EMAIL, so the callback is ambiguous",
        ko: "키 {key}{at}: 앞서{first} 나온 {means:을} 반복합니다. 키는 대소문자를 구분하지 않고 SBID와 Email은 USER_SBID와 USER_EMAIL을 뜻하므로 콜백이 모호합니다";
    /// CALLBACK_SHAPE: the body is another JSON value.
    CallbackNotObject { what: Box<Message>, at: Box<Message> }
        en: "the callback body is {what}, not a JSON object{at}",
        ko: "콜백 본문이 JSON 객체가 아니라 {what}입니다{at}";
    /// CALLBACK_SHAPE: a value of another type.
    CallbackWrongType { key: String, what: Box<Message>, at: Box<Message> }
        en: "key {key} holds {what}; callback values must be strings, numbers or null{at}",
        ko: "키 {key}의 값이 {what}입니다. 콜백 값은 문자열, 숫자 또는 null이어야 합니다{at}";
    /// CALLBACK_JSON: what is wrong, and where.
    CallbackNotJson { what: Box<Message>, at: Box<Message> }
        en: "the callback body is not valid JSON: {what}{at}",
        ko: "콜백 본문이 올바른 JSON이 아닙니다: {what}{at}";
    /// Where in the body (a part).
    JsonAt { line: usize, column: usize, byte: usize }
        en: " at line {line}, column {column} (byte {byte})",
        ko: " (줄 {line}, 열 {column}, 바이트 {byte})";
    JsonArray {}
        en: "an array",
        ko: "배열";
    JsonObject {}
        en: "an object",
        ko: "객체";
    JsonString {}
        en: "a string",
        ko: "문자열";
    JsonNumber {}
        en: "a number",
        ko: "숫자";
    JsonNull {}
        en: "null",
        ko: "null 값";
    JsonBoolean {}
        en: "a boolean",
        ko: "참/거짓 값";
    JsonTrailing {}
        en: "unexpected characters after the end of the object",
        ko: "객체가 끝난 뒤에 문자가 더 있습니다";
    JsonEmpty {}
        en: "the body is empty or only whitespace",
        ko: "본문이 비어 있거나 공백뿐입니다";
    JsonBadLiteral {}
        en: "invalid literal (expected a string, a number or null)",
        ko: "잘못된 리터럴입니다(문자열, 숫자 또는 null이어야 합니다)";
    JsonDigitAfterMinus {}
        en: "invalid number: a digit must follow '-'",
        ko: "잘못된 숫자입니다: '-' 뒤에 숫자가 와야 합니다";
    JsonDigitAfterDot {}
        en: "invalid number: a digit must follow '.'",
        ko: "잘못된 숫자입니다: '.' 뒤에 숫자가 와야 합니다";
    JsonDigitAfterExponent {}
        en: "invalid number: a digit must follow the exponent",
        ko: "잘못된 숫자입니다: 지수 뒤에 숫자가 와야 합니다";
    JsonUnpairedSurrogate {}
        en: "a \\u escape holds an unpaired surrogate",
        ko: "\\u 이스케이프에 짝이 없는 서로게이트가 있습니다";
    JsonEndsInEscape {}
        en: "the body ends inside an escape sequence",
        ko: "이스케이프 시퀀스 도중에 본문이 끝납니다";
    JsonBadEscape {}
        en: "invalid escape sequence in a string",
        ko: "문자열에 잘못된 이스케이프 시퀀스가 있습니다";
    JsonShortUnicodeEscape {}
        en: "a \\u escape needs four hex digits",
        ko: "\\u 이스케이프에는 16진수 네 자리가 필요합니다";
    JsonControlCharacter { code: String }
        en: "control character {code} inside a string (it must be escaped)",
        ko: "문자열 안에 제어 문자 {code:이} 있습니다(이스케이프해야 합니다)";
    JsonUnclosedString {}
        en: "a string is never closed (the body ends inside it)",
        ko: "문자열이 닫히지 않았습니다(문자열 도중에 본문이 끝납니다)";
    /// What the reader expected, and what it found instead.
    JsonExpected { expected: Box<Message>, found: Box<Message> }
        en: "expected {expected}, found {found}",
        ko: "{expected:이} 와야 하는데 {found:이} 나왔습니다";
    JsonKeyInQuotes {}
        en: "a key in double quotes",
        ko: "큰따옴표로 묶은 키";
    JsonColonAfterKey {}
        en: "':' after the key",
        ko: "키 뒤에 ':'";
    JsonValue {}
        en: "a value",
        ko: "값";
    JsonCommaOrEnd {}
        en: "',' or '}}' after a value",
        ko: "값 뒤에 ',' 또는 '}}'";
    JsonObjectStart {}
        en: "'{{' to start the object",
        ko: "객체를 시작하는 '{{'";
    JsonEndOfBody {}
        en: "the end of the body",
        ko: "본문의 끝";
    JsonCharacter { character: String }
        en: "{character}",
        ko: "{character}";
    JsonLetterOrDigit {}
        en: "a letter or digit",
        ko: "영문자나 숫자";
    JsonOtherCharacter {}
        en: "another character",
        ko: "다른 문자";
    /// An extra source address that is not an address.
    SourceNotAddress { entry: String }
        en: "extra source address {entry} is not an IPv4 or IPv6 address",
        ko: "추가 발신 주소 {entry:은} IPv4나 IPv6 주소가 아닙니다";

    // ---- HTTP ----

    HttpTimeoutZero {}
        en: "timeout_ms must be at least 1",
        ko: "timeout_ms는 1 이상이어야 합니다";
    /// A bad value for an HTTP option.
    HttpOption { name: String, why: Box<Message> }
        en: "option {name}: {why}",
        ko: "옵션 {name}: {why}";
    ProxyNotUrl { cause: String }
        en: "not env, off or a proxy URL ({cause})",
        ko: "env, off 또는 프록시 URL이 아닙니다({cause})";
    ProxyScheme {}
        en: "proxy URL scheme must be http or https",
        ko: "프록시 URL의 스킴은 http나 https여야 합니다";
    ProxyFirst {}
        en: "set proxy to a URL first",
        ko: "먼저 proxy를 URL로 설정하십시오";
    UseYesOrNo {}
        en: "use yes or no",
        ko: "yes 또는 no를 쓰십시오";
    PositiveBytes {}
        en: "must be a positive number of bytes",
        ko: "양의 바이트 수여야 합니다";
    UnknownHttpOption { name: String }
        en: "unknown HTTP option {name}: use proxy, proxy_username, proxy_password, fail_on_status or max_body_bytes",
        ko: "알 수 없는 HTTP 옵션 {name}입니다: proxy, proxy_username, proxy_password, fail_on_status, max_body_bytes 중 하나를 쓰십시오";
    ProxyUnusable { cause: String }
        en: "proxy URL is not usable: {cause}",
        ko: "프록시 URL을 쓸 수 없습니다: {cause}";
    HttpClientBuild { cause: String }
        en: "could not build the HTTP client: {cause}",
        ko: "HTTP 클라이언트를 만들 수 없습니다: {cause}";
    ResponseCharset { charset: &'static str }
        en: "the response body is not valid {charset} as its Content-Type declares",
        ko: "응답 본문이 Content-Type에 선언된 {charset} 텍스트로 올바르지 않습니다";
    TooManyRedirects { place: Box<Message>, max: usize }
        en: "{place}: redirected more than {max} times",
        ko: "{place}: 리디렉션이 {max}번을 넘었습니다";
    TimedOut { place: Box<Message> }
        en: "{place}: timed out",
        ko: "{place}: 시간이 초과되었습니다";
    TlsFailed { place: Box<Message> }
        en: "{place}: TLS failed",
        ko: "{place}: TLS 연결에 실패했습니다";
    ProxyUnresolved { proxy: String, host: String }
        en: "proxy {proxy} (for {host}): could not resolve the proxy's host name",
        ko: "프록시 {proxy}({host}용): 프록시의 호스트 이름을 찾을 수 없습니다";
    ProxyUnreachable { proxy: String, host: String }
        en: "proxy {proxy} (for {host}): could not connect to or through the proxy",
        ko: "프록시 {proxy}({host}용): 프록시에 연결하거나 프록시를 거쳐 연결할 수 없습니다";
    HostUnresolved { host: String }
        en: "{host}: could not resolve the host name",
        ko: "{host}: 호스트 이름을 찾을 수 없습니다(DNS)";
    ConnectFailed { host: String }
        en: "{host}: could not connect",
        ko: "{host}: 연결할 수 없습니다";
    ExchangeBrokeOff { place: Box<Message> }
        en: "{place}: the exchange broke off",
        ko: "{place}: 통신이 도중에 끊어졌습니다";
    ProxyAuthentication { proxy: String, host: String }
        en: "proxy {proxy} (for {host}): the proxy requires authentication (HTTP 407): set proxy_username and proxy_password",
        ko: "프록시 {proxy}({host}용): 프록시가 인증을 요구합니다(HTTP 407). proxy_username과 proxy_password를 설정하십시오";
    RedirectNotHttp { place: Box<Message>, status: u16 }
        en: "{place}: redirected (HTTP {status}) to a URL that is not http(s) with a host",
        ko: "{place}: 호스트가 있는 http(s) URL이 아닌 곳으로 리디렉션되었습니다(HTTP {status})";
    AnsweredStatus { host: String, status: u16 }
        en: "{host}: answered HTTP {status}",
        ko: "{host}: HTTP {status:으로} 응답했습니다";
    ReadTimedOut { place: Box<Message> }
        en: "{place}: timed out reading the response",
        ko: "{place}: 응답을 읽는 중 시간이 초과되었습니다";
    ReadBrokeOff { place: Box<Message> }
        en: "{place}: the connection broke off mid-response",
        ko: "{place}: 응답 도중 연결이 끊어졌습니다";
    ResponseTooLarge { host: String, limit: usize }
        en: "{host}: the response body is larger than the limit of {limit} bytes (option max_body_bytes)",
        ko: "{host}: 응답 본문이 한도 {limit}바이트보다 큽니다(옵션 max_body_bytes)";
    NotUrl { cause: String }
        en: "not a URL ({cause})",
        ko: "URL이 아닙니다({cause})";
    UrlNotHttp {}
        en: "the URL must be http:// or https:// with a host",
        ko: "URL은 호스트가 있는 http:// 또는 https://여야 합니다";
    InsideAsyncRuntime {}
        en: "called from inside an async (tokio) runtime, where blocking HTTP cannot run: call it from a plain thread (for example tokio::task::spawn_blocking)",
        ko: "비동기(tokio) 런타임 안에서 호출되었습니다. 그곳에서는 블로킹 HTTP를 실행할 수 없으니 일반 스레드에서 호출하십시오(예: tokio::task::spawn_blocking)";

    // ---- The embedded receiver and its store ----

    /// A store failure: the store's path and what failed.
    Store { path: String, why: Box<Message> }
        en: "store {path}: {why}",
        ko: "저장소 {path}: {why}";
    StorePathEmpty {}
        en: "the path is empty",
        ko: "경로가 비어 있습니다";
    StoreDirectoryUnusable { dir: String, cause: String }
        en: "its directory {dir} cannot be used: {cause}",
        ko: "디렉터리 {dir:을} 쓸 수 없습니다: {cause}";
    StoreNotDirectory { dir: String }
        en: "{dir} is not a directory",
        ko: "{dir:은} 디렉터리가 아닙니다";
    /// STORE_NETWORK_PATH.
    StoreOnNetworkShare { path: String, kind: Box<Message> }
        en: "store {path}: it is on a network share ({kind}); SQLite's WAL mode, which keeps the store consistent, does not work there. Put the store on a local disk of the machine running the receiver, and let other machines reach the records through that machine",
        ko: "저장소 {path}: 네트워크 공유({kind})에 있습니다. 저장소의 일관성을 지키는 SQLite의 WAL 모드는 그곳에서 동작하지 않습니다. 수신기가 실행되는 컴퓨터의 로컬 디스크에 저장소를 두고, 다른 컴퓨터는 그 컴퓨터를 거쳐 레코드에 접근하십시오";
    NetworkUncPath {}
        en: "a UNC path",
        ko: "UNC 경로";
    NetworkMappedDrive { dir: String, real: String }
        en: "{dir} is {real}",
        ko: "{dir:은} {real}입니다";
    NetworkFileSystem { name: &'static str }
        en: "{name} file system",
        ko: "{name} 파일 시스템";
    StoreIsDirectory {}
        en: "it is a directory",
        ko: "디렉터리입니다";
    StoreUnreadable { cause: String }
        en: "cannot be read: {cause}",
        ko: "읽을 수 없습니다: {cause}";
    StoreUncreatable { cause: String }
        en: "cannot be created: {cause}",
        ko: "만들 수 없습니다: {cause}";
    StoreNotOwnerOnly { mode: String }
        en: "it is readable or writable by others (mode {mode}) and holds auth tokens; make it owner-only (chmod 600) and start again",
        ko: "다른 사용자가 읽거나 쓸 수 있는데(모드 {mode}) 인증 토큰이 들어 있습니다. 소유자 전용으로 바꾸고(chmod 600) 다시 시작하십시오";
    StoreOtherProgram {}
        en: "is a SQLite database of another program, not a SmartBill callback store",
        ko: "다른 프로그램의 SQLite 데이터베이스이며 스마트빌 콜백 저장소가 아닙니다";
    StoreJournalMode { mode: String }
        en: "SQLite kept journal mode {mode} instead of WAL (a network or read-only file system?)",
        ko: "SQLite가 WAL 대신 저널 모드 {mode:을} 유지했습니다(네트워크나 읽기 전용 파일 시스템입니까?)";
    StoreForeignTables {}
        en: "is a SQLite database with tables of its own, not a SmartBill callback store",
        ko: "자체 테이블이 있는 SQLite 데이터베이스이며 스마트빌 콜백 저장소가 아닙니다";
    StoreNewerSchema { version: i64, known: i64 }
        en: "was written by a newer library (schema {version}; this one knows {known})",
        ko: "더 새로운 라이브러리가 쓴 저장소입니다(스키마 {version}, 이 라이브러리는 {known}까지 압니다)";
    StoreRecordUnparsable { id: String, status: &'static str, error: Box<Message> }
        en: "record {id} no longer parses ({status}: {error}); acknowledge it by its id to skip it",
        ko: "레코드 {id:을} 더 이상 해석할 수 없습니다({status}: {error}). 건너뛰려면 그 id로 확인(ack)하십시오";
    StoreCannotOpen {}
        en: "cannot open",
        ko: "열 수 없습니다";
    StoreCannotSetBusyTimeout {}
        en: "cannot set the busy timeout",
        ko: "대기 시간(busy timeout)을 설정할 수 없습니다";
    StoreNotSqlite {}
        en: "is not a SQLite database",
        ko: "SQLite 데이터베이스가 아닙니다";
    StoreCannotUseWal {}
        en: "cannot switch to WAL mode",
        ko: "WAL 모드로 바꿀 수 없습니다";
    StoreCannotSetDurability {}
        en: "cannot set durability",
        ko: "내구성(synchronous)을 설정할 수 없습니다";
    StoreCannotLockForSetup {}
        en: "cannot lock for setup",
        ko: "설정하려고 잠글 수 없습니다";
    StoreCannotReadVersion {}
        en: "cannot read its version",
        ko: "버전을 읽을 수 없습니다";
    StoreCannotReadSchema {}
        en: "cannot read its schema",
        ko: "스키마를 읽을 수 없습니다";
    StoreCannotMark {}
        en: "cannot mark it",
        ko: "표시할 수 없습니다";
    StoreCannotCreateTable {}
        en: "cannot create its table",
        ko: "테이블을 만들 수 없습니다";
    StoreCannotCommitSetup {}
        en: "cannot commit its setup",
        ko: "설정을 커밋할 수 없습니다";
    StoreCannotLockToTake {}
        en: "cannot lock to take a record",
        ko: "레코드를 가져오려고 잠글 수 없습니다";
    StoreCannotReadPending {}
        en: "cannot read the pending records",
        ko: "대기 중인 레코드를 읽을 수 없습니다";
    StoreCannotReserve {}
        en: "cannot reserve a record",
        ko: "레코드를 예약할 수 없습니다";
    StoreCannotCommitReservation {}
        en: "cannot commit a reservation",
        ko: "예약을 커밋할 수 없습니다";
    StoreCannotLockToAck {}
        en: "cannot lock to acknowledge",
        ko: "확인(ack)하려고 잠글 수 없습니다";
    StoreCannotReadRecord {}
        en: "cannot read the record",
        ko: "레코드를 읽을 수 없습니다";
    StoreCannotAck {}
        en: "cannot acknowledge",
        ko: "확인(ack)할 수 없습니다";
    StoreCannotCommitAck {}
        en: "cannot commit an acknowledgement",
        ko: "확인(ack)을 커밋할 수 없습니다";
    StoreCannotPurge {}
        en: "cannot purge",
        ko: "삭제(purge)할 수 없습니다";
    StoreCannotCount {}
        en: "cannot count",
        ko: "개수를 셀 수 없습니다";
    StoreCannotStore {}
        en: "cannot store the callback",
        ko: "콜백을 저장할 수 없습니다";
    StoreWriterStopped {}
        en: "the store writer has stopped (the receiver is stopping)",
        ko: "저장소 기록 스레드가 멈췄습니다(수신기가 멈추는 중입니다)";
    StoreWriterThread { cause: String }
        en: "cannot start the store writer thread: {cause}",
        ko: "저장소 기록 스레드를 시작할 수 없습니다: {cause}";
    RecordIdFormat { text: String }
        en: "record id {text} is not NUMBER.VERSION (e.g. 17.2)",
        ko: "레코드 id {text:은} 번호.버전 형식(예: 17.2)이 아닙니다";
    RecordIdNotStored { number: i64, version: i64 }
        en: "record id {number}.{version} is not a stored record's id",
        ko: "레코드 id {number}.{version:은} 저장된 레코드의 id가 아닙니다";
    /// RECORD_UNKNOWN.
    RecordNotInStore { id: String }
        en: "record {id} is not in the store (never received there, or purged after its acknowledgement)",
        ko: "레코드 {id:이} 저장소에 없습니다(받은 적이 없거나 확인 후 삭제되었습니다)";
    RecordNoVersion { number: i64, version: i64, newest: i64 }
        en: "record {number} has no version {version} (its newest is {newest})",
        ko: "레코드 {number}에는 버전 {version:이} 없습니다(최신 버전은 {newest}입니다)";
    LeaseZero {}
        en: "the lease must be at least 1 ms",
        ko: "임대(lease) 시간은 1ms 이상이어야 합니다";
    HostNotIp { text: String }
        en: "{text} is not an IP address; use 0.0.0.0 (or ::) for every interface, 127.0.0.1 for this machine only, or one of the machine's addresses",
        ko: "{text:은} IP 주소가 아닙니다. 모든 인터페이스는 0.0.0.0(또는 ::), 이 컴퓨터만은 127.0.0.1, 또는 이 컴퓨터의 주소 중 하나를 쓰십시오";
    UnknownReceiverOption { name: String, options: String }
        en: "unknown receiver option {name}; the options are {options}",
        ko: "알 수 없는 수신기 옵션 {name}입니다. 옵션은 {options}입니다";
    NoStore {}
        en: "no store: set the SQLite file to store callbacks in",
        ko: "저장소가 없습니다: 콜백을 저장할 SQLite 파일을 store로 설정하십시오";
    NoHost {}
        en: "no bind address: set host (0.0.0.0 for every interface, 127.0.0.1 for this machine only)",
        ko: "대기할 주소가 없습니다: host를 설정하십시오(모든 인터페이스는 0.0.0.0, 이 컴퓨터만은 127.0.0.1)";
    NoPort {}
        en: "no port: set port (0 picks a free one)",
        ko: "포트가 없습니다: port를 설정하십시오(0이면 빈 포트를 고릅니다)";
    NotBetween { value: usize, max: usize }
        en: "{value} is not between 1 and {max}",
        ko: "{value:은} 1과 {max} 사이가 아닙니다";
    TimeoutUnderOneMs {}
        en: "a timeout must be at least 1 ms",
        ko: "제한 시간은 1ms 이상이어야 합니다";
    NoConnections {}
        en: "at least 1 connection must be allowed",
        ko: "연결을 1개 이상 허용해야 합니다";
    TlsCertWithoutKey {}
        en: "tls_cert is set without tls_key: set both or neither",
        ko: "tls_key 없이 tls_cert만 설정되었습니다: 둘 다 설정하거나 둘 다 비우십시오";
    TlsKeyWithoutCert {}
        en: "tls_key is set without tls_cert: set both or neither",
        ko: "tls_cert 없이 tls_key만 설정되었습니다: 둘 다 설정하거나 둘 다 비우십시오";
    BadPath { path: String, why: Box<Message> }
        en: "path {path} {why}",
        ko: "경로 {path}: {why}";
    PathNotAbsolute {}
        en: "must start with /",
        ko: "/로 시작해야 합니다";
    PathQuery {}
        en: "must not contain a query (?) or fragment (#)",
        ko: "쿼리(?)나 프래그먼트(#)를 넣을 수 없습니다";
    PathNotAscii {}
        en: "must be visible ASCII characters only (percent-encode others)",
        ko: "보이는 ASCII 문자만 쓸 수 있습니다(다른 문자는 퍼센트 인코딩하십시오)";
    PathTooLong {}
        en: "is longer than 1024 characters",
        ko: "1024자보다 깁니다";
    NumberOutOfRange { name: String, value: String, min: u64, max: u64 }
        en: "{name} {value} is not a whole number from {min} to {max}",
        ko: "{name} {value:은} {min}부터 {max}까지의 정수가 아닙니다";
    OptionNotAddress { option: String, entry: String }
        en: "{option} {entry} is not an IPv4 or IPv6 address",
        ko: "{option}의 {entry:은} IPv4나 IPv6 주소가 아닙니다";
    ForwardedMalformed { why: Box<Message> }
        en: "the X-Forwarded-For header from a trusted proxy {why}",
        ko: "신뢰하는 프록시가 보낸 X-Forwarded-For 헤더: {why}";
    ForwardedNotAscii {}
        en: "is not ASCII text",
        ko: "ASCII 텍스트가 아닙니다";
    ForwardedNotIp { entry: String }
        en: "holds {entry}, which is not an IP address",
        ko: "IP 주소가 아닌 {entry:이} 들어 있습니다";
    LogFileUnopenable { path: String, cause: String }
        en: "log file {path}: cannot open for appending: {cause}",
        ko: "로그 파일 {path}: 이어 쓰기용으로 열 수 없습니다: {cause}";
    TlsFile { field: &'static str, path: String, why: Box<Message> }
        en: "{field} {path}: {why}",
        ko: "{field} 파일 {path}: {why}";
    TlsNotPem { cause: String }
        en: "is not valid PEM ({cause})",
        ko: "올바른 PEM이 아닙니다({cause})";
    TlsNoCertificate {}
        en: "holds no CERTIFICATE block (expected the PEM certificate chain, server first)",
        ko: "CERTIFICATE 블록이 없습니다(서버 인증서부터 시작하는 PEM 인증서 체인이어야 합니다)";
    TlsNoKey {}
        en: "holds no usable PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC)",
        ko: "쓸 수 있는 PEM 개인 키(PKCS#8, PKCS#1 RSA, SEC1 EC)가 없습니다";
    TlsKeyMismatch { cert: String, cause: String }
        en: "does not fit the certificate in {cert} ({cause})",
        ko: "{cert}의 인증서와 맞지 않습니다({cause})";
    TlsUnreadable { cause: String }
        en: "cannot be read ({cause})",
        ko: "읽을 수 없습니다({cause})";
    TlsSetup { cause: String }
        en: "TLS setup failed: {cause}",
        ko: "TLS 설정에 실패했습니다: {cause}";
    ReceiverThreads { cause: String }
        en: "cannot start the receiver's threads: {cause}",
        ko: "수신기 스레드를 시작할 수 없습니다: {cause}";
    StopInsideRuntime {}
        en: "Receiver::stop was called from inside an async runtime, where it cannot wait: the receiver was told to stop without waiting. Call stop from a plain thread (e.g. tokio::task::spawn_blocking)",
        ko: "Receiver::stop이 기다릴 수 없는 비동기 런타임 안에서 호출되어, 기다리지 않고 멈추라고만 알렸습니다. 일반 스레드에서 stop을 호출하십시오(예: tokio::task::spawn_blocking)";
    CannotListen { addr: String, cause: String }
        en: "cannot listen on {addr}: {cause}",
        ko: "{addr}에서 대기할 수 없습니다: {cause}";
    TlsHandshakeFailed { cause: String }
        en: "TLS handshake failed: {cause}",
        ko: "TLS 핸드셰이크에 실패했습니다: {cause}";
    TlsHandshakeTimeout { ms: u64 }
        en: "TLS handshake did not finish within {ms} ms",
        ko: "TLS 핸드셰이크가 {ms}ms 안에 끝나지 않았습니다";
    HeadersTimeout { ms: u64 }
        en: "connection closed: the request headers did not arrive within {ms} ms",
        ko: "연결을 닫았습니다: 요청 헤더가 {ms}ms 안에 도착하지 않았습니다";
    ConnectionClosed { cause: String }
        en: "connection closed: {cause}",
        ko: "연결이 닫혔습니다: {cause}";
    SourceNotAllowed { source: String }
        en: "source address {source} may not deliver SmartBill callbacks",
        ko: "발신 주소 {source}에서는 스마트빌 콜백을 보낼 수 없습니다";
    NoSuchPath {}
        en: "no such path",
        ko: "그런 경로가 없습니다";
    OnlyPost {}
        en: "only POST is accepted",
        ko: "POST만 받습니다";
    BodyTimeout { ms: u64 }
        en: "the body did not arrive within {ms} ms",
        ko: "본문이 {ms}ms 안에 도착하지 않았습니다";
    BodyUnreadable { cause: String }
        en: "the body could not be read: {cause}",
        ko: "본문을 읽을 수 없습니다: {cause}";
    CallbackTooLargeDeclared { length: u64, limit: usize }
        en: "the callback body is {length} bytes (Content-Length), more than the limit of {limit} bytes",
        ko: "콜백 본문이 {length}바이트(Content-Length)로 한도 {limit}바이트보다 큽니다";
    CallbackTooLargeRead { limit: usize }
        en: "the callback body is more than the limit of {limit} bytes (reading stopped there)",
        ko: "콜백 본문이 한도 {limit}바이트보다 큽니다(거기서 읽기를 멈췄습니다)";
    /// A callback the receiver stored, by its public keys.
    CallbackReceived { sbid: String, regno: String, what: Box<Message> }
        en: "USER_SBID {sbid}, COM_REGNO {regno}: {what}",
        ko: "USER_SBID {sbid}, COM_REGNO {regno}의 콜백: {what}";
    StoredNew { id: String }
        en: "stored as record {id}",
        ko: "레코드 {id:으로} 저장했습니다";
    StoredNewVersion { id: String }
        en: "stored as record {id} (new content)",
        ko: "레코드 {id:으로} 저장했습니다(새 내용)";
    StoredUnchanged { id: String }
        en: "identical to record {id}, unchanged",
        ko: "레코드 {id:과} 같아 바꾸지 않았습니다";

    // ---- The command-line tool's verdicts on a line of a file ----

    CliLineTooLong { max: usize }
        en: "the line is longer than {max} bytes: not a record, not read",
        ko: "줄이 {max}바이트보다 길어 레코드가 아니므로 읽지 않았습니다";
    CliMissingColumn { columns: usize, position: Box<Message> }
        en: "the line has {columns} columns, so {position} is missing",
        ko: "줄의 열이 {columns}개뿐이어서 {position:이} 없습니다";
    CliOnlyOneColumn { position: Box<Message> }
        en: "the line has 1 column, so {position} is missing",
        ko: "줄의 열이 1개뿐이어서 {position:이} 없습니다";
    CliShortRecord { record_len: usize, position: Box<Message> }
        en: "the record is {record_len} bytes long, so {position} is missing",
        ko: "레코드가 {record_len}바이트여서 {position:이} 없습니다";
    CliColumn { column: usize }
        en: "column {column}",
        ko: "{column}번째 열";
    CliFixedField { start: usize, end: usize }
        en: "the field at bytes {start}-{end}",
        ko: "{start}-{end}번째 바이트의 필드";
    CliTheNumber {}
        en: "the number",
        ko: "번호";
    CliInInput { error: Box<Message>, input: String }
        en: "{error} in \"{input}\"",
        ko: "{error} (입력 \"{input}\")";

    // ---- The command-line tool's own sentences (crates/cli) ----

    CliInternalError { cause: String, place: String }
        en: "internal error (a bug in smartbill-signup, please report it): {cause}{place}",
        ko: "내부 오류입니다(smartbill-signup의 버그이니 알려 주십시오): {cause}{place}";
    CliCannotWrite { cause: String }
        en: "cannot write the output: {cause}",
        ko: "출력을 쓸 수 없습니다: {cause}";
    CliCannotRead { name: String, cause: String }
        en: "cannot read {name}: {cause}",
        ko: "{name:을} 읽을 수 없습니다: {cause}";
    CliIsDirectory { name: String }
        en: "cannot read {name}: it is a directory",
        ko: "{name:은} 디렉터리여서 읽을 수 없습니다";
    CliCannotWriteFile { name: String, cause: String }
        en: "cannot write {name}: {cause}",
        ko: "{name}에 쓸 수 없습니다: {cause}";
    CliStdin {}
        en: "stdin",
        ko: "표준 입력";
    CliReadingTerminal {}
        en: "reading business numbers from the terminal, one per line; end with Ctrl-D (Ctrl-Z then Enter on Windows)",
        ko: "터미널에서 사업자등록번호를 한 줄에 하나씩 읽습니다. 끝내려면 Ctrl-D(Windows에서는 Ctrl-Z 다음 Enter)를 누르십시오";
    CliCheckedOneLine {}
        en: "checked 1 line",
        ko: "1줄을 검사했습니다";
    CliCheckedLines { lines: u64 }
        en: "checked {lines} lines",
        ko: "{lines}줄을 검사했습니다";
    CliStatusCount { status: &'static str, count: u64 }
        en: "{count} {status}",
        ko: "{status} {count}건";
    CliHeaderNotCounted { line: u64 }
        en: "line {line} is a header row, not counted",
        ko: "{line}번째 줄은 머리글 행이어서 세지 않았습니다";
    CliProbeBadTarget { given: String }
        en: "probe: {given} is not demo, production or an http(s) URL",
        ko: "probe: {given:은} demo, production 또는 http(s) URL이 아닙니다";
    CliRouteDirect {}
        en: "direct",
        ko: "직접 연결";
    CliRouteProxy { proxy: String }
        en: "through the proxy {proxy}",
        ko: "프록시 {proxy} 경유";
    CliRouteEnvironmentProxy { variable: &'static str }
        en: "through the proxy in {variable} unless NO_PROXY excludes the host",
        ko: "NO_PROXY가 호스트를 빼지 않으면 {variable}의 프록시 경유";
    CliStepOk {}
        en: "ok",
        ko: "정상";
    CliStepFailed {}
        en: "FAILED",
        ko: "실패";
    CliDnsIsAddress { ip: String }
        en: "{ip} is an address: no lookup",
        ko: "{ip:은} 주소이므로 조회하지 않았습니다";
    CliDnsNoAddress { host: String }
        en: "{host} has no address",
        ko: "{host}에 해당하는 주소가 없습니다";
    CliDnsFailed { host: String, cause: String }
        en: "{host} could not be resolved: {cause}",
        ko: "{host}의 주소를 조회할 수 없습니다: {cause}";
    CliDnsNoAnswer { host: String, wait: String }
        en: "no answer for {host} within {wait}",
        ko: "{wait} 안에 {host}의 주소 조회에 응답이 없습니다";
    CliConnectNoAnswer { address: String, wait: String }
        en: "no answer from {address} within {wait}",
        ko: "{wait} 안에 {address}에서 응답이 없습니다";
    CliConnectNoTimeLeft { wait: String }
        en: "no time left within {wait}",
        ko: "{wait} 안에 남은 시간이 없습니다";
    CliTlsVerified {}
        en: "handshake and certificate verified",
        ko: "핸드셰이크와 인증서를 확인했습니다";
    CliReachable { status: u16 }
        en: "reachable: the server answered HTTP {status}",
        ko: "연결됩니다: 서버가 HTTP {status} 응답을 보냈습니다";
    CliNotReachable { status: &'static str, advice: String }
        en: "NOT REACHABLE ({status}): {advice}",
        ko: "연결할 수 없습니다({status}): {advice}";
    CliReachableCount { reachable: usize, total: usize }
        en: "{reachable} of {total} reachable",
        ko: "{total}곳 중 {reachable}곳에 연결됩니다";
    CliCallbackSource { environment: &'static str, ip: String }
        en: "SmartBill's {environment} callbacks come from {ip}: allow inbound from it to your callback URL",
        ko: "스마트빌 {environment} 환경의 콜백은 {ip}에서 옵니다: 이 주소에서 콜백 URL로 들어오는 연결을 허용하십시오";
    CliNoCallbackSourceCustom {}
        en: "a custom base URL has no fixed callback source address",
        ko: "사용자 지정 기본 URL에는 고정된 콜백 출발지 주소가 없습니다";
    CliNoCallbackSourceOther {}
        en: "not a SmartBill environment: no callback source address",
        ko: "스마트빌 환경이 아니므로 콜백 출발지 주소가 없습니다";
    CliAdviceProxyConnect { at: String, port: u16 }
        en: "the proxy at {at} port {port} did not accept the connection: check the --proxy address, or ask whether this machine may reach the proxy",
        ko: "{at} 포트 {port}의 프록시가 연결을 받지 않았습니다: --proxy 주소를 확인하거나, 이 컴퓨터가 프록시에 연결할 수 있는지 문의하십시오";
    CliAdviceProxyDns { host: String }
        en: "the proxy could not resolve the host: ask whether it may reach {host}",
        ko: "프록시가 호스트 주소를 조회하지 못했습니다: 프록시가 {host}에 연결할 수 있는지 문의하십시오";
    CliAdviceDns { host: String }
        en: "{host} does not resolve from this machine: check its DNS servers or ask for DNS lookups to be allowed; if this network only reaches out through a proxy, give --proxy",
        ko: "이 컴퓨터에서 {host}의 주소를 조회할 수 없습니다: DNS 서버를 확인하거나 DNS 조회를 허용해 달라고 요청하십시오. 이 네트워크가 프록시를 거쳐서만 밖으로 나간다면 --proxy를 지정하십시오";
    CliAdviceBlocked { port: u16, at: String, host: String, wait: String }
        en: "outbound port {port} to {at} looks blocked (no answer within {wait}): ask for outbound TCP {port} to {host} to be opened",
        ko: "{at:으로} 나가는 {port}번 포트가 막힌 것으로 보입니다({wait} 안에 응답이 없습니다): {host:으로} 나가는 TCP {port}번 포트를 열어 달라고 요청하십시오";
    CliAdviceRefused { at: String, port: u16, host: String }
        en: "the connection to {at} port {port} was refused: a firewall rejects outbound port {port}, or nothing listens there; ask for outbound TCP {port} to {host} to be opened",
        ko: "{at} 포트 {port} 연결이 거부되었습니다: 방화벽이 나가는 {port}번 포트를 막거나 그곳에서 기다리는 서버가 없습니다. {host:으로} 나가는 TCP {port}번 포트를 열어 달라고 요청하십시오";
    CliAdviceNoHttpAnswer { wait: String }
        en: "connected, but no HTTP answer within {wait}: a filtering proxy or intrusion prevention system may be holding the request; try a longer --timeout, and ask whether HTTP traffic to the host is inspected",
        ko: "연결되었지만 {wait} 안에 HTTP 응답이 없습니다: 필터링 프록시나 침입 방지 시스템이 요청을 붙잡고 있을 수 있습니다. 더 긴 --timeout으로 다시 시도하고, 호스트로 가는 HTTP 트래픽을 검사하는지 문의하십시오";
    CliAdviceTls {}
        en: "the TLS handshake failed: a security appliance may intercept HTTPS with a certificate this machine does not trust, or the system clock is wrong",
        ko: "TLS 핸드셰이크가 실패했습니다: 보안 장비가 이 컴퓨터가 신뢰하지 않는 인증서로 HTTPS를 가로채고 있거나 시스템 시계가 틀렸을 수 있습니다";
    CliAdviceProxyFailed { variable: &'static str }
        en: "the proxy refused or failed the request: check --proxy, --proxy-user and {variable}",
        ko: "프록시가 요청을 거부했거나 처리하지 못했습니다: --proxy, --proxy-user와 {variable:을} 확인하십시오";
    CliAdviceProxyRefused {}
        en: "the proxy did not accept the connection: check the proxy address and port",
        ko: "프록시가 연결을 받지 않았습니다: 프록시 주소와 포트를 확인하십시오";
    CliAdviceConnectFailed { host: String, port: u16 }
        en: "the connection to {host} port {port} failed: ask for outbound TCP {port} to {host} to be opened",
        ko: "{host} 포트 {port} 연결이 실패했습니다: {host:으로} 나가는 TCP {port}번 포트를 열어 달라고 요청하십시오";
    CliAdviceProtocol {}
        en: "the connection broke off or the answer was not HTTP: something between here and the server (a proxy, a filter) interferes; ask the network team what handles this traffic",
        ko: "연결이 끊겼거나 응답이 HTTP가 아닙니다: 여기와 서버 사이의 무엇인가(프록시, 필터)가 끼어듭니다. 이 트래픽을 무엇이 처리하는지 네트워크 팀에 문의하십시오";
    CliSampleBody {}
        en: "the sample body",
        ko: "예시 본문";
    CliRefusedBody { status: &'static str, cause: String }
        en: "the library refuses this body ({status}: {cause}): a correct endpoint answers 4xx",
        ko: "라이브러리는 이 본문을 거부합니다({status}: {cause}): 올바른 엔드포인트는 4xx로 응답합니다";
    CliPosting { url: String, what: String, bytes: usize }
        en: "POST {url} ({what}, {bytes} bytes)",
        ko: "POST {url} ({what}, {bytes}바이트)";
    CliNote { note: String }
        en: "note: {note}",
        ko: "참고: {note}";
    CliHttpAnswer { status: u16, ms: u64, content_type: String }
        en: "HTTP {status} in {ms} ms ({content_type})",
        ko: "{ms} ms 만에 HTTP {status} 응답({content_type})";
    CliNoContentType {}
        en: "no Content-Type",
        ko: "Content-Type 헤더가 없습니다";
    CliNotAccepted {}
        en: "the endpoint did not accept the callback (not 2xx)",
        ko: "엔드포인트가 콜백을 받아들이지 않았습니다(2xx가 아닙니다)";
    CliUnknownKeyKept {}
        en: "a key the library does not know; kept",
        ko: "라이브러리가 모르는 키이며 그대로 두었습니다";
    CliEmptyValue {}
        en: "(empty)",
        ko: "(비어 있음)";
    CliRedacted { chars: usize }
        en: "<redacted, {chars} chars>",
        ko: "<가려짐, {chars}자>";
    CliComRegnoValid {}
        en: "COM_REGNO is a valid business number",
        ko: "COM_REGNO는 올바른 사업자등록번호입니다";
    CliComRegnoInvalid { status: &'static str }
        en: "COM_REGNO fails the business-number check ({status}): store the callback and flag it",
        ko: "COM_REGNO가 사업자등록번호 검사를 통과하지 못했습니다({status}): 콜백을 저장하고 표시해 두십시오";
    CliNotAnAddress { text: String }
        en: "{text} is not an IPv4 or IPv6 address",
        ko: "{text:은} IPv4 또는 IPv6 주소가 아닙니다";
    CliSourceAllowed { address: String, environment: &'static str, list: String }
        en: "allowed: {address} for {environment} callbacks (allowed: {list})",
        ko: "{environment} 콜백의 출발지 {address}: 허용됩니다(허용 주소: {list})";
    CliSourceNotAllowed { address: String, environment: &'static str, list: String }
        en: "NOT allowed: {address} for {environment} callbacks (allowed: {list})",
        ko: "{environment} 콜백의 출발지 {address}: 허용되지 않습니다(허용 주소: {list})";
    CliNoAddresses {}
        en: "none",
        ko: "비어 있음";
    CliProxyUserNeedsProxy {}
        en: "--proxy-user needs --proxy with the proxy's URL",
        ko: "--proxy-user에는 프록시 URL을 준 --proxy가 필요합니다";
    CliNotValidText { variable: &'static str }
        en: "{variable} is not valid text",
        ko: "{variable:은} 올바른 텍스트가 아닙니다";
    CliSetPassword { user: String, variable: &'static str }
        en: "--proxy-user {user}: set {variable} to the password (it is never taken from the command line)",
        ko: "--proxy-user {user}: 암호를 {variable}에 설정하십시오(명령줄에서는 받지 않습니다)";
    CliPasswordPrompt { user: String }
        en: "password for proxy user {user}: ",
        ko: "프록시 사용자 {user}의 암호: ";
    CliCannotReadPassword { cause: String }
        en: "cannot read the proxy password: {cause}",
        ko: "프록시 암호를 읽을 수 없습니다: {cause}";
    CliNotSeconds { text: String }
        en: "{text} is not a number of seconds",
        ko: "{text:은} 초 단위의 숫자가 아닙니다";
    CliTimeNotPositive { text: String }
        en: "{text}: the time must be more than 0 seconds",
        ko: "{text}: 시간은 0초보다 길어야 합니다";
    CliTimeTooLong { text: String, max: u64 }
        en: "{text}: at most {max} seconds",
        ko: "{text}: 최대 {max}초까지입니다";
    CliEucKrNotForTerminal {}
        en: "an EUC-KR page is not for the terminal: give --out FILE or redirect stdout",
        ko: "EUC-KR 페이지는 터미널에 쓰지 않습니다: --out FILE을 주거나 표준 출력을 리디렉션하십시오";
    CliNotJson { name: String, cause: String }
        en: "{name} is not valid JSON: {cause}",
        ko: "{name:은} 올바른 JSON이 아닙니다: {cause}";
    CliNotJsonObject { name: String }
        en: "{name} must hold one JSON object of parameter names and values",
        ko: "{name}에는 매개변수 이름과 값으로 된 JSON 객체 하나가 있어야 합니다";
    CliJsonBool {}
        en: "true or false",
        ko: "true 또는 false";
    CliJsonArray {}
        en: "an array",
        ko: "배열";
    CliJsonObject {}
        en: "an object",
        ko: "객체";
    CliJsonValueNotText { name: String, key: String, kind: Box<Message> }
        en: "{name}: the value of {key} is {kind}, not text",
        ko: "{name}: {key}의 값이 텍스트가 아니라 {kind}입니다";
    CliRequired {}
        en: "required; ",
        ko: "필수 항목, ";
    CliFieldHint { field: String, required: Option<Box<Message>>, rule: Box<Message>, max: usize }
        en: "{field}: {required}{rule}; at most {max} CP949 bytes (a Hangul syllable counts 2)",
        ko: "{field}: {required}{rule}. CP949로 최대 {max}바이트입니다(한글 한 글자는 2바이트입니다)";
    CliRuleText {}
        en: "text CP949 can hold, on one line",
        ko: "CP949로 나타낼 수 있는 한 줄 텍스트";
    CliRuleBusinessNumber {}
        en: "a valid business number, dashes allowed; sent as its 10 digits (brn_check=digits accepts any 10 digits)",
        ko: "올바른 사업자등록번호(- 포함 가능, 10자리 숫자로 보냄; brn_check=digits이면 아무 10자리 숫자)";
    CliRuleZipCode {}
        en: "5 digits",
        ko: "숫자 5자리";
    CliRulePhone {}
        en: "digits and dashes, e.g. 02-1111-1111",
        ko: "숫자와 -(예: 02-1111-1111)";
    CliRuleEmail {}
        en: "a plausible e-mail address",
        ko: "그럴듯한 이메일 주소";
    CliRuleYesNo {}
        en: "Y or N",
        ko: "Y 또는 N";
    CliCannotListen { cause: String }
        en: "cannot listen on 127.0.0.1: {cause}",
        ko: "127.0.0.1에서 연결을 기다릴 수 없습니다: {cause}";
    CliServingPage { url: String, wait: String }
        en: "serving the page once at {url} (for up to {wait}); opening the browser",
        ko: "{url}에서 페이지를 한 번 제공합니다(최대 {wait}). 브라우저를 엽니다";
    CliNoBrowser { cause: String, url: String }
        en: "could not open a browser ({cause}): open {url} yourself",
        ko: "브라우저를 열 수 없습니다({cause}): {url:을} 직접 여십시오";
    CliPageDelivered {}
        en: "the browser has the page; nothing was written to disk",
        ko: "브라우저가 페이지를 받았습니다. 디스크에는 아무것도 쓰지 않았습니다";
    CliPageNotFetched {}
        en: "no browser fetched the page in time; stopped, nothing was written to disk",
        ko: "제시간에 페이지를 가져간 브라우저가 없어 멈췄습니다. 디스크에는 아무것도 쓰지 않았습니다";
    CliServingFailed { cause: String }
        en: "serving the page failed: {cause}",
        ko: "페이지를 제공하지 못했습니다: {cause}";
    CliCannotStart { status: &'static str, cause: String }
        en: "cannot start: {status}: {cause}",
        ko: "시작할 수 없습니다: {status}: {cause}";
    CliStopping { status: &'static str, cause: String }
        en: "stopping: {status}: {cause}",
        ko: "멈추는 중 오류: {status}: {cause}";
    CliReceiverStopped { printed: usize }
        en: "{printed} callback(s) printed; the receiver stopped",
        ko: "콜백 {printed}건을 출력했고 수신기가 멈췄습니다";
    CliListenAddress { listen: String }
        en: "--listen {listen}: write ADDRESS:PORT, e.g. 0.0.0.0:8080 (every interface) or 127.0.0.1:0 (this machine, a free port)",
        ko: "--listen {listen}: ADDRESS:PORT 형식으로 쓰십시오(예: 모든 인터페이스는 0.0.0.0:8080, 이 컴퓨터의 빈 포트는 127.0.0.1:0)";
    CliRegisterUrl { port: u16, source: String }
        en: "register that URL with SmartBill and allow inbound TCP port {port} from {source}",
        ko: "이 URL을 스마트빌에 등록하고 {source}에서 들어오는 TCP {port}번 포트를 허용하십시오";
    CliStoreFailed { status: &'static str, cause: String }
        en: "the store: {status}: {cause}",
        ko: "저장소 오류: {status}: {cause}";
    CliAckFailed { id: String, cause: String }
        en: "acknowledging {id}: {cause}",
        ko: "{id} 확인 처리 중 오류: {cause}";
    CliRecordAcknowledged { id: String, peer: String, received: String }
        en: "record {id} from {peer} at {received} (acknowledged)",
        ko: "레코드 {id}: {peer}에서 {received}에 받음(확인 처리됨)";
    CliRecordLeft { id: String, peer: String, received: String }
        en: "record {id} from {peer} at {received} (left for the ERP)",
        ko: "레코드 {id}: {peer}에서 {received}에 받음(ERP가 가져가도록 남겨 둠)";
}
