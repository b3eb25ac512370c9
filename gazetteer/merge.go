package gazetteer

// merging is [Merge] of a user's entities over base, with the indexes
// that checkOver needs of it: the merge already looks up every id, and
// a million-name data set would otherwise build four maps of its ids
// (Merge's two, the merged entities by id, the user's duplicates).
type merging struct {
	base, user, merged []*Entity
	baseAt             map[string]int     // id → index in base of its first entity (a small map: the default)
	replacedBy         map[int]*Entity    // base index → the user's entity that replaces it (the last with its id)
	userFirst          map[string]*Entity // id → the first of the user's entities with it
	dups               [][2]*Entity       // the user's entities whose id an earlier one has, and that one
	keptBase           []*Entity          // the base entities in merged, in order: those no user's entity replaces
}

// merge lays user over base as [Merge] does: an entity of user replaces
// the first base entity of its id in place (the last of the user's with
// that id does; later base entities with it are dropped), the others are
// appended, the first of each id.
func merge(base, user []*Entity) *merging {
	m := &merging{
		base: base, user: user,
		baseAt:     make(map[string]int, len(base)),
		replacedBy: map[int]*Entity{},
		userFirst:  make(map[string]*Entity, len(user)),
	}
	for i, e := range base {
		if _, ok := m.baseAt[e.ID]; !ok {
			m.baseAt[e.ID] = i
		}
	}
	// Most of a large data set is new: grown by append, the list would
	// leave a few times its size of garbage.
	appended := make([]*Entity, 0, len(user))
	for _, e := range user {
		prev, dup := m.userFirst[e.ID]
		if dup {
			m.dups = append(m.dups, [2]*Entity{e, prev})
		} else {
			m.userFirst[e.ID] = e
		}
		if i, ok := m.baseAt[e.ID]; ok {
			m.replacedBy[i] = e
		} else if !dup {
			appended = append(appended, e)
		}
	}
	m.merged = make([]*Entity, 0, len(base)+len(appended))
	for j, e := range base {
		if m.replaced(e) {
			if i := m.baseAt[e.ID]; i == j {
				m.merged = append(m.merged, m.replacedBy[i])
			}
			continue
		}
		m.merged = append(m.merged, e)
		m.keptBase = append(m.keptBase, e)
	}
	m.merged = append(m.merged, appended...)
	return m
}

// replaced reports whether a user's entity replaces the base entity e
// (an entity of base has its id).
func (m *merging) replaced(e *Entity) bool {
	i, ok := m.baseAt[e.ID]
	if !ok {
		return false
	}
	_, ok = m.replacedBy[i]
	return ok
}

// byID returns the first merged entity with the id, or nil.
func (m *merging) byID(id string) *Entity {
	if i, ok := m.baseAt[id]; ok {
		if o, ok := m.replacedBy[i]; ok {
			return o
		}
		return m.base[i]
	}
	return m.userFirst[id]
}
