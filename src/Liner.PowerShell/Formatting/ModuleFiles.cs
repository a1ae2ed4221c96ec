using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Xml;

namespace Liner.PowerShell.Formatting;

/// <summary>
/// Writes the module's type and format data from the model classes themselves, so that a new model
/// needs no XML: <c>Liner.PowerShell.Types.ps1xml</c> (every data class comes back as itself after a job
/// or Import-Clixml) and <c>Liner.PowerShell.Tables.Format.ps1xml</c> (a table per class whose
/// properties carry <see cref="TableColumnAttribute"/>). build.ps1 calls <see cref="Write"/> once the
/// assembly is built; the views that are not tables stay in Liner.PowerShell.Format.ps1xml.
/// </summary>
internal static class ModuleFiles
{
    public const string TypesFile = "Liner.PowerShell.Types.ps1xml";
    public const string TablesFile = "Liner.PowerShell.Tables.Format.ps1xml";

    /// <summary>The data classes that come back as themselves after a process boundary.</summary>
    public static readonly Type[] Rehydrated = typeof(ModuleFiles).Assembly.GetTypes()
        .Where(type => type.IsPublic && !type.IsAbstract && (typeof(ApiItem).IsAssignableFrom(type) || type.IsDefined(typeof(RehydrateAttribute))))
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .ToArray();

    public static void Write(string folder)
    {
        File.WriteAllText(Path.Combine(folder, TypesFile), Types(), new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(folder, TablesFile), Tables(), new UTF8Encoding(false));
    }

    /// <summary>For each data class: its bags turn back into it, and it is serialized two levels deep (call windows, times with an offset, components).</summary>
    public static string Types() => Document("Types", xml =>
    {
        xml.WriteComment(" Written by the build from the model classes (Formatting/ModuleFiles.cs): do not edit. ");
        foreach (var type in Rehydrated)
        {
            xml.WriteStartElement("Type");
            xml.WriteElementString("Name", "Deserialized." + type.FullName);
            StandardMembers(xml, "TargetTypeForDeserialization", type.FullName!);
            xml.WriteEndElement();

            xml.WriteStartElement("Type");
            xml.WriteElementString("Name", type.FullName);
            StandardMembers(xml, "SerializationDepth", "2");
            xml.WriteStartElement("TypeConverter");
            xml.WriteElementString("TypeName", typeof(Serialization.DeserializedObjectConverter).FullName);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
    });

    /// <summary>One table view per class with table columns; headers are the property names.</summary>
    public static string Tables() => Document("Configuration", xml =>
    {
        xml.WriteComment(" Written by the build from the [TableColumn] properties of the model classes (Formatting/ModuleFiles.cs): do not edit. ");
        xml.WriteStartElement("ViewDefinitions");
        foreach (var (type, columns) in TableTypes())
        {
            xml.WriteStartElement("View");
            xml.WriteElementString("Name", type.FullName + ".Table");
            xml.WriteStartElement("ViewSelectedBy");
            xml.WriteElementString("TypeName", type.FullName);
            xml.WriteElementString("TypeName", "Deserialized." + type.FullName);
            xml.WriteEndElement();
            xml.WriteStartElement("TableControl");
            xml.WriteStartElement("TableHeaders");
            foreach (var (property, column) in columns)
            {
                xml.WriteStartElement("TableColumnHeader");
                xml.WriteElementString("Label", property.Name);
                if (column.Width > 0)
                {
                    xml.WriteElementString("Width", column.Width.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                if (column.Right)
                {
                    xml.WriteElementString("Alignment", "Right");
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteStartElement("TableRowEntries");
            xml.WriteStartElement("TableRowEntry");
            if (type.IsDefined(typeof(WrapTableAttribute)))
            {
                xml.WriteElementString("Wrap", string.Empty);
            }
            xml.WriteStartElement("TableColumnItems");
            foreach (var (property, column) in columns)
            {
                xml.WriteStartElement("TableColumnItem");
                if (Script(property, column) is { } script)
                {
                    xml.WriteElementString("ScriptBlock", script);
                }
                else
                {
                    xml.WriteElementString("PropertyName", property.Name);
                    if (column.FormatString is { } format)
                    {
                        xml.WriteElementString("FormatString", format);
                    }
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    });

    /// <summary>The classes with a table, each with its columns in order.</summary>
    public static IEnumerable<(Type Type, List<(PropertyInfo Property, TableColumnAttribute Column)> Columns)> TableTypes() =>
        typeof(ModuleFiles).Assembly.GetTypes()
            .Where(type => type.IsPublic)
            .Select(type => (type, columns: type.GetProperties()
                .Select(property => (property, column: property.GetCustomAttribute<TableColumnAttribute>()))
                .Where(pair => pair.column is not null)
                .OrderBy(pair => pair.column!.Order)
                .Select(pair => (pair.property, pair.column!))
                .ToList()))
            .Where(entry => entry.columns.Count > 0)
            .OrderBy(entry => entry.type.FullName, StringComparer.Ordinal);

    private static string? Script(PropertyInfo property, TableColumnAttribute column)
    {
        if (column.Script is { } script)
        {
            return script;
        }
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return type == typeof(DateTimeOffset)
            ? $"if ($null -ne $_.{property.Name}) {{ $_.{property.Name}.LocalDateTime.ToString('{column.TimeFormat}') }}"
            : null;
    }

    private static void StandardMembers(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("Members");
        xml.WriteStartElement("MemberSet");
        xml.WriteElementString("Name", "PSStandardMembers");
        xml.WriteStartElement("Members");
        xml.WriteStartElement("NoteProperty");
        xml.WriteElementString("Name", name);
        xml.WriteElementString("Value", value);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static string Document(string root, Action<XmlWriter> body)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement(root);
            body(xml);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"");
    }
}
