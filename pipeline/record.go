package pipeline

// The record types below are the JSON contract of SPEC section 3: their
// JSON tags and field order are what users' jq scripts read. A change here
// is a change of the contract (bump Schema).

// Schema is the value of every record's "schema" field.
const Schema = "gazex/1"

// Record kinds.
const (
	KindDocument = "document"
	KindEntity   = "entity"
	KindEvent    = "event"
)

// Span is a half-open range of a document's original text, before any
// normalisation: Byte in UTF-8 bytes, Char in Unicode code points. Text is
// exactly the original slice.
type Span struct {
	Text string `json:"text"`
	Byte [2]int `json:"byte"`
	Char [2]int `json:"char"`
}

// DocRef identifies the document a record comes from.
type DocRef struct {
	ID        string `json:"id"`
	Path      string `json:"path,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD
	SHA256    string `json:"sha256"`              // of the original text
}

// Segment is a run of the document in another language than its own.
type Segment struct {
	Lang       string  `json:"lang"`
	Confidence float64 `json:"confidence"`
	Span       Span    `json:"span"`
}

// DocumentRecord is the record of kind "document": one per input document.
type DocumentRecord struct {
	Schema         string         `json:"schema"`
	Kind           string         `json:"kind"`
	Doc            DocRef         `json:"doc"`
	Lang           string         `json:"lang"`
	LangConfidence float64        `json:"lang_confidence"`
	Segments       []Segment      `json:"segments"`
	Entities       []EntityRecord `json:"entities"`
	Events         []EventRecord  `json:"events"`
	Warnings       []string       `json:"warnings,omitempty"`
	Text           *string        `json:"text,omitempty"` // with --include-text
}

// Position is the office an entity held on AsOf.
type Position struct {
	Title string  `json:"title"`
	Org   *string `json:"org"`
	From  *string `json:"from"`
	To    *string `json:"to"`
	AsOf  string  `json:"as_of"`
}

// Mention is one place where an entity is named.
type Mention struct {
	Span
	Lang  string `json:"lang"`
	Match string `json:"match"` // exact | alias | inflected | fuzzy | coref | pattern
}

// EntityRecord is the record of kind "entity": one per distinct entity per
// document. Inside a DocumentRecord it carries no Schema, Kind or Doc.
type EntityRecord struct {
	Schema     string    `json:"schema,omitempty"`
	Kind       string    `json:"kind,omitempty"`
	Doc        *DocRef   `json:"doc,omitempty"`
	ID         string    `json:"id"`
	Type       string    `json:"type"`
	Name       string    `json:"name"`
	Country    string    `json:"country,omitempty"`
	Sector     string    `json:"sector,omitempty"`
	CameoActor string    `json:"cameo_actor,omitempty"`
	Position   *Position `json:"position"`
	Source     string    `json:"source"` // gazetteer | pattern
	RoleText   string    `json:"role_text,omitempty"`
	Mentions   []Mention `json:"mentions"`
}

// EventRecord is the record of kind "event". gazex does not extract events
// yet; the type exists so that documents carry an (empty) "events" list of
// the right shape.
type EventRecord struct {
	Schema string  `json:"schema,omitempty"`
	Kind   string  `json:"kind,omitempty"`
	Doc    *DocRef `json:"doc,omitempty"`
	ID     string  `json:"id"`
	Type   string  `json:"type"`
}
