using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lodestar.Data.Frameworks;

// The stored form of frameworks, measures, periodic values and targets. The domain types
// (Lodestar.Domain.Frameworks, .Performance) are the model; these rows are how they sit in tables,
// and FrameworkStore maps between the two. Enums are stored as their names; tags as
// "set:TAG;set:TAG" text, since they are only ever read with their owner.

/// <summary>A framework (table <c>frameworks</c>).</summary>
internal sealed class FrameworkEntity
{
    public required string Id { get; set; }
    public required string Title { get; set; }
    public string? Owner { get; set; }
    public string? PeriodText { get; set; }
    public string? Source { get; set; }
    public string? Notes { get; set; }
    public required string RagRule { get; set; }
    public List<TagSetEntity> TagSets { get; set; } = [];
    public List<NodeEntity> Nodes { get; set; } = [];
}

/// <summary>A framework's tag set (table <c>framework_tag_sets</c>).</summary>
internal sealed class TagSetEntity
{
    public int Key { get; set; }
    public required string FrameworkId { get; set; }
    public required string SetId { get; set; }
    public required string Title { get; set; }
    public int Position { get; set; }
    public List<TagEntity> Tags { get; set; } = [];
}

/// <summary>A tag of a tag set (table <c>framework_tags</c>).</summary>
internal sealed class TagEntity
{
    public int Key { get; set; }
    public int TagSetKey { get; set; }
    public required string TagId { get; set; }
    public required string Title { get; set; }
    public int Position { get; set; }
}

/// <summary>
/// A node of a framework's tree (table <c>framework_nodes</c>). <see cref="Position"/> is document
/// order across the whole framework, and with <see cref="ParentNodeId"/> rebuilds the tree.
/// </summary>
internal sealed class NodeEntity
{
    public int Key { get; set; }
    public required string FrameworkId { get; set; }
    public required string NodeId { get; set; }
    public string? ParentNodeId { get; set; }
    public int Depth { get; set; }
    public int Position { get; set; }
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public List<NodeMeasureEntity> Measures { get; set; } = [];
    public List<IntentionEntity> Intentions { get; set; } = [];
}

/// <summary>A measure placed under a node (table <c>framework_node_measures</c>).</summary>
internal sealed class NodeMeasureEntity
{
    public int Key { get; set; }
    public int NodeKey { get; set; }
    public required string MeasureId { get; set; }
    public int Position { get; set; }
}

/// <summary>A commissioning intention of a node (table <c>framework_intentions</c>).</summary>
internal sealed class IntentionEntity
{
    public int Key { get; set; }
    public int NodeKey { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }
    public required string Tags { get; set; }
}

/// <summary>A measure (table <c>measures</c>); <see cref="DefinedBy"/> is the framework whose file defines it.</summary>
internal sealed class MeasureEntity
{
    public required string Id { get; set; }
    public required string DefinedBy { get; set; }

    /// <summary>The measure's place in its defining file.</summary>
    public int Position { get; set; }
    public required string Title { get; set; }
    public string? Number { get; set; }
    public string? Group { get; set; }
    public required string Unit { get; set; }
    public required string Polarity { get; set; }
    public int? Decimals { get; set; }
    public required string SourceKind { get; set; }
    public required string SourceReference { get; set; }
    public string? Frequency { get; set; }
    public string? Forum { get; set; }
    public string? Contractual { get; set; }
    public string? Responsibility { get; set; }
    public required string Status { get; set; }
    public string? Owner { get; set; }
    public string? Why { get; set; }
    public required string Tags { get; set; }
}

/// <summary>A periodic value (table <c>periodic_values</c>): one per measure, council and span of dates.</summary>
internal sealed class PeriodicValueEntity
{
    public int Key { get; set; }
    public required string MeasureId { get; set; }
    public required string Council { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public required string PeriodKind { get; set; }
    public decimal Value { get; set; }
    public decimal? Numerator { get; set; }
    public decimal? Denominator { get; set; }
    public string? Note { get; set; }
    public string? EnteredBy { get; set; }
    public DateTimeOffset? EnteredAt { get; set; }
}

/// <summary>A target (table <c>targets</c>): one per measure, council and span of dates.</summary>
public sealed class TargetEntity
{
    public int Key { get; set; }
    public required string MeasureId { get; set; }
    public required string Council { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public required string PeriodKind { get; set; }
    public decimal Value { get; set; }
    public decimal? ToleranceAmount { get; set; }
    public string? ToleranceKind { get; set; }
    public required string Profile { get; set; }
}

internal sealed class FrameworkRowConfiguration : IEntityTypeConfiguration<FrameworkEntity>
{
    public void Configure(EntityTypeBuilder<FrameworkEntity> framework)
    {
        framework.ToTable("frameworks");
        framework.HasKey(f => f.Id);
        framework.Property(f => f.Id).HasMaxLength(100);
        framework.Property(f => f.Title).HasMaxLength(500);
        framework.Property(f => f.Owner).HasMaxLength(200);
        framework.Property(f => f.PeriodText).HasMaxLength(100);
        framework.Property(f => f.Source).HasMaxLength(500);
        framework.Property(f => f.RagRule).HasMaxLength(40);
        framework.HasMany(f => f.TagSets).WithOne().HasForeignKey(s => s.FrameworkId).OnDelete(DeleteBehavior.Cascade);
        framework.HasMany(f => f.Nodes).WithOne().HasForeignKey(n => n.FrameworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TagSetRowConfiguration : IEntityTypeConfiguration<TagSetEntity>
{
    public void Configure(EntityTypeBuilder<TagSetEntity> set)
    {
        set.ToTable("framework_tag_sets");
        set.HasKey(s => s.Key);
        set.Property(s => s.SetId).HasMaxLength(100);
        set.Property(s => s.Title).HasMaxLength(200);
        set.HasIndex(s => new { s.FrameworkId, s.SetId }).IsUnique();
        set.HasMany(s => s.Tags).WithOne().HasForeignKey(t => t.TagSetKey).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TagRowConfiguration : IEntityTypeConfiguration<TagEntity>
{
    public void Configure(EntityTypeBuilder<TagEntity> tag)
    {
        tag.ToTable("framework_tags");
        tag.HasKey(t => t.Key);
        tag.Property(t => t.TagId).HasMaxLength(100);
        tag.Property(t => t.Title).HasMaxLength(200);
        tag.HasIndex(t => new { t.TagSetKey, t.TagId }).IsUnique();
    }
}

internal sealed class NodeRowConfiguration : IEntityTypeConfiguration<NodeEntity>
{
    public void Configure(EntityTypeBuilder<NodeEntity> node)
    {
        node.ToTable("framework_nodes");
        node.HasKey(n => n.Key);
        node.Property(n => n.NodeId).HasMaxLength(100);
        node.Property(n => n.ParentNodeId).HasMaxLength(100);
        node.Property(n => n.Kind).HasMaxLength(60);
        node.Property(n => n.Title).HasMaxLength(1000);
        node.HasIndex(n => new { n.FrameworkId, n.NodeId }).IsUnique();
        node.HasMany(n => n.Measures).WithOne().HasForeignKey(m => m.NodeKey).OnDelete(DeleteBehavior.Cascade);
        node.HasMany(n => n.Intentions).WithOne().HasForeignKey(i => i.NodeKey).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NodeMeasureRowConfiguration : IEntityTypeConfiguration<NodeMeasureEntity>
{
    public void Configure(EntityTypeBuilder<NodeMeasureEntity> link)
    {
        link.ToTable("framework_node_measures");
        link.HasKey(l => l.Key);
        link.Property(l => l.MeasureId).HasMaxLength(100);
        link.HasIndex(l => new { l.NodeKey, l.MeasureId }).IsUnique();
        link.HasOne<MeasureEntity>().WithMany().HasForeignKey(l => l.MeasureId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IntentionRowConfiguration : IEntityTypeConfiguration<IntentionEntity>
{
    public void Configure(EntityTypeBuilder<IntentionEntity> intention)
    {
        intention.ToTable("framework_intentions");
        intention.HasKey(i => i.Key);
        intention.Property(i => i.Tags).HasMaxLength(2000);
    }
}

internal sealed class MeasureRowConfiguration : IEntityTypeConfiguration<MeasureEntity>
{
    public void Configure(EntityTypeBuilder<MeasureEntity> measure)
    {
        measure.ToTable("measures");
        measure.HasKey(m => m.Id);
        measure.Property(m => m.Id).HasMaxLength(100);
        measure.Property(m => m.DefinedBy).HasMaxLength(100);
        measure.Property(m => m.Title).HasMaxLength(1000);
        measure.Property(m => m.Number).HasMaxLength(40);
        measure.Property(m => m.Group).HasMaxLength(200);
        measure.Property(m => m.Unit).HasMaxLength(20);
        measure.Property(m => m.Polarity).HasMaxLength(20);
        measure.Property(m => m.SourceKind).HasMaxLength(20);
        measure.Property(m => m.SourceReference).HasMaxLength(1000);
        measure.Property(m => m.Frequency).HasMaxLength(20);
        measure.Property(m => m.Forum).HasMaxLength(200);
        measure.Property(m => m.Contractual).HasMaxLength(20);
        measure.Property(m => m.Responsibility).HasMaxLength(20);
        measure.Property(m => m.Status).HasMaxLength(20);
        measure.Property(m => m.Owner).HasMaxLength(200);
        measure.Property(m => m.Tags).HasMaxLength(2000);
        measure.HasIndex(m => m.DefinedBy);
    }
}

internal sealed class PeriodicValueRowConfiguration : IEntityTypeConfiguration<PeriodicValueEntity>
{
    public void Configure(EntityTypeBuilder<PeriodicValueEntity> value)
    {
        value.ToTable("periodic_values");
        value.HasKey(v => v.Key);
        value.Property(v => v.MeasureId).HasMaxLength(100);
        value.Property(v => v.Council).HasMaxLength(9);
        value.Property(v => v.PeriodKind).HasMaxLength(20);
        value.Property(v => v.Note).HasMaxLength(2000);
        value.Property(v => v.EnteredBy).HasMaxLength(200);
        value.HasIndex(v => new { v.MeasureId, v.Council, v.PeriodStart, v.PeriodEnd }).IsUnique();
        value.HasIndex(v => v.Council);
        value.HasOne<MeasureEntity>().WithMany().HasForeignKey(v => v.MeasureId).OnDelete(DeleteBehavior.Restrict);
        value.HasOne<Councils.CouncilEntity>().WithMany().HasForeignKey(v => v.Council).HasPrincipalKey(c => c.Code).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TargetRowConfiguration : IEntityTypeConfiguration<TargetEntity>
{
    public void Configure(EntityTypeBuilder<TargetEntity> target)
    {
        target.ToTable("targets");
        target.HasKey(t => t.Key);
        target.Property(t => t.MeasureId).HasMaxLength(100);
        target.Property(t => t.Council).HasMaxLength(9);
        target.Property(t => t.PeriodKind).HasMaxLength(20);
        target.Property(t => t.ToleranceKind).HasMaxLength(20);
        target.Property(t => t.Profile).HasMaxLength(20);
        target.HasIndex(t => new { t.MeasureId, t.Council, t.PeriodStart, t.PeriodEnd }).IsUnique();
        target.HasIndex(t => t.Council);
        target.HasOne<MeasureEntity>().WithMany().HasForeignKey(t => t.MeasureId).OnDelete(DeleteBehavior.Restrict);
        target.HasOne<Councils.CouncilEntity>().WithMany().HasForeignKey(t => t.Council).HasPrincipalKey(c => c.Code).OnDelete(DeleteBehavior.Restrict);
    }
}
