       IDENTIFICATION DIVISION.
       PROGRAM-ID. SBERRTST.
      *=================================================================
      * A test of READ-LAST-ERROR (SBERROR.cpy): after reading the error
      * of a failed call, SB-CALL must hold what that call left in it
      * (SB-STATUS, SB-OUT-LEN, SB-FLAGS, SB-CAP), so that a program can
      * still test the status and read the size a call needed.
      * Prints "ok ..." or "FAIL ..." per check; RETURN-CODE is the
      * number of failed checks.
      *=================================================================
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       COPY SMARTBILL.
       01  WS-BAD-NUMBER                PIC X(12) VALUE "124-81-00997".
       01  WS-GOOD-NUMBER               PIC X(12) VALUE "124-81-00998".
       01  WS-SHORT-FIELD               PIC X(5).
       01  WS-FAILED                    USAGE BINARY-LONG VALUE 0.
       01  WS-CHECK                     PIC X(60).
       01  WS-SHOW                      PIC -(9)9.

       PROCEDURE DIVISION.
       MAIN.
           PERFORM CHECKSUM-FAILURE
           PERFORM BUFFER-TOO-SMALL
           MOVE WS-FAILED TO RETURN-CODE
           STOP RUN.

      * A number with a wrong check digit: BRN_CHECKSUM. SB-FLAGS and
      * SB-CAP hold values of the program's own, which must survive.
       CHECKSUM-FAILURE.
           MOVE LENGTH OF WS-BAD-NUMBER TO SB-TEXT-LEN
           CALL "smartbill_brn_check" USING
               BY REFERENCE WS-BAD-NUMBER
               BY VALUE SIZE AUTO SB-TEXT-LEN
               RETURNING SB-STATUS
           MOVE SMARTBILL-TEXT-CP949 TO SB-FLAGS
           MOVE 77 TO SB-CAP
           PERFORM READ-LAST-ERROR
           MOVE "checksum: SB-STATUS is BRN_CHECKSUM after reading"
             TO WS-CHECK
           IF SB-STATUS = SMARTBILL-ERR-BRN-CHECKSUM
               PERFORM PASS
           ELSE
               PERFORM FAIL-STATUS
           END-IF
           MOVE "checksum: SB-ERROR-NAME is BRN_CHECKSUM" TO WS-CHECK
           IF SB-ERROR-NAME = "BRN_CHECKSUM"
               PERFORM PASS
           ELSE
               PERFORM FAIL
           END-IF
           MOVE "checksum: SB-ERROR-MESSAGE is read" TO WS-CHECK
           IF SB-ERROR-MESSAGE NOT = SPACES
              AND SB-ERROR-READ-STATUS = SMARTBILL-OK
               PERFORM PASS
           ELSE
               PERFORM FAIL
           END-IF
           MOVE "checksum: SB-FLAGS and SB-CAP are the program's"
             TO WS-CHECK
           IF SB-FLAGS = SMARTBILL-TEXT-CP949 AND SB-CAP = 77
               PERFORM PASS
           ELSE
               PERFORM FAIL
           END-IF.

      * A 12-character result for a 5-byte field: BUFFER_TOO_SMALL with
      * the size needed in SB-OUT-LEN, which the program reads after
      * reporting the error.
       BUFFER-TOO-SMALL.
           MOVE LENGTH OF WS-GOOD-NUMBER TO SB-TEXT-LEN
           MOVE LENGTH OF WS-SHORT-FIELD TO SB-CAP
           CALL "smartbill_brn_format" USING
               BY REFERENCE WS-GOOD-NUMBER
               BY VALUE SIZE AUTO SB-TEXT-LEN
               BY REFERENCE WS-SHORT-FIELD
               BY VALUE SIZE AUTO SB-CAP
               BY REFERENCE SB-OUT-LEN
               RETURNING SB-STATUS
           PERFORM READ-LAST-ERROR
           MOVE "too small: SB-STATUS is BUFFER_TOO_SMALL after reading"
             TO WS-CHECK
           IF SB-STATUS = SMARTBILL-ERR-BUFFER-TOO-SMALL
               PERFORM PASS
           ELSE
               PERFORM FAIL-STATUS
           END-IF
           MOVE "too small: SB-OUT-LEN is still the 12 bytes needed"
             TO WS-CHECK
           IF SB-OUT-LEN = 12
               PERFORM PASS
           ELSE
               MOVE SB-OUT-LEN TO WS-SHOW
               DISPLAY "FAIL " FUNCTION TRIM(WS-CHECK TRAILING)
                       " (SB-OUT-LEN " WS-SHOW ")"
               ADD 1 TO WS-FAILED
           END-IF
           MOVE "too small: SB-CAP is still the field's 5 bytes"
             TO WS-CHECK
           IF SB-CAP = 5
               PERFORM PASS
           ELSE
               PERFORM FAIL
           END-IF.

       PASS.
           DISPLAY "ok   " FUNCTION TRIM(WS-CHECK TRAILING).

       FAIL.
           DISPLAY "FAIL " FUNCTION TRIM(WS-CHECK TRAILING)
           ADD 1 TO WS-FAILED.

       FAIL-STATUS.
           MOVE SB-STATUS TO WS-SHOW
           DISPLAY "FAIL " FUNCTION TRIM(WS-CHECK TRAILING)
                   " (SB-STATUS " WS-SHOW ")"
           ADD 1 TO WS-FAILED.

       COPY SBERROR.
