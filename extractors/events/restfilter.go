package events

// fillRestLen sets ix.restLen from restPair and the rest cores
// (withFilter calls it once restPairOK is known): per byte of restPair,
// the length of the shortest core whose restByte it is. refsOf tests a
// word for a byte only if it is that long: the 'f' of
// "*informationssicherheit*" only in words of 22 bytes or more, where
// every word of five held 'f' or 'y' ran restCores ("für", "auf").
func (ix *index) fillRestLen() {
	for k, b := range ix.restPair {
		ix.restLen[k] = -1
		for j, c := range ix.restCore {
			if ix.restByte[j] == b && (ix.restLen[k] < 0 || len(c) < ix.restLen[k]) {
				ix.restLen[k] = len(c)
			}
		}
		ix.restLen[k] = max(ix.restLen[k], 0)
	}
}
