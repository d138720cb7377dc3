// The status table: the one list of status codes, their stable numbers and
// their meaning in English and Korean (a one-line description for an ERP's
// screen, `smartbill_status_description`). `src/status.rs` turns it into the `Status` enum; `build.rs`
// turns it into the header's `#define`s and the COBOL copybook. A number is
// never reused: retire a status by keeping its line.
//
// (Variant, number, name, meaning, meaning in Korean)
status_table! {
    (Ok, 0, "OK", "Success.", "성공했습니다."),
    (Internal, 1, "INTERNAL", "A bug in the library (a caught panic); the message says where.", "라이브러리 내부 오류(버그)입니다. 메시지에 위치가 나옵니다."),
    (NullArgument, 2, "NULL_ARGUMENT", "A required pointer argument was NULL.", "필수 포인터 인수가 NULL입니다."),
    (InvalidArgument, 3, "INVALID_ARGUMENT", "An argument is not one the function accepts (unknown name, bad option, bad URL).", "함수가 받지 않는 인수입니다(알 수 없는 이름, 잘못된 옵션, 잘못된 URL)."),
    (BufferTooSmall, 4, "BUFFER_TOO_SMALL", "The output buffer is too small; nothing was written and *out_len holds the size needed.", "출력 버퍼가 너무 작습니다. 아무것도 쓰지 않았으며 필요한 크기는 *out_len에 있습니다."),
    (InvalidText, 5, "INVALID_TEXT", "Text is not valid in its declared encoding (UTF-8 or CP949).", "텍스트가 선언된 인코딩(UTF-8 또는 CP949)으로 올바르지 않습니다."),
    (Unencodable, 6, "UNENCODABLE", "Output text holds a character the requested encoding (CP949) cannot represent.", "출력 텍스트에 요청한 인코딩(CP949)으로 나타낼 수 없는 문자가 있습니다."),
    (BrnFormat, 10, "BRN_FORMAT", "A business number holds a character other than ASCII digits, spaces and dashes.", "사업자등록번호에 숫자, 공백, 대시(-)가 아닌 문자가 있습니다."),
    (BrnLength, 11, "BRN_LENGTH", "A business number does not have 10 digits.", "사업자등록번호가 10자리가 아닙니다."),
    (BrnComponent, 12, "BRN_COMPONENT", "A business number has an impossible part: office code below 101, type code 00 or serial 0000.", "사업자등록번호에 있을 수 없는 부분이 있습니다: 세무서 코드가 101보다 작거나, 구분 코드가 00이거나, 일련번호가 0000입니다."),
    (BrnChecksum, 13, "BRN_CHECKSUM", "A business number's check digit is wrong.", "사업자등록번호의 검증번호가 맞지 않습니다."),
    (FieldRequired, 20, "FIELD_REQUIRED", "A required signup parameter is missing or blank.", "필수 가입 파라미터가 없거나 비어 있습니다."),
    (FieldTooLong, 21, "FIELD_TOO_LONG", "A signup parameter is longer than its limit, counted in CP949 bytes.", "가입 파라미터가 CP949 바이트로 센 한도보다 깁니다."),
    (FieldFormat, 22, "FIELD_FORMAT", "A signup parameter breaks its rule (business number, zip code, phone, e-mail, Y/N).", "가입 파라미터가 규칙(사업자등록번호, 우편번호, 전화번호, 이메일, Y/N)에 맞지 않습니다."),
    (FieldUnencodable, 23, "FIELD_UNENCODABLE", "A signup parameter holds a character that CP949 cannot represent.", "가입 파라미터에 CP949로 나타낼 수 없는 문자가 있습니다."),
    (CallbackJson, 30, "CALLBACK_JSON", "The callback body is not well-formed JSON (or is empty).", "콜백 본문이 올바른 JSON이 아닙니다(또는 비어 있습니다)."),
    (CallbackShape, 31, "CALLBACK_SHAPE", "The callback JSON is not an object of string values, or repeats a key.", "콜백 JSON이 문자열 값의 객체가 아니거나 키가 반복됩니다."),
    (CallbackMissing, 32, "CALLBACK_MISSING", "A required callback key is absent, null or blank.", "콜백의 필수 키가 없거나 null이거나 비어 있습니다."),
    (CallbackTooLarge, 33, "CALLBACK_TOO_LARGE", "The callback body is larger than the configured limit.", "콜백 본문이 설정된 한도보다 큽니다."),
    (HttpConnect, 40, "HTTP_CONNECT", "The connection was refused or the host is unreachable.", "연결이 거부되었거나 호스트에 닿을 수 없습니다."),
    (HttpDns, 41, "HTTP_DNS", "The host name could not be resolved.", "호스트 이름을 찾을 수 없습니다(DNS)."),
    (HttpTimeout, 42, "HTTP_TIMEOUT", "The request did not complete within the timeout.", "요청이 제한 시간 안에 끝나지 않았습니다."),
    (HttpTls, 43, "HTTP_TLS", "The TLS handshake or certificate check failed.", "TLS 핸드셰이크나 인증서 검사에 실패했습니다."),
    (HttpProxy, 44, "HTTP_PROXY", "The proxy refused or failed the request.", "프록시가 요청을 거부했거나 처리하지 못했습니다."),
    (HttpStatus, 45, "HTTP_STATUS", "The server answered with a non-2xx status and the caller asked for that to be an error.", "서버가 2xx가 아닌 상태로 응답했고 호출자가 이를 오류로 요청했습니다."),
    (HttpProtocol, 46, "HTTP_PROTOCOL", "The connection broke or the server's answer was not valid HTTP.", "연결이 끊어졌거나 서버의 응답이 올바른 HTTP가 아닙니다."),
    (HttpTooLarge, 47, "HTTP_TOO_LARGE", "The response body exceeded the library's read limit.", "응답 본문이 라이브러리의 읽기 한도를 넘었습니다."),
    (ReceiverBind, 50, "RECEIVER_BIND", "The callback receiver could not listen on the address and port (in use, not an address of this machine, or not permitted).", "콜백 수신기가 주소와 포트에서 대기할 수 없습니다(사용 중이거나, 이 컴퓨터의 주소가 아니거나, 권한이 없습니다)."),
    (ReceiverTls, 51, "RECEIVER_TLS", "The callback receiver's TLS certificate or key file is missing, unreadable or invalid.", "콜백 수신기의 TLS 인증서나 키 파일이 없거나, 읽을 수 없거나, 올바르지 않습니다."),
    (Store, 52, "STORE", "The callback store could not be opened, read or written (SQLite error, disk full, locked too long, not owner-only, not a callback store).", "콜백 저장소를 열거나 읽거나 쓸 수 없습니다(SQLite 오류, 디스크 가득 참, 잠금 시간 초과, 소유자 전용이 아님, 콜백 저장소가 아님)."),
    (StoreNetworkPath, 53, "STORE_NETWORK_PATH", "The callback store is on a network share, where SQLite's WAL is unsafe; put it on a local disk.", "콜백 저장소가 네트워크 공유에 있어 SQLite의 WAL을 안전하게 쓸 수 없습니다. 로컬 디스크에 두십시오."),
    (RecordUnknown, 54, "RECORD_UNKNOWN", "The acknowledged record is not in the store (never received, or purged after its acknowledgement).", "확인(ack)한 레코드가 저장소에 없습니다(받은 적이 없거나, 확인 후 삭제되었습니다)."),
}
