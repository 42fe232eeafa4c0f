package tui

import (
	"context"
	"encoding/base64"
	"errors"
	"os/exec"
	"runtime"
	"strings"
	"unicode/utf8"

	"aula/tui/ui"

	tea "github.com/charmbracelet/bubbletea"
)

// Read aloud: F6 (or "leer" in accessible mode) says the current
// instruction and feedback through the computer's own speech, in the
// lesson's language. It never blocks the screen: the speech runs in a
// Command of its own and the root hears when it has finished. A new F6, or
// leaving the screen, stops what is being said.

// Speaker says text aloud. Speak returns once the text has been said, or
// as soon as ctx is cancelled (and then the speech stops).
type Speaker interface {
	Speak(ctx context.Context, lang, text string) error
}

// Speech engines Aula knows.
const (
	EngineEspeak = "espeak-ng" // Linux
	EngineSpd    = "spd-say"   // Linux, through speech-dispatcher (what Orca uses)
	EngineSAPI   = "sapi"      // Windows' own voices, through PowerShell
)

// maxSpoken is the most text said in one go.
const maxSpoken = 4000

// Engine is a speech program on this computer.
type Engine struct {
	Name string // one of the Engine… constants
	Path string // the program to run
	// WAV, for espeak-ng, writes the speech to this file instead of the
	// speakers (for tests).
	WAV string
}

// FindSpeaker looks for a speech engine on this computer: on Windows the
// system's voices through PowerShell, elsewhere espeak-ng, then spd-say.
// nil when there is none.
func FindSpeaker() *Engine { return findEngine(runtime.GOOS, exec.LookPath) }

func findEngine(goos string, look func(string) (string, error)) *Engine {
	if goos == "windows" {
		for _, ps := range []string{"powershell.exe", "pwsh.exe"} {
			if p, err := look(ps); err == nil {
				return &Engine{Name: EngineSAPI, Path: p}
			}
		}
		return nil
	}
	for _, name := range []string{EngineEspeak, EngineSpd} {
		if p, err := look(name); err == nil {
			return &Engine{Name: name, Path: p}
		}
	}
	return nil
}

// voice is the engine's voice for a language: Spain's Spanish, British
// English.
func voice(engine, lang string) string {
	switch engine {
	case EngineEspeak:
		if lang == "en" {
			return "en-gb"
		}
		return "es"
	case EngineSAPI:
		if lang == "en" {
			return "en-GB"
		}
		return "es-ES"
	}
	return lang // spd-say takes the language code
}

// sapiScript picks an installed voice of the language (the exact culture
// first, then any of the same language) and says the text, passed in
// base64 so that no quoting or code page can change it.
const sapiScript = `Add-Type -AssemblyName System.Speech
$s = New-Object System.Speech.Synthesis.SpeechSynthesizer
$all = $s.GetInstalledVoices() | Where-Object { $_.Enabled }
$v = $all | Where-Object { $_.VoiceInfo.Culture.Name -eq '%CULTURE%' } | Select-Object -First 1
if (-not $v) { $v = $all | Where-Object { $_.VoiceInfo.Culture.TwoLetterISOLanguageName -eq '%LANG%' } | Select-Object -First 1 }
if ($v) { $s.SelectVoice($v.VoiceInfo.Name) }
$s.Rate = -1
$s.Speak([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('%TEXT%')))`

// Command is the program run to say text in lang; the text is its last
// argument (espeak-ng, spd-say) or inside the script (SAPI).
func (e *Engine) Command(ctx context.Context, lang, text string) *exec.Cmd {
	text = speakable(text)
	var args []string
	switch e.Name {
	case EngineEspeak:
		args = []string{"-v", voice(e.Name, lang), "-s", "150"}
		if e.WAV != "" {
			args = append(args, "-w", e.WAV)
		}
		args = append(args, "--", text)
	case EngineSpd:
		args = []string{"-w", "-l", voice(e.Name, lang), "-r", "-20", "--", text}
	case EngineSAPI:
		script := strings.NewReplacer("%CULTURE%", voice(e.Name, lang), "%LANG%", lang,
			"%TEXT%", base64.StdEncoding.EncodeToString([]byte(text))).Replace(sapiScript)
		args = []string{"-NoProfile", "-NonInteractive", "-Command", script}
	}
	cmd := exec.CommandContext(ctx, e.Path, args...)
	if e.Name == EngineSpd {
		// Killing spd-say does not stop speech-dispatcher: ask it to.
		path := e.Path
		cmd.Cancel = func() error {
			_ = exec.Command(path, "-S").Run()
			return cmd.Process.Kill()
		}
	}
	return cmd
}

// Speak says text and waits until it has been said or ctx is cancelled.
func (e *Engine) Speak(ctx context.Context, lang, text string) error {
	return runSpeech(ctx, e.Command(ctx, lang, text))
}

// runSpeech runs a speech command; being stopped is not an error.
func runSpeech(ctx context.Context, cmd *exec.Cmd) error {
	err := cmd.Run()
	if ctx.Err() != nil {
		return nil
	}
	return err
}

// speakable is text as it is said: valid, one space between words, short
// enough, without the marks that only help the eye.
func speakable(s string) string {
	s = strings.ToValidUTF8(s, "")
	s = strings.NewReplacer("▶", "", "•", "", "«", "", "»", "", "✔", "", "✗", "").Replace(s)
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	s = strings.Join(out, "\n")
	if len(s) > maxSpoken {
		s = s[:maxSpoken]
		for !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
	}
	return s
}

// speechState is what the root knows about read aloud.
type speechState struct {
	cancel context.CancelFunc // stops what is being said; nil when quiet
	id     int                // the utterance under way
	text   string             // what it says
	told   bool               // "no speech on this computer" was said
	screen screenKey          // the screen it belongs to
	auto   screenKey          // the last screen read by itself (Prefs.Speak)
}

// speechDoneMsg says that utterance id has ended.
type speechDoneMsg struct {
	id  int
	err error
}

// screenKey tells screens apart: leaving one stops its speech.
type screenKey struct {
	scr     ui.Screen // a pointer: every screen is one
	page    int       // the step on screen (see ui.ReadsAloud)
	overlay bool
}

func (m *Model) screenKey() screenKey {
	k := screenKey{scr: m.scr, overlay: m.overlay != nil}
	if r, ok := m.scr.(ui.ReadsAloud); ok {
		k.page = r.Page()
	}
	return k
}

// spokenText is what F6 reads now: the dialog on top, else the screen's
// own words (a step's title, instruction and feedback), else the screen
// as accessible mode says it.
func (m *Model) spokenText() string {
	if m.class.paused != nil || m.overlay != nil {
		return strings.Join(m.lineFrame().Lines, "\n")
	}
	if s, ok := m.scr.(ui.Spoken); ok {
		return s.Spoken()
	}
	f := m.lineFrame()
	return strings.Join(append(f.Lines, f.Prompt), "\n")
}

// readAloud says the screen, or stops if it is already being said.
func (m *Model) readAloud() tea.Cmd {
	text := m.spokenText()
	again := m.speech.cancel != nil && m.speech.text == text
	m.stopSpeech()
	if again {
		return nil // F6 while it speaks: stop
	}
	return m.say(text)
}

// say starts saying text.
func (m *Model) say(text string) tea.Cmd {
	cat := m.c.Cat
	if m.cfg.Speaker == nil {
		if !m.speech.told {
			m.speech.told = true
			m.status = cat.T("speech_none") // accessible mode says the status line too
		}
		return nil
	}
	if strings.TrimSpace(text) == "" {
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	m.speech.id++
	m.speech.cancel, m.speech.text, m.speech.screen = cancel, text, m.screenKey()
	id, sp, lang := m.speech.id, m.cfg.Speaker, cat.Lang()
	return background(func() tea.Msg {
		defer cancel()
		return speechDoneMsg{id: id, err: sp.Speak(ctx, lang, text)}
	})
}

// stopSpeech stops what is being said, if anything.
func (m *Model) stopSpeech() {
	if m.speech.cancel != nil {
		m.speech.cancel()
		m.speech.cancel = nil
	}
}

// speechDone hears that an utterance ended.
func (m *Model) speechDone(msg speechDoneMsg) tea.Cmd {
	if msg.id != m.speech.id {
		return nil
	}
	m.speech.cancel = nil
	if msg.err != nil && !errors.Is(msg.err, context.Canceled) && !m.speech.told {
		m.speech.told = true
		m.status = m.c.Cat.T("speech_failed")
	}
	return nil
}

// afterUpdate stops the speech of a screen that has been left and, for a
// learner who likes it, reads each new step aloud.
func (m *Model) afterUpdate() tea.Cmd {
	key := m.screenKey()
	if m.speech.cancel != nil && key != m.speech.screen {
		m.stopSpeech()
	}
	l := m.c.Learner
	if l == nil || !l.Prefs.Speak || key == m.speech.auto {
		return nil
	}
	m.speech.auto = key
	if _, ok := m.scr.(ui.ReadsAloud); !ok || m.overlay != nil || m.class.paused != nil {
		return nil
	}
	return m.say(m.spokenText())
}
