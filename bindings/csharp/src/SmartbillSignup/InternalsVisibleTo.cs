// The tests check internals (how the Windows DLL is chosen) directly.
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("SmartbillSignup.Tests")]
