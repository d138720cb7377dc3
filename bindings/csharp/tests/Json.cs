// A small JSON reader for the shared vectors (tests only: no NuGet here).
// Objects become Dictionary<string, object> (keys in file order in
// KeyOrder), arrays List<object>, numbers double, plus string, bool, null.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SmartbillSignup.Tests
{
    internal sealed class JsonObject : Dictionary<string, object>
    {
        public readonly List<string> KeyOrder = new List<string>();

        public string Str(string key)
        {
            object v;
            return TryGetValue(key, out v) ? v as string : null;
        }

        public JsonObject Obj(string key)
        {
            object v;
            return TryGetValue(key, out v) ? v as JsonObject : null;
        }

        public List<object> Arr(string key)
        {
            object v;
            return TryGetValue(key, out v) ? v as List<object> : null;
        }

        public List<string> Strings(string key)
        {
            var list = new List<string>();
            var arr = Arr(key);
            if (arr != null) foreach (object o in arr) list.Add((string)o);
            return list;
        }

        public long? Num(string key)
        {
            object v;
            return TryGetValue(key, out v) && v is double ? (long?)(long)(double)v : null;
        }

        public bool? Bool(string key)
        {
            object v;
            return TryGetValue(key, out v) && v is bool ? (bool?)(bool)v : null;
        }
    }

    internal sealed class Json
    {
        private readonly string _s;
        private int _i;

        private Json(string s) { _s = s; }

        public static object Parse(string text)
        {
            var p = new Json(text);
            object v = p.Value();
            p.Ws();
            if (p._i != text.Length) throw p.Error("trailing characters");
            return v;
        }

        private Exception Error(string what) { return new FormatException("JSON: " + what + " at " + _i); }

        private void Ws()
        {
            while (_i < _s.Length && (_s[_i] == ' ' || _s[_i] == '\t' || _s[_i] == '\n' || _s[_i] == '\r')) _i++;
        }

        private object Value()
        {
            Ws();
            if (_i >= _s.Length) throw Error("unexpected end");
            char c = _s[_i];
            if (c == '{') return Object();
            if (c == '[') return Array();
            if (c == '"') return String();
            if (Literal("true")) return true;
            if (Literal("false")) return false;
            if (Literal("null")) return null;
            return Number();
        }

        private bool Literal(string word)
        {
            if (string.CompareOrdinal(_s, _i, word, 0, word.Length) != 0) return false;
            _i += word.Length;
            return true;
        }

        private JsonObject Object()
        {
            var o = new JsonObject();
            _i++;
            Ws();
            if (_s[_i] == '}') { _i++; return o; }
            while (true)
            {
                Ws();
                string key = String();
                Ws();
                if (_s[_i++] != ':') throw Error("expected :");
                o[key] = Value();
                o.KeyOrder.Add(key);
                Ws();
                char c = _s[_i++];
                if (c == '}') return o;
                if (c != ',') throw Error("expected , or }");
            }
        }

        private List<object> Array()
        {
            var a = new List<object>();
            _i++;
            Ws();
            if (_s[_i] == ']') { _i++; return a; }
            while (true)
            {
                a.Add(Value());
                Ws();
                char c = _s[_i++];
                if (c == ']') return a;
                if (c != ',') throw Error("expected , or ]");
            }
        }

        private string String()
        {
            if (_s[_i++] != '"') throw Error("expected string");
            var sb = new StringBuilder();
            while (true)
            {
                char c = _s[_i++];
                if (c == '"') return sb.ToString();
                if (c != '\\') { sb.Append(c); continue; }
                char e = _s[_i++];
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        sb.Append((char)int.Parse(_s.Substring(_i, 4), NumberStyles.HexNumber));
                        _i += 4;
                        break;
                    default: throw Error("bad escape");
                }
            }
        }

        private double Number()
        {
            int start = _i;
            while (_i < _s.Length && "+-0123456789.eE".IndexOf(_s[_i]) >= 0) _i++;
            if (start == _i) throw Error("unexpected character");
            return double.Parse(_s.Substring(start, _i - start), CultureInfo.InvariantCulture);
        }
    }
}
