// Package xapi reports what learners do at a centre to a Learning Record
// Store (LRS) through xAPI 1.0.3, and reads it back for the region.
//
// A hub turns each event it stores into statements (Mapper, the profile
// in docs/xapi.md) in the same transaction (store.SetStatements); a Sender
// posts them in batches, exactly once as far as the LRS can tell (ids
// derived from event ids); Summarize counts what a region needs from the
// statements an LRS gives back. No statement carries a learner's name or
// anything a learner typed: the actor is a random pseudonym per learner.
package xapi

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"aula/internal/lazy"
	"aula/lessons"
	"aula/store"
)

// Version is the xAPI version Aula speaks (the X-Experience-API-Version
// header).
const Version = "1.0.3"

// Vocabulary is where Aula's own verbs, activity types and extensions
// live: the same for every centre, so a region can query them.
const Vocabulary = "https://w3id.org/xapi/aula"

// DefaultBase is the activity base of a centre that sets none.
const DefaultBase = Vocabulary

// Verbs: ADL's where one fits, Aula's own for the rest.
const (
	VerbAttempted     = "http://adlnet.gov/expapi/verbs/attempted"
	VerbCompleted     = "http://adlnet.gov/expapi/verbs/completed"
	VerbAnswered      = "http://adlnet.gov/expapi/verbs/answered"
	VerbUsedHint      = Vocabulary + "/verbs/used-hint"
	VerbWorkedExample = Vocabulary + "/verbs/viewed-worked-example"
	// VerbEarned is the Tin Can registry's "earned" (the actor earned or
	// was awarded the object): ADL's vocabulary has none for an award.
	VerbEarned = "http://id.tincanapi.com/verb/earned"
)

// Activity types.
const (
	TypeLesson      = "http://adlnet.gov/expapi/activities/lesson"
	TypeItinerary   = "http://adlnet.gov/expapi/activities/course"
	TypeInteraction = "http://adlnet.gov/expapi/activities/cmi.interaction"
	TypeCentre      = Vocabulary + "/activity-types/centre"
	TypeCertificate = Vocabulary + "/activity-types/certificate"
)

// Extensions.
const (
	ExtAttempt     = Vocabulary + "/extensions/attempt"           // result: the attempt number on the step, from 1
	ExtMistake     = Vocabulary + "/extensions/mistake"           // result: the id of the mistake, from the lesson file
	ExtStrength    = Vocabulary + "/extensions/password-strength" // result: 0–4, the strength of a practice password (never the password)
	ExtCentre      = Vocabulary + "/extensions/centre"            // context: the centre's IRI
	ExtCertificate = Vocabulary + "/extensions/certificate"       // result: the certificate's reference (a hash of its code, never the code: it holds the name)
)

// verbNames are the verbs' displays, in every language Aula speaks.
var verbNames = lazy.Value[map[string]map[string]string]{New: func() map[string]map[string]string {
	return map[string]map[string]string{
		VerbAttempted:     {"en": "attempted", "es": "intentó"},
		VerbCompleted:     {"en": "completed", "es": "completó"},
		VerbAnswered:      {"en": "answered", "es": "respondió"},
		VerbUsedHint:      {"en": "used a hint", "es": "usó una pista"},
		VerbWorkedExample: {"en": "viewed the worked example", "es": "vio el ejemplo resuelto"},
		VerbEarned:        {"en": "earned", "es": "obtuvo"},
	}
}}

// Statement is an xAPI statement, as far as Aula writes and reads them.
type Statement struct {
	ID        string    `json:"id"`
	Actor     Agent     `json:"actor"`
	Verb      Verb      `json:"verb"`
	Object    Activity  `json:"object"`
	Result    *Result   `json:"result,omitempty"`
	Context   *Context  `json:"context,omitempty"`
	Timestamp string    `json:"timestamp"`
	Stored    time.Time `json:"-"`
}

// Agent is the actor: only ever an account (a pseudonym) when Aula writes it.
type Agent struct {
	ObjectType string `json:"objectType"`
	// Name is the learner's name: only when the centre sends names
	// (Mapper.Names) and the learner said yes on screen.
	Name    string   `json:"name,omitempty"`
	Account *Account `json:"account,omitempty"`
}

// Account is a pseudonymous identity at a centre.
type Account struct {
	HomePage string `json:"homePage"`
	Name     string `json:"name"`
}

// Verb is what the actor did.
type Verb struct {
	ID      string            `json:"id"`
	Display map[string]string `json:"display,omitempty"`
}

// Activity is a lesson, a step, an itinerary or a centre.
type Activity struct {
	ObjectType string      `json:"objectType"`
	ID         string      `json:"id"`
	Definition *Definition `json:"definition,omitempty"`
}

// Definition names an activity in each language and says its type.
type Definition struct {
	Name            map[string]string `json:"name,omitempty"`
	Type            string            `json:"type,omitempty"`
	InteractionType string            `json:"interactionType,omitempty"`
}

// Result is the outcome of an answer or a lesson.
type Result struct {
	Success    *bool          `json:"success,omitempty"`
	Completion *bool          `json:"completion,omitempty"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

// Context ties a statement to the class session, the itinerary and the
// centre.
type Context struct {
	Registration      string             `json:"registration,omitempty"`
	Platform          string             `json:"platform,omitempty"`
	ContextActivities *ContextActivities `json:"contextActivities,omitempty"`
	Extensions        map[string]any     `json:"extensions,omitempty"`
}

// ContextActivities are the activities around the object.
type ContextActivities struct {
	Parent   []Activity `json:"parent,omitempty"`
	Grouping []Activity `json:"grouping,omitempty"`
}

// Mapper makes a centre's statements. The zero value is not usable: set
// Centre and Library (Base defaults to DefaultBase).
type Mapper struct {
	Base    string           // activity ids are IRIs under it (the region's, the same at every centre)
	Centre  string           // the centre's short id: its IRI is Base/centres/Centre
	Library *lessons.Library // for the activities' names and the itineraries
	// Names: the centre sends the names of the learners who said yes
	// (aula hub --xapi-names). Off, no statement holds a name.
	Names bool

	cache sync.Map // lesson + "\x00" + step -> *activities: made once, read in every ingest transaction
}

// activities are what a lesson's (or step's) statements share.
type activities struct {
	lesson, step Activity
	itineraries  []Activity
}

// activitiesOf are the activities of a lesson and step (step "": none),
// from the cache.
func (m *Mapper) activitiesOf(lesson, step string) *activities {
	key := lesson + "\x00" + step
	if a, ok := m.cache.Load(key); ok {
		return a.(*activities)
	}
	a := &activities{
		lesson:      Activity{ObjectType: "Activity", ID: m.lessonIRI(lesson), Definition: &Definition{Name: m.lessonNames(lesson, ""), Type: TypeLesson}},
		itineraries: m.itineraries(lesson),
	}
	if step != "" {
		a.step = Activity{ObjectType: "Activity", ID: m.stepIRI(lesson, step), Definition: &Definition{
			Name: m.lessonNames(lesson, step), Type: TypeInteraction, InteractionType: "other",
		}}
	}
	m.cache.Store(key, a)
	return a
}

// CheckBase says what is wrong with an activity base, if anything.
func CheckBase(base string) error {
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("%q is not an http(s) IRI without query or fragment", base)
	}
	return nil
}

// CheckCentre says what is wrong with a centre id, if anything: letters,
// digits, dash, dot and underscore, 1 to 64 of them.
func CheckCentre(c string) error {
	if c == "" || len(c) > 64 || strings.ContainsFunc(c, func(r rune) bool {
		return (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') && (r < '0' || r > '9') && r != '-' && r != '.' && r != '_'
	}) {
		return fmt.Errorf("the centre id %q must be 1 to 64 letters, digits, '-', '.' or '_'", c)
	}
	return nil
}

func (m *Mapper) base() string {
	if m.Base == "" {
		return DefaultBase
	}
	return strings.TrimRight(m.Base, "/")
}

// CentreIRI is the centre's IRI: the actors' account home page.
func (m *Mapper) CentreIRI() string { return m.base() + "/centres/" + url.PathEscape(m.Centre) }

func (m *Mapper) lessonIRI(id string) string { return m.base() + "/lessons/" + url.PathEscape(id) }
func (m *Mapper) stepIRI(lesson, step string) string {
	return m.lessonIRI(lesson) + "/steps/" + url.PathEscape(step)
}
func (m *Mapper) itineraryIRI(id string) string {
	return m.base() + "/itineraries/" + url.PathEscape(id)
}
func (m *Mapper) certificateIRI(itinerary string) string {
	return m.base() + "/certificates/" + url.PathEscape(itinerary)
}

// namespace is the UUID namespace of statement ids (UUID v5 of Aula's
// vocabulary IRI).
var namespace = lazy.Value[uuid]{New: func() uuid { return uuidV5(nameSpaceURL, Vocabulary) }}

// StatementID is the deterministic id of the statement an event makes;
// part tells apart the statements of one event ("" for the main one).
func StatementID(eventID, part string) string {
	name := eventID
	if part != "" {
		name += "/" + part
	}
	return uuidV5(namespace.Get(), name).String()
}

// Registration is the class session's id: one per centre and day (UTC).
func (m *Mapper) Registration(at time.Time) string {
	return uuidV5(namespace.Get(), m.CentreIRI()+"/sessions/"+at.UTC().Format(time.DateOnly)).String()
}

// names of a lesson (or one of its steps: "Lesson — Step") in every
// language of the library.
func (m *Mapper) lessonNames(lesson, step string) map[string]string {
	out := map[string]string{}
	for _, lang := range m.Library.Langs() {
		l, ok := m.Library.Catalog(lang).Lesson(lesson)
		if !ok {
			continue
		}
		name := l.Title
		if step != "" {
			if i := l.StepIndex(step); i >= 0 && l.Steps()[i].Title != "" {
				name += " — " + l.Steps()[i].Title
			} else {
				name += " — " + step
			}
		}
		out[lang] = name
	}
	if len(out) == 0 {
		out["und"] = lesson
		if step != "" {
			out["und"] += " — " + step
		}
	}
	return out
}

// itineraries are the itineraries a lesson belongs to (from the default
// language's catalogue, which every translation follows), with their names.
func (m *Mapper) itineraries(lesson string) []Activity {
	var out []Activity
	ref := m.Library.Catalog(lessons.DefaultLanguage)
	for _, it := range ref.Itineraries {
		if !slices.Contains(it.LessonIDs, lesson) {
			continue
		}
		out = append(out, m.itineraryActivity(it.ID))
	}
	return out
}

func (m *Mapper) itineraryActivity(id string) Activity {
	names := map[string]string{}
	for _, lang := range m.Library.Langs() {
		for _, it := range m.Library.Catalog(lang).Itineraries {
			if it.ID == id {
				names[lang] = it.Title
			}
		}
	}
	return Activity{ObjectType: "Activity", ID: m.itineraryIRI(id), Definition: &Definition{Name: names, Type: TypeItinerary}}
}

func (m *Mapper) centreActivity() Activity {
	return Activity{ObjectType: "Activity", ID: m.CentreIRI(), Definition: &Definition{
		Name: map[string]string{"und": m.Centre}, Type: TypeCentre,
	}}
}

// Make is the store.StatementMaker of this centre: the statements of one
// event, following docs/xapi.md.
func (m *Mapper) Make(in store.StatementInput) ([]store.Statement, error) {
	sts := m.Statements(in)
	out := make([]store.Statement, 0, len(sts))
	for _, s := range sts {
		body, err := json.Marshal(s)
		if err != nil {
			return nil, err
		}
		out = append(out, store.Statement{ID: s.ID, Body: body})
	}
	return out, nil
}

// Statements are the statements of one event (none for the events a
// region has no use for: calling the trainer, finishing a step by reading).
func (m *Mapper) Statements(in store.StatementInput) []Statement {
	e := in.Event
	if e.Kind == store.CertificateIssued {
		return []Statement{m.certificate(in)}
	}
	acts := m.activitiesOf(e.Lesson, e.Step)
	lesson, itins := acts.lesson, acts.itineraries
	verb, obj, res := m.what(e, acts)
	if verb == "" {
		return nil
	}
	ctx := &Context{
		Registration: m.Registration(e.At),
		Platform:     "Aula",
		Extensions:   map[string]any{ExtCentre: m.CentreIRI()},
	}
	ca := &ContextActivities{Grouping: []Activity{m.centreActivity()}}
	if obj.ID == lesson.ID {
		ca.Parent = itins
	} else {
		ca.Parent = []Activity{lesson}
		ca.Grouping = append(slices.Clone(itins), ca.Grouping...)
	}
	ctx.ContextActivities = ca
	actor := m.actor(in)
	at := e.At.UTC().Format("2006-01-02T15:04:05.000Z")
	out := []Statement{{
		ID: StatementID(e.ID, ""), Actor: actor, Verb: Verb{ID: verb, Display: verbNames.Get()[verb]},
		Object: obj, Result: res, Context: ctx, Timestamp: at,
	}}
	if e.Kind == store.LessonDone && in.Done != nil && !in.Done(e.Lesson) {
		out = append(out, m.itinerariesDone(in, actor, ctx, at)...)
	}
	return out
}

// actor is the learner of in: their pseudonymous account at the centre,
// and their name only if the centre sends names and they said yes.
func (m *Mapper) actor(in store.StatementInput) Agent {
	a := Agent{ObjectType: "Agent", Account: &Account{HomePage: m.CentreIRI(), Name: in.Actor}}
	if m.Names {
		a.Name = in.Name
	}
	return a
}

// certificate is the statement of a certificate issued: the learner
// earned the itinerary's certificate; the result carries its reference.
func (m *Mapper) certificate(in store.StatementInput) Statement {
	e := in.Event
	it := m.itineraryActivity(e.Itinerary)
	t := true
	return Statement{
		ID:    StatementID(e.ID, ""),
		Actor: m.actor(in),
		Verb:  Verb{ID: VerbEarned, Display: verbNames.Get()[VerbEarned]},
		Object: Activity{ObjectType: "Activity", ID: m.certificateIRI(e.Itinerary), Definition: &Definition{
			Name: it.Definition.Name, Type: TypeCertificate,
		}},
		Result: &Result{Completion: &t, Extensions: map[string]any{ExtCertificate: e.Certificate}},
		Context: &Context{
			Registration: m.Registration(e.At), Platform: "Aula", Extensions: map[string]any{ExtCentre: m.CentreIRI()},
			ContextActivities: &ContextActivities{Parent: []Activity{it}, Grouping: []Activity{m.centreActivity()}},
		},
		Timestamp: e.At.UTC().Format("2006-01-02T15:04:05.000Z"),
	}
}

// itinerariesDone are the statements of the itineraries a lesson finished
// for the first time closes: every other lesson of theirs was done before.
func (m *Mapper) itinerariesDone(in store.StatementInput, actor Agent, ctx *Context, at string) []Statement {
	e := in.Event
	var out []Statement
	for _, it := range m.Library.Catalog(lessons.DefaultLanguage).Itineraries {
		if !slices.Contains(it.LessonIDs, e.Lesson) || slices.ContainsFunc(it.LessonIDs, func(l string) bool { return l != e.Lesson && !in.Done(l) }) {
			continue
		}
		t := true
		out = append(out, Statement{
			ID: StatementID(e.ID, "itinerary/"+it.ID), Actor: actor, Verb: Verb{ID: VerbCompleted, Display: verbNames.Get()[VerbCompleted]},
			Object: m.itineraryActivity(it.ID), Result: &Result{Completion: &t},
			Context: &Context{
				Registration: ctx.Registration, Platform: "Aula", Extensions: ctx.Extensions,
				ContextActivities: &ContextActivities{Grouping: []Activity{m.centreActivity()}},
			},
			Timestamp: at,
		})
	}
	return out
}

// what is the verb, object and result of an event's main statement
// (verb "": the event makes none).
func (m *Mapper) what(e store.Event, acts *activities) (verb string, obj Activity, res *Result) {
	switch e.Kind {
	case store.LessonStarted:
		return VerbAttempted, acts.lesson, nil
	case store.LessonDone:
		t := true
		return VerbCompleted, acts.lesson, &Result{Completion: &t}
	case store.Answered:
		ok := e.Correct
		ext := map[string]any{ExtAttempt: max(e.Attempt, 1)}
		if e.Mistake != "" && !e.Correct {
			ext[ExtMistake] = e.Mistake
		}
		if e.Score != nil {
			ext[ExtStrength] = *e.Score
		}
		return VerbAnswered, acts.step, &Result{Success: &ok, Extensions: ext}
	case store.HintShown:
		if e.Step == "" {
			return VerbUsedHint, acts.lesson, nil
		}
		return VerbUsedHint, acts.step, nil
	case store.StepDone:
		if e.How == "example" {
			return VerbWorkedExample, acts.step, nil
		}
	}
	return "", Activity{}, nil
}
