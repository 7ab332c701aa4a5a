using Lodestar.Formats.Tests.Generation;

// Generated data that several test classes only read: generated once for the assembly.
[assembly: AssemblyFixture(typeof(SmallCouncils))]
