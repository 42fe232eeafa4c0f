package lessons

import (
	"aula/lessons/judge"
	"aula/lessons/kinds/form"
	"aula/lessons/kinds/inbox"
	"aula/lessons/validate"
)

// Names that moved out of this package (issue 13) and that callers outside
// lessons/ still spell lessons.X. Transitional: new code names the package
// that holds the thing (validate, judge, form, inbox). The folders that
// still use these were being edited by other work at the time of the move;
// docs/architecture.md says how to rewrite them, and a line goes when its
// last caller has moved.

// From aula/lessons/judge.
var (
	AddressReason = judge.AddressReason
)

// From aula/lessons/validate.
type (
	Level    = validate.Level
	Strength = validate.Strength
)

const (
	AddressOK          = validate.AddressOK
	AdviceAddWord      = validate.AdviceAddWord
	Fair               = validate.Fair
	MaxPasswordLen     = validate.MaxPasswordLen
	RuleCodeFormat     = validate.RuleCodeFormat
	RuleDNIFormat      = validate.RuleDNIFormat
	RuleDNIIsNIE       = validate.RuleDNIIsNIE
	RuleDNILetter      = validate.RuleDNILetter
	RuleDNINoLetter    = validate.RuleDNINoLetter
	RuleDateDay        = validate.RuleDateDay
	RuleDateFormat     = validate.RuleDateFormat
	RuleDateFuture     = validate.RuleDateFuture
	RuleDateMonth      = validate.RuleDateMonth
	RuleDateOld        = validate.RuleDateOld
	RuleDateYear       = validate.RuleDateYear
	RuleEmailAccent    = validate.RuleEmailAccent
	RuleEmailAt        = validate.RuleEmailAt
	RuleEmailDomain    = validate.RuleEmailDomain
	RuleEmailDots      = validate.RuleEmailDots
	RuleEmailInvalid   = validate.RuleEmailInvalid
	RuleEmailNoUser    = validate.RuleEmailNoUser
	RuleEmailSpace     = validate.RuleEmailSpace
	RuleEmailTypo      = validate.RuleEmailTypo
	RuleFileSize       = validate.RuleFileSize
	RuleFileType       = validate.RuleFileType
	RuleNameChars      = validate.RuleNameChars
	RuleNameDigits     = validate.RuleNameDigits
	RuleOptionFull     = validate.RuleOptionFull
	RulePhoneChars     = validate.RulePhoneChars
	RulePhoneCountry   = validate.RulePhoneCountry
	RulePhoneLength    = validate.RulePhoneLength
	RulePhoneStart     = validate.RulePhoneStart
	RulePostcodeFormat = validate.RulePostcodeFormat
	RulePostcodeProv   = validate.RulePostcodeProv
	RuleRequired       = validate.RuleRequired
	RuleTextSymbols    = validate.RuleTextSymbols
	RuleTooLong        = validate.RuleTooLong
	Strong             = validate.Strong
	VeryStrong         = validate.VeryStrong
	VeryWeak           = validate.VeryWeak
)

var (
	AddressProblems  = validate.AddressProblems
	AdviceIDs        = validate.AdviceIDs
	CheckIBAN        = validate.CheckIBAN
	Fold             = validate.Fold
	FormRules        = validate.FormRules
	FormatIBAN       = validate.FormatIBAN
	PasswordStrength = validate.PasswordStrength
	Recipients       = validate.Recipients
	SameAddress      = validate.SameAddress
	WarmStrength     = validate.WarmStrength
)

// From aula/lessons/kinds/form.
type (
	Field        = form.Field
	FieldOption  = form.FieldOption
	Form         = form.Form
	FormAnswer   = form.Answer
	PracticeFile = form.PracticeFile
	SentCode     = form.SentCode
)

var (
	ItemPath = form.ItemPath
)

// From aula/lessons/kinds/inbox.
type (
	Document    = inbox.Document
	Inbox       = inbox.Inbox
	InboxAnswer = inbox.Answer
	Link        = inbox.Link
	MailAction  = inbox.MailAction
	SentMail    = inbox.SentMail
)

const (
	ActDelete   = inbox.ActDelete
	ActFollow   = inbox.ActFollow
	ActInspect  = inbox.ActInspect
	ActOpen     = inbox.ActOpen
	ActReport   = inbox.ActReport
	ActRestore  = inbox.ActRestore
	ActSend     = inbox.ActSend
	FolderInbox = inbox.FolderInbox
	FolderSent  = inbox.FolderSent
	FolderTrash = inbox.FolderTrash
	SendForward = inbox.SendForward
	SendNew     = inbox.SendNew
	SendReply   = inbox.SendReply
)

var (
	Address           = inbox.Address
	DisplayName       = inbox.DisplayName
	Domain            = inbox.Domain
	FirstBadRecipient = inbox.FirstBadRecipient
	LinkRef           = inbox.LinkRef
)
