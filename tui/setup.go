package tui

import (
	"errors"
	"sync/atomic"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"aula/classroom"
	"aula/i18n"
	"aula/store"
	"aula/tui/ui"
)

// The forms of aula setup, for the person preparing a laptop (a volunteer,
// not a learner), and the trainer PIN question of aula trainer's first run.
// They are huh forms: main runs them and saves the answers.

// SetupAnswers are what the person preparing the laptop chose.
type SetupAnswers struct {
	Lang      string
	Kiosk     bool
	ChangePIN bool   // a trainer PIN is set and they want a new one
	PIN       string // the new trainer PIN; "" keeps the one there is
	PINAgain  string
	Hub       string // as typed; "" for no class
	Centre    string // the centre's name, printed on certificates
	Trainer   string // the trainer's name, printed on certificates
}

// SetupLanguageForm asks the language, each one named in itself.
func SetupLanguageForm(lang *string) *huh.Form {
	var opts []huh.Option[string]
	for _, l := range i18n.Langs() {
		opts = append(opts, huh.NewOption(i18n.New(l).T("lang_name"), l))
	}
	title := ""
	for i, l := range i18n.Langs() {
		if i > 0 {
			title += " · "
		}
		title += i18n.New(l).T("setup_lang")
	}
	keys := setupKeys(i18n.New(*lang))
	keys.Select.Submit.SetHelp(keys.Select.Next.Help().Key, keys.Select.Next.Help().Desc) // there is more after it
	return huh.NewForm(huh.NewGroup(
		huh.NewSelect[string]().Title(title).Options(opts...).Value(lang),
	)).WithKeyMap(keys).WithTheme(huh.ThemeBase16())
}

// SetupForm asks the rest, in a.Lang: kiosk mode, the trainer PIN (a new
// one only when none is set, or when asked for), the class and the font
// advice for goos ("windows" or another system).
func SetupForm(a *SetupAnswers, hasPIN bool, goos string) *huh.Form {
	cat := i18n.New(a.Lang)
	font := cat.T("setup_font_linux")
	if goos == "windows" {
		font = cat.T("setup_font_windows")
	}
	askPIN := func() bool { return !hasPIN || a.ChangePIN }
	groups := []*huh.Group{
		huh.NewGroup(
			huh.NewNote().Title(cat.T("setup_title")).Description(cat.T("setup_intro")),
			yesNo(cat, cat.T("setup_kiosk"), cat.T("setup_kiosk_text"), &a.Kiosk),
		),
	}
	if hasPIN {
		groups = append(groups, huh.NewGroup(
			yesNo(cat, cat.T("setup_change_pin"), cat.T("setup_change_pin_text"), &a.ChangePIN),
		))
	}
	groups = append(groups,
		pinGroup(cat, &a.PIN, &a.PINAgain).WithHideFunc(func() bool { return !askPIN() }),
		huh.NewGroup(
			huh.NewInput().Title(cat.T("setup_hub")).Description(cat.T("setup_hub_text")).
				Value(&a.Hub).CharLimit(200).Validate(func(s string) error {
				if s == "" {
					return nil
				}
				if _, err := classroom.NormalizeURL(s); err != nil {
					return errors.New(cat.T("setup_hub_bad"))
				}
				return nil
			}),
		),
		huh.NewGroup(
			huh.NewInput().Title(cat.T("setup_centre")).Description(cat.T("setup_centre_text")).
				Value(&a.Centre).CharLimit(store.MaxCentreName),
			huh.NewInput().Title(cat.T("setup_trainer")).Description(cat.T("setup_trainer_text")).
				Value(&a.Trainer).CharLimit(store.MaxCentreName),
		),
		huh.NewGroup(
			huh.NewNote().Title(cat.T("setup_font")).Description(font).Next(true).NextLabel(cat.T("setup_save")),
		),
	)
	return huh.NewForm(groups...).WithKeyMap(setupKeys(cat)).WithTheme(huh.ThemeBase16())
}

// TrainerPINForm asks for a new trainer PIN, twice (aula trainer, the first
// time, when this laptop has none).
func TrainerPINForm(lang string, pin *string) *huh.Form {
	cat := i18n.New(lang)
	var again string
	g := pinGroup(cat, pin, &again)
	return huh.NewForm(g).WithKeyMap(setupKeys(cat)).WithTheme(huh.ThemeBase16())
}

// pinGroup asks for a trainer PIN and the same again. The PIN is masked.
func pinGroup(cat *i18n.Catalog, pin, again *string) *huh.Group {
	// huh works the second box's note out in a command of its own, on
	// another goroutine, while the form writes *pin: the note reads what
	// the first box's check saw, kept where both may touch it.
	var easy atomic.Bool
	return huh.NewGroup(
		huh.NewInput().Title(cat.T("setup_pin")).
			Description(cat.T("setup_pin_text", "Min", store.MinTrainerPIN, "Max", store.MaxTrainerPIN)).
			EchoMode(huh.EchoModePassword).CharLimit(store.MaxTrainerPIN).Value(pin).
			Validate(func(s string) error {
				easy.Store(ui.EasyPIN(s))
				if !store.ValidTrainerPIN(s) {
					return errors.New(cat.T("gate_pin_format", "Min", store.MinTrainerPIN, "Max", store.MaxTrainerPIN))
				}
				return nil
			}),
		huh.NewInput().Title(cat.T("setup_pin_again")).
			// A gentle note, not a refusal, when the PIN is one of the
			// first anybody would try.
			DescriptionFunc(func() string {
				if easy.Load() {
					return cat.T("setup_pin_easy")
				}
				return ""
			}, pin).
			EchoMode(huh.EchoModePassword).CharLimit(store.MaxTrainerPIN).Value(again).
			Validate(func(s string) error {
				if s != *pin {
					return errors.New(cat.T("setup_pin_mismatch"))
				}
				return nil
			}),
	)
}

// yesNo is a yes-or-no question whose arrows choose the answer they point
// at, as the two are drawn (Yes on the left, No on the right). huh's
// arrows both swap the answer: a trainer who pressed → to reach No went
// from No to Yes and turned kiosk mode on.
func yesNo(cat *i18n.Catalog, title, text string, v *bool) huh.Field {
	return &arrowConfirm{Confirm: huh.NewConfirm().Title(title).Description(text).
		Affirmative(cat.T("setup_yes")).Negative(cat.T("setup_no")).Value(v), value: v}
}

// arrowConfirm is yesNo's field: huh's Confirm with ← for yes, → for no.
type arrowConfirm struct {
	*huh.Confirm
	value *bool
}

// Update answers ← and → itself and hands every other message to huh.
func (c *arrowConfirm) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && (k.Type == tea.KeyLeft || k.Type == tea.KeyRight) {
		*c.value = k.Type == tea.KeyLeft
		return c, nil
	}
	m, cmd := c.Confirm.Update(msg)
	if inner, ok := m.(*huh.Confirm); ok {
		c.Confirm = inner
	}
	return c, cmd
}

// setupKeys are huh's keys with help in the catalog's language; Esc leaves
// as Ctrl+C does, and y or s (sí) answer yes.
func setupKeys(cat *i18n.Catalog) *huh.KeyMap {
	k := huh.NewDefaultKeyMap()
	k.Quit = key.NewBinding(key.WithKeys("ctrl+c", "esc"), key.WithHelp("Esc", cat.T("setup_key_cancel")))
	next := func(b *key.Binding) { b.SetHelp(cat.T("keyname_enter"), cat.T("key_next")) }
	back := func(b *key.Binding) { b.SetHelp("Shift+Tab", cat.T("key_back")) }
	next(&k.Input.Next)
	next(&k.Select.Next)
	next(&k.Confirm.Next)
	next(&k.Note.Next)
	for _, b := range []*key.Binding{&k.Input.Submit, &k.Select.Submit, &k.Confirm.Submit, &k.Note.Submit} {
		b.SetHelp(cat.T("keyname_enter"), cat.T("setup_key_save"))
	}
	for _, b := range []*key.Binding{&k.Input.Prev, &k.Select.Prev, &k.Confirm.Prev, &k.Note.Prev} {
		back(b)
	}
	k.Select.Up.SetHelp("↑", cat.T("key_up"))
	k.Select.Down.SetHelp("↓", cat.T("key_down"))
	k.Select.Filter.SetEnabled(false)
	k.Confirm.Toggle.SetHelp("← →", cat.T("setup_key_toggle"))
	k.Confirm.Accept = key.NewBinding(key.WithKeys("y", "Y", "s", "S"), key.WithHelp(cat.T("setup_key_yes"), cat.T("setup_yes")))
	k.Confirm.Reject = key.NewBinding(key.WithKeys("n", "N"), key.WithHelp("n", cat.T("setup_no")))
	return k
}
