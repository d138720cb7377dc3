// How the wrapper chooses between x86\smartbill_signup.dll and
// x64\smartbill_signup.dll (build/SmartbillSignup.targets copies both beside
// a .NET Framework application): the choice itself, which runs anywhere;
// the LoadLibrary call runs on Windows only, and nothing is preloaded here.
using System;
using System.Collections.Generic;
using System.IO;

namespace SmartbillSignup.Tests
{
    internal static class WindowsDllTests
    {
        public static void RunAll()
        {
            Runner.Run("windows dll: the folder follows IntPtr.Size", () =>
            {
                Assert.Equal("x64", WindowsDll.ArchitectureFolder(8), "8-byte pointers");
                Assert.Equal("x86", WindowsDll.ArchitectureFolder(4), "4-byte pointers");
            });
            Runner.Run("windows dll: base directory, private bin path, then the assembly's folder", () =>
            {
                string app = Path.Combine(Path.GetTempPath(), "sb-app");
                string[] folders = WindowsDll.CandidateFolders(app, "bin;lib", Path.Combine(app, "bin"));
                Assert.Seq(new List<string> { app, Path.Combine(app, "bin"), Path.Combine(app, "lib") }, folders, "folders");
                Assert.Seq(new List<string> { app }, WindowsDll.CandidateFolders(app, null, null), "base only");
            });
            Runner.Run("windows dll: the first folder holding the matching build wins", () =>
            {
                string app = Path.Combine(Path.GetTempPath(), "sb-app");
                string bin = Path.Combine(app, "bin");
                var present = new HashSet<string>
                {
                    Path.Combine(Path.Combine(bin, "x86"), WindowsDll.FileName),
                    Path.Combine(Path.Combine(app, "x64"), WindowsDll.FileName),
                };
                string[] folders = { app, bin };
                Assert.Equal(Path.Combine(Path.Combine(bin, "x86"), WindowsDll.FileName), WindowsDll.Find(4, folders, present.Contains), "32-bit");
                Assert.Equal(Path.Combine(Path.Combine(app, "x64"), WindowsDll.FileName), WindowsDll.Find(8, folders, present.Contains), "64-bit");
                Assert.Equal(null, WindowsDll.Find(8, new[] { bin }, present.Contains), "no x64 in bin");
            });
            Runner.Run("windows dll: real folders as the targets file lays them out", () =>
            {
                string app = Path.Combine(Path.GetTempPath(), "sb-windows-dll-" + Guid.NewGuid().ToString("N"));
                try
                {
                    foreach (string arch in new[] { "x86", "x64" })
                    {
                        Directory.CreateDirectory(Path.Combine(app, arch));
                        File.WriteAllText(Path.Combine(Path.Combine(app, arch), WindowsDll.FileName), arch);
                    }
                    string found = WindowsDll.Find(IntPtr.Size, new[] { app }, File.Exists);
                    Assert.Equal(IntPtr.Size == 8 ? "x64" : "x86", File.ReadAllText(found), "the build for this process");
                }
                finally
                {
                    Directory.Delete(app, true);
                }
            });
            if (Environment.OSVersion.Platform == PlatformID.Win32NT) return;
            Runner.Run("windows dll: nothing is preloaded outside Windows", () =>
            {
                Assert.Equal(null, WindowsDll.Preload(), "Preload");
                Assert.True(Library.Version.Length > 0, "loaded by the usual search");
                Assert.Equal(null, Library.PreloadedPath, "PreloadedPath");
            });
        }
    }
}
