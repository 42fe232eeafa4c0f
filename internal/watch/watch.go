// Package watch says when the files of a folder change: a trainer's
// lessons folder under aula lessons preview.
package watch

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Folder calls changed each time the YAML files under dir (dir and the
// folders in it) change, once they have been quiet for quiet: an editor's
// save is several events (write, or a new file renamed over the old one,
// or the old one removed and a new one made), and one read follows them.
// Folders made later are watched too. It returns when ctx ends, or at once
// when dir cannot be watched.
func Folder(ctx context.Context, dir string, quiet time.Duration, changed func()) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	if err := addTree(w, dir); err != nil {
		return err
	}
	timer := time.NewTimer(quiet)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			timer.Stop()
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return errors.New("the folder watcher stopped")
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					_ = addTree(w, ev.Name) // a folder made later: a new language
				}
			}
			if relevant(ev) {
				timer.Reset(quiet)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return errors.New("the folder watcher stopped")
			}
			_ = err // an overflow: the next event reads the folder whole anyway
			timer.Reset(quiet)
		case <-timer.C:
			changed()
		}
	}
}

// addTree watches dir and every folder under it.
func addTree(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return w.Add(p)
		}
		return nil
	})
}

// relevant says whether an event may change what the lessons say: a YAML
// file, or a folder (a name without a dot, such as es). An editor's swap
// and backup files (.x.yaml.swp, x.yaml~, 4913) are not.
func relevant(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod {
		return false
	}
	base := filepath.Base(ev.Name)
	if strings.HasPrefix(base, ".") {
		return false
	}
	ext := filepath.Ext(base)
	return ext == ".yaml" || ext == ".yml" || (ext == "" && !isDigits(base))
}

func isDigits(s string) bool {
	return strings.Trim(s, "0123456789") == ""
}
