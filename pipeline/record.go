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
	Schema     string     `json:"schema,omitempty"`
	Kind       string     `json:"kind,omitempty"`
	Doc        *DocRef    `json:"doc,omitempty"`
	ID         string     `json:"id"`
	Type       string     `json:"type"`
	Name       string     `json:"name"`
	Country    string     `json:"country,omitempty"`
	Sector     string     `json:"sector,omitempty"`
	CameoActor string     `json:"cameo_actor,omitempty"`
	Position   *Position  `json:"position"`
	Positions  []Position `json:"positions,omitempty"` // every position held on as_of, when there are several
	Source     string     `json:"source"`              // gazetteer | pattern
	RoleText   string     `json:"role_text,omitempty"`
	Mentions   []Mention  `json:"mentions"`
}

// EventRecord is the record of kind "event": who did what with whom, when,
// where, on whose word. Inside a DocumentRecord it carries no Schema, Kind
// or Doc.
type EventRecord struct {
	Schema       string             `json:"schema,omitempty"`
	Kind         string             `json:"kind,omitempty"`
	Doc          *DocRef            `json:"doc,omitempty"`
	ID           string             `json:"id"` // "ev_" + 16 hex of a hash of doc id, type and trigger offsets
	Type         string             `json:"type"`
	Plover       *Plover            `json:"plover"`
	Cameo        string             `json:"cameo,omitempty"`
	Lang         string             `json:"lang"`
	Sentence     Span               `json:"sentence"`
	Trigger      Span               `json:"trigger"`
	Participants []EventParticipant `json:"participants"`
	Date         *EventDate         `json:"date"`
	Place        *EventPlace        `json:"place"`
	Topic        string             `json:"topic"`
	Attribution  []EventAttribution `json:"attribution"`
	Modality     EventModality      `json:"modality"`
	Confidence   float64            `json:"confidence"`
	Provenance   Provenance         `json:"provenance"`
}

// Plover is an event's PLOVER type and contexts.
type Plover struct {
	Type     string   `json:"type"`
	Contexts []string `json:"contexts"`
}

// EventParticipant is an entity taking part in an event, with the office
// it held on the event date (else the publication date).
type EventParticipant struct {
	Role     string    `json:"role"` // actor | recipient
	Entity   string    `json:"entity"`
	Name     string    `json:"name"`
	Type     string    `json:"type"` // person | organization | country
	Country  string    `json:"country,omitempty"`
	Sector   string    `json:"sector,omitempty"`
	Position *Position `json:"position,omitempty"`
	Mention  *Span     `json:"mention"`
}

// EventDate is when an event happened. Span is null when the date is the
// publication date (method "publication").
type EventDate struct {
	Value       string `json:"value"`       // YYYY-MM-DD, YYYY-MM or YYYY
	Granularity string `json:"granularity"` // day | week | month | year
	Method      string `json:"method"`
	Span        *Span  `json:"span"`
}

// EventPlace is where an event happened.
type EventPlace struct {
	Entity  string `json:"entity"`
	Name    string `json:"name"`
	Country string `json:"country,omitempty"`
	Span    Span   `json:"span"`
}

// EventAttribution is the speaker or cited source of an event.
type EventAttribution struct {
	Relation string `json:"relation"` // speaker | cited_source
	Entity   string `json:"entity"`
	Name     string `json:"name"`
	Span     Span   `json:"span"`
}

// EventModality flags denied, future and hypothetical events.
type EventModality struct {
	Negated      bool `json:"negated"`
	Future       bool `json:"future"`
	Hypothetical bool `json:"hypothetical"`
}

// Provenance says what produced a record.
type Provenance struct {
	Version   string   `json:"version"`
	Gazetteer string   `json:"gazetteer"`
	Rules     []string `json:"rules"`
}
