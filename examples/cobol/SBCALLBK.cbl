       IDENTIFICATION DIVISION.
       PROGRAM-ID. SBCALLBK.
      *=================================================================
      * Step 3 of the vendor batch: takes the body SmartBill POSTed to
      * the ERP's callback URL (saved to a file by the web tier), parses
      * it, and moves each field into the copybook's SB-CALLBACK record:
      * CP949, space-padded PIC X(n), a double-byte character never
      * split. A value too long for its field, or holding a character
      * CP949 lacks, is left blank and reported, never cut or mangled.
      *
      * Files (GnuCOBOL maps each name to the path in DD_<name>):
      *   CBBODY  in   the raw body (bytes; UTF-8 JSON)
      *   CBRPT   out  one line per field, CP949; secrets shortened
      *   CBREC   out  the SB-CALLBACK record (bytes), for the ERP's
      *                own tables
      * RETURN-CODE: 0 every field stored, 4 some not stored, 8 body
      * refused (the report says why), 16 cannot run.
      *=================================================================
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT REPORT-FILE ASSIGN TO "CBRPT"
               ORGANIZATION IS LINE SEQUENTIAL
               FILE STATUS IS WS-REPORT-FS.
       DATA DIVISION.
       FILE SECTION.
       FD  REPORT-FILE.
       01  REPORT-LINE                  PIC X(640).
       WORKING-STORAGE SECTION.
       COPY SMARTBILL.
       01  WS-REPORT-FS                 PIC XX.
       01  WS-ABI                       USAGE BINARY-LONG UNSIGNED.
       01  WS-I                         USAGE BINARY-LONG.
       01  WS-PRESENT                   USAGE BINARY-LONG.
       01  WS-VALID                     USAGE BINARY-LONG.
       01  WS-NOT-STORED                USAGE BINARY-LONG VALUE 0.
       01  WS-OFFSET                    USAGE BINARY-LONG.
       01  WS-WIDTH                     USAGE BINARY-LONG.
       01  WS-VALUE-LEN                 USAGE BINARY-LONG.
       01  WS-SHOW-NUMBER               PIC Z(8)9.
       01  WS-SHOW-WIDTH                PIC ZZZ9.
       01  WS-RESULT                    PIC X(560).
      * The body; SmartBill's are a few hundred bytes.
       01  WS-BODY                      PIC X(65536).
      * Byte-stream file routines (CBL_OPEN_FILE and friends).
       01  WS-BODY-FILE                 PIC X(6) VALUE "CBBODY".
       01  WS-RECORD-FILE               PIC X(5) VALUE "CBREC".
       01  WS-FILE-HANDLE               PIC X(4).
       01  WS-FILE-ACCESS               USAGE BINARY-CHAR UNSIGNED.
       01  WS-FILE-DENY                 USAGE BINARY-CHAR UNSIGNED.
       01  WS-FILE-DEVICE               USAGE BINARY-CHAR UNSIGNED.
       01  WS-FILE-FLAGS                USAGE BINARY-CHAR UNSIGNED.
       01  WS-FILE-OFFSET               PIC X(8) COMP-X.
       01  WS-FILE-COUNT                PIC X(4) COMP-X.
       01  WS-FILE-RESULT               USAGE BINARY-LONG.

       PROCEDURE DIVISION.
       MAIN.
           PERFORM CHECK-LIBRARY
           PERFORM READ-BODY
           OPEN OUTPUT REPORT-FILE
           MOVE SPACES TO REPORT-LINE
           MOVE SB-TEXT-LEN TO WS-SHOW-NUMBER
           STRING "SMARTBILL CALLBACK: " FUNCTION TRIM(WS-SHOW-NUMBER)
                  " BYTES"
               DELIMITED BY SIZE INTO REPORT-LINE
           WRITE REPORT-LINE
      * SB-TEXT-LEN holds the body's length; SB-MAX-BYTES 0 means the
      * library's default limit (64 KiB).
           MOVE 0 TO SB-MAX-BYTES
           CALL "smartbill_callback_parse" USING
               BY REFERENCE WS-BODY
               BY VALUE SIZE AUTO SB-TEXT-LEN SB-MAX-BYTES
               BY REFERENCE SB-CALLBACK-HANDLE
               RETURNING SB-STATUS
           IF SB-STATUS NOT = SMARTBILL-OK
               PERFORM READ-LAST-ERROR
               MOVE SPACES TO REPORT-LINE
               STRING "REFUSED " DELIMITED BY SIZE
                      SB-ERROR-NAME DELIMITED BY SPACE
                      ": " SB-ERROR-MESSAGE DELIMITED BY SIZE
                   INTO REPORT-LINE
               WRITE REPORT-LINE
               CLOSE REPORT-FILE
               MOVE 8 TO RETURN-CODE
               STOP RUN
           END-IF
           MOVE SPACES TO SB-CALLBACK
           PERFORM STORE-FIELD
               VARYING WS-I FROM 1 BY 1
               UNTIL WS-I > SB-CALLBACK-KEY-COUNT
           PERFORM REPORT-COM-REGNO
           CALL "smartbill_callback_free" USING
               BY VALUE SB-CALLBACK-HANDLE
               RETURNING OMITTED
           PERFORM WRITE-RECORD
           MOVE SPACES TO REPORT-LINE
           MOVE WS-NOT-STORED TO WS-SHOW-NUMBER
           STRING "FIELDS NOT STORED: " FUNCTION TRIM(WS-SHOW-NUMBER)
               DELIMITED BY SIZE INTO REPORT-LINE
           WRITE REPORT-LINE
           CLOSE REPORT-FILE
           IF WS-NOT-STORED > 0
               MOVE 4 TO RETURN-CODE
           ELSE
               MOVE 0 TO RETURN-CODE
           END-IF
           STOP RUN.

       CHECK-LIBRARY.
           CALL "smartbill_abi_version" RETURNING WS-ABI
           IF WS-ABI NOT = SMARTBILL-ABI-VERSION
               DISPLAY "SBCALLBK: library ABI " WS-ABI
                       ", copybook " SMARTBILL-ABI-VERSION
               MOVE 16 TO RETURN-CODE
               STOP RUN
           END-IF.

      * The whole file into WS-BODY, its length into SB-TEXT-LEN. Flag
      * 128 asks CBL_READ_FILE for the file's size.
       READ-BODY.
           MOVE 1 TO WS-FILE-ACCESS
           MOVE 0 TO WS-FILE-DENY WS-FILE-DEVICE
           CALL "CBL_OPEN_FILE" USING WS-BODY-FILE WS-FILE-ACCESS
               WS-FILE-DENY WS-FILE-DEVICE WS-FILE-HANDLE
               RETURNING WS-FILE-RESULT
           IF WS-FILE-RESULT NOT = 0
               DISPLAY "SBCALLBK: cannot open CBBODY"
               MOVE 16 TO RETURN-CODE
               STOP RUN
           END-IF
           MOVE 128 TO WS-FILE-FLAGS
           MOVE 0 TO WS-FILE-OFFSET WS-FILE-COUNT
           CALL "CBL_READ_FILE" USING WS-FILE-HANDLE WS-FILE-OFFSET
               WS-FILE-COUNT WS-FILE-FLAGS WS-BODY
               RETURNING WS-FILE-RESULT
           IF WS-FILE-OFFSET > LENGTH OF WS-BODY
               DISPLAY "SBCALLBK: CBBODY is larger than WS-BODY"
               MOVE 16 TO RETURN-CODE
               STOP RUN
           END-IF
           MOVE WS-FILE-OFFSET TO WS-FILE-COUNT SB-TEXT-LEN
           MOVE 0 TO WS-FILE-OFFSET WS-FILE-FLAGS
           IF WS-FILE-COUNT > 0
               CALL "CBL_READ_FILE" USING WS-FILE-HANDLE
                   WS-FILE-OFFSET WS-FILE-COUNT WS-FILE-FLAGS WS-BODY
                   RETURNING WS-FILE-RESULT
           END-IF
           CALL "CBL_CLOSE_FILE" USING WS-FILE-HANDLE
               RETURNING OMITTED
           IF WS-FILE-RESULT NOT = 0
               DISPLAY "SBCALLBK: cannot read CBBODY"
               MOVE 16 TO RETURN-CODE
               STOP RUN
           END-IF.

      * Key WS-I of SB-CALLBACK-KEY into its field of SB-CALLBACK, as
      * CP949 padded with spaces; one report line.
       STORE-FIELD.
           MOVE SB-CALLBACK-KEY-NAME(WS-I) TO SB-NAME
           MOVE LENGTH OF SB-NAME TO SB-NAME-LEN
           MOVE SB-CALLBACK-KEY-OFFSET(WS-I) TO WS-OFFSET
           MOVE SB-CALLBACK-KEY-WIDTH(WS-I) TO WS-WIDTH SB-CAP
           MOVE SPACES TO WS-RESULT
           MOVE SMARTBILL-TEXT-CP949 TO SB-FLAGS
           CALL "smartbill_callback_has" USING
               BY VALUE SB-CALLBACK-HANDLE
               BY REFERENCE SB-NAME
               BY VALUE SIZE AUTO SB-NAME-LEN
               BY VALUE SB-FLAGS
               BY REFERENCE WS-PRESENT
               RETURNING SB-STATUS
           IF WS-PRESENT = 0
               MOVE "ABSENT" TO WS-RESULT
           ELSE
               COMPUTE SB-FLAGS =
                   SMARTBILL-TEXT-CP949 + SMARTBILL-TEXT-PAD
               CALL "smartbill_callback_get" USING
                   BY VALUE SB-CALLBACK-HANDLE
                   BY REFERENCE SB-NAME
                   BY VALUE SIZE AUTO SB-NAME-LEN
                   BY VALUE SB-FLAGS
                   BY REFERENCE SB-CALLBACK(WS-OFFSET:WS-WIDTH)
                   BY VALUE SIZE AUTO SB-CAP
                   BY REFERENCE SB-OUT-LEN
                   RETURNING SB-STATUS
               MOVE SB-OUT-LEN TO WS-VALUE-LEN
               EVALUATE TRUE
                   WHEN SB-STATUS = SMARTBILL-OK
                       PERFORM DESCRIBE-STORED-VALUE
                   WHEN SB-STATUS = SMARTBILL-ERR-BUFFER-TOO-SMALL
                       ADD 1 TO WS-NOT-STORED
                       MOVE WS-VALUE-LEN TO WS-SHOW-NUMBER
                       STRING "NOT STORED, TOO LONG: the value takes "
                              FUNCTION TRIM(WS-SHOW-NUMBER)
                              " bytes in CP949; the field is left blank"
                           DELIMITED BY SIZE INTO WS-RESULT
                   WHEN OTHER
                       ADD 1 TO WS-NOT-STORED
                       PERFORM READ-LAST-ERROR
                       STRING "NOT STORED, " DELIMITED BY SIZE
                              SB-ERROR-NAME DELIMITED BY SPACE
                              ": " SB-ERROR-MESSAGE DELIMITED BY SIZE
                           INTO WS-RESULT
               END-EVALUATE
           END-IF
           MOVE WS-WIDTH TO WS-SHOW-WIDTH
           MOVE SPACES TO REPORT-LINE
           STRING SB-NAME " X(" WS-SHOW-WIDTH ") " WS-RESULT
               DELIMITED BY SIZE INTO REPORT-LINE
           WRITE REPORT-LINE.

      * The stored value; for AUTH_CODE and AUTH_TOKEN its first 4
      * bytes and its length: secrets never go to a report in full; for
      * personal data (a person's name, e-mail, phone, the address) only
      * its length.
       DESCRIBE-STORED-VALUE.
           EVALUATE TRUE
               WHEN WS-VALUE-LEN = 0
                   MOVE "STORED (empty)" TO WS-RESULT
               WHEN SB-CALLBACK-KEY-IS-SECRET(WS-I)
                   MOVE WS-VALUE-LEN TO WS-SHOW-NUMBER
                   STRING "STORED " SB-CALLBACK(WS-OFFSET:4)
                          "... (secret, "
                          FUNCTION TRIM(WS-SHOW-NUMBER) " bytes)"
                       DELIMITED BY SIZE INTO WS-RESULT
               WHEN SB-CALLBACK-KEY-IS-PERSONAL(WS-I)
                   MOVE WS-VALUE-LEN TO WS-SHOW-NUMBER
                   STRING "STORED (personal data, "
                          FUNCTION TRIM(WS-SHOW-NUMBER) " bytes)"
                       DELIMITED BY SIZE INTO WS-RESULT
               WHEN OTHER
                   STRING "STORED " SB-CALLBACK(WS-OFFSET:WS-VALUE-LEN)
                       DELIMITED BY SIZE INTO WS-RESULT
           END-EVALUATE.

      * The guide's own sample number fails the rules, so a failing
      * COM_REGNO is flagged, not refused.
       REPORT-COM-REGNO.
           CALL "smartbill_callback_com_regno_valid" USING
               BY VALUE SB-CALLBACK-HANDLE
               BY REFERENCE WS-VALID
               RETURNING SB-STATUS
           MOVE SPACES TO REPORT-LINE
           IF WS-VALID = 1
               MOVE "COM_REGNO IS A VALID BUSINESS NUMBER"
                 TO REPORT-LINE
           ELSE
               MOVE "COM_REGNO IS NOT A VALID BUSINESS NUMBER: CHECK IT"
                 TO REPORT-LINE
           END-IF
           WRITE REPORT-LINE.

      * SB-CALLBACK, byte for byte, into CBREC.
       WRITE-RECORD.
           MOVE 2 TO WS-FILE-ACCESS
           MOVE 0 TO WS-FILE-DENY WS-FILE-DEVICE WS-FILE-FLAGS
                     WS-FILE-OFFSET
           MOVE LENGTH OF SB-CALLBACK TO WS-FILE-COUNT
           CALL "CBL_CREATE_FILE" USING WS-RECORD-FILE WS-FILE-ACCESS
               WS-FILE-DENY WS-FILE-DEVICE WS-FILE-HANDLE
               RETURNING WS-FILE-RESULT
           IF WS-FILE-RESULT = 0
               CALL "CBL_WRITE_FILE" USING WS-FILE-HANDLE
                   WS-FILE-OFFSET WS-FILE-COUNT WS-FILE-FLAGS
                   SB-CALLBACK
                   RETURNING WS-FILE-RESULT
               CALL "CBL_CLOSE_FILE" USING WS-FILE-HANDLE
                   RETURNING OMITTED
           END-IF
           IF WS-FILE-RESULT NOT = 0
               DISPLAY "SBCALLBK: cannot write CBREC"
               MOVE 16 TO RETURN-CODE
               STOP RUN
           END-IF.

       COPY SBERROR.
