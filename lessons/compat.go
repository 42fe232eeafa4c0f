package lessons

import (
	"aula/lessons/kinds/form"
	"aula/lessons/kinds/inbox"
	"aula/lessons/validate"
)

// Names that moved out of this package (issue 13) and that callers outside
// lessons/ still spell lessons.X. Transitional: new code names the package
// that holds the thing (validate, judge, form, inbox). The folders that
// still use these were being edited by other work at the time of the move:
// tools/rewrite-compat.sh FILE… rewrites them, and a line goes when its
// last caller has moved.

// From aula/lessons/validate.
type (
	// Level is validate.Level.
	Level = validate.Level
)

const (
	// AddressOK is validate.AddressOK.
	AddressOK = validate.AddressOK
	// Fair is validate.Fair.
	Fair = validate.Fair
	// RuleCodeFormat is validate.RuleCodeFormat.
	RuleCodeFormat = validate.RuleCodeFormat
	// RuleDNIFormat is validate.RuleDNIFormat.
	RuleDNIFormat = validate.RuleDNIFormat
	// RuleDNIIsNIE is validate.RuleDNIIsNIE.
	RuleDNIIsNIE = validate.RuleDNIIsNIE
	// RuleDNILetter is validate.RuleDNILetter.
	RuleDNILetter = validate.RuleDNILetter
	// RuleDNINoLetter is validate.RuleDNINoLetter.
	RuleDNINoLetter = validate.RuleDNINoLetter
	// RuleDateDay is validate.RuleDateDay.
	RuleDateDay = validate.RuleDateDay
	// RuleDateFormat is validate.RuleDateFormat.
	RuleDateFormat = validate.RuleDateFormat
	// RuleDateFuture is validate.RuleDateFuture.
	RuleDateFuture = validate.RuleDateFuture
	// RuleDateMonth is validate.RuleDateMonth.
	RuleDateMonth = validate.RuleDateMonth
	// RuleDateOld is validate.RuleDateOld.
	RuleDateOld = validate.RuleDateOld
	// RuleDateYear is validate.RuleDateYear.
	RuleDateYear = validate.RuleDateYear
	// RuleEmailAccent is validate.RuleEmailAccent.
	RuleEmailAccent = validate.RuleEmailAccent
	// RuleEmailAt is validate.RuleEmailAt.
	RuleEmailAt = validate.RuleEmailAt
	// RuleEmailDomain is validate.RuleEmailDomain.
	RuleEmailDomain = validate.RuleEmailDomain
	// RuleEmailDots is validate.RuleEmailDots.
	RuleEmailDots = validate.RuleEmailDots
	// RuleEmailInvalid is validate.RuleEmailInvalid.
	RuleEmailInvalid = validate.RuleEmailInvalid
	// RuleEmailNoUser is validate.RuleEmailNoUser.
	RuleEmailNoUser = validate.RuleEmailNoUser
	// RuleEmailSpace is validate.RuleEmailSpace.
	RuleEmailSpace = validate.RuleEmailSpace
	// RuleEmailTypo is validate.RuleEmailTypo.
	RuleEmailTypo = validate.RuleEmailTypo
	// RuleFileSize is validate.RuleFileSize.
	RuleFileSize = validate.RuleFileSize
	// RuleFileType is validate.RuleFileType.
	RuleFileType = validate.RuleFileType
	// RuleNameChars is validate.RuleNameChars.
	RuleNameChars = validate.RuleNameChars
	// RuleNameDigits is validate.RuleNameDigits.
	RuleNameDigits = validate.RuleNameDigits
	// RuleOptionFull is validate.RuleOptionFull.
	RuleOptionFull = validate.RuleOptionFull
	// RulePhoneChars is validate.RulePhoneChars.
	RulePhoneChars = validate.RulePhoneChars
	// RulePhoneCountry is validate.RulePhoneCountry.
	RulePhoneCountry = validate.RulePhoneCountry
	// RulePhoneLength is validate.RulePhoneLength.
	RulePhoneLength = validate.RulePhoneLength
	// RulePhoneStart is validate.RulePhoneStart.
	RulePhoneStart = validate.RulePhoneStart
	// RulePostcodeFormat is validate.RulePostcodeFormat.
	RulePostcodeFormat = validate.RulePostcodeFormat
	// RulePostcodeProv is validate.RulePostcodeProv.
	RulePostcodeProv = validate.RulePostcodeProv
	// RuleRequired is validate.RuleRequired.
	RuleRequired = validate.RuleRequired
	// RuleTextSymbols is validate.RuleTextSymbols.
	RuleTextSymbols = validate.RuleTextSymbols
	// RuleTooLong is validate.RuleTooLong.
	RuleTooLong = validate.RuleTooLong
	// Strong is validate.Strong.
	Strong = validate.Strong
	// VeryWeak is validate.VeryWeak.
	VeryWeak = validate.VeryWeak
)

var (
	// CheckIBAN is validate.CheckIBAN.
	CheckIBAN = validate.CheckIBAN
	// Fold is validate.Fold.
	Fold = validate.Fold
	// FormRules is validate.FormRules.
	FormRules = validate.FormRules
	// FormatIBAN is validate.FormatIBAN.
	FormatIBAN = validate.FormatIBAN
	// Recipients is validate.Recipients.
	Recipients = validate.Recipients
	// SameAddress is validate.SameAddress.
	SameAddress = validate.SameAddress
	// WarmStrength is validate.WarmStrength.
	WarmStrength = validate.WarmStrength
)

// From aula/lessons/kinds/form.
type (
	// Field is form.Field.
	Field = form.Field
	// FieldOption is form.FieldOption.
	FieldOption = form.FieldOption
	// Form is form.Form.
	Form = form.Form
	// FormAnswer is form.Answer.
	FormAnswer = form.Answer
	// PracticeFile is form.PracticeFile.
	PracticeFile = form.PracticeFile
	// SentCode is form.SentCode.
	SentCode = form.SentCode
)

var (
	// ItemPath is form.ItemPath.
	ItemPath = form.ItemPath
)

// From aula/lessons/kinds/inbox.
type (
	// Document is inbox.Document.
	Document = inbox.Document
	// Inbox is inbox.Inbox.
	Inbox = inbox.Inbox
	// InboxAnswer is inbox.Answer.
	InboxAnswer = inbox.Answer
	// Link is inbox.Link.
	Link = inbox.Link
	// MailAction is inbox.MailAction.
	MailAction = inbox.MailAction
	// SentMail is inbox.SentMail.
	SentMail = inbox.SentMail
)

const (
	// ActDelete is inbox.ActDelete.
	ActDelete = inbox.ActDelete
	// ActFollow is inbox.ActFollow.
	ActFollow = inbox.ActFollow
	// ActInspect is inbox.ActInspect.
	ActInspect = inbox.ActInspect
	// ActOpen is inbox.ActOpen.
	ActOpen = inbox.ActOpen
	// ActReport is inbox.ActReport.
	ActReport = inbox.ActReport
	// ActRestore is inbox.ActRestore.
	ActRestore = inbox.ActRestore
	// ActSend is inbox.ActSend.
	ActSend = inbox.ActSend
	// FolderInbox is inbox.FolderInbox.
	FolderInbox = inbox.FolderInbox
	// FolderSent is inbox.FolderSent.
	FolderSent = inbox.FolderSent
	// FolderTrash is inbox.FolderTrash.
	FolderTrash = inbox.FolderTrash
	// SendForward is inbox.SendForward.
	SendForward = inbox.SendForward
	// SendNew is inbox.SendNew.
	SendNew = inbox.SendNew
	// SendReply is inbox.SendReply.
	SendReply = inbox.SendReply
)

var (
	// Address is inbox.Address.
	Address = inbox.Address
	// DisplayName is inbox.DisplayName.
	DisplayName = inbox.DisplayName
	// Domain is inbox.Domain.
	Domain = inbox.Domain
	// FirstBadRecipient is inbox.FirstBadRecipient.
	FirstBadRecipient = inbox.FirstBadRecipient
	// LinkRef is inbox.LinkRef.
	LinkRef = inbox.LinkRef
)
