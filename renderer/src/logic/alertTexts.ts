// A device alert's words in the UI's language (docs/device-health.md, "Dashboard"): the contract's
// (engine/contract/alertWords.ts), which the desktop app's native notifications use as well.
export { alertText, alertPlainText, alertValueText, durationText, ALERT_VALUE_KINDS, type AlertTextPart, type KnownAlertRule } from '../../../engine/contract/alertWords.js';
