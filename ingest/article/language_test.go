package article

import (
	"os"
	"path/filepath"
	"testing"
)

func TestEnglish(t *testing.T) {
	// The project's own articles are English, whatever their style.
	files, err := filepath.Glob("../../testdata/*/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test articles: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !English(string(b)) {
			t.Errorf("%s: English says it is not English", f)
		}
	}
	for _, tt := range []struct {
		lang, text string
		want       bool
	}{
		{"en", "The government announced on Tuesday that talks with the rebels would resume in the capital under the auspices of the African Union.", true},
		{"en, headline", "Rebels seize Goma airport", true},           // too short to tell
		{"fr, short", "Reprise des négociations à Addis-Abeba", true}, // too short to tell
		{"fr", "Le gouvernement a annoncé mardi la reprise des négociations avec les rebelles dans la capitale, sous l'égide de l'Union africaine. Les deux parties se sont engagées à respecter un cessez-le-feu.", false},
		{"de", "Die Regierung kündigte am Dienstag die Wiederaufnahme der Gespräche mit den Rebellen in der Hauptstadt an. Beide Seiten verpflichteten sich, eine Waffenruhe einzuhalten, wie ein Sprecher sagte.", false},
		{"es", "El gobierno anunció el martes la reanudación de las negociaciones con los rebeldes en la capital, bajo los auspicios de la Unión Africana. Ambas partes se comprometieron a respetar un alto el fuego.", false},
		{"it", "Il governo ha annunciato martedì la ripresa dei negoziati con i ribelli nella capitale, sotto l'egida dell'Unione africana. Le due parti si sono impegnate a rispettare un cessate il fuoco.", false},
		{"pt", "O governo anunciou na terça-feira a retomada das negociações com os rebeldes na capital, sob os auspícios da União Africana. As duas partes comprometeram-se a respeitar um cessar-fogo.", false},
		{"nl", "De regering kondigde dinsdag de hervatting aan van de onderhandelingen met de rebellen in de hoofdstad. Beide partijen beloofden een staakt-het-vuren te respecteren, zei een woordvoerder.", false},
		{"tr", "Hükümet salı günü başkentte isyancılarla müzakerelerin Afrika Birliği gözetiminde yeniden başladığını duyurdu. İki taraf da ateşkese uymayı taahhüt etti.", false},
		{"ru", "Правительство во вторник объявило о возобновлении переговоров с повстанцами в столице при посредничестве Африканского союза.", false},
		{"ar", "أعلنت الحكومة يوم الثلاثاء استئناف المفاوضات مع المتمردين في العاصمة برعاية الاتحاد الأفريقي", false},
		{"zh", "政府周二宣布在非洲联盟的主持下恢复与叛军的谈判。双方承诺遵守停火协议。", false},
	} {
		if got := English(tt.text); got != tt.want {
			t.Errorf("%s: English = %v, want %v: %.60s", tt.lang, got, tt.want, tt.text)
		}
	}
}
