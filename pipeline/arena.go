package pipeline

import "sync"

// recordArena holds the memory of one document's records: the document
// record, its lists, the mentions of its entities, the slabs of its
// events' parts and the position records. emit takes every list from
// here (room), so that with Config.ReuseRecords a later document's emit
// fills the same memory once the sink is done with this one's, instead
// of allocating some forty kilobytes per document anew. Without it each
// document gets an arena of its own, whose lists room allocates at their
// exact size, as emit did before.
type recordArena struct {
	reuse bool // from the pool, going back to it
	rec   DocumentRecord

	segments []Segment
	entities []EntityRecord
	events   []EventRecord
	mentions []Mention
	slabs    eventSlabs
	// boxes are the slabs of position records; positionRecord takes
	// them in turn from box on (they are pointed at: never grown).
	boxes [][]positionBox
	box   int
}

// arenas holds the arenas of documents whose sink has returned
// (Config.ReuseRecords).
var arenas sync.Pool

// maxPooledRecords bounds the records of an arena that goes back to the
// pool: a huge document's go back to the garbage collector.
const maxPooledRecords = 1 << 12

// newArena returns an arena for one document's records: a pooled one when
// reuse is set.
func newArena(reuse bool) *recordArena {
	if !reuse {
		return &recordArena{}
	}
	if a, ok := arenas.Get().(*recordArena); ok {
		return a
	}
	return &recordArena{reuse: true}
}

// release gives a pooled arena back, once nothing reads its records any
// more. The strings the records point to (spans of the document's text,
// names of the gazetteer's) stay valid: only the arena's own memory is
// used again. What the records point to is dropped first, so that a
// pooled arena keeps no document's text alive.
func (a *recordArena) release() {
	if a == nil || !a.reuse {
		return
	}
	if cap(a.entities) > maxPooledRecords || cap(a.events) > maxPooledRecords ||
		cap(a.mentions) > 8*maxPooledRecords || cap(a.slabs.spans) > 8*maxPooledRecords {
		return
	}
	clear(a.rec.Segments) // the arena's lists, as long as emit filled them
	clear(a.rec.Entities)
	clear(a.rec.Events)
	clear(a.mentions)
	a.slabs.clear()
	for _, b := range a.boxes[:a.box] {
		clear(b[:cap(b)])
	}
	a.rec, a.box = DocumentRecord{}, 0
	arenas.Put(a)
}

// room returns an empty list with room for n elements: buf's memory when
// the arena is reused and buf has the room, else new memory. Never nil,
// since a record's empty list is JSON []. The caller keeps the list in
// the arena, in buf's place, for release and the next document.
func room[T any](a *recordArena, buf []T, n int) []T {
	if a.reuse && buf != nil && cap(buf) >= n {
		return buf[:0]
	}
	return make([]T, 0, n)
}

// nextBoxes returns an empty slab of position records.
func (a *recordArena) nextBoxes() []positionBox {
	if a.box < len(a.boxes) {
		b := a.boxes[a.box][:0]
		a.box++
		return b
	}
	b := make([]positionBox, 0, 8)
	if a.reuse {
		a.boxes = append(a.boxes, b)
		a.box++
	}
	return b
}
