import SurveyStore

/// The texts of `backup` and `restore`, and their refusals.
extension CLIText {
    static let backup: [CLIText: Phrase] = [
        .backupWritten: Phrase(
            nl: "Reservekopie {file}: {size}, {responses} ingevulde vragenlijsten en {inProgress} nog niet af; integriteit gecontroleerd (ok).",
            en: "Backup {file}: {size}, {responses} complete responses and {inProgress} in progress; integrity checked (ok)."),
        .restored: Phrase(
            nl: "Reservekopie {file} teruggezet in {db}: {size}, {responses} ingevulde vragenlijsten en {inProgress} nog niet af; integriteit gecontroleerd (ok).",
            en: "Backup {file} restored into {db}: {size}, {responses} complete responses and {inProgress} in progress; integrity checked (ok)."),
        .backupExists: Phrase(
            nl: "{path} bestaat al; kies een ander bestand of voeg --force toe om het te vervangen.",
            en: "{path} exists already; choose another file or add --force to replace it."),
        .backupNoCopy: Phrase(nl: "Er is geen bestand {path} om terug te zetten.", en: "There is no file {path} to restore from."),
        .backupNotADatabase: Phrase(nl: "{path} is geen database van Ouderstem.", en: "{path} is not an Ouderstem database."),
        .backupDamaged: Phrase(
            nl: "{path} is beschadigd (integrity_check: {problem}); gebruik een andere reservekopie.",
            en: "{path} is damaged (integrity_check: {problem}); use another backup."),
        .backupNewerSchema: Phrase(
            nl: "{path} is gemaakt door een nieuwere versie van Ouderstem (stappen {steps}); zet hem terug met die versie.",
            en: "{path} was made by a newer Ouderstem (schema steps {steps}); restore it with that version."),
        .backupInUse: Phrase(
            nl: "{path} is in gebruik door een draaiende `ouderstem serve` of een ander commando; stop die eerst, of voeg --force toe.",
            en: "{path} is in use by a running `ouderstem serve` or another command; stop it first, or add --force."),
        .backupCannotWrite: Phrase(nl: "Kan {path} niet schrijven: {reason}.", en: "Could not write {path}: {reason}."),
    ]
}

extension BackupError {
    /// The refusal in the teacher's language.
    var cliMessage: String {
        switch self {
        case .exists(let path): say(.backupExists, ["path": path])
        case .noCopy(let path): say(.backupNoCopy, ["path": path])
        case .notADatabase(let path): say(.backupNotADatabase, ["path": path])
        case .damaged(let path, let problem): say(.backupDamaged, ["path": path, "problem": problem])
        case .newerSchema(let path, let steps): say(.backupNewerSchema, ["path": path, "steps": steps.joined(separator: ", ")])
        case .inUse(let path): say(.backupInUse, ["path": path])
        case .cannotWrite(let path, let reason): say(.backupCannotWrite, ["path": path, "reason": reason])
        }
    }
}
