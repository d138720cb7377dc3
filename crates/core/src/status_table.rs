// The status table: the one list of status codes, their stable numbers and
// their meaning. `src/status.rs` turns it into the `Status` enum; `build.rs`
// turns it into the header's `#define`s and the COBOL copybook. A number is
// never reused: retire a status by keeping its line.
//
// (Variant, number, name, meaning)
status_table! {
    (Ok, 0, "OK", "Success."),
    (Internal, 1, "INTERNAL", "A bug in the library (a caught panic); the message says where."),
    (NullArgument, 2, "NULL_ARGUMENT", "A required pointer argument was NULL."),
    (InvalidArgument, 3, "INVALID_ARGUMENT", "An argument is not one the function accepts (unknown name, bad option, bad URL)."),
    (BufferTooSmall, 4, "BUFFER_TOO_SMALL", "The output buffer is too small; nothing was written and *out_len holds the size needed."),
    (InvalidText, 5, "INVALID_TEXT", "Text is not valid in its declared encoding (UTF-8 or CP949)."),
    (Unencodable, 6, "UNENCODABLE", "Output text holds a character the requested encoding (CP949) cannot represent."),
    (BrnFormat, 10, "BRN_FORMAT", "A business number holds a character other than ASCII digits, spaces and dashes."),
    (BrnLength, 11, "BRN_LENGTH", "A business number does not have 10 digits."),
    (BrnComponent, 12, "BRN_COMPONENT", "A business number has an impossible part: office code below 101, type code 00 or serial 0000."),
    (BrnChecksum, 13, "BRN_CHECKSUM", "A business number's check digit is wrong."),
    (FieldRequired, 20, "FIELD_REQUIRED", "A required signup parameter is missing or blank."),
    (FieldTooLong, 21, "FIELD_TOO_LONG", "A signup parameter is longer than its limit, counted in CP949 bytes."),
    (FieldFormat, 22, "FIELD_FORMAT", "A signup parameter breaks its rule (business number, zip code, phone, e-mail, Y/N)."),
    (FieldUnencodable, 23, "FIELD_UNENCODABLE", "A signup parameter holds a character that CP949 cannot represent."),
    (CallbackJson, 30, "CALLBACK_JSON", "The callback body is not well-formed JSON (or is empty)."),
    (CallbackShape, 31, "CALLBACK_SHAPE", "The callback JSON is not an object of string values, or repeats a key."),
    (CallbackMissing, 32, "CALLBACK_MISSING", "A required callback key is absent, null or blank."),
    (CallbackTooLarge, 33, "CALLBACK_TOO_LARGE", "The callback body is larger than the configured limit."),
    (HttpConnect, 40, "HTTP_CONNECT", "The connection was refused or the host is unreachable."),
    (HttpDns, 41, "HTTP_DNS", "The host name could not be resolved."),
    (HttpTimeout, 42, "HTTP_TIMEOUT", "The request did not complete within the timeout."),
    (HttpTls, 43, "HTTP_TLS", "The TLS handshake or certificate check failed."),
    (HttpProxy, 44, "HTTP_PROXY", "The proxy refused or failed the request."),
    (HttpStatus, 45, "HTTP_STATUS", "The server answered with a non-2xx status and the caller asked for that to be an error."),
    (HttpProtocol, 46, "HTTP_PROTOCOL", "The connection broke or the server's answer was not valid HTTP."),
    (HttpTooLarge, 47, "HTTP_TOO_LARGE", "The response body exceeded the library's read limit."),
    (ReceiverBind, 50, "RECEIVER_BIND", "The callback receiver could not listen on the address and port (in use, not an address of this machine, or not permitted)."),
    (ReceiverTls, 51, "RECEIVER_TLS", "The callback receiver's TLS certificate or key file is missing, unreadable or invalid."),
    (Store, 52, "STORE", "The callback store could not be opened, read or written (SQLite error, disk full, locked too long, not owner-only, not a callback store)."),
    (StoreNetworkPath, 53, "STORE_NETWORK_PATH", "The callback store is on a network share, where SQLite's WAL is unsafe; put it on a local disk."),
    (RecordUnknown, 54, "RECORD_UNKNOWN", "The acknowledged record is not in the store (never received, or purged after its acknowledgement)."),
}
