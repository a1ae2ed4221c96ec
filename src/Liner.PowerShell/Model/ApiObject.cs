using System;
using System.Collections;
using System.Collections.Generic;
using System.Text;

namespace Liner.PowerShell;

/// <summary>
/// A JSON object whose keys the API docs do not fix, such as a virtual number's <c>params</c>:
/// every key the API sent, in the API's order, spelled as sent (JSON keys are case-sensitive, so
/// <c>phone</c> and <c>PHONE</c> are two keys). Lookup takes the exact spelling first, then any other
/// spelling when only one key matches, so <c>$n.Params.Phone</c> finds <c>phone</c>. PowerShell
/// treats it as it treats a hashtable.
/// </summary>
/// <remarks>
/// Two ways to read it, for two audiences. Scripts and serializers (the indexer, and
/// <see cref="IDictionary.GetEnumerator"/>, which ConvertTo-Json and Export-Clixml use) get the data
/// as the API sent it. Displays get <see cref="ToString"/> (Export-Csv, string conversion) and the
/// plain <see cref="IEnumerable.GetEnumerator"/> (what PowerShell's formatter walks for Format-List,
/// Format-Table and Select-Object *): there a value whose key looks like a secret is masked and an
/// array or object is compact JSON.
/// </remarks>
/// <remarks>
/// Such objects hold a handful of keys, so a list searched in order is smaller and faster than a
/// hash table; one is made for every virtual number read.
/// </remarks>
public sealed class ApiObject : IDictionary
{
    private readonly List<KeyValuePair<string, object?>> _entries = new();

    public int Count => _entries.Count;

    public ICollection Keys
    {
        get
        {
            var keys = new string[_entries.Count];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = _entries[i].Key;
            }
            return keys;
        }
    }

    public ICollection Values
    {
        get
        {
            var values = new object?[_entries.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = _entries[i].Value;
            }
            return values;
        }
    }

    public bool IsReadOnly => false;

    public bool IsFixedSize => false;

    public bool IsSynchronized => false;

    public object SyncRoot => this;

    /// <summary>The value of <paramref name="key"/>, or null when there is no such key (or several that differ only in case).</summary>
    public object? this[object key]
    {
        get
        {
            var index = IndexOf(KeyOf(key));
            return index < 0 ? null : _entries[index].Value;
        }
        set
        {
            var name = KeyOf(key);
            var index = IndexOf(name);
            if (index < 0)
            {
                _entries.Add(new KeyValuePair<string, object?>(name, value));
            }
            else
            {
                _entries[index] = new KeyValuePair<string, object?>(_entries[index].Key, value);
            }
        }
    }

    public void Add(object key, object? value)
    {
        var name = KeyOf(key);
        if (IndexOf(name) >= 0)
        {
            throw new ArgumentException($"The key '{name}' is already present.", nameof(key));
        }
        _entries.Add(new KeyValuePair<string, object?>(name, value));
    }

    /// <summary>Sets the key spelled exactly so, adding it when only other spellings exist: how the API's keys are read.</summary>
    internal void Set(string key, object? value)
    {
        for (var i = 0; i < _entries.Count; i++)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
            {
                _entries[i] = new KeyValuePair<string, object?>(key, value);
                return;
            }
        }
        _entries.Add(new KeyValuePair<string, object?>(key, value));
    }

    public void Clear() => _entries.Clear();

    public bool Contains(object key) => key is string name && IndexOf(name) >= 0;

    public void Remove(object key)
    {
        var index = key is string name ? IndexOf(name) : -1;
        if (index >= 0)
        {
            _entries.RemoveAt(index);
        }
    }

    /// <summary>Every entry as the API sent it.</summary>
    public IDictionaryEnumerator GetEnumerator() => new Enumerator(_entries, forDisplay: false);

    /// <summary>Every entry as a view shows it: secrets masked, arrays and objects as compact JSON.</summary>
    IEnumerator IEnumerable.GetEnumerator() => new Enumerator(_entries, forDisplay: true);

    public void CopyTo(Array array, int index)
    {
        foreach (var entry in _entries)
        {
            array.SetValue(new DictionaryEntry(entry.Key, entry.Value), index++);
        }
    }

    /// <summary><c>key=value; key=value</c>, with secrets masked and arrays and objects as compact JSON.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var entry in _entries)
        {
            if (text.Length > 0)
            {
                text.Append("; ");
            }
            text.Append(entry.Key).Append('=').Append(DisplayValue(entry.Key, entry.Value));
        }
        return text.ToString();
    }

    /// <summary>How a view shows the value of <paramref name="key"/>: masked when the key looks secret.</summary>
    internal static string DisplayValue(string key, object? value) =>
        SensitiveKeys.IsSensitive(key) ? SensitiveKeys.Mask : DisplayJson.Format(value);

    /// <summary>The exact spelling's index; else the one key that matches ignoring case; else -1.</summary>
    private int IndexOf(string key)
    {
        var other = -1;
        for (var i = 0; i < _entries.Count; i++)
        {
            var name = _entries[i].Key;
            if (string.Equals(name, key, StringComparison.Ordinal))
            {
                return i;
            }
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                other = other == -1 ? i : -2;
            }
        }
        return other < 0 ? -1 : other;
    }

    private static string KeyOf(object key) =>
        key as string ?? throw new ArgumentException("Keys of an ApiObject are strings.", nameof(key));

    private sealed class Enumerator : IDictionaryEnumerator
    {
        private readonly List<KeyValuePair<string, object?>> _entries;
        private readonly bool _forDisplay;
        private int _index = -1;

        public Enumerator(List<KeyValuePair<string, object?>> entries, bool forDisplay)
        {
            _entries = entries;
            _forDisplay = forDisplay;
        }

        public DictionaryEntry Entry => new(Key, Value);

        public object Key => _entries[_index].Key;

        public object? Value => _forDisplay ? DisplayValue(_entries[_index].Key, _entries[_index].Value) : _entries[_index].Value;

        public object Current => Entry;

        public bool MoveNext() => ++_index < _entries.Count;

        public void Reset() => _index = -1;
    }
}
