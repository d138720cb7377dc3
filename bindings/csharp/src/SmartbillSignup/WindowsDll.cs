// Choosing the Windows DLL that matches the process before the first call.
using System;
using System.IO;
using System.Runtime.InteropServices;

namespace SmartbillSignup
{
    /// <summary>
    /// A .NET Framework application built AnyCPU runs as 32-bit or 64-bit
    /// depending on the machine and on "Prefer 32-bit", so no single
    /// smartbill_signup.dll beside the executable is right. The NuGet
    /// package's build/SmartbillSignup.targets copies both builds beside the
    /// output as x86\smartbill_signup.dll and x64\smartbill_signup.dll; before
    /// the first native call the wrapper loads the one whose bitness matches
    /// IntPtr.Size by its full path, and every later P/Invoke of
    /// "smartbill_signup" binds to that loaded module. Elsewhere (Linux,
    /// macOS, .NET Core's runtimes\ folders, or a DLL placed beside the
    /// executable by hand) nothing is preloaded and the usual search applies.
    /// </summary>
    internal static class WindowsDll
    {
        internal const string FileName = "smartbill_signup.dll";

        /// <summary>"x64" for a process whose pointers are 8 bytes, else "x86".</summary>
        internal static string ArchitectureFolder(int pointerSize)
        {
            return pointerSize == 8 ? "x64" : "x86";
        }

        /// <summary>The folders that may hold x86\ and x64\, in the order
        /// tried: the application's base directory, its private bin path
        /// (ASP.NET's bin\), and the folder this assembly was loaded from
        /// (its original location, not a shadow copy). Null and repeated
        /// entries are left out.</summary>
        internal static string[] CandidateFolders(string baseDirectory, string relativeSearchPath, string assemblyFolder)
        {
            var folders = new System.Collections.Generic.List<string>();
            Action<string> add = folder =>
            {
                if (string.IsNullOrEmpty(folder)) return;
                string full = Path.GetFullPath(folder);
                foreach (string known in folders)
                {
                    if (string.Equals(known.TrimEnd(Path.DirectorySeparatorChar), full.TrimEnd(Path.DirectorySeparatorChar), StringComparison.OrdinalIgnoreCase)) return;
                }
                folders.Add(full);
            };
            add(baseDirectory);
            if (!string.IsNullOrEmpty(relativeSearchPath) && !string.IsNullOrEmpty(baseDirectory))
            {
                foreach (string part in relativeSearchPath.Split(';'))
                {
                    if (part.Length > 0) add(Path.Combine(baseDirectory, part));
                }
            }
            add(assemblyFolder);
            return folders.ToArray();
        }

        /// <summary>The first folder's &lt;arch&gt;\smartbill_signup.dll that
        /// <paramref name="exists"/>, or null.</summary>
        internal static string Find(int pointerSize, string[] folders, Func<string, bool> exists)
        {
            string arch = ArchitectureFolder(pointerSize);
            foreach (string folder in folders)
            {
                string path = Path.Combine(Path.Combine(folder, arch), FileName);
                if (exists(path)) return path;
            }
            return null;
        }

        /// <summary>On Windows, loads the x86\ or x64\ DLL matching this
        /// process, if one is there, and returns its path; otherwise does
        /// nothing and returns null. Throws DllNotFoundException, with the
        /// Windows error, when the DLL is there but cannot be loaded.</summary>
        internal static string Preload()
        {
            if (Environment.OSVersion.Platform != PlatformID.Win32NT) return null;
            AppDomain domain = AppDomain.CurrentDomain;
            string path = Find(IntPtr.Size, CandidateFolders(domain.BaseDirectory, domain.RelativeSearchPath, AssemblyFolder()), File.Exists);
            if (path == null) return null;
            if (LoadLibraryW(path) == IntPtr.Zero)
            {
                int error = Marshal.GetLastWin32Error();
                throw new DllNotFoundException(
                    "SmartbillSignup: cannot load " + path + " (Windows error " + error +
                    (error == 193 ? ": not a " + (IntPtr.Size == 8 ? "64" : "32") + "-bit DLL" : "") +
                    (error == 126 || error == 127 ? ": a DLL or function it imports is missing; it needs Windows 10 or Server 2016 or later" : "") +
                    ").");
            }
            return path;
        }

        private static string AssemblyFolder()
        {
            try
            {
                // CodeBase is where the assembly came from; Location may be a shadow copy.
                var uri = new Uri(typeof(WindowsDll).Assembly.CodeBase);
                return uri.IsFile ? Path.GetDirectoryName(uri.LocalPath) : null;
            }
            catch (Exception e) when (e is NotSupportedException || e is UriFormatException || e is ArgumentException)
            {
                return null;
            }
        }

        [DllImport("kernel32.dll", CharSet = CharSet.Unicode, SetLastError = true, ExactSpelling = true)]
        private static extern IntPtr LoadLibraryW(string path);
    }
}
