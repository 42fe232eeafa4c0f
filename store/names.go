package store

// MaxNameLen is the longest name, in letters, a learner can have.
const MaxNameLen = maxNameRunes

// CheckName tells whether name would be accepted by AddLearner (ErrBadName
// if not), so a screen can say so before any write.
func CheckName(name string) error {
	_, err := cleanName(name)
	return err
}
