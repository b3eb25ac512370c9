package events

// Event types of SPEC section 3.
const (
	TypeSignAgreement   = "SIGN_AGREEMENT"
	TypeAgree           = "AGREE"
	TypeCooperateIntent = "COOPERATE_INTENT"
	TypeConsult         = "CONSULT"
	TypeMeet            = "MEET"
	TypeVisit           = "VISIT"
	TypeStatement       = "STATEMENT"
	TypeAccuse          = "ACCUSE"
	TypeDeny            = "DENY"
	TypeOther           = "OTHER"
)

// mapping is the one table from event type to PLOVER type and CAMEO code
// (SPEC section 3): every event takes its codes from here.
var mapping = map[string]struct{ plover, cameo string }{
	TypeSignAgreement:   {"SUPPORT", "057"},
	TypeAgree:           {"AGREE", "030"},
	TypeCooperateIntent: {"AGREE", "036"},
	TypeConsult:         {"CONSULT", "046"},
	TypeMeet:            {"CONSULT", "043"},
	TypeVisit:           {"CONSULT", "042"},
	TypeStatement:       {"", "010"},
	TypeAccuse:          {"ACCUSE", "112"},
	TypeDeny:            {"REJECT", "016"},
	TypeOther:           {"", ""},
}

func knownType(t string) bool {
	_, ok := mapping[t]
	return ok
}

// symmetric types list every side as an actor (a bilateral signing,
// agreement, consultation or meeting has no recipient).
var symmetric = map[string]bool{
	TypeSignAgreement: true, TypeAgree: true, TypeCooperateIntent: true, TypeConsult: true, TypeMeet: true,
}

// ploverContext maps a topic to a PLOVER context.
var ploverContext = map[string]string{
	"cyber": "cyber", "infosec": "cyber", "military": "military", "security": "security",
	"diplomacy": "diplomatic", "trade": "economic",
}

// topicOrder breaks ties between topics: the more specific first.
var topicOrder = [...]string{"cyber", "infosec", "military", "security", "trade", "diplomacy"}
