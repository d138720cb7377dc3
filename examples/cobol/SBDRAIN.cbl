       IDENTIFICATION DIVISION.
       PROGRAM-ID. SBDRAIN.
      *=================================================================
      * Step 5 of the vendor batch: drains the callback store that a
      * receiver fills (SBRECV, the ERP server's receiver, or the
      * command-line tool's receive command), without a server of its
      * own. Each pending callback goes into the copybook's SB-CALLBACK
      * fields (CP949, space-padded PIC X(n), never cut), is written to
      * DRAINREC with its record number, version, peer and arrival
      * time, and only then acknowledged. A callback with a value that
      * does not fit its field is reported and left pending, so that no
      * auth token is lost to a short field.
      *
      * Environment: SBSTORE, the store's path.
      * Files (GnuCOBOL maps each name to the path in DD_<name>):
      *   DRAINREC out  one fixed-length DRAIN-RECORD per callback
      *   DRAINRPT out  one line per record, CP949; secrets shortened
      * RETURN-CODE: 0 every pending callback taken, 4 some left
      * pending (the report says why; a record another drainer holds,
      * or one this job left, waits for its lease of 60 s to end), 16
      * cannot run.
      *=================================================================
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT RECORD-FILE ASSIGN TO "DRAINREC"
               ORGANIZATION IS SEQUENTIAL
               FILE STATUS IS WS-RECORD-FS.
           SELECT REPORT-FILE ASSIGN TO "DRAINRPT"
               ORGANIZATION IS LINE SEQUENTIAL
               FILE STATUS IS WS-REPORT-FS.
       DATA DIVISION.
       FILE SECTION.
       FD  RECORD-FILE.
       01  DRAIN-RECORD.
           05  DR-NUMBER                PIC 9(18).
           05  DR-VERSION               PIC 9(9).
      * The address that delivered it (IPv6 takes up to 45).
           05  DR-PEER                  PIC X(45).
      * RFC 3339, UTC: 2024-05-01T09:30:00.250Z
           05  DR-RECEIVED              PIC X(24).
      * SB-CALLBACK, as the copybook lays it out (1497 bytes; the
      * test checks the record length).
           05  DR-CALLBACK              PIC X(1497).
       FD  REPORT-FILE.
       01  REPORT-LINE                  PIC X(400).
       WORKING-STORAGE SECTION.
       COPY SMARTBILL.
       01  WS-RECORD-FS                 PIC XX.
       01  WS-REPORT-FS                 PIC XX.
       01  WS-ABI                       USAGE BINARY-LONG UNSIGNED.
       01  WS-STORE                     PIC X(256).
       01  WS-NO-OPTIONS                USAGE POINTER VALUE NULL.
       01  WS-DONE                      PIC X VALUE "N".
           88  STORE-DRAINED            VALUE "Y".
       01  WS-I                         USAGE BINARY-LONG.
       01  WS-OFFSET                    USAGE BINARY-LONG.
       01  WS-WIDTH                     USAGE BINARY-LONG.
       01  WS-VALUE-LEN                 USAGE BINARY-LONG.
       01  WS-NOT-FITTING               USAGE BINARY-LONG.
       01  WS-TAKEN                     USAGE BINARY-LONG VALUE 0.
       01  WS-LEFT                      USAGE BINARY-LONG VALUE 0.
       01  WS-RECORDS                   USAGE BINARY-DOUBLE UNSIGNED.
       01  WS-PENDING                   USAGE BINARY-DOUBLE UNSIGNED.
       01  WS-SHOW-NUMBER               PIC Z(17)9.
       01  WS-SHOW-VERSION              PIC Z(8)9.
       01  WS-SHOW-LEN                  PIC ZZZ9.
       01  WS-SHOW-TAKEN                PIC Z(8)9.
       01  WS-SHOW-RECORDS              PIC Z(8)9.
       01  WS-SHOW-PENDING              PIC Z(8)9.
       01  WS-RESULT                    PIC X(300).

       PROCEDURE DIVISION.
       MAIN.
           PERFORM CHECK-LIBRARY
           ACCEPT WS-STORE FROM ENVIRONMENT "SBSTORE"
           OPEN OUTPUT RECORD-FILE REPORT-FILE
      * No options: the default lease (60 s) and no retention.
           MOVE LENGTH OF WS-STORE TO SB-TEXT-LEN
           CALL "smartbill_receiver_open_store" USING
               BY REFERENCE WS-STORE
               BY VALUE SIZE AUTO SB-TEXT-LEN
               BY VALUE WS-NO-OPTIONS
               BY REFERENCE SB-RECEIVER
               RETURNING SB-STATUS
           IF SB-STATUS NOT = SMARTBILL-OK
               PERFORM READ-LAST-ERROR
               MOVE SPACES TO REPORT-LINE
               STRING "STORE NOT OPENED " DELIMITED BY SIZE
                      SB-ERROR-NAME DELIMITED BY SPACE
                      ": " SB-ERROR-MESSAGE DELIMITED BY SIZE
                   INTO REPORT-LINE
               WRITE REPORT-LINE
               CLOSE RECORD-FILE REPORT-FILE
               MOVE 16 TO RETURN-CODE
               STOP RUN
           END-IF
      * Timeout 0: take what is there, do not wait for more.
           MOVE 0 TO SB-TIMEOUT-MS
           PERFORM UNTIL STORE-DRAINED
               CALL "smartbill_receiver_next" USING
                   BY VALUE SB-RECEIVER SB-TIMEOUT-MS
                   BY REFERENCE SB-RECORD
                   RETURNING SB-STATUS
               EVALUATE TRUE
                   WHEN SB-STATUS NOT = SMARTBILL-OK
                       PERFORM READ-LAST-ERROR
                       MOVE SPACES TO REPORT-LINE
                       STRING "STORE NOT READ " DELIMITED BY SIZE
                              SB-ERROR-NAME DELIMITED BY SPACE
                              ": " SB-ERROR-MESSAGE DELIMITED BY SIZE
                           INTO REPORT-LINE
                       WRITE REPORT-LINE
                       ADD 1 TO WS-LEFT
                       SET STORE-DRAINED TO TRUE
                   WHEN SB-RECORD = NULL
                       SET STORE-DRAINED TO TRUE
                   WHEN OTHER
                       PERFORM TAKE-RECORD
                       CALL "smartbill_record_free" USING
                           BY VALUE SB-RECORD
                           RETURNING OMITTED
               END-EVALUATE
           END-PERFORM
           PERFORM REPORT-TOTALS
           CALL "smartbill_receiver_free" USING
               BY VALUE SB-RECEIVER
               RETURNING OMITTED
           CLOSE RECORD-FILE REPORT-FILE
           IF WS-LEFT > 0 OR WS-PENDING > 0
               MOVE 4 TO RETURN-CODE
           ELSE
               MOVE 0 TO RETURN-CODE
           END-IF
           STOP RUN.

       CHECK-LIBRARY.
           CALL "smartbill_abi_version" RETURNING WS-ABI
           IF WS-ABI NOT = SMARTBILL-ABI-VERSION
               DISPLAY "SBDRAIN: library ABI " WS-ABI
                       ", copybook " SMARTBILL-ABI-VERSION
               MOVE 16 TO RETURN-CODE
               STOP RUN
           END-IF.

      * One record: its id, peer and time, then every key into its
      * SB-CALLBACK field; written and acknowledged only if all fit.
       TAKE-RECORD.
           MOVE SPACES TO DRAIN-RECORD
           CALL "smartbill_record_id" USING
               BY VALUE SB-RECORD
               BY REFERENCE SB-RECORD-NUMBER SB-RECORD-VERSION
               RETURNING SB-STATUS
           MOVE SB-RECORD-NUMBER TO DR-NUMBER WS-SHOW-NUMBER
           MOVE SB-RECORD-VERSION TO DR-VERSION WS-SHOW-VERSION
           MOVE SMARTBILL-TEXT-PAD TO SB-FLAGS
           MOVE LENGTH OF DR-PEER TO SB-CAP
           CALL "smartbill_record_peer" USING
               BY VALUE SB-RECORD SB-FLAGS
               BY REFERENCE DR-PEER
               BY VALUE SIZE AUTO SB-CAP
               BY REFERENCE SB-OUT-LEN
               RETURNING SB-STATUS
           MOVE LENGTH OF DR-RECEIVED TO SB-CAP
           CALL "smartbill_record_received_at_text" USING
               BY VALUE SB-RECORD SB-FLAGS
               BY REFERENCE DR-RECEIVED
               BY VALUE SIZE AUTO SB-CAP
               BY REFERENCE SB-OUT-LEN
               RETURNING SB-STATUS
           MOVE SPACES TO REPORT-LINE
           STRING "RECORD " FUNCTION TRIM(WS-SHOW-NUMBER) "."
                  FUNCTION TRIM(WS-SHOW-VERSION) " FROM "
                  FUNCTION TRIM(DR-PEER) " AT " DR-RECEIVED
               DELIMITED BY SIZE INTO REPORT-LINE
           WRITE REPORT-LINE
           CALL "smartbill_record_callback" USING
               BY VALUE SB-RECORD
               BY REFERENCE SB-CALLBACK-HANDLE
               RETURNING SB-STATUS
           MOVE SPACES TO SB-CALLBACK
           MOVE 0 TO WS-NOT-FITTING
           PERFORM MOVE-FIELD
               VARYING WS-I FROM 1 BY 1
               UNTIL WS-I > SB-CALLBACK-KEY-COUNT
           CALL "smartbill_callback_free" USING
               BY VALUE SB-CALLBACK-HANDLE
               RETURNING OMITTED
           MOVE SPACES TO REPORT-LINE
           IF WS-NOT-FITTING > 0
               ADD 1 TO WS-LEFT
               MOVE "  LEFT PENDING: FIX THE FIELDS ABOVE, RUN AGAIN"
                 TO REPORT-LINE
           ELSE
               MOVE SB-CALLBACK TO DR-CALLBACK
               WRITE DRAIN-RECORD
               CALL "smartbill_receiver_ack" USING
                   BY VALUE SB-RECEIVER SB-RECORD
                   RETURNING SB-STATUS
               IF SB-STATUS = SMARTBILL-OK
                   ADD 1 TO WS-TAKEN
                   MOVE "  WRITTEN AND ACKNOWLEDGED" TO REPORT-LINE
               ELSE
                   ADD 1 TO WS-LEFT
                   PERFORM READ-LAST-ERROR
                   STRING "  WRITTEN, NOT ACKNOWLEDGED "
                          DELIMITED BY SIZE
                          SB-ERROR-NAME DELIMITED BY SPACE
                       INTO REPORT-LINE
               END-IF
           END-IF
           WRITE REPORT-LINE.

      * Key WS-I into its SB-CALLBACK field, CP949 and space-padded. The
      * report shows the identifying keys, the secrets shortened, and
      * every value that does not fit.
       MOVE-FIELD.
           MOVE SB-CALLBACK-KEY-NAME(WS-I) TO SB-NAME
           MOVE LENGTH OF SB-NAME TO SB-NAME-LEN
           MOVE SB-CALLBACK-KEY-OFFSET(WS-I) TO WS-OFFSET
           MOVE SB-CALLBACK-KEY-WIDTH(WS-I) TO WS-WIDTH SB-CAP
           COMPUTE SB-FLAGS = SMARTBILL-TEXT-CP949 + SMARTBILL-TEXT-PAD
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
           MOVE SPACES TO WS-RESULT
           EVALUATE TRUE
               WHEN SB-STATUS = SMARTBILL-ERR-BUFFER-TOO-SMALL
                   ADD 1 TO WS-NOT-FITTING
                   MOVE WS-VALUE-LEN TO WS-SHOW-LEN
                   STRING "DOES NOT FIT: " FUNCTION TRIM(WS-SHOW-LEN)
                          " BYTES IN CP949"
                       DELIMITED BY SIZE INTO WS-RESULT
               WHEN SB-STATUS NOT = SMARTBILL-OK
                   ADD 1 TO WS-NOT-FITTING
                   PERFORM READ-LAST-ERROR
                   STRING "DOES NOT FIT: " DELIMITED BY SIZE
                          SB-ERROR-NAME DELIMITED BY SPACE
                       INTO WS-RESULT
               WHEN WS-VALUE-LEN = 0
                   CONTINUE
               WHEN SB-CALLBACK-KEY-IS-SECRET(WS-I)
                   MOVE WS-VALUE-LEN TO WS-SHOW-LEN
                   STRING SB-CALLBACK(WS-OFFSET:4) "... ("
                          FUNCTION TRIM(WS-SHOW-LEN) " bytes)"
                       DELIMITED BY SIZE INTO WS-RESULT
               WHEN SB-NAME = "USER_SBID" OR SB-NAME = "COM_REGNO"
                   MOVE SB-CALLBACK(WS-OFFSET:WS-VALUE-LEN)
                     TO WS-RESULT
           END-EVALUATE
           IF WS-RESULT NOT = SPACES
               MOVE SPACES TO REPORT-LINE
               STRING "  " SB-NAME " " WS-RESULT
                   DELIMITED BY SIZE INTO REPORT-LINE
               WRITE REPORT-LINE
           END-IF.

       REPORT-TOTALS.
           CALL "smartbill_receiver_counts" USING
               BY VALUE SB-RECEIVER
               BY REFERENCE WS-RECORDS WS-PENDING
               RETURNING SB-STATUS
           MOVE WS-TAKEN TO WS-SHOW-TAKEN
           MOVE WS-RECORDS TO WS-SHOW-RECORDS
           MOVE WS-PENDING TO WS-SHOW-PENDING
           MOVE SPACES TO REPORT-LINE
           STRING "TAKEN " FUNCTION TRIM(WS-SHOW-TAKEN)
                  "; THE STORE HOLDS " FUNCTION TRIM(WS-SHOW-RECORDS)
                  " RECORDS, " FUNCTION TRIM(WS-SHOW-PENDING)
                  " PENDING"
               DELIMITED BY SIZE INTO REPORT-LINE
           WRITE REPORT-LINE.

       COPY SBERROR.
