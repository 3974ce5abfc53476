package extract

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/geokg/geokg/eval"
)

// qualityFloors are the figures the extractor must keep on the project's
// own gold articles: micro F1 of entities, relations and events, by set,
// as the in-repo scorer computes them. Raise them when extraction gets
// better; never lower them to make a change pass.
const qualityFloors = "testdata/quality-floor.tsv"

// TestQualityFloor extracts the project's gold article sets with the
// built-in gazetteer and scores them with package eval (rule for rule as
// score.py): each kind's F1 must stay at or above its recorded floor.
// The sample articles run always; the held-out, broad, wire, dispatch,
// briefs and reports sets, the slow part, skip under -short.
func TestQualityFloor(t *testing.T) {
	floors := readFloors(t)
	x := fullExtractor(t)
	for _, set := range []string{"articles", "holdout", "broad", "wire", "dispatch", "briefs", "reports"} {
		t.Run(set, func(t *testing.T) {
			if testing.Short() && set != "articles" {
				t.Skip("skipped under -short")
			}
			p, err := eval.Extracting(x, "")
			if err != nil {
				t.Fatal(err)
			}
			total, err := eval.Run(t.Context(), eval.RunOptions{Gold: "../../testdata/" + set, Predictor: p})
			if err != nil {
				t.Fatal(err)
			}
			if total.Failures > 0 {
				t.Errorf("%d articles failed to extract", total.Failures)
			}
			var got []string
			for _, kind := range []string{eval.KindEntity, eval.KindRelation, eval.KindEvent} {
				_, _, f1 := total.Total(kind).PRF()
				got = append(got, fmt.Sprintf("%s %.4f", kind, f1))
				floor, ok := floors[set+" "+kind]
				if !ok {
					t.Errorf("%s: no floor for %s in %s", set, kind, qualityFloors)
					continue
				}
				if f1 < floor-1e-9 {
					t.Errorf("%s: %s F1 %.4f is below its floor %.3f", set, kind, f1, floor)
				}
			}
			t.Logf("%s: %s", set, strings.Join(got, ", "))
		})
	}
}

// readFloors reads set<TAB>kind<TAB>F1 lines.
func readFloors(t *testing.T) map[string]float64 {
	t.Helper()
	f, err := os.Open(qualityFloors)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]float64{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Split(line, "\t")
		if len(fs) != 3 {
			t.Fatalf("%s:%d: want set<TAB>kind<TAB>F1", qualityFloors, n)
		}
		v, err := strconv.ParseFloat(fs[2], 64)
		if err != nil {
			t.Fatalf("%s:%d: %v", qualityFloors, n, err)
		}
		out[fs[0]+" "+fs[1]] = v
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
