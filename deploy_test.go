package main

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"aula/i18n"
)

// The setup guides and the files in deploy/ they use: every file a command
// in the guides names exists, the files parse, and the numbers the guides,
// the files and aula setup's font advice give agree. deploy/check.sh runs
// this and, where they are installed, the real validators
// (desktop-file-validate, foot --check-config, shellcheck).

// codeBlocks returns the lines inside the ``` blocks of a Markdown file.
func codeBlocks(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(l, "```") {
			in = !in
			continue
		}
		if in {
			lines = append(lines, l)
		}
	}
	return lines
}

// releaseNames are the programs deploy/build.sh makes.
func releaseNames(t *testing.T) []string {
	t.Helper()
	raw, err := os.ReadFile("deploy/build.sh")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`for target in ([^;]+);`).FindStringSubmatch(string(raw))
	if m == nil {
		t.Fatal("deploy/build.sh: no target list")
	}
	var names []string
	for _, target := range strings.Fields(m[1]) {
		name := "aula-" + strings.ReplaceAll(target, "/", "-")
		if strings.HasPrefix(target, "windows/") {
			name += ".exe"
		}
		names = append(names, name)
	}
	return names
}

func TestDeployGuidesNameFilesThatExist(t *testing.T) {
	names := releaseNames(t)
	if want := []string{"aula-windows-amd64.exe", "aula-linux-amd64", "aula-linux-386", "aula-linux-arm64"}; !slices.Equal(names, want) {
		t.Errorf("deploy/build.sh builds %v, want %v", names, want)
	}
	// In the Aula folder (what build.sh makes), linux/ and windows/ are
	// copies of deploy/linux and deploy/windows.
	folderFile := regexp.MustCompile(`(?:^|[\s"'])((?:linux|windows)[/\\][\w.-]+|\.\\[\w.-]+|aula-(?:linux|windows)-[\w.-]+)`)
	for _, guide := range []string{"docs/setup-linux.md", "docs/setup-windows.md"} {
		found := 0
		for _, line := range codeBlocks(t, guide) {
			for _, m := range folderFile.FindAllStringSubmatch(line, -1) {
				ref := strings.ReplaceAll(m[1], `\`, "/")
				found++
				switch {
				case strings.HasPrefix(ref, "aula-"):
					if !slices.Contains(names, ref) {
						t.Errorf("%s: %q names %s, which deploy/build.sh does not make", guide, line, ref)
					}
				case strings.HasPrefix(ref, "./"): // run in the windows folder
					if _, err := os.Stat(filepath.Join("deploy", "windows", ref[2:])); err != nil {
						t.Errorf("%s: %q: %v", guide, line, err)
					}
				default:
					if _, err := os.Stat(filepath.Join("deploy", ref)); err != nil {
						t.Errorf("%s: %q: %v", guide, line, err)
					}
				}
			}
		}
		if found < 2 {
			t.Errorf("%s: only %d files named in its commands; the pattern may be wrong", guide, found)
		}
	}
}

// desktopEntry reads a .desktop file's [Desktop Entry] group.
func desktopEntry(t *testing.T, path string) map[string]string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	if lines[0] != "[Desktop Entry]" {
		t.Fatalf("%s: the first line is %q, want [Desktop Entry]", path, lines[0])
	}
	keys := map[string]string{}
	for i, l := range lines[1:] {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		k, v, ok := strings.Cut(l, "=")
		if !ok || strings.ContainsAny(k, " \t") {
			t.Errorf("%s:%d: %q is not key=value", path, i+2, l)
		}
		if _, dup := keys[k]; dup {
			t.Errorf("%s: %s twice", path, k)
		}
		keys[k] = v
	}
	for _, k := range []string{"Type", "Name", "Exec"} {
		if keys[k] == "" {
			t.Errorf("%s: no %s", path, k)
		}
	}
	return keys
}

func TestDeployLinuxFiles(t *testing.T) {
	menu := desktopEntry(t, "deploy/linux/aula.desktop")
	if menu["Exec"] != "aula-launch" || menu["Terminal"] != "false" {
		t.Errorf("aula.desktop runs %q (Terminal=%s), want aula-launch, which opens its own terminal", menu["Exec"], menu["Terminal"])
	}
	session := desktopEntry(t, "deploy/linux/aula-kiosk.desktop")
	if session["Exec"] != "/usr/local/bin/aula-kiosk-session" {
		t.Errorf("the kiosk session runs %q", session["Exec"])
	}
	// LightDM's autologin names the session by its file name.
	lightdm, err := os.ReadFile("deploy/linux/50-aula-kiosk.conf")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(lightdm), "[Seat:*]") || !strings.Contains(string(lightdm), "\nautologin-session=aula-kiosk\n") {
		t.Errorf("50-aula-kiosk.conf does not start the aula-kiosk session:\n%s", lightdm)
	}
	script, err := os.ReadFile("deploy/linux/aula-kiosk-session")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(script), "--config=/etc/aula/foot.ini") || !strings.Contains(string(script), "/usr/local/bin/aula --kiosk") {
		t.Errorf("aula-kiosk-session does not run foot with /etc/aula/foot.ini and aula --kiosk:\n%s", script)
	}
	foot, err := os.ReadFile("deploy/linux/foot.ini")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"spawn-terminal=none", "show-urls-launch=none"} {
		if !strings.Contains(string(foot), "\n"+want+"\n") {
			t.Errorf("foot.ini lacks %q: the learner could open another program", want)
		}
	}
	// One letter size everywhere on Linux: the kiosk terminal, the
	// launcher, and aula setup's advice.
	size := regexp.MustCompile(`font=monospace:size=(\d+)`).FindSubmatch(foot)
	launch, _ := os.ReadFile("deploy/linux/aula-launch")
	if size == nil || !strings.Contains(string(launch), "AULA_FONT_SIZE:-"+string(size[1])+"}") {
		t.Errorf("foot.ini and aula-launch give different letter sizes")
	}
	if size != nil {
		for _, lang := range i18n.Langs() {
			if advice := i18n.New(lang).T("setup_font_linux"); !strings.Contains(advice, " "+string(size[1])+".") {
				t.Errorf("%s font advice does not say size %s: %q", lang, size[1], advice)
			}
		}
	}
}

func TestDeployWindowsFiles(t *testing.T) {
	raw, err := os.ReadFile("deploy/windows/aula-terminal-fragment.json")
	if err != nil {
		t.Fatal(err)
	}
	var frag struct {
		Profiles []struct {
			Name        string `json:"name"`
			Commandline string `json:"commandline"`
			Font        struct {
				Size int `json:"size"`
			} `json:"font"`
			CloseOnExit string `json:"closeOnExit"`
		} `json:"profiles"`
	}
	if err := json.Unmarshal(raw, &frag); err != nil {
		t.Fatalf("aula-terminal-fragment.json: %v", err)
	}
	if len(frag.Profiles) != 1 {
		t.Fatalf("want one profile, got %d", len(frag.Profiles))
	}
	p := frag.Profiles[0]
	ps1, err := os.ReadFile("deploy/windows/install-aula.ps1")
	if err != nil {
		t.Fatal(err)
	}
	script := string(ps1)
	if p.Name != "Aula" || !strings.Contains(script, `-p "Aula"`) {
		t.Errorf("the profile is %q; the shortcut must open it by name", p.Name)
	}
	if p.Commandline != `%LOCALAPPDATA%\Programs\Aula\aula.exe` || !strings.Contains(script, `'Programs\Aula'`) || !strings.Contains(script, `'aula.exe'`) {
		t.Errorf("the profile runs %q, not where install-aula.ps1 puts Aula", p.Commandline)
	}
	if p.CloseOnExit != "always" {
		t.Errorf("closeOnExit = %q: the window should close with Aula", p.CloseOnExit)
	}
	checkWindowsFontSize(t, script, p.Font.Size)
	checkWindowsScript(t, script)
}

// checkWindowsFontSize: one letter size in the fragment, the script's
// default, the guide, and aula setup's advice.
func checkWindowsFontSize(t *testing.T, script string, size int) {
	if !strings.Contains(script, "[int]$FontSize = 20") || size != 20 {
		t.Errorf("font size: fragment %d; install-aula.ps1 must default to the same, 20", size)
	}
	for _, lang := range i18n.Langs() {
		if advice := i18n.New(lang).T("setup_font_windows"); !strings.Contains(advice, " 20.") {
			t.Errorf("%s font advice does not say size 20: %q", lang, advice)
		}
	}
}

// checkWindowsScript: the switches the guide uses are the script's
// parameters, and the script is plain ASCII (Windows PowerShell 5 reads it
// in the ANSI code page).
func checkWindowsScript(t *testing.T, script string) {
	guide, err := os.ReadFile("docs/setup-windows.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, sw := range regexp.MustCompile(`install-aula\.ps1((?: -\w+(?: \d+)?)*)`).FindAllStringSubmatch(string(guide), -1) {
		for _, f := range strings.Fields(sw[1]) {
			if strings.HasPrefix(f, "-") && !regexp.MustCompile(`(?i)\[(switch|string|int)\]\$`+regexp.QuoteMeta(f[1:])+`\b`).MatchString(script) {
				t.Errorf("the guide uses %s, which install-aula.ps1 does not take", f)
			}
		}
	}
	for i, r := range script {
		if r > 127 {
			t.Fatalf("install-aula.ps1 has a non-ASCII character %q at byte %d", r, i)
		}
	}
	if !strings.Contains(script, "aula-terminal-fragment.json") || !strings.Contains(script, "& $aula setup") {
		t.Error("install-aula.ps1 should install the fragment and run aula setup")
	}
}

// install.sh, run as the guide says, puts every file where the guide and
// the other files say it is: into a scratch folder (DESTDIR), and for a
// user with a fresh home.
func TestDeployLinuxInstall(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("install.sh is for Linux")
	}
	fakeBin := filepath.Join(t.TempDir(), "aula-linux-amd64")
	writeFile(t, fakeBin, "#!/bin/sh\necho aula test\n")

	root := t.TempDir()
	cmd := exec.Command("sh", "deploy/linux/install.sh", "--kiosk-session", fakeBin)
	cmd.Env = append(os.Environ(), "DESTDIR="+root)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("install.sh --kiosk-session: %v\n%s", err, out)
	}
	for path, mode := range map[string]os.FileMode{
		"/usr/local/bin/aula":                            0o755,
		"/usr/local/bin/aula-launch":                     0o755,
		"/usr/local/bin/aula-kiosk-session":              0o755,
		"/usr/local/share/applications/aula.desktop":     0o644,
		"/etc/aula/foot.ini":                             0o644,
		"/usr/share/wayland-sessions/aula-kiosk.desktop": 0o644,
	} {
		fi, err := os.Stat(filepath.Join(root, path))
		if err != nil {
			t.Errorf("not installed: %s", path)
			continue
		}
		if fi.Mode().Perm() != mode {
			t.Errorf("%s: mode %v, want %v", path, fi.Mode().Perm(), mode)
		}
	}
	menu := desktopEntry(t, filepath.Join(root, "/usr/local/share/applications/aula.desktop"))
	if menu["Exec"] != "/usr/local/bin/aula-launch" {
		t.Errorf("installed menu entry runs %q", menu["Exec"])
	}
	// The guide tells the volunteer to copy the menu entry from there.
	guide, _ := os.ReadFile("docs/setup-linux.md")
	for _, path := range []string{"/usr/local/share/applications/aula.desktop", "/etc/aula/foot.ini", "/usr/local/bin/aula-kiosk-session"} {
		if !strings.Contains(string(guide), path) {
			t.Errorf("the guide never says where %s is", path)
		}
	}

	// --user, for someone with a fresh home: no root needed.
	home := t.TempDir()
	cmd = exec.Command("sh", "deploy/linux/install.sh", "--user", fakeBin)
	cmd.Env = append(os.Environ(), "HOME="+home)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("install.sh --user: %v\n%s", err, out)
	}
	menu = desktopEntry(t, filepath.Join(home, ".local/share/applications/aula.desktop"))
	if menu["Exec"] != filepath.Join(home, ".local/bin/aula-launch") {
		t.Errorf("--user menu entry runs %q", menu["Exec"])
	}
	if out, err := exec.Command(filepath.Join(home, ".local/bin/aula")).Output(); err != nil || string(out) != "aula test\n" {
		t.Errorf("the installed aula does not run: %v %q", err, out)
	}
	// Mistakes get a plain message, not a half install.
	for _, args := range [][]string{{}, {"no-such-file"}, {"--user", "--kiosk-session", fakeBin}, {"--bogus", fakeBin}} {
		cmd = exec.Command("sh", append([]string{"deploy/linux/install.sh"}, args...)...)
		cmd.Env = append(os.Environ(), "DESTDIR="+t.TempDir(), "HOME="+t.TempDir())
		out, err := cmd.CombinedOutput()
		if err == nil || !strings.HasPrefix(string(out), "install.sh: ") {
			t.Errorf("install.sh %v: %v %q; want a refusal", args, err, out)
		}
	}
}
