// Makes SmartbillSignup.dll, which mcs compiles against Mono's mscorlib
// (mcs cannot compile against Facades/netstandard.dll alone: every type
// there is a forwarder to mscorlib, System, ...), a true netstandard2.0
// library: its references to those assemblies become one reference to
// netstandard 2.0.0.0. Every type it uses must be one that Mono's
// netstandard.dll forwards, i.e. part of .NET Standard 2.0; otherwise this
// fails and names the types.
// Usage: mono NetStandardRetarget.exe INPUT.dll Facades/netstandard.dll OUTPUT.dll
using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;

internal static class NetStandardRetarget
{
    private static readonly byte[] NetStandardToken = { 0xcc, 0x7b, 0x13, 0xff, 0xcd, 0x2d, 0xdd, 0x51 };

    private static int Main(string[] args)
    {
        if (args.Length != 3)
        {
            Console.Error.WriteLine("usage: NetStandardRetarget INPUT.dll netstandard.dll OUTPUT.dll");
            return 2;
        }
        var standard = new HashSet<string>();
        using (var facade = AssemblyDefinition.ReadAssembly(args[1]))
        {
            foreach (ExportedType type in facade.MainModule.ExportedTypes) standard.Add(type.FullName);
            foreach (TypeDefinition type in facade.MainModule.Types) standard.Add(type.FullName);
        }
        using (var assembly = AssemblyDefinition.ReadAssembly(args[0]))
        {
            ModuleDefinition module = assembly.MainModule;
            var netstandard = new AssemblyNameReference("netstandard", new Version(2, 0, 0, 0))
            {
                PublicKeyToken = NetStandardToken,
            };
            var outside = new SortedSet<string>();
            foreach (TypeReference type in module.GetTypeReferences().ToList())
            {
                // A nested type's scope is its declaring type's.
                if (type.DeclaringType != null || !(type.Scope is AssemblyNameReference)) continue;
                if (!standard.Contains(type.FullName)) outside.Add(type.FullName + " (" + type.Scope.Name + ")");
                type.Scope = netstandard;
            }
            if (outside.Count > 0)
            {
                Console.Error.WriteLine("NetStandardRetarget: not in .NET Standard 2.0: " + string.Join(", ", outside));
                return 1;
            }
            foreach (AssemblyNameReference old in module.AssemblyReferences.ToList()) module.AssemblyReferences.Remove(old);
            module.AssemblyReferences.Add(netstandard);
            assembly.Write(args[2]);
        }
        return 0;
    }
}
