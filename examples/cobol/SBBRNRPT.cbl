       IDENTIFICATION DIVISION.
       PROGRAM-ID. SBBRNRPT.
      *=================================================================
      * Step 1 of the vendor batch: checks the business number of every
      * vendor in the master file and writes a report: each valid
      * number formatted with its kind, each invalid one with the rule
      * it breaks and why. All numbers are checked in one CALL over an
      * OCCURS table (smartbill_brn_check_records).
      *
      * Files (GnuCOBOL maps each name to the path in DD_<name>):
      *   VENDMAST  in   vendor master, VENDOR.cpy records, CP949
      *   BRNRPT    out  the report, CP949
      * RETURN-CODE: 0 all valid, 4 some invalid, 16 cannot run.
      *=================================================================
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT VENDOR-FILE ASSIGN TO "VENDMAST"
               ORGANIZATION IS LINE SEQUENTIAL
               FILE STATUS IS WS-VENDOR-FS.
           SELECT REPORT-FILE ASSIGN TO "BRNRPT"
               ORGANIZATION IS LINE SEQUENTIAL
               FILE STATUS IS WS-REPORT-FS.
       DATA DIVISION.
       FILE SECTION.
       FD  VENDOR-FILE.
       COPY VENDOR.
       FD  REPORT-FILE.
       01  REPORT-LINE                  PIC X(640).
       WORKING-STORAGE SECTION.
       COPY SMARTBILL.
       01  WS-VENDOR-FS                 PIC XX.
       01  WS-REPORT-FS                 PIC XX.
       01  WS-EOF                       PIC X VALUE "N".
           88  END-OF-VENDORS           VALUE "Y".
       01  WS-ABI                       USAGE BINARY-LONG UNSIGNED.
      * The numbers and names of up to 1000 vendors, and one status
      * per number (int32_t, as smartbill_brn_check_records writes).
       78  MAX-VENDORS                  VALUE 1000.
       01  WS-VENDOR-COUNT              USAGE BINARY-LONG VALUE 0.
       01  WS-I                         USAGE BINARY-LONG.
       01  WS-BRN-TABLE.
           05  WS-BRN                   PIC X(14) OCCURS 1000 TIMES.
       01  WS-STATUS-TABLE.
           05  WS-BRN-STATUS            USAGE BINARY-LONG
                                        OCCURS 1000 TIMES.
       01  WS-VENDOR-TABLE.
           05  WS-VENDOR                OCCURS 1000 TIMES.
               10  WS-VENDOR-ID         PIC X(8).
               10  WS-VENDOR-NAME       PIC X(40).
       01  WS-VALID-COUNT               USAGE BINARY-LONG VALUE 0.
       01  WS-INVALID-COUNT             USAGE BINARY-LONG VALUE 0.
       01  WS-SHOW-TOTAL                PIC ZZZ9.
       01  WS-SHOW-VALID                PIC ZZZ9.
       01  WS-SHOW-INVALID              PIC ZZZ9.
       01  WS-RESULT                    PIC X(560).

       PROCEDURE DIVISION.
       MAIN.
           PERFORM CHECK-LIBRARY
           PERFORM LOAD-VENDORS
      * One call for the whole table: record width 14, one status each.
           MOVE LENGTH OF WS-BRN(1) TO SB-WIDTH
           MOVE WS-VENDOR-COUNT TO SB-COUNT
           CALL "smartbill_brn_check_records" USING
               BY REFERENCE WS-BRN-TABLE
               BY VALUE SIZE AUTO SB-WIDTH SB-COUNT
               BY REFERENCE WS-STATUS-TABLE
               RETURNING SB-STATUS
           IF SB-STATUS NOT = SMARTBILL-OK
               PERFORM READ-LAST-ERROR
               DISPLAY "SBBRNRPT: " SB-ERROR-NAME
               MOVE 16 TO RETURN-CODE
               STOP RUN
           END-IF
           OPEN OUTPUT REPORT-FILE
           MOVE "SMARTBILL BUSINESS NUMBER CHECK" TO REPORT-LINE
           WRITE REPORT-LINE
           STRING "VENDOR   NUMBER          COMPANY"
                  "                                  RESULT"
               DELIMITED BY SIZE INTO REPORT-LINE
           WRITE REPORT-LINE
           PERFORM REPORT-VENDOR
               VARYING WS-I FROM 1 BY 1 UNTIL WS-I > WS-VENDOR-COUNT
           MOVE WS-VENDOR-COUNT TO WS-SHOW-TOTAL
           MOVE WS-VALID-COUNT TO WS-SHOW-VALID
           MOVE WS-INVALID-COUNT TO WS-SHOW-INVALID
           MOVE SPACES TO REPORT-LINE
           STRING "TOTAL " FUNCTION TRIM(WS-SHOW-TOTAL) ", VALID "
                  FUNCTION TRIM(WS-SHOW-VALID) ", INVALID "
                  FUNCTION TRIM(WS-SHOW-INVALID)
               DELIMITED BY SIZE INTO REPORT-LINE
           WRITE REPORT-LINE
           CLOSE REPORT-FILE
           IF WS-INVALID-COUNT > 0
               MOVE 4 TO RETURN-CODE
           ELSE
               MOVE 0 TO RETURN-CODE
           END-IF
           STOP RUN.

      * Refuse to run against a library built for another header.
       CHECK-LIBRARY.
           CALL "smartbill_abi_version" RETURNING WS-ABI
           IF WS-ABI NOT = SMARTBILL-ABI-VERSION
               DISPLAY "SBBRNRPT: library ABI " WS-ABI
                       ", copybook " SMARTBILL-ABI-VERSION
               MOVE 16 TO RETURN-CODE
               STOP RUN
           END-IF.

       LOAD-VENDORS.
           OPEN INPUT VENDOR-FILE
           IF WS-VENDOR-FS NOT = "00"
               DISPLAY "SBBRNRPT: cannot open VENDMAST, status "
                       WS-VENDOR-FS
               MOVE 16 TO RETURN-CODE
               STOP RUN
           END-IF
           PERFORM UNTIL END-OF-VENDORS
               READ VENDOR-FILE
                   AT END SET END-OF-VENDORS TO TRUE
                   NOT AT END
                       IF WS-VENDOR-COUNT = MAX-VENDORS
                           DISPLAY "SBBRNRPT: more than " MAX-VENDORS
                                   " vendors"
                           MOVE 16 TO RETURN-CODE
                           STOP RUN
                       END-IF
                       ADD 1 TO WS-VENDOR-COUNT
                       MOVE VM-BRN TO WS-BRN(WS-VENDOR-COUNT)
                       MOVE VM-VENDOR-ID
                         TO WS-VENDOR-ID(WS-VENDOR-COUNT)
                       MOVE VM-COMPANY-NAME
                         TO WS-VENDOR-NAME(WS-VENDOR-COUNT)
               END-READ
           END-PERFORM
           CLOSE VENDOR-FILE.

       REPORT-VENDOR.
           MOVE SPACES TO WS-RESULT
           IF WS-BRN-STATUS(WS-I) = SMARTBILL-OK
               ADD 1 TO WS-VALID-COUNT
               PERFORM DESCRIBE-VALID-NUMBER
           ELSE
               ADD 1 TO WS-INVALID-COUNT
               PERFORM EXPLAIN-INVALID-NUMBER
           END-IF
           MOVE SPACES TO REPORT-LINE
           STRING WS-VENDOR-ID(WS-I) " " WS-BRN(WS-I) "  "
                  WS-VENDOR-NAME(WS-I) " " WS-RESULT
               DELIMITED BY SIZE INTO REPORT-LINE
           WRITE REPORT-LINE.

      * "VALID 124-81-00998 corporation". The field is passed with its
      * length; the library ignores the padding. Outputs shorter than
      * their field end in a NUL: use the first SB-OUT-LEN bytes.
       DESCRIBE-VALID-NUMBER.
           MOVE LENGTH OF WS-BRN(WS-I) TO SB-TEXT-LEN
           MOVE LENGTH OF SB-BRN-FORMATTED TO SB-CAP
           CALL "smartbill_brn_format" USING
               BY REFERENCE WS-BRN(WS-I)
               BY VALUE SIZE AUTO SB-TEXT-LEN
               BY REFERENCE SB-BRN-FORMATTED
               BY VALUE SIZE AUTO SB-CAP
               BY REFERENCE SB-OUT-LEN
               RETURNING SB-STATUS
           MOVE LENGTH OF SB-BRN-KIND TO SB-CAP
           CALL "smartbill_brn_kind" USING
               BY REFERENCE WS-BRN(WS-I)
               BY VALUE SIZE AUTO SB-TEXT-LEN
               BY REFERENCE SB-BRN-KIND
               BY VALUE SIZE AUTO SB-CAP
               BY REFERENCE SB-OUT-LEN
               RETURNING SB-STATUS
           STRING "VALID   " SB-BRN-FORMATTED " "
                  SB-BRN-KIND(1:SB-OUT-LEN)
               DELIMITED BY SIZE INTO WS-RESULT.

      * "INVALID BRN_CHECKSUM: business number ... expected 1". The
      * batch call gave only the status; checking the one number again
      * gives the message.
       EXPLAIN-INVALID-NUMBER.
           MOVE LENGTH OF WS-BRN(WS-I) TO SB-TEXT-LEN
           CALL "smartbill_brn_check" USING
               BY REFERENCE WS-BRN(WS-I)
               BY VALUE SIZE AUTO SB-TEXT-LEN
               RETURNING SB-STATUS
           PERFORM READ-LAST-ERROR
           STRING "INVALID " DELIMITED BY SIZE
                  SB-ERROR-NAME DELIMITED BY SPACE
                  ": " SB-ERROR-MESSAGE DELIMITED BY SIZE
               INTO WS-RESULT.

       COPY SBERROR.
