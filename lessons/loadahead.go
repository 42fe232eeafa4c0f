package lessons

import (
	"aula/lessons/judge"
	"bytes"
	"io/fs"
	"path"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

// Reading the YAML of the lessons is most of the time Aula takes to start.
// Each lesson file is read on its own, so they are parsed in parallel, one
// goroutine per core, before Load goes through them in order (and decides
// what the problems and duplicates mean, as if it had parsed each itself).

// ahead is what readAhead parsed: by file name as Load names it.
type ahead map[string]aheadLesson

type aheadLesson struct {
	data     []byte
	trusted  bool // not read: its compiled tree was used (readSource)
	lesson   *Lesson
	problems []Problem
}

// isLessonFile says whether name, in a language folder, holds a lesson.
func isLessonFile(name string) bool {
	return (strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")) &&
		name != "itineraries.yaml" && name != "itineraries.yml" && name != GlossaryFile
}

// readAhead parses the lesson files of sources in every language of
// langs, in parallel. A file it cannot read is left to Load. quick leaves
// out what only aula lessons check needs (see fileProblems.quick).
func readAhead(sources []Source, langs []string, quick bool, say judge.Say) ahead {
	type job struct {
		file    string
		data    []byte
		trusted bool
		src     *Source
	}
	var jobs []job
	for _, src := range sources {
		for _, lang := range langs {
			files, err := fs.ReadDir(src.FS, lang)
			if err != nil {
				continue
			}
			for _, f := range files {
				if f.IsDir() || !isLessonFile(f.Name()) {
					continue
				}
				if data, trusted, err := readSource(src, path.Join(lang, f.Name())); err == nil {
					jobs = append(jobs, job{path.Join(src.Name, lang, f.Name()), data, trusted, &src})
				}
			}
		}
	}
	done := make([]aheadLesson, len(jobs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(jobs); i = int(next.Add(1) - 1) {
				p := newFileProblems(jobs[i].file, jobs[i].src.compiled, quick, say)
				p.trusted = jobs[i].trusted
				l := parseLesson(p, jobs[i].data)
				done[i] = aheadLesson{data: jobs[i].data, trusted: p.trusted, lesson: l, problems: p.List}
			}
		})
	}
	wg.Wait()
	out := make(ahead, len(jobs))
	for i, j := range jobs {
		out[j.file] = done[i]
	}
	return out
}

// parseLesson gives what parseLesson gives on data, read in p.File: from
// what was read ahead when it is the same file, else parsed now.
func (a ahead) parseLesson(p *fileProblems, data []byte) *Lesson {
	if r, ok := a[p.File]; ok && r.trusted == p.trusted && bytes.Equal(r.data, data) {
		p.List = append(p.List, r.problems...)
		return r.lesson
	}
	return parseLesson(p, data)
}
