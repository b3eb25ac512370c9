package pipeline

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Emit modes (SPEC `--emit`): which records a result yields.
const (
	EmitEvents    = "events"
	EmitEntities  = "entities"
	EmitDocuments = "documents"
	EmitAll       = "all"
)

// ValidEmit reports whether mode is one of the Emit modes.
func ValidEmit(mode string) bool {
	switch mode {
	case EmitEvents, EmitEntities, EmitDocuments, EmitAll:
		return true
	}
	return false
}

// An Encoder turns results into JSON lines, the records one --emit mode
// asks for, each ending in "\n" and without HTML escaping. Every front end
// (the CLI, batch, Beam, NATS workers) encodes with it, so the same
// document gives the same bytes everywhere. An Encoder is not safe for
// concurrent use; make one per goroutine.
type Encoder struct {
	mode string
	buf  bytes.Buffer
	enc  *json.Encoder
	out  []byte // the lines of the appenders (appendjson.go)
	// marks are where the document record's entities and events are in
	// out (--emit all), for their records of their own.
	marks []mark
	esc   escapedText // of the text of the result being encoded
}

// NewEncoder returns an Encoder for mode, or an error if mode is not one of
// the Emit modes.
func NewEncoder(mode string) (*Encoder, error) {
	if !ValidEmit(mode) {
		return nil, fmt.Errorf("emit %q: want %s, %s, %s or %s", mode, EmitEvents, EmitEntities, EmitDocuments, EmitAll)
	}
	e := &Encoder{mode: mode}
	e.enc = json.NewEncoder(&e.buf)
	e.enc.SetEscapeHTML(false)
	return e, nil
}

// Encode returns the lines of r's records, in the order documents,
// entities, events. A result that carries an error has none. The returned
// slice is valid until the next call.
func (e *Encoder) Encode(r Result) ([]byte, error) {
	e.buf.Reset()
	doc := r.Document
	if r.Err != nil || doc == nil {
		return nil, nil
	}
	if appendersFit {
		if out, ok := e.appendLines(doc, r); ok {
			return out, nil
		}
	}
	if e.mode == EmitDocuments || e.mode == EmitAll {
		if err := e.enc.Encode(doc); err != nil {
			return nil, err
		}
	}
	if e.mode == EmitEntities || e.mode == EmitAll {
		for _, x := range doc.Entities {
			x.Schema, x.Kind, x.Doc = Schema, KindEntity, &doc.Doc
			if err := e.enc.Encode(x); err != nil {
				return nil, err
			}
		}
	}
	if e.mode == EmitEvents || e.mode == EmitAll {
		for _, x := range doc.Events {
			x.Schema, x.Kind, x.Doc = Schema, KindEvent, &doc.Doc
			if err := e.enc.Encode(x); err != nil {
				return nil, err
			}
		}
	}
	return e.buf.Bytes(), nil
}

// appendLines is Encode by the appenders of appendjson.go; ok is false
// when a record holds a value only encoding/json can refuse.
//
// With --emit all every entity and event is written twice: inside the
// document record, and as a record of its own that differs only in its
// head ("schema", "kind", "doc" before "id"). The second is made from the
// bytes of the first rather than encoded again (the records' text spans
// are most of the output); TestAppendersAsEncodingJSON checks it against
// encoding/json.
func (e *Encoder) appendLines(doc *DocumentRecord, r Result) (out []byte, ok bool) {
	w := jsonWriter{b: e.out[:0], marking: e.mode == EmitAll, marks: e.marks[:0]}
	if r.text != "" {
		e.esc.reset(r.text, r.esc, r.escKnown)
		w.esc = &e.esc
		defer e.esc.release()
	}
	if e.mode == EmitDocuments || e.mode == EmitAll {
		w.document(doc)
		w.b = append(w.b, '\n')
	}
	marks := w.marks // one per entity, then one per event
	e.marks = marks
	if e.mode == EmitEntities || e.mode == EmitAll {
		for i := range doc.Entities {
			x := &doc.Entities[i]
			if m, ok := take(&marks, x.Schema, x.Kind, x.Doc); ok {
				w.again(m, KindEntity, &doc.Doc)
				continue
			}
			w.entityWith(x, Schema, KindEntity, &doc.Doc)
			w.b = append(w.b, '\n')
		}
	}
	if e.mode == EmitEvents || e.mode == EmitAll {
		for i := range doc.Events {
			x := &doc.Events[i]
			if m, ok := take(&marks, x.Schema, x.Kind, x.Doc); ok {
				w.again(m, KindEvent, &doc.Doc)
				continue
			}
			w.eventWith(x, Schema, KindEvent, &doc.Doc)
			w.b = append(w.b, '\n')
		}
	}
	e.out = w.b
	return w.b, !w.bad
}

// take pops the next of marks (--emit all) and reports whether the record
// of its own can be copied from it: when the entity or event inside the
// document has no head, as emit makes them, its JSON there starts with
// "id", and the record of its own is that JSON with the head put in front.
func take(marks *[]mark, schema, kind string, doc *DocRef) (mark, bool) {
	if len(*marks) == 0 {
		return mark{}, false
	}
	m := (*marks)[0]
	*marks = (*marks)[1:]
	return m, schema == "" && kind == "" && doc == nil
}

// again writes the record of its own of an entity or event whose JSON the
// document record holds at w.b[m.start:m.end] (`{"id":…}`): the head, then
// that JSON after its brace.
func (w *jsonWriter) again(m mark, kind string, doc *DocRef) {
	w.b = append(w.b, `{"schema":`...)
	w.str(Schema)
	w.b = append(w.b, `,"kind":`...)
	w.str(kind)
	w.b = append(w.b, `,"doc":`...)
	w.docRef(doc)
	w.b = append(w.b, ',')
	w.b = append(w.b, w.b[m.start+1:m.end]...)
	w.b = append(w.b, '\n')
}
