package graph

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// stdDecode is the reference: encoding/json into the line's struct.
func stdDecode(raw []byte) (*jsonLine, error) {
	var l jsonLine
	if err := json.Unmarshal(raw, &l); err != nil {
		return nil, err
	}
	return &l, nil
}

// DecodeLine reads what encoding/json reads, value for value (lists of
// strings aside, which it gives as []string).
func TestDecodeLineMatchesEncodingJSON(t *testing.T) {
	lines := []string{
		`{"type":"node","id":"state:russia","labels":["State"],"properties":{"id":"state:russia","name":"Russia","aliases":["Kremlin","RF"]}}`,
		`{"type":"relationship","id":"r1","label":"MEDIATES","start":{"id":"state:qatar","labels":["State"]},"end":{"id":"event:1","labels":["Event"]},"properties":{"sources":["a"],"evidence":["He said \"yes\" \u00e9\ud83d\ude00 \\ \/ \b\f\n\r\t"],"confidence":0.8,"n":-12.5e-3,"ok":true,"no":false,"none":null,"mixed":[1,"a",true],"empty":[],"nested":{"a":[1,2]}}}`,
		` { "type" : "node" , "id" : "a" , "labels" : [ "Article" , "X" ] , "properties" : { } , "extra" : [ {"k": null} ] } `,
		`{"type":"node","id":"a","labels":["Article"]}`,
		`{"type":"node","id":"a","labels":["Article"],"properties":null}`,
		`{"type":"node","id":"a","labels":["Article"],"properties":{"s":"lone \ud800 surrogate \ud800\u0041","u":"ünïcödé"}}`,
		`{"type":"node","id":"a","labels":["Article"],"properties":{"big":12345678901234567890,"e":1E5}}`,
	}
	for _, l := range lines {
		want, err := stdDecode([]byte(l))
		if err != nil {
			t.Fatalf("encoding/json: %v on %s", err, l)
		}
		n, r, err := DecodeLine([]byte(l))
		if err != nil {
			t.Errorf("DecodeLine(%s): %v", l, err)
			continue
		}
		var got jsonLine
		if n != nil {
			got = jsonLine{Type: "node", ID: n.ID, Labels: n.Labels, Props: n.Props}
		} else {
			got = jsonLine{Type: "relationship", ID: r.ID, Label: r.Type, Start: &r.Start, End: &r.End, Props: r.Props}
		}
		if want.Props == nil {
			want.Props = map[string]any{}
		}
		w, _ := json.Marshal(want)
		g, _ := json.Marshal(got)
		if string(w) != string(g) {
			t.Errorf("DecodeLine(%s)\n got %s\nwant %s", l, g, w)
		}
	}
}

func TestDecodeLineErrors(t *testing.T) {
	for _, l := range []string{
		``, `{`, `{"type":"node"`, `{"type":"node","id":"a","labels":["Article"]} x`,
		`{"type":"node","id":"a","labels":["Article"],"properties":{"a":01x}}`,
		`{"type":"node","id":"a","labels":["Article"],"properties":{"a":"unterminated}}`,
		`{"type":"node","id":"a","labels":["Article"],"properties":{"a":"bad \q escape"}}`,
		`{"type":"node","id":"a","labels":["Article"],"properties":{"a":tru}}`,
		`{"type":"node","id":5,"labels":["Article"]}`,
		`{"type":"node","id":"a","labels":"Article"}`,
		`{"type":"node","id":"a","labels":["Article"],"properties":[1]}`,
		`{"type":"node","labels":["Article"]}`,
		`{"type":"relationship","id":"r","label":"X","start":{"id":"a","labels":["A"]}}`,
		`{"type":"edge","id":"a"}`,
		"{\"type\":\"node\",\"id\":\"a\x01\",\"labels\":[\"Article\"]}",
	} {
		if _, _, err := DecodeLine([]byte(l)); err == nil {
			t.Errorf("DecodeLine(%q) accepted it", l)
		}
		if _, err := stdDecode([]byte(l)); err == nil && !strings.Contains(l, `"type"`) {
			t.Errorf("encoding/json accepts %q", l)
		}
	}
}

func FuzzDecodeLine(f *testing.F) {
	f.Add([]byte(`{"type":"node","id":"a","labels":["Article"],"properties":{"x":[1,"a"],"y":"\u00e9"}}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		n, r, err := DecodeLine(raw)
		if err != nil {
			return
		}
		if _, serr := stdDecode(raw); serr != nil {
			t.Fatalf("DecodeLine accepts what encoding/json refuses (%v): %q", serr, raw)
		}
		if (n == nil) == (r == nil) {
			t.Fatal("want exactly one of node and relationship")
		}
	})
}

// benchLines is the graph of synthetic-like articles as extract writes it.
func benchLines(b *testing.B) [][]byte {
	var buf bytes.Buffer
	w := NewJSONLWriter(&buf)
	for i := 0; i < 200; i++ {
		ev := "Ruritania pledged fresh military aid to Freedonia, officials in the capital said on Tuesday, as talks on a ceasefire stalled."
		bt := article("article:"+strings.Repeat("ab", 8), "2024-03-01", 0.75, ev, state("Ruritania", "Ruritanian Republic"), state("Freedonia"), state("Elbonia"))
		if err := w.Write(bt); err != nil {
			b.Fatal(err)
		}
	}
	var out [][]byte
	sc := bufio.NewScanner(&buf)
	for sc.Scan() {
		out = append(out, append([]byte(nil), sc.Bytes()...))
	}
	return out
}

// BenchmarkDecodeLine decodes JSON lines three ways: as geokg load did
// (a bufio.Scanner with its 64 KB buffer per line, then encoding/json),
// with encoding/json alone, and with DecodeLine. Compare ns/op (per line).
func BenchmarkDecodeLine(b *testing.B) {
	lines := benchLines(b)
	run := func(b *testing.B, decode func([]byte) error) {
		b.ReportAllocs()
		var size int
		for _, l := range lines {
			size += len(l)
		}
		b.SetBytes(int64(size / len(lines)))
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if err := decode(lines[i%len(lines)]); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("scanner+encoding-json", func(b *testing.B) {
		run(b, func(raw []byte) error {
			sc := bufio.NewScanner(bytes.NewReader(raw))
			sc.Buffer(make([]byte, 64*1024), 64*1024*1024)
			for sc.Scan() {
				if _, err := stdDecode(sc.Bytes()); err != nil {
					return err
				}
			}
			return sc.Err()
		})
	})
	b.Run("encoding-json", func(b *testing.B) {
		run(b, func(raw []byte) error { _, err := stdDecode(raw); return err })
	})
	b.Run("DecodeLine", func(b *testing.B) {
		run(b, func(raw []byte) error { _, _, err := DecodeLine(raw); return err })
	})
}
