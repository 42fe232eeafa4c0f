package lessons

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"aula/lessons/judge"
)

// rule builds a compiled answer rule, failing the test if the rule itself
// has problems (a bad pattern, an unknown match kind).
func rule(t testing.TB, match string, values ...string) *Rule {
	t.Helper()
	r := &Rule{Match: match, Values: values}
	p := &judge.Problems{File: "test"}
	r.compile(p, nil, "test rule")
	if len(p.List) > 0 {
		t.Fatalf("rule %s %q: %v", match, values, p.List)
	}
	return r
}

// mistake builds a compiled mistake rule with an id and feedback.
func mistake(t testing.TB, id, match, feedback string, values ...string) *Rule {
	t.Helper()
	r := rule(t, match, values...)
	r.ID, r.Feedback = id, feedback
	return r
}

const wrongWords = "Todavía no. Compáralo letra a letra."

func typeEx(answer *Rule, mistakes ...*Rule) *Type {
	return &Type{Answer: answer, Mistakes: mistakes, Wrong: wrongWords}
}

// right and wrong describe the expected verdict of a type exercise.
func right() Verdict { return Verdict{Correct: true} }
func wrong() Verdict {
	return Verdict{Feedback: wrongWords, Reason: ReasonWrong, Mistake: "wrong"}
}

func TestTypeJudge(t *testing.T) { //nolint:funlen // a table of cases
	email := "lucia.prueba@correo.example"
	// Mistake rules in the order of the documentation's example.
	emailMistakes := []*Rule{
		mistake(t, "sin-arroba", "pattern", "Falta la arroba (@).", `^[^@]*$`),
		mistake(t, "tildes", "folded", "Casi. Fíjate en las tildes.", email),
		mistake(t, "prueba", "contains", "Has escrito prueba, pero algo falla.", "prueba"),
	}
	reversed := slices.Clone(emailMistakes)
	slices.Reverse(reversed)

	long := strings.Repeat("a", 10_000)
	longMultibyte := strings.Repeat("ñ€👍", 10_000/3+1)

	tests := []struct {
		name  string
		ex    *Type
		input Answer
		want  Verdict
	}{
		// exact: capitals and accents count, spaces around do not.
		{"exact same", typeEx(rule(t, "exact", "Lucía")), TextAnswer("Lucía"), right()},
		{"exact without accent", typeEx(rule(t, "exact", "Lucía")), TextAnswer("Lucia"), wrong()},
		{"exact lowercase", typeEx(rule(t, "exact", "Lucía")), TextAnswer("lucía"), wrong()},
		{"exact trims spaces around", typeEx(rule(t, "exact", "Lucía")), TextAnswer("  Lucía\n"), right()},
		{"exact NFD input equals validate.NFC value", typeEx(rule(t, "exact", "Lucía")), TextAnswer("Luci\u0301a"), right()},
		{"exact NFD value equals validate.NFC input", typeEx(rule(t, "exact", "Luci\u0301a")), TextAnswer("Lucía"), right()},
		{"exact ñ", typeEx(rule(t, "exact", "España")), TextAnswer("España"), right()},
		{"exact ñ decomposed", typeEx(rule(t, "exact", "España")), TextAnswer("Espan\u0303a"), right()},
		{"exact n is not ñ", typeEx(rule(t, "exact", "España")), TextAnswer("Espana"), wrong()},
		{"exact emoji", typeEx(rule(t, "exact", "👍")), TextAnswer("👍"), right()},
		{"exact other emoji", typeEx(rule(t, "exact", "👍")), TextAnswer("👎"), wrong()},
		{"exact second value", typeEx(rule(t, "exact", "Lucía", "Lucía Prueba")), TextAnswer("Lucía Prueba"), right()},

		// normalised: capitals and extra spaces do not count, accents do.
		{"normalised capitals and spaces", typeEx(rule(t, "normalised", "Lucía Prueba")), TextAnswer("  LUCÍA   prueba "), right()},
		{"normalised tab and newline", typeEx(rule(t, "normalised", "Lucía Prueba")), TextAnswer("lucía\t\nprueba"), right()},
		{"normalised accent counts", typeEx(rule(t, "normalised", "Lucía Prueba")), TextAnswer("lucia prueba"), wrong()},
		{"normalised missing space", typeEx(rule(t, "normalised", "Lucía Prueba")), TextAnswer("LucíaPrueba"), wrong()},
		{"normalised emoji", typeEx(rule(t, "normalised", "¡Hola! 👋")), TextAnswer("¡HOLA!    👋"), right()},
		{"normalised Ñ", typeEx(rule(t, "normalised", "año nuevo")), TextAnswer("AÑO NUEVO"), right()},

		// folded: accents do not count either.
		{"folded without accents", typeEx(rule(t, "folded", "Lucía Prueba")), TextAnswer("LUCIA  prueba"), right()},
		{"folded with accents", typeEx(rule(t, "folded", "Lucia")), TextAnswer("Lúcía"), right()},
		{"folded ñ is n", typeEx(rule(t, "folded", "España")), TextAnswer("espana"), right()},
		{"folded other word", typeEx(rule(t, "folded", "Lucía")), TextAnswer("Lucas"), wrong()},

		// contains: part of the text, capitals do not count.
		{"contains", typeEx(rule(t, "contains", "correo")), TextAnswer("Es mi CORREO de casa"), right()},
		{"contains spaces normalised", typeEx(rule(t, "contains", "mi correo")), TextAnswer("es   mi    correo"), right()},
		{"contains emoji", typeEx(rule(t, "contains", "🙂")), TextAnswer("hola 🙂 adiós"), right()},
		{"contains not there", typeEx(rule(t, "contains", "correo")), TextAnswer("corre"), wrong()},

		// pattern: Go regular expressions, case counts.
		{"pattern", typeEx(rule(t, "pattern", `^\d{5}$`)), TextAnswer("28001"), right()},
		{"pattern no match", typeEx(rule(t, "pattern", `^\d{5}$`)), TextAnswer("2800"), wrong()},
		{"pattern second value", typeEx(rule(t, "pattern", `^x$`, `^ñ+$`)), TextAnswer("ñññ"), right()},
		{"pattern case counts", typeEx(rule(t, "pattern", `^[a-z]+$`)), TextAnswer("ABC"), wrong()},

		// email: any valid address.
		{"email valid", typeEx(rule(t, "email")), TextAnswer(email), right()},
		{"email with plus", typeEx(rule(t, "email")), TextAnswer("a+b@x.es"), right()},
		{"email no dot in domain", typeEx(rule(t, "email")), TextAnswer("lucia.prueba@correo"), wrong()},
		{"email with name", typeEx(rule(t, "email")), TextAnswer("Lucía <l@x.es>"), wrong()},
		{"email with a typo in a known domain", typeEx(rule(t, "email")), TextAnswer("lucia@gmail.con"), wrong()},

		// address: what the shared validator finds wrong, by name.
		{"address typo", typeEx(rule(t, "email"), mistake(t, "errata", "address", "Mira el final.", "typo")), TextAnswer("lucia@hotmial.com"),
			Verdict{Feedback: "Mira el final.", Reason: ReasonWrong, Mistake: "errata"}},
		{"address no at", typeEx(rule(t, "email"), mistake(t, "errata", "address", "Mira el final.", "typo"), mistake(t, "arroba", "address", "Falta la @.", "no-at", "many-at")),
			TextAnswer("lucia.gmail.com"), Verdict{Feedback: "Falta la @.", Reason: ReasonWrong, Mistake: "arroba"}},
		{"address valid is no address mistake", typeEx(rule(t, "exact", "x"), mistake(t, "arroba", "address", "Falta la @.", "no-at")), TextAnswer("l@x.es"), wrong()},

		// Mistakes: the answer first, then the first mistake that matches, in file order.
		{"answer before mistakes", typeEx(rule(t, "normalised", email), emailMistakes...), TextAnswer("Lucia.Prueba@Correo.Example"), right()},
		{"mistake pattern", typeEx(rule(t, "normalised", email), emailMistakes...), TextAnswer("lucia.prueba"),
			Verdict{Feedback: "Falta la arroba (@).", Reason: ReasonWrong, Mistake: "sin-arroba"}},
		{"two mistakes match, first wins", typeEx(rule(t, "normalised", email), emailMistakes...), TextAnswer("lucía.prueba@correo.example"),
			Verdict{Feedback: "Casi. Fíjate en las tildes.", Reason: ReasonWrong, Mistake: "tildes"}},
		{"two mistakes match, reversed file order", typeEx(rule(t, "normalised", email), reversed...), TextAnswer("lucía.prueba@correo.example"),
			Verdict{Feedback: "Has escrito prueba, pero algo falla.", Reason: ReasonWrong, Mistake: "prueba"}},
		{"three mistakes match, first wins", typeEx(rule(t, "normalised", email), emailMistakes...), TextAnswer("prueba"),
			Verdict{Feedback: "Falta la arroba (@).", Reason: ReasonWrong, Mistake: "sin-arroba"}},
		{"no mistake matches", typeEx(rule(t, "normalised", email), emailMistakes...), TextAnswer("otra@cosa.example"), wrong()},
		{"no wrong words", &Type{Answer: rule(t, "exact", "sí")}, TextAnswer("no"), Verdict{Reason: ReasonWrong, Mistake: "wrong"}},
		{"answer feedback", &Type{Answer: &Rule{Match: "exact", Values: []string{"sí"}, Feedback: "¡Eso!"}}, TextAnswer("sí"),
			Verdict{Correct: true, Feedback: "¡Eso!"}},

		// Empty answers never reach the rules, even a rule that would match them.
		{"empty", typeEx(rule(t, "pattern", `^.*$`)), TextAnswer(""), Verdict{Reason: ReasonEmpty, Mistake: "empty"}},
		{"spaces only", typeEx(rule(t, "pattern", `^.*$`)), TextAnswer("   \t \n "), Verdict{Reason: ReasonEmpty, Mistake: "empty"}},
		{"no-break space only", typeEx(rule(t, "pattern", `^.*$`)), TextAnswer("\u00a0"), Verdict{Reason: ReasonEmpty, Mistake: "empty"}},

		// A huge paste is judged, quickly, on its beginning.
		{"long paste", typeEx(rule(t, "exact", "Lucía"), emailMistakes...), TextAnswer(long),
			Verdict{Feedback: "Falta la arroba (@).", Reason: ReasonWrong, Mistake: "sin-arroba"}},
		{"long paste, nested pattern", typeEx(rule(t, "pattern", `^(a+)+b$`)), TextAnswer(long), wrong()},
		{"long paste, multibyte", typeEx(rule(t, "folded", "Lucía"), emailMistakes...), TextAnswer(longMultibyte),
			Verdict{Feedback: "Falta la arroba (@).", Reason: ReasonWrong, Mistake: "sin-arroba"}},
		{"long paste matching", typeEx(rule(t, "pattern", `^a+$`)), TextAnswer(long), right()},

		// Answers of the wrong shape.
		{"choice answer", typeEx(rule(t, "exact", "Lucía")), ChoiceAnswer{"Lucía"}, Verdict{Reason: ReasonInvalid}},
		{"plain string", typeEx(rule(t, "exact", "Lucía")), "Lucía", Verdict{Reason: ReasonInvalid}},
		{"nil", typeEx(rule(t, "exact", "Lucía")), nil, Verdict{Reason: ReasonInvalid}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.ex.Judge(tt.input)
			if got != tt.want {
				t.Errorf("Judge(%.40q) = %+v, want %+v", tt.input, got, tt.want)
			}
		})
	}
}

func chooseSingle() *Choose {
	return &Choose{Options: []*Option{
		{ID: "esc", Text: "Esc", Feedback: "Esc sirve para volver atrás."},
		{ID: "f1", Text: "F1", Correct: true, Feedback: "Eso es. F1 abre la ayuda."},
		{ID: "intro", Text: "Intro", Feedback: "Intro elige la opción marcada."},
	}}
}

func chooseMultiple() *Choose {
	return &Choose{Multiple: true, Missing: "Te falta marcar una tecla.", Options: []*Option{
		{ID: "f1", Text: "F1", Correct: true, Feedback: "Sí. F1 abre la ayuda."},
		{ID: "esc", Text: "Esc", Feedback: "Esc no te da ayuda."},
		{ID: "f2", Text: "F2", Correct: true, Feedback: "Sí. F2 te da una pista."},
		{ID: "intro", Text: "Intro", Feedback: "Intro no te da ayuda."},
	}}
}

func TestChooseJudge(t *testing.T) {
	tests := []struct {
		name  string
		ex    *Choose
		input Answer
		want  Verdict
	}{
		{"single right", chooseSingle(), ChoiceAnswer{"f1"}, Verdict{Correct: true, Feedback: "Eso es. F1 abre la ayuda."}},
		{"single wrong esc", chooseSingle(), ChoiceAnswer{"esc"}, Verdict{Feedback: "Esc sirve para volver atrás.", Reason: ReasonWrong, Mistake: "esc"}},
		{"single wrong intro", chooseSingle(), ChoiceAnswer{"intro"}, Verdict{Feedback: "Intro elige la opción marcada.", Reason: ReasonWrong, Mistake: "intro"}},
		{"single right and wrong", chooseSingle(), ChoiceAnswer{"f1", "intro"}, Verdict{Feedback: "Intro elige la opción marcada.", Reason: ReasonWrong, Mistake: "intro"}},
		{"single empty", chooseSingle(), ChoiceAnswer{}, Verdict{Reason: ReasonNoChoice, Mistake: "none"}},
		{"single nil choice", chooseSingle(), ChoiceAnswer(nil), Verdict{Reason: ReasonNoChoice, Mistake: "none"}},
		{"single unknown id", chooseSingle(), ChoiceAnswer{"f9"}, Verdict{Reason: ReasonInvalid}},

		{"multiple all right", chooseMultiple(), ChoiceAnswer{"f1", "f2"}, Verdict{Correct: true}},
		{"multiple all right, any order", chooseMultiple(), ChoiceAnswer{"f2", "f1"}, Verdict{Correct: true}},
		{"multiple one missing", chooseMultiple(), ChoiceAnswer{"f2"}, Verdict{Feedback: "Te falta marcar una tecla.", Reason: ReasonMissing, Mistake: "missing"}},
		{"multiple repeated is still missing", chooseMultiple(), ChoiceAnswer{"f1", "f1"}, Verdict{Feedback: "Te falta marcar una tecla.", Reason: ReasonMissing, Mistake: "missing"}},
		{"multiple wrong one marked", chooseMultiple(), ChoiceAnswer{"f1", "f2", "esc"}, Verdict{Feedback: "Esc no te da ayuda.", Reason: ReasonWrong, Mistake: "esc"}},
		{"multiple only wrong", chooseMultiple(), ChoiceAnswer{"intro"}, Verdict{Feedback: "Intro no te da ayuda.", Reason: ReasonWrong, Mistake: "intro"}},
		{"multiple wrong beats missing", chooseMultiple(), ChoiceAnswer{"f1", "intro"}, Verdict{Feedback: "Intro no te da ayuda.", Reason: ReasonWrong, Mistake: "intro"}},
		{"multiple empty", chooseMultiple(), ChoiceAnswer{}, Verdict{Reason: ReasonNoChoice, Mistake: "none"}},

		{"text answer", chooseSingle(), TextAnswer("f1"), Verdict{Reason: ReasonInvalid}},
		{"order answer", chooseSingle(), OrderAnswer{"f1"}, Verdict{Reason: ReasonInvalid}},
		{"plain slice", chooseSingle(), []string{"f1"}, Verdict{Reason: ReasonInvalid}},
		{"nil", chooseSingle(), nil, Verdict{Reason: ReasonInvalid}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.ex.Judge(tt.input); got != tt.want {
				t.Errorf("Judge(%v) = %+v, want %+v", tt.input, got, tt.want)
			}
		})
	}
}

func TestChooseShown(t *testing.T) {
	c := chooseMultiple()
	firsts := map[string]bool{}
	for i := range 200 {
		seed := fmt.Sprint("paso-", i)
		shown := c.Shown(seed)
		if !reflect.DeepEqual(shown, c.Shown(seed)) {
			t.Fatalf("Shown(%q) differs between calls", seed)
		}
		var ids []string
		for _, o := range shown {
			ids = append(ids, o.ID)
		}
		slices.Sort(ids)
		if want := []string{"esc", "f1", "f2", "intro"}; !slices.Equal(ids, want) {
			t.Fatalf("Shown(%q) ids = %v, want a permutation of %v", seed, ids, want)
		}
		firsts[shown[0].ID] = true
	}
	if len(firsts) < 2 {
		t.Errorf("over 200 seeds the first option shown is always one of %v", firsts)
	}
}

func sendOrder() *Order {
	return &Order{Items: []*Item{
		{ID: "abrir", Text: "Abrir el correo", Feedback: "Primero hay que abrir el correo."},
		{ID: "escribir", Text: "Escribir el mensaje"},
		{ID: "enviar", Text: "Pulsar Enviar", Feedback: "Enviar es lo último."},
	}}
}

func TestOrderJudge(t *testing.T) {
	tests := []struct {
		name  string
		input Answer
		want  Verdict
	}{
		{"right", OrderAnswer{"abrir", "escribir", "enviar"}, Verdict{Correct: true}},
		{"first place wrong, with feedback", OrderAnswer{"escribir", "abrir", "enviar"},
			Verdict{Feedback: "Primero hay que abrir el correo.", Reason: ReasonOrder, Param: "Abrir el correo", Mistake: "order-abrir"}},
		{"second place wrong, no feedback", OrderAnswer{"abrir", "enviar", "escribir"},
			Verdict{Reason: ReasonOrder, Param: "Escribir el mensaje", Mistake: "order-escribir"}},
		{"reversed reports the first place", OrderAnswer{"enviar", "escribir", "abrir"},
			Verdict{Feedback: "Primero hay que abrir el correo.", Reason: ReasonOrder, Param: "Abrir el correo", Mistake: "order-abrir"}},
		{"repeated item", OrderAnswer{"abrir", "escribir", "escribir"},
			Verdict{Feedback: "Enviar es lo último.", Reason: ReasonOrder, Param: "Pulsar Enviar", Mistake: "order-enviar"}},
		{"too short", OrderAnswer{"abrir", "escribir"}, Verdict{Reason: ReasonInvalid}},
		{"too long", OrderAnswer{"abrir", "escribir", "enviar", "enviar"}, Verdict{Reason: ReasonInvalid}},
		{"empty", OrderAnswer{}, Verdict{Reason: ReasonInvalid}},
		{"choice answer", ChoiceAnswer{"abrir", "escribir", "enviar"}, Verdict{Reason: ReasonInvalid}},
		{"text answer", TextAnswer("abrir escribir enviar"), Verdict{Reason: ReasonInvalid}},
		{"nil", nil, Verdict{Reason: ReasonInvalid}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sendOrder().Judge(tt.input); got != tt.want {
				t.Errorf("Judge(%v) = %+v, want %+v", tt.input, got, tt.want)
			}
		})
	}
}

func TestOrderShuffled(t *testing.T) {
	for n := 2; n <= 6; n++ {
		t.Run(fmt.Sprint(n, " items"), func(t *testing.T) {
			o := &Order{}
			var want []string
			for i := range n {
				id := fmt.Sprint("paso-", i)
				o.Items = append(o.Items, &Item{ID: id, Text: fmt.Sprint("Paso ", i)})
				want = append(want, id)
			}
			orders := map[string]bool{}
			for i := range 1000 {
				seed := fmt.Sprint("leccion/paso-", i)
				got := o.Shuffled(seed)
				if again := o.Shuffled(seed); !slices.Equal(got, again) {
					t.Fatalf("Shuffled(%q) = %v, then %v: not stable", seed, got, again)
				}
				if slices.Equal(got, want) {
					t.Fatalf("Shuffled(%q) = %v: already in the right order", seed, got)
				}
				if o.Judge(OrderAnswer(got)).Correct {
					t.Fatalf("Shuffled(%q) = %v is judged correct", seed, got)
				}
				sorted := slices.Clone(got)
				slices.Sort(sorted)
				if !slices.Equal(sorted, want) { // ids "paso-0".."paso-5" sort in order
					t.Fatalf("Shuffled(%q) = %v: not a permutation of %v", seed, got, want)
				}
				orders[strings.Join(got, ",")] = true
			}
			// 2 items have one wrong order; more items must really mix.
			if min := min(n*(n-1)/2, 10); len(orders) < min {
				t.Errorf("1000 seeds gave only %d different orders, want at least %d", len(orders), min)
			}
		})
	}
	t.Run("0 and 1 items", func(t *testing.T) {
		if got := (&Order{}).Shuffled("x"); len(got) != 0 {
			t.Errorf("no items: Shuffled = %v", got)
		}
		one := &Order{Items: []*Item{{ID: "solo", Text: "Solo"}}}
		if got := one.Shuffled("x"); !slices.Equal(got, []string{"solo"}) {
			t.Errorf("one item: Shuffled = %v", got)
		}
	})
}

func TestStepJudge(t *testing.T) {
	tests := []struct {
		name  string
		step  *Step
		input Answer
		want  Verdict
	}{
		{"right, option feedback kept", &Step{Success: "¡Muy bien!", Exercise: chooseSingle()}, ChoiceAnswer{"f1"},
			Verdict{Correct: true, Feedback: "Eso es. F1 abre la ayuda."}},
		{"right, success words", &Step{Success: "¡Muy bien!", Exercise: chooseMultiple()}, ChoiceAnswer{"f1", "f2"},
			Verdict{Correct: true, Feedback: "¡Muy bien!"}},
		{"right, no words: ReasonRight", &Step{Exercise: chooseMultiple()}, ChoiceAnswer{"f1", "f2"},
			Verdict{Correct: true, Reason: ReasonRight}},
		{"right type, success words", &Step{Success: "¡Muy bien!", Exercise: typeEx(rule(t, "exact", "Lucía"))}, TextAnswer("Lucía"),
			Verdict{Correct: true, Feedback: "¡Muy bien!"}},
		{"right order, no words", &Step{Exercise: sendOrder()}, OrderAnswer{"abrir", "escribir", "enviar"},
			Verdict{Correct: true, Reason: ReasonRight}},
		{"wrong, success not said", &Step{Success: "¡Muy bien!", Exercise: chooseSingle()}, ChoiceAnswer{"esc"},
			Verdict{Feedback: "Esc sirve para volver atrás.", Reason: ReasonWrong, Mistake: "esc"}},
		{"wrong type, success not said", &Step{Success: "¡Muy bien!", Exercise: typeEx(rule(t, "exact", "Lucía"))}, TextAnswer("Lucia"), wrong()},
		{"read, nil", &Step{Exercise: &Read{}}, nil, Verdict{Correct: true, Reason: ReasonRight}},
		{"read, any answer", &Step{Exercise: &Read{}}, TextAnswer("lo que sea"), Verdict{Correct: true, Reason: ReasonRight}},
		{"read, success words", &Step{Success: "Sigue.", Exercise: &Read{}}, ChoiceAnswer{"x"}, Verdict{Correct: true, Feedback: "Sigue."}},
		{"no exercise", &Step{Success: "¡Muy bien!"}, TextAnswer("x"), Verdict{Reason: ReasonInvalid}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.step.Judge(tt.input); got != tt.want {
				t.Errorf("Judge(%v) = %+v, want %+v", tt.input, got, tt.want)
			}
		})
	}
}

func TestReadJudge(t *testing.T) {
	for _, a := range []Answer{nil, TextAnswer(""), TextAnswer("hola"), ChoiceAnswer{"a"}, OrderAnswer{}, 42} {
		if got := (&Read{}).Judge(a); got != (Verdict{Correct: true}) {
			t.Errorf("Read.Judge(%v) = %+v, want correct", a, got)
		}
	}
	s := &Step{Kind: "read", Exercise: &Read{}}
	if s.NeedsAnswer() {
		t.Error("a read step says it needs an answer")
	}
	for _, ex := range []Exercise{chooseSingle(), typeEx(nil), sendOrder()} {
		if !(&Step{Exercise: ex}).NeedsAnswer() {
			t.Errorf("a %T step says it needs no answer", ex)
		}
	}
}
