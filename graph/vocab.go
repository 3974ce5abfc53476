package graph

import (
	"fmt"
	"slices"
	"strings"
)

// Label is a node label of the contract. Nodes may carry extra labels of
// their own (plain identifiers, see ValidName) after the contract's one.
type Label string

// Node labels of the contract.
const (
	LabelArticle      Label = "Article"
	LabelLeader       Label = "Leader"
	LabelState        Label = "State"
	LabelRegion       Label = "Region"
	LabelOrganization Label = "Organization"
	LabelEvent        Label = "Event"
)

// Labels lists every node label of the contract, in the order the loader
// writes them and dumps sort them.
var Labels = []Label{LabelArticle, LabelLeader, LabelState, LabelRegion, LabelOrganization, LabelEvent}

// EntityLabels are the labels of actors and places: everything but
// articles and events.
var EntityLabels = []Label{LabelLeader, LabelState, LabelRegion, LabelOrganization}

// IsEntity tells whether l labels an actor or a place.
func (l Label) IsEntity() bool { return slices.Contains(EntityLabels, l) }

// Rank is l's position in Labels, or len(Labels) for an extra label.
func (l Label) Rank() int {
	if i := slices.Index(Labels, l); i >= 0 {
		return i
	}
	return len(Labels)
}

// ParseLabel reads a contract label, with an error that lists them.
func ParseLabel(s string) (Label, error) { return parse("label", s, Labels) }

// RelType is a relationship type of the contract.
type RelType string

// Relationship types of the contract.
const (
	RelMentions   RelType = "MENTIONS"
	RelRepresents RelType = "REPRESENTS"
	RelMediates   RelType = "MEDIATES"
	RelPartyTo    RelType = "PARTY_TO"
	RelControls   RelType = "CONTROLS"
	RelDemands    RelType = "DEMANDS"
	RelLocatedIn  RelType = "LOCATED_IN"
	RelSupports   RelType = "SUPPORTS"
	RelFights     RelType = "FIGHTS"
)

// RelTypes lists every relationship type of the contract.
var RelTypes = []RelType{RelMentions, RelRepresents, RelMediates, RelPartyTo, RelControls, RelDemands, RelLocatedIn, RelSupports, RelFights}

// ParseRelType reads a relationship type, with an error that lists them.
func ParseRelType(s string) (RelType, error) { return parse("relationship type", s, RelTypes) }

// EventType is a value of Event.type.
type EventType string

// The contract's event types.
const (
	EventTalks            EventType = "talks"
	EventCeasefire        EventType = "ceasefire"
	EventAgreement        EventType = "agreement"
	EventArmedConflict    EventType = "armed_conflict"
	EventAttack           EventType = "attack"
	EventSummit           EventType = "summit"
	EventElection         EventType = "election"
	EventSanctions        EventType = "sanctions"
	EventPrisonerExchange EventType = "prisoner_exchange"
	EventProtest          EventType = "protest"
	EventOther            EventType = "other"
)

// EventTypes are the allowed values of Event.type.
var EventTypes = []EventType{EventTalks, EventCeasefire, EventAgreement, EventArmedConflict, EventAttack, EventSummit, EventElection, EventSanctions, EventPrisonerExchange, EventProtest, EventOther}

// ParseEventType reads an event type, with an error that lists them.
func ParseEventType(s string) (EventType, error) { return parse("event type", s, EventTypes) }

// OrgKind is a value of Organization.kind.
type OrgKind string

// The contract's organization kinds.
const (
	OrgArmedGroup     OrgKind = "armed_group"
	OrgIGO            OrgKind = "igo"
	OrgParty          OrgKind = "party"
	OrgGovernmentBody OrgKind = "government_body"
	OrgOther          OrgKind = "other"
)

// OrgKinds are the allowed values of Organization.kind.
var OrgKinds = []OrgKind{OrgArmedGroup, OrgIGO, OrgParty, OrgGovernmentBody, OrgOther}

// ParseOrgKind reads an organization kind, with an error that lists them.
func ParseOrgKind(s string) (OrgKind, error) { return parse("organization kind", s, OrgKinds) }

func parse[T ~string](what, s string, allowed []T) (T, error) {
	if slices.Contains(allowed, T(s)) {
		return T(s), nil
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = string(a)
	}
	return "", fmt.Errorf("unknown %s %q (want one of %s)", what, s, strings.Join(names, ", "))
}

// RegionKind is a value of Region.kind: what sort of place a region is.
// The contract leaves it free; geokg uses these.
type RegionKind string

// The kinds of region geokg's gazetteer and extractor use.
const (
	RegionProvince  RegionKind = "province"
	RegionCity      RegionKind = "city"
	RegionDisputed  RegionKind = "disputed"
	RegionBreakaway RegionKind = "breakaway"
	RegionOccupied  RegionKind = "occupied"
	RegionSea       RegionKind = "sea"
	RegionArea      RegionKind = "area"
	// RegionWider is an area across several states that none holds or
	// claims ("the Sahel", "the Middle East").
	RegionWider RegionKind = "wider"
)

// RegionKinds are the allowed values of Region.kind.
var RegionKinds = []RegionKind{RegionProvince, RegionCity, RegionDisputed, RegionBreakaway, RegionOccupied, RegionSea, RegionArea, RegionWider}

// ParseRegionKind reads a region kind, with an error that lists them.
func ParseRegionKind(s string) (RegionKind, error) { return parse("region kind", s, RegionKinds) }
