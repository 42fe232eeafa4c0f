package lessons

import (
	"strings"
	"testing"
	"testing/fstest"

	"aula/lessons/judge"
	"aula/lessons/kinds/inbox"
	"aula/lessons/validate"
)

func testMailbox(rules ...*inbox.MailRule) *inbox.Inbox {
	return &inbox.Inbox{
		Me: "lucia.prueba@correo.example",
		Messages: []*inbox.Mail{
			{ID: "cita", From: "Centro de Salud <citas@salud.example>", Subject: "Tu cita", Date: "2 mar", Body: "Tienes cita el 10 de marzo."},
			{ID: "padron", From: "Ayuntamiento <padron@ayto.example>", Subject: "Certificado", Date: "1 mar", Body: "Mándanos el certificado."},
			{ID: "falso", From: "Seguridad Social <avisos@seg-social-ayudas.com>", Subject: "URGENTE", Date: "3 mar",
				Body: "Entra en [[trampa]] hoy.", Links: []*inbox.Link{{ID: "trampa", Text: "www.seg-social.es", URL: "https://seg-social-ayudas.com/acceso"}}},
			{ID: "banco", From: "Banco <aviso@banco-verifica.example>", Subject: "Tu cuenta", Date: "3 mar", Body: "Dinos tu clave."},
			{ID: "real", From: "Seguridad Social <no-responder@seg-social.es>", Subject: "Tu ayuda", Date: "28 feb",
				Body: "Mira [[sede]].", Links: []*inbox.Link{{ID: "sede", Text: "sede.seg-social.es", URL: "https://sede.seg-social.es/"}},
				About: "Es de verdad: viene de seg-social.es."},
		},
		Documents: []*inbox.Document{{ID: "dni", Name: "DNI_escaneado.pdf"}, {ID: "cert", Name: "certificado_empadronamiento.pdf"}, {ID: "foto", Name: "foto_vacaciones.jpg"}},
		Rules:     rules,
	}
}

func mrule(id, check, feedback string, values ...string) *inbox.MailRule {
	return &inbox.MailRule{Rule: judge.Rule{ID: id, Check: check, Feedback: feedback, Values: values}}
}

var (
	replyRules = []*inbox.MailRule{
		mrule("enviar", "sent", "Aún no lo has enviado."),
		mrule("responder", "reply", "Usa Responder.", "padron"),
		mrule("para", "to", "No es la dirección del Ayuntamiento.", "padron@ayto.example"),
		mrule("asunto", "subject", "Pon un asunto."),
		mrule("saludo", "body", "Empieza con un saludo.", "hola", "buenos días"),
		{Rule: judge.Rule{ID: "adjunto", Check: "attachment", Values: []string{"cert"}, Feedback: "Adjunta el certificado.",
			Wrong: map[string]string{"foto": "Esa es una foto de vacaciones."}}},
	}
	forwardRules = []*inbox.MailRule{
		mrule("reenviar", "forward", "Usa Reenviar.", "cita"),
		mrule("para", "to", "Va a Marta.", "marta@correo.example"),
		mrule("copia", "cc", "Pon a Luis en copia.", "luis@correo.example"),
	}
	sortRules = []*inbox.MailRule{
		mrule("guardar", "kept", "Ese era de verdad.", "real", "cita"),
		mrule("enlace", "no-link", "Has abierto el enlace falso.", "trampa"),
		mrule("quitar", "removed", "Queda algún correo falso.", "falso", "banco"),
	}
)

func good() inbox.SentMail {
	return inbox.SentMail{Kind: inbox.SendReply, Of: "padron", To: "padron@ayto.example", Subject: "Re: Certificado",
		Body: "Hola:\nOs mando el certificado.\nUn saludo.", Attachments: []string{"cert"}}
}

func with(f func(*inbox.SentMail)) inbox.Answer {
	m := good()
	f(&m)
	return inbox.Answer{Sent: []inbox.SentMail{m}}
}

func mistakeV(feedback, id string) Verdict {
	return Verdict{Feedback: feedback, Reason: ReasonWrong, Mistake: id}
}

func TestInboxJudge(t *testing.T) { //nolint:funlen // a table of cases
	send := &inbox.MailAction{Kind: inbox.ActSend}
	tests := []struct {
		name  string
		rules []*inbox.MailRule
		a     Answer
		want  Verdict
	}{
		{"not an inbox answer", replyRules, TextAnswer("hola"), Verdict{Reason: ReasonInvalid}},
		{"nothing done, checked", replyRules, inbox.Answer{}, Verdict{Reason: ReasonNothing, Mistake: "nothing"}},
		{"only opened, checked: not sent yet", replyRules, inbox.Answer{Opened: []string{"padron"}}, Verdict{Feedback: "Aún no lo has enviado.", Reason: ReasonWrong, Mistake: "enviar"}},
		{"only opened, after the action: silence", replyRules, inbox.Answer{Opened: []string{"padron"}, Last: &inbox.MailAction{Kind: inbox.ActOpen, Msg: "padron"}}, Verdict{Reason: ReasonPending}},
		{"no sent rule: generic not sent", forwardRules, inbox.Answer{Opened: []string{"cita"}}, Verdict{Reason: ReasonNotSent, Mistake: "reenviar"}},

		{"right reply", replyRules, with(func(*inbox.SentMail) {}), Verdict{Correct: true}},
		{"right reply, after sending", replyRules, inbox.Answer{Sent: []inbox.SentMail{good()}, Last: send}, Verdict{Correct: true}},
		{"a new email instead of a reply", replyRules, with(func(m *inbox.SentMail) { m.Kind, m.Of = inbox.SendNew, "" }), mistakeV("Usa Responder.", "responder")},
		{"a reply to another email", replyRules, with(func(m *inbox.SentMail) { m.Of = "cita" }),
			Verdict{Reason: ReasonOtherMessage, Param: "Tu cita", Mistake: "responder:other"}},

		// To: usable first, then the right person, then the slips.
		{"to empty was refused", replyRules, with(func(m *inbox.SentMail) { m.To, m.Refused = "", true }),
			Verdict{Reason: "address_empty", Mistake: "to:empty"}},
		{"to without @ was refused", replyRules, with(func(m *inbox.SentMail) { m.To, m.Refused = "padron.ayto.example", true }),
			Verdict{Reason: "address_no_at", Param: "padron.ayto.example", Mistake: "to:no-at"}},
		{"to with a space was refused", replyRules, with(func(m *inbox.SentMail) { m.To, m.Refused = "padron @ayto.example", true }),
			Verdict{Reason: "address_space", Param: "padron @ayto.example", Mistake: "to:space"}},
		{"cc with double dots was refused", replyRules, with(func(m *inbox.SentMail) { m.Cc, m.Refused = "luis@correo..example", true }),
			Verdict{Reason: "address_dots", Param: "luis@correo..example", Mistake: "cc:dots"}},
		{"refused, after sending", replyRules, inbox.Answer{Sent: []inbox.SentMail{{To: "x", Refused: true}}, Last: send},
			Verdict{Reason: "address_no_at", Param: "x", Mistake: "to:no-at"}},
		{"to with a typo in a known domain", replyRules, with(func(m *inbox.SentMail) { m.To = "padron@gmail.con" }),
			Verdict{Reason: "address_typo", Param: "padron@gmail.com", Mistake: "para:typo"}},
		{"to a letter away", replyRules, with(func(m *inbox.SentMail) { m.To = "padron@ayto.exampel" }),
			Verdict{Reason: ReasonAddressNear, Param: "padron@ayto.exampel", Mistake: "para:near"}},
		{"to someone else", replyRules, with(func(m *inbox.SentMail) { m.To = "lucia.prueba@correo.example" }), mistakeV("No es la dirección del Ayuntamiento.", "para")},
		{"to in capitals with a name", replyRules, with(func(m *inbox.SentMail) { m.To = "Ayuntamiento <PADRON@AYTO.EXAMPLE>" }), Verdict{Correct: true}},
		{"to the right one and another", replyRules, with(func(m *inbox.SentMail) { m.To = "marta@correo.example; padron@ayto.example" }), Verdict{Correct: true}},
		{"to, checked in file order before the subject", replyRules, with(func(m *inbox.SentMail) { m.To, m.Subject = "x@y.example", "" }), mistakeV("No es la dirección del Ayuntamiento.", "para")},

		{"empty subject", replyRules, with(func(m *inbox.SentMail) { m.Subject = "  " }), mistakeV("Pon un asunto.", "asunto")},
		{"no greeting", replyRules, with(func(m *inbox.SentMail) { m.Body = "Os mando el certificado." }), mistakeV("Empieza con un saludo.", "saludo")},
		{"greeting inside a word is not one", replyRules, with(func(m *inbox.SentMail) { m.Body = "Cholas." }), mistakeV("Empieza con un saludo.", "saludo")},
		{"greeting with capitals and no accent", replyRules, with(func(m *inbox.SentMail) { m.Body = "BUENOS DIAS, os mando el certificado" }), Verdict{Correct: true}},
		{"greeting with emoji and tabs", replyRules, with(func(m *inbox.SentMail) { m.Body = "👋\t¡Hola!\tAquí va 📎" }), Verdict{Correct: true}},
		{"huge body", replyRules, with(func(m *inbox.SentMail) { m.Body = strings.Repeat("texto ", 5000) }), mistakeV("Empieza con un saludo.", "saludo")},

		{"no attachment", replyRules, with(func(m *inbox.SentMail) { m.Attachments = nil }), mistakeV("Adjunta el certificado.", "adjunto")},
		{"the holiday photo", replyRules, with(func(m *inbox.SentMail) { m.Attachments = []string{"foto"} }),
			Verdict{Feedback: "Esa es una foto de vacaciones.", Reason: ReasonWrongDoc, Param: "foto_vacaciones.jpg", Mistake: "adjunto:foto"}},
		{"the DNI, no words of the lesson", replyRules, with(func(m *inbox.SentMail) { m.Attachments = []string{"dni"} }),
			Verdict{Reason: ReasonWrongDoc, Param: "DNI_escaneado.pdf", Mistake: "adjunto:dni"}},
		{"the right one and the photo", replyRules, with(func(m *inbox.SentMail) { m.Attachments = []string{"cert", "foto"} }),
			Verdict{Feedback: "Esa es una foto de vacaciones.", Reason: ReasonWrongDoc, Param: "foto_vacaciones.jpg", Mistake: "adjunto:foto"}},

		{"the last email counts", replyRules, inbox.Answer{Sent: []inbox.SentMail{{Kind: inbox.SendNew, To: "x@y.example"}, good()}}, Verdict{Correct: true}},
		{"a refused try after a good email: the try is judged", replyRules, inbox.Answer{Sent: []inbox.SentMail{good(), {To: "", Refused: true}}},
			Verdict{Reason: "address_empty", Mistake: "to:empty"}},

		{"forward with cc", forwardRules, inbox.Answer{Sent: []inbox.SentMail{{Kind: inbox.SendForward, Of: "cita", To: "marta@correo.example", Cc: "luis@correo.example"}}}, Verdict{Correct: true}},
		{"forward without cc", forwardRules, inbox.Answer{Sent: []inbox.SentMail{{Kind: inbox.SendForward, Of: "cita", To: "marta@correo.example"}}}, mistakeV("Pon a Luis en copia.", "copia")},
		{"forward with both in To", forwardRules, inbox.Answer{Sent: []inbox.SentMail{{Kind: inbox.SendForward, Of: "cita", To: "marta@correo.example, luis@correo.example"}}}, mistakeV("Pon a Luis en copia.", "copia")},
		{"forward cc typo", forwardRules, inbox.Answer{Sent: []inbox.SentMail{{Kind: inbox.SendForward, Of: "cita", To: "marta@correo.example", Cc: "luis@hotmial.com"}}},
			Verdict{Reason: "address_typo", Param: "luis@hotmail.com", Mistake: "copia:typo"}},
		{"forward of another", forwardRules, inbox.Answer{Sent: []inbox.SentMail{{Kind: inbox.SendForward, Of: "banco", To: "marta@correo.example"}}},
			Verdict{Reason: ReasonOtherMessage, Param: "Tu cuenta", Mistake: "reenviar:other"}},
		{"reply instead of forward", forwardRules, inbox.Answer{Sent: []inbox.SentMail{{Kind: inbox.SendReply, Of: "cita", To: "marta@correo.example"}}}, mistakeV("Usa Reenviar.", "reenviar")},

		// Sorting a mixed inbox.
		{"all sorted", sortRules, inbox.Answer{Deleted: []string{"falso"}, Reported: []string{"banco"}}, Verdict{Correct: true}},
		{"all sorted, after the last report", sortRules, inbox.Answer{Reported: []string{"falso", "banco"}, Last: &inbox.MailAction{Kind: inbox.ActReport, Msg: "banco"}}, Verdict{Correct: true}},
		{"one left, after reporting: silence", sortRules, inbox.Answer{Reported: []string{"falso"}, Last: &inbox.MailAction{Kind: inbox.ActReport, Msg: "falso"}}, Verdict{Reason: ReasonPending}},
		{"one left, checked", sortRules, inbox.Answer{Reported: []string{"falso"}}, mistakeV("Queda algún correo falso.", "quitar")},
		{"a genuine one deleted, just now: its own words", sortRules, inbox.Answer{Deleted: []string{"real"}, Last: &inbox.MailAction{Kind: inbox.ActDelete, Msg: "real"}},
			mistakeV("Es de verdad: viene de seg-social.es.", "guardar:real")},
		{"a genuine one reported, no words of its own", sortRules, inbox.Answer{Reported: []string{"cita"}, Last: &inbox.MailAction{Kind: inbox.ActReport, Msg: "cita"}},
			mistakeV("Ese era de verdad.", "guardar:cita")},
		{"a genuine one still in the trash, another action: silence", sortRules, inbox.Answer{Deleted: []string{"real"}, Reported: []string{"falso"}, Last: &inbox.MailAction{Kind: inbox.ActReport, Msg: "falso"}},
			Verdict{Reason: ReasonPending}},
		{"a genuine one still in the trash, checked", sortRules, inbox.Answer{Deleted: []string{"real", "falso", "banco"}},
			mistakeV("Es de verdad: viene de seg-social.es.", "guardar:real")},
		{"opened the false link, just now", sortRules, inbox.Answer{Opened: []string{"falso"}, Last: &inbox.MailAction{Kind: inbox.ActFollow, Msg: "falso", Link: "trampa"}},
			mistakeV("Has abierto el enlace falso.", "enlace")},
		{"opened the real link: fine", sortRules, inbox.Answer{Opened: []string{"real"}, Last: &inbox.MailAction{Kind: inbox.ActFollow, Msg: "real", Link: "sede"}}, Verdict{Reason: ReasonPending}},
		{"sending is no mistake here", sortRules, inbox.Answer{Sent: []inbox.SentMail{{Kind: inbox.SendNew, To: "a@b.example"}}, Last: send}, Verdict{Reason: ReasonPending}},

		{"opened", []*inbox.MailRule{mrule("abrir", "opened", "Abre el correo.", "cita")}, inbox.Answer{Opened: []string{"cita"}, Last: &inbox.MailAction{Kind: inbox.ActOpen, Msg: "cita"}}, Verdict{Correct: true}},
		{"opened another", []*inbox.MailRule{mrule("abrir", "opened", "Abre el correo.", "cita")}, inbox.Answer{Opened: []string{"banco"}, Last: &inbox.MailAction{Kind: inbox.ActOpen, Msg: "banco"}}, Verdict{Reason: ReasonPending}},
		{"opened another, checked", []*inbox.MailRule{mrule("abrir", "opened", "Abre el correo.", "cita")}, inbox.Answer{Opened: []string{"banco"}}, mistakeV("Abre el correo.", "abrir")},
		{"inspected", []*inbox.MailRule{mrule("mirar", "inspected", "Mira el enlace.", "trampa")}, inbox.Answer{Inspected: []string{"trampa"}, Last: &inbox.MailAction{Kind: inbox.ActInspect, Link: "trampa"}}, Verdict{Correct: true}},
		{"new", []*inbox.MailRule{mrule("nuevo", "new", "Escribe uno nuevo.")}, inbox.Answer{Sent: []inbox.SentMail{{Kind: inbox.SendReply, Of: "cita", To: "a@b.example"}}, Last: send}, mistakeV("Escribe uno nuevo.", "nuevo")},
		{"subject words", []*inbox.MailRule{mrule("asunto", "subject", "Di de qué va.", "cita", "ayuda")}, inbox.Answer{Sent: []inbox.SentMail{{Kind: inbox.SendNew, To: "a@b.example", Subject: "Pedir AYUDA"}}}, Verdict{Correct: true}},
		{"subject without the words", []*inbox.MailRule{mrule("asunto", "subject", "Di de qué va.", "cita", "ayuda")}, inbox.Answer{Sent: []inbox.SentMail{{Kind: inbox.SendNew, To: "a@b.example", Subject: "Hola"}}}, mistakeV("Di de qué va.", "asunto")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := testMailbox(tt.rules...).Judge(tt.a)
			if got != tt.want {
				t.Errorf("Judge = %+v\n          want %+v", got, tt.want)
			}
			if got.Counts() == (got.Reason == ReasonPending || got.Reason == ReasonNothing || got.Reason == "address_empty") {
				t.Errorf("Counts() = %v for %+v", got.Counts(), got)
			}
		})
	}
}

// The step wrapper adds the success words to a right answer, as for every kind.
func TestInboxStepJudge(t *testing.T) {
	s := &Step{ID: "responder", Kind: "inbox", Success: "¡Enviado!", Exercise: testMailbox(replyRules...)}
	if v := s.Judge(inbox.Answer{Sent: []inbox.SentMail{good()}}); !v.Correct || v.Feedback != "¡Enviado!" {
		t.Fatalf("right answer: %+v", v)
	}
	if v := s.Judge(testMailbox(replyRules...).Sample()); !v.Correct {
		t.Fatalf("Sample() is judged %+v", v)
	}
	for _, rules := range [][]*inbox.MailRule{forwardRules, sortRules} {
		x := testMailbox(rules...)
		if v := x.Judge(x.Sample()); !v.Correct {
			t.Errorf("Sample() of %s is judged %+v", rules[0].ID, v)
		}
	}
}

func TestFirstBadRecipient(t *testing.T) {
	tests := []struct {
		to, cc, field, addr string
		p                   validate.AddressProblem
	}{
		{"", "", "to", "", validate.AddressEmpty},
		{" , ", "luis@correo.example", "to", "", validate.AddressEmpty},
		{"marta@correo.example", "", "", "", validate.AddressOK},
		{"marta@gmail.con", "", "", "", validate.AddressOK}, // a typo goes out, like in a real mail app
		{"marta@correo.example", "luis", "cc", "luis", validate.AddressNoAt},
		{"marta@correo.example, pepe@", "", "to", "pepe@", validate.AddressNoDomain},
		{"Marta <marta@correo.example>", "Luis <luis@correo.example>", "", "", validate.AddressOK},
	}
	for _, tt := range tests {
		field, addr, p := inbox.FirstBadRecipient(tt.to, tt.cc)
		if field != tt.field || addr != tt.addr || p != tt.p {
			t.Errorf("FirstBadRecipient(%q, %q) = %q, %q, %q; want %q, %q, %q", tt.to, tt.cc, field, addr, p, tt.field, tt.addr, tt.p)
		}
	}
}

func TestLinkDomain(t *testing.T) {
	tests := []struct{ url, host, domain string }{
		{"https://seg-social-ayudas.com/acceso", "seg-social-ayudas.com", "seg-social-ayudas.com"},
		{"https://sede.seg-social.es/", "sede.seg-social.es", "seg-social.es"},
		{"https://www.seg-social.es.ayudas-online.example/x", "www.seg-social.es.ayudas-online.example", "ayudas-online.example"},
		{"https://www.madrid.org.es", "www.madrid.org.es", "madrid.org.es"},
		{"http://WWW.Banco.Example:8080/a?b", "www.banco.example", "banco.example"},
		{"localhost", "", ""},
		{"::", "", ""},
	}
	for _, tt := range tests {
		l := &inbox.Link{URL: tt.url}
		if h := l.Host(); h != tt.host || validate.Domain(h) != tt.domain {
			t.Errorf("%s: host %q domain %q; want %q, %q", tt.url, h, validate.Domain(h), tt.host, tt.domain)
		}
	}
}

func FuzzInboxJudge(f *testing.F) {
	f.Add("padron@ayto.example", "", "Re: hola", "Hola", "cert")
	f.Add("", "luis", "", "", "")
	f.Add("Ayuntamiento <padron@ayto.example>", "a@b..c", "👍", "\t\t", "foto")
	f.Add(strings.Repeat("a@", 3000), strings.Repeat("ñ", 3000), "\xff", "\x00", "nada")
	x := testMailbox(append(append(append([]*inbox.MailRule{}, replyRules...), forwardRules[2]), sortRules...)...)
	f.Fuzz(func(t *testing.T, to, cc, subject, body, doc string) {
		_, _, p := inbox.FirstBadRecipient(to, cc)
		m := inbox.SentMail{Kind: inbox.SendReply, Of: "padron", To: to, Cc: cc, Subject: subject, Body: body, Attachments: []string{doc}, Refused: p != validate.AddressOK}
		for _, last := range []*inbox.MailAction{nil, {Kind: inbox.ActSend}} {
			v := x.Judge(inbox.Answer{Sent: []inbox.SentMail{m}, Last: last})
			if v.Reason == ReasonNone && !v.Correct {
				t.Fatalf("no reason: %+v", v)
			}
			if strings.ContainsAny(v.Mistake, " \t\n") || len(v.Mistake) > 64 {
				t.Fatalf("mistake %q is not an id", v.Mistake)
			}
			if strings.Contains(v.Mistake, body) && body != "" && len(body) > 3 {
				t.Fatalf("the mistake id %q holds what was typed", v.Mistake)
			}
		}
	})
}

// inboxLesson is a good lesson with one inbox step; the load tests break it
// one way at a time.
const inboxLesson = `id: correo
title: Correo
topic: Pruebas
summary: Una lección con un buzón.
steps:
  - id: buzon
    kind: inbox
    title: Responde
    text: Responde al Ayuntamiento.
    hint: Pulsa R.
    example: Se hace así.
    me: lucia.prueba@correo.example
    name: Lucía Prueba Ejemplo
    messages:
      - id: padron
        from: Ayuntamiento <padron@ayto.example>
        date: 1 mar
        subject: Certificado
        unread: true
        body: |
          Hola, Lucía:
          Mira [[sede]].
        links:
          - id: sede
            text: sede.ayto.example
            url: https://sede.ayto.example/
      - id: viejo
        folder: trash
        from: tienda@ofertas.example
        date: 2 feb
        subject: Ofertas
        body: Compra ya.
    documents:
      - id: cert
        name: certificado_empadronamiento.pdf
        size: 85 KB
      - id: foto
        name: foto_vacaciones.jpg
    rules:
      - id: responder
        check: reply
        values: [padron]
        feedback: Usa Responder.
      - id: adjunto
        check: attachment
        values: [cert]
        feedback: Adjunta el certificado.
        wrong:
          foto: Es una foto.
      - id: enlace
        check: no-link
        values: [sede]
        feedback: No hacía falta abrirlo.
`

func TestLoadInbox(t *testing.T) {
	lib, problems := Load(Source{Name: "x", FS: fstestFS(inboxLesson, inboxLesson)})
	if len(problems) > 0 {
		t.Fatalf("problems in a good inbox lesson:\n%s", list(problems))
	}
	l, _ := lib.Catalog("es").Lesson("correo")
	x := l.Steps()[0].Exercise.(*inbox.Inbox)
	if x.Messages[0].Folder != inbox.FolderInbox || x.Messages[1].Folder != inbox.FolderTrash || !x.Messages[0].Unread {
		t.Errorf("folders and unread not read: %+v %+v", x.Messages[0], x.Messages[1])
	}
	if x.Messages[0].Body != "Hola, Lucía:\nMira [[sede]]." {
		t.Errorf("body = %q", x.Messages[0].Body)
	}
	if v := l.Steps()[0].Judge(x.Sample()); !v.Correct {
		t.Errorf("the sample answer is judged %+v", v)
	}

	tests := []struct {
		name     string
		old, new string
		msg      []string
	}{
		{"no me", "    me: lucia.prueba@correo.example\n", "", []string{"needs me"}},
		{"bad me", "me: lucia.prueba@correo.example", "me: lucia.prueba@gmail.con", []string{`me "lucia.prueba@gmail.con" is not a valid`}},
		{"bad from", "from: Ayuntamiento <padron@ayto.example>", "from: Ayuntamiento", []string{`from "Ayuntamiento"`}},
		{"bad folder", "folder: trash", "folder: papelera", []string{`folder "papelera"`}},
		{"no subject", "subject: Certificado", "subject: ''", []string{"needs a date, a subject and a body"}},
		{"link not in body", "Mira [[sede]].", "Mira la sede.", []string{`link "sede" is not in the body`}},
		{"unknown link in body", "Mira [[sede]].", "Mira [[sede]] y [[otra]].", []string{`shows [[otra]]`}},
		{"link without url", "url: https://sede.ayto.example/", "url: sede", []string{`link "sede" needs text and a url`}},
		{"unknown check", "check: reply", "check: answer", []string{`check "answer" is not one of`}},
		{"unknown message", "values: [padron]", "values: [padrón]", []string{`there is no message "padrón"`}},
		{"unknown document", "values: [cert]", "values: [dni]", []string{`there is no document "dni"`}},
		{"unknown link", "values: [sede]", "values: [web]", []string{`there is no link "web"`}},
		{"no values", "        values: [padron]\n", "", []string{`check "reply" needs values`}},
		{"no feedback", "feedback: Usa Responder.", "", []string{"needs feedback"}},
		{"reserved id", "id: responder", "id: to", []string{`id "to" is reserved`}},
		{"repeated message id", "id: viejo", "id: padron", []string{`message id "padron" is used twice`}},
		{"bad document id", "id: foto\n", "id: Foto\n", []string{`document id "Foto" should be lowercase`}},
		{"wrong for the right document", "foto: Es una foto.", "cert: Es el bueno.", []string{`wrong "cert" should be a document not asked for`}},
		{"unknown field", "unread: true", "leido: false", []string{`unknown field "leido"`}},
		{"no rules", "    rules:\n", "    reglas:\n", []string{"needs rules"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(inboxLesson, tt.old) {
				t.Fatalf("the fixture has no %q", tt.old)
			}
			broken := strings.Replace(inboxLesson, tt.old, tt.new, 1)
			lib, problems := Load(Source{Name: "x", FS: fstestFS(broken, broken)})
			found := false
			for _, p := range problems {
				found = found || containsAll(p.String(), tt.msg)
			}
			if !found {
				t.Errorf("no problem with %q; got:\n%s", tt.msg, list(problems))
			}
			if _, ok := lib.Catalog("es").Lesson("correo"); ok {
				t.Error("the broken lesson was loaded")
			}
		})
	}

	// Both languages must have the same mailbox: ids, addresses, rules.
	en := strings.Replace(inboxLesson, "values: [cert]", "values: [foto]", 1)
	en = strings.Replace(en, "foto: Es una foto.", "cert: It is the certificate.", 1)
	if _, problems := Load(Source{Name: "x", FS: fstestFS(inboxLesson, en)}); len(problems) == 0 {
		t.Error("different rules in es and en were not reported")
	}
	en = strings.NewReplacer("Certificado", "Certificate", "Usa Responder.", "Use Reply.", "1 mar", "1 Mar").Replace(inboxLesson)
	if _, problems := Load(Source{Name: "x", FS: fstestFS(inboxLesson, en)}); len(problems) > 0 {
		t.Errorf("a translation with other words is refused:\n%s", list(problems))
	}
}

func fstestFS(es, en string) fstest.MapFS {
	return fstest.MapFS{"es/l.yaml": {Data: []byte(es)}, "en/l.yaml": {Data: []byte(en)}}
}

// Every rule of every built-in inbox step, broken on its own, gives its own
// mistake id and words that say what is wrong.
func TestBuiltInInboxRulesEachHaveFeedback(t *testing.T) {
	lib, _ := Load(Source{Name: "content", FS: BuiltIn()})
	steps := 0
	for _, lang := range lib.Langs() {
		for _, l := range lib.Catalog(lang).Lessons {
			for _, s := range l.Steps() {
				x, ok := s.Exercise.(*inbox.Inbox)
				if !ok {
					continue
				}
				steps++
				sample := x.Sample()
				if v := s.Judge(sample); !v.Correct {
					t.Errorf("%s/%s/%s: the sample answer is judged %+v", lang, l.ID, s.ID, v)
				}
				for _, r := range x.Rules {
					for _, b := range breakRule(x, r, sample) {
						v := s.Judge(b.a)
						where := lang + "/" + l.ID + "/" + s.ID + " rule " + r.ID + " " + b.how
						switch {
						case v.Correct:
							t.Errorf("%s: judged right", where)
						case v.Mistake != b.mistake:
							t.Errorf("%s: mistake %q, want %q (%+v)", where, v.Mistake, b.mistake, v)
						case v.Feedback == "" && (v.Reason == ReasonWrong || v.Reason == ReasonNone):
							t.Errorf("%s: no words about this mistake", where)
						case !v.Counts():
							t.Errorf("%s: not counted as a miss", where)
						}
					}
				}
			}
		}
	}
	if steps < 14 {
		t.Fatalf("found %d inbox steps, want at least 7 per language", steps)
	}
}

type broken struct {
	how     string
	a       inbox.Answer
	mistake string
}

// breaker makes answers that break rule r of mailbox x, and only r,
// starting from a right answer.
type breaker struct {
	x     *inbox.Inbox
	r     *inbox.MailRule
	right inbox.Answer
}

// clone is a copy of the right answer that can be changed.
func (b breaker) clone() inbox.Answer {
	a := b.right
	a.Opened = append([]string(nil), b.right.Opened...)
	a.Inspected = append([]string(nil), b.right.Inspected...)
	a.Reported = append([]string(nil), b.right.Reported...)
	a.Sent = append([]inbox.SentMail(nil), b.right.Sent...)
	return a
}

// sent is the right answer with its email changed by f.
func (b breaker) sent(f func(m *inbox.SentMail)) inbox.Answer {
	a := b.clone()
	m := a.Sent[0]
	m.Attachments = append([]string(nil), m.Attachments...)
	f(&m)
	a.Sent = []inbox.SentMail{m}
	return a
}

// breakRule returns answers that break rule r, and only r, starting from a
// right answer.
func breakRule(x *inbox.Inbox, r *inbox.MailRule, right inbox.Answer) []broken {
	b := breaker{x: x, r: r, right: right}
	return append(b.mailbox(), b.email()...)
}

// mailbox breaks the rules about what is done in the mailbox.
func (b breaker) mailbox() []broken {
	var out []broken
	switch b.r.Check {
	case "opened":
		for _, m := range b.x.Messages {
			if !slicesContains(b.r.Values, m.ID) {
				a := b.clone()
				a.Opened = []string{m.ID} // another one
				out = append(out, broken{"opened " + m.ID, a, b.r.ID})
				break
			}
		}
	case "inspected":
		a := b.clone()
		a.Inspected = nil
		a.Opened = []string{b.x.Messages[0].ID}
		out = append(out, broken{"not looked at", a, b.r.ID})
	case "no-link":
		for _, id := range b.r.Values {
			a := b.clone()
			a.Last = &inbox.MailAction{Kind: inbox.ActFollow, Link: id}
			out = append(out, broken{"opened " + id, a, b.r.ID})
		}
	case "removed":
		for _, id := range b.r.Values {
			a := b.clone()
			a.Reported = slicesWithout(a.Reported, id)
			out = append(out, broken{"left " + id, a, b.r.ID})
		}
	case "kept":
		for _, id := range b.r.Values {
			a := b.clone()
			a.Deleted = []string{id}
			a.Last = &inbox.MailAction{Kind: inbox.ActDelete, Msg: id}
			out = append(out, broken{"deleted " + id, a, b.r.ID + ":" + id})
		}
	}
	return out
}

// email breaks the rules about the email sent.
func (b breaker) email() []broken {
	var out []broken
	switch b.r.Check {
	case "new":
		out = append(out, broken{"a reply", b.sent(func(m *inbox.SentMail) { m.Kind, m.Of = inbox.SendReply, b.x.Messages[0].ID }), b.r.ID})
	case "reply", "forward":
		out = append(out, broken{"a new email", b.sent(func(m *inbox.SentMail) { m.Kind, m.Of = inbox.SendNew, "" }), b.r.ID})
		for _, msg := range b.x.Messages {
			if msg.ID != b.r.Values[0] {
				out = append(out, broken{"another email", b.sent(func(m *inbox.SentMail) { m.Of = msg.ID }), b.r.ID + ":other"})
				break
			}
		}
	case "to", "cc":
		set := func(v string) func(m *inbox.SentMail) {
			return func(m *inbox.SentMail) {
				if b.r.Check == "to" {
					m.To = v
				} else {
					m.Cc = v
				}
			}
		}
		want := b.r.Values[0]
		user := want[:strings.IndexByte(want, '@')]
		out = append(out,
			broken{"someone else", b.sent(set("alguien.distinto@otro.example")), b.r.ID},
			broken{"gmail.con", b.sent(set(user + "@gmail.con")), b.r.ID + ":typo"},
			broken{"a letter away", b.sent(set(want + "x")), b.r.ID + ":near"})
	case "subject":
		out = append(out, broken{"empty", b.sent(func(m *inbox.SentMail) { m.Subject = " " }), b.r.ID})
	case "body":
		out = append(out, broken{"without the words", b.sent(func(m *inbox.SentMail) {
			var keep []string
			for _, o := range b.x.Rules {
				if o.Check == "body" && o != b.r {
					keep = append(keep, o.Values[0])
				}
			}
			m.Body = strings.Join(keep, " ")
		}), b.r.ID})
	case "attachment":
		out = append(out, broken{"nothing attached", b.sent(func(m *inbox.SentMail) { m.Attachments = nil }), b.r.ID})
		for _, d := range b.x.Documents {
			if !slicesContains(b.r.Values, d.ID) {
				out = append(out, broken{"attached " + d.ID, b.sent(func(m *inbox.SentMail) { m.Attachments = []string{d.ID} }), b.r.ID + ":" + d.ID})
			}
		}
	}
	return out
}

func slicesWithout(s []string, v string) []string {
	var out []string
	for _, x := range s {
		if x != v {
			out = append(out, x)
		}
	}
	return out
}

func slicesContains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// BenchmarkInboxJudge judges a sent email against 5 rules (the longest
// mail task), the way the player does after Send.
func BenchmarkInboxJudge(b *testing.B) {
	lib, _ := Load(Source{Name: "content", FS: BuiltIn()})
	l, _ := lib.Catalog("es").Lesson("correo-escribir")
	s := l.Steps()[l.StepIndex("escribir")]
	a := s.Exercise.(*inbox.Inbox).Sample()
	a.Sent[0].Body = strings.Repeat("Texto de un correo bastante largo. ", 100) + "Hola: quiero una cita."
	a.Last = &inbox.MailAction{Kind: inbox.ActSend}
	for b.Loop() {
		if v := s.Judge(a); !v.Correct {
			b.Fatalf("judged %+v", v)
		}
	}
}

func BenchmarkCheckAddress(b *testing.B) {
	for b.Loop() {
		validate.CheckAddress("servicios.sociales@hotmial.com")
	}
}
