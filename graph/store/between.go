package store

import (
	"context"
	"fmt"
	"slices"

	"github.com/geokg/geokg/graph"
)

// PropBetween is the property that names, on a relationship between two
// entities, both of its ends: their ids in order, a space between. An
// entity of a long history has relationships with hundreds of others;
// its relationships with one of them are found by the index of their
// ends, not by reading its others (nor the other's).
const PropBetween = "between"

// PropWithin is the property that names, on a LOCATED_IN between two
// entities, the place it is in (its end): a place's regions are found by
// the index of their containers, not among every event held there, which
// are most of a busy place's LOCATED_IN.
const PropWithin = "within"

// PropOf is the property that names, on a REPRESENTS between two
// entities, the actor the leader represents (its end), indexed with the
// relationship's last report: the leaders of a period are found by it,
// not among every leader the actor has had.
const PropOf = "of"

// BetweenTypes are the relationship types that join two entities, each
// with an index on PropBetween.
var BetweenTypes = []graph.RelType{graph.RelRepresents, graph.RelControls, graph.RelDemands, graph.RelLocatedIn, graph.RelSupports, graph.RelFights}

// keepsBetween tells whether a relationship of type typ from a start to an
// end label keeps its ends in PropBetween: one of BetweenTypes between
// two entities (an event's LOCATED_IN keeps its place instead).
func keepsBetween(typ graph.RelType, start, end graph.Label) bool {
	return slices.Contains(BetweenTypes, typ) && start.IsEntity() && end.IsEntity()
}

// BetweenValue is the Cypher expression of the PropBetween value of a
// relationship between the nodes a and b, in either direction.
func BetweenValue(a, b string) string {
	return fmt.Sprintf("CASE WHEN %[1]s.id < %[2]s.id THEN %[1]s.id + ' ' + %[2]s.id ELSE %[2]s.id + ' ' + %[1]s.id END", a, b)
}

// endKey is the property that names, on a relationship of type typ
// between two entities, its end alone: within for a LOCATED_IN, of for a
// REPRESENTS, "" for the others.
func endKey(typ graph.RelType) string {
	switch typ {
	case graph.RelLocatedIn:
		return PropWithin
	case graph.RelRepresents:
		return PropOf
	}
	return ""
}

// entityKeys is the SET items that give the relationship r, of type typ
// from the entity a to the entity b, the keys of its ends: between, and
// its end's (endKey).
func entityKeys(typ graph.RelType, r, a, b string) string {
	set := r + "." + PropBetween + " = " + BetweenValue(a, b)
	if k := endKey(typ); k != "" {
		set += ", " + r + "." + k + " = " + b + ".id"
	}
	return set
}

// fillBetween gives the relationships between entities of a graph loaded
// or imported without the keys of their ends those keys, once, before
// their indexes are made.
func (db *DB) fillBetween(ctx context.Context) error {
	return db.fillEntityKeys(ctx, BetweenTypes...)
}

// fillOf gives the REPRESENTS of a graph that has every other key of the
// ends the represented actor's (PropOf), without writing the others again.
func (db *DB) fillOf(ctx context.Context) error {
	return db.fillEntityKeys(ctx, graph.RelRepresents)
}

// fillEntityKeys sets the keys of their ends (entityKeys) on the
// relationships of the types between two entities.
func (db *DB) fillEntityKeys(ctx context.Context, types ...graph.RelType) error {
	for _, t := range types {
		q := "MATCH (a)-[r:" + quote(t) + "]->(b) WHERE NOT a:Event AND NOT b:Event\n" +
			"CALL (a, r, b) { SET " + entityKeys(t, "r", "a", "b") + " } IN TRANSACTIONS OF 10000 ROWS"
		if err := db.autocommit(ctx, q); err != nil {
			return fmt.Errorf("schema: fill the ends of %s relationships: %w", t, err)
		}
	}
	return nil
}
