package kr.smartbill.signup;

/** The native library's identity: version and ABI version. */
public final class SmartbillSignup {
    /** The ABI version this wrapper was generated for (SMARTBILL_ABI_VERSION). */
    public static final int ABI_VERSION = Abi.SMARTBILL_ABI_VERSION;

    private SmartbillSignup() {}

    /** The native library's version, e.g. "0.1.0". */
    public static String libraryVersion() {
        return Text.ofStatic(Abi.smartbill_version());
    }

    /** The native library's ABI version; loading refuses any other than {@link #ABI_VERSION}. */
    public static int libraryAbiVersion() {
        return Abi.smartbill_abi_version();
    }
}
