      *-----------------------------------------------------------------
      * VENDOR.cpy: a record of the vendor master file (VENDMAST), the
      * ERP's own fixed-width layout, 307 bytes, text in CP949. A
      * Hangul syllable takes 2 bytes, so VM-COMPANY-NAME holds 20.
      *-----------------------------------------------------------------
       01  VENDOR-RECORD.
           05  VM-VENDOR-ID             PIC X(8).
      * The business number as keyed in: dashes, spaces or none.
           05  VM-BRN                   PIC X(14).
           05  VM-COMPANY-NAME          PIC X(40).
           05  VM-PRESIDENT             PIC X(20).
           05  VM-BIZ-STATUS            PIC X(20).
           05  VM-BIZ-CLASS             PIC X(30).
           05  VM-ZIP-CODE              PIC X(5).
           05  VM-ADDRESS               PIC X(80).
           05  VM-CONTACT-NAME          PIC X(20).
           05  VM-TEL                   PIC X(15).
           05  VM-MOBILE                PIC X(15).
           05  VM-EMAIL                 PIC X(40).
