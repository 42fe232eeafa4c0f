package dashboard

// lrsLine tells the trainer that the region's Learning Record Store
// refused some of the hub's statements: they are kept aside, and aula hub
// --status lists them with the reason (docs/xapi.md). "" when none.
func (d *Dashboard) lrsLine() string {
	n := d.snap.LRSRefused
	if n <= 0 {
		return ""
	}
	return d.C.Styles.Warn.Render(d.C.Cat.T("dash_lrs_refused", "Count", n))
}
