/// The fixed texts of screens, letters and the paper form.
///
/// Dutch and English are built in; a survey that adds a language supplies its own under
/// `interface:` in the definition. `{n}`, `{total}`, `{code}`, `{link}` and `{survey}` are filled in
/// where the text is used.
public enum InterfaceKey: String, CaseIterable, Sendable {
    case other, next, previous, submit, saveLater = "save_later"
    case thanksTitle = "thanks_title", thanksText = "thanks_text"
    case required, optional, chooseOne = "choose_one", chooseAny = "choose_any"
    case readAloud = "read_aloud", language, codePrompt = "code_prompt", codeLabel = "code_label", start
    case pageOf = "page_of", closed, errorSummary = "error_summary"
    case invitationGreeting = "invitation_greeting", invitationText = "invitation_text"
    case invitationHow = "invitation_how", invitationThanks = "invitation_thanks"
    case paperInstructions = "paper_instructions", numberHint = "number_hint", textHint = "text_hint"
    case numberRange = "number_range", tooLong = "too_long", otherMissing = "other_missing", notAnOption = "not_an_option"
    case onlyIf = "only_if"
    // Screens of the form server.
    case codeWrong = "code_wrong", tooManyAttempts = "too_many_attempts", savedTitle = "saved_title", savedText = "saved_text"
    case kioskDone = "kiosk_done", kioskStop = "kiosk_stop", kioskExpired = "kiosk_expired", changeAnswers = "change_answers", followUp = "follow_up"
    case allOnOnePage = "all_on_one_page", onePagePerTheme = "one_page_per_theme"
    // The letter a school sends, the deadline and blanks on paper (from the peiling settings).
    case letterWho = "letter_who", letterDeadline = "letter_deadline", letterPrivacy = "letter_privacy"
    case letterContact = "letter_contact", blankSide = "blank_side", formDeadline = "form_deadline"
    case paperMaySkip = "paper_may_skip", tooManyChoices = "too_many_choices"
    case continueAnswering = "continue_answering"
}

extension InterfaceKey {
    /// The built-in Dutch and English texts.
    public var builtIn: LocalizedText {
        switch self {
        case .other: ["nl": "Anders, namelijk:", "en": "Other, namely:"]
        case .next: ["nl": "Volgende", "en": "Next"]
        case .previous: ["nl": "Vorige", "en": "Previous"]
        case .submit: ["nl": "Versturen", "en": "Send"]
        case .saveLater: ["nl": "Opslaan, later verder", "en": "Save and continue later"]
        case .thanksTitle: ["nl": "Dank u wel!", "en": "Thank you!"]
        case .thanksText:
            ["nl": "Uw antwoorden zijn opgeslagen. Wilt u iets veranderen? Open dan dezelfde link nog een keer.",
             "en": "Your answers have been saved. Want to change something? Open the same link again."]
        case .required: ["nl": "Vul dit in, alstublieft.", "en": "Please answer this."]
        case .optional: ["nl": "(mag u overslaan)", "en": "(you may skip this)"]
        case .chooseOne: ["nl": "Kies één antwoord.", "en": "Choose one answer."]
        case .chooseAny: ["nl": "Kies wat bij u past. Meer antwoorden mag.", "en": "Choose what fits you. You may choose more than one."]
        case .readAloud: ["nl": "Lees voor", "en": "Read aloud"]
        case .language: ["nl": "Taal", "en": "Language"]
        case .codePrompt: ["nl": "Vul de code uit uw brief in.", "en": "Enter the code from your letter."]
        case .codeLabel: ["nl": "Uw code", "en": "Your code"]
        case .start: ["nl": "Beginnen", "en": "Start"]
        case .pageOf: ["nl": "Deel {n} van {total}", "en": "Part {n} of {total}"]
        case .closed:
            ["nl": "De vragenlijst is gesloten. Dank u wel voor uw interesse.",
             "en": "The questionnaire is closed. Thank you for your interest."]
        case .errorSummary: ["nl": "Nog niet alles is goed ingevuld:", "en": "Not everything is filled in correctly yet:"]
        case .invitationGreeting: ["nl": "Beste ouder,", "en": "Dear parent,"]
        case .invitationText:
            ["nl": "Wij willen graag weten wat u nodig heeft van ons. Wilt u een paar vragen beantwoorden? Het duurt ongeveer 10 minuten.",
             "en": "We would like to know what you need from us. Would you answer a few questions? It takes about 10 minutes."]
        case .invitationHow:
            ["nl": "Scan de QR-code met uw telefoon of ga naar {link}. U kunt ook op school een papieren lijst vragen, of de vragen samen met ons doornemen, met een tolk als u dat wilt.",
             "en": "Scan the QR code with your phone or go to {link}. You can also ask for a paper form at school, or go through the questions with us, with an interpreter if you like."]
        case .invitationThanks: ["nl": "Dank u wel!", "en": "Thank you!"]
        case .paperInstructions:
            ["nl": "Zet een kruisje in het hokje dat bij u past. Bij sommige vragen mag u meer hokjes kiezen. Geef de lijst daarna aan de leerkracht.",
             "en": "Put a cross in the box that fits you. Some questions allow more than one box. Then give the form to the teacher."]
        case .numberHint: ["nl": "Vul een getal in.", "en": "Enter a number."]
        case .textHint: ["nl": "Schrijf uw antwoord hier.", "en": "Write your answer here."]
        case .numberRange: ["nl": "Vul een getal in van {min} tot en met {max}.", "en": "Enter a number from {min} to {max}."]
        case .tooLong: ["nl": "Uw antwoord is te lang. Het mag {max} tekens zijn.", "en": "Your answer is too long. It may be {max} characters."]
        case .otherMissing: ["nl": "U koos 'anders'. Schrijf op wat u bedoelt.", "en": "You chose 'other'. Please write what you mean."]
        case .notAnOption: ["nl": "Kies een van de antwoorden.", "en": "Please choose one of the answers."]
        case .onlyIf:
            ["nl": "Alleen invullen als u bij vraag {question} {answers} koos.",
             "en": "Only answer this if you chose {answers} at question {question}."]
        case .codeWrong:
            ["nl": "Deze code kennen we niet. Kijk de code in uw brief nog eens na.",
             "en": "We do not recognise this code. Please check the code in your letter."]
        case .tooManyAttempts:
            ["nl": "Te veel pogingen met een onbekende code. Probeer het over {minutes} min. opnieuw.",
             "en": "Too many attempts with an unknown code. Please try again in {minutes} min."]
        case .savedTitle: ["nl": "Uw antwoorden zijn bewaard", "en": "Your answers have been saved"]
        case .savedText:
            ["nl": "U kunt later verder gaan met dezelfde link of code.", "en": "You can continue later with the same link or code."]
        case .kioskDone:
            ["nl": "Het scherm gaat zo terug naar het begin. Dank u wel!", "en": "The screen returns to the start in a moment. Thank you!"]
        case .kioskStop: ["nl": "Stoppen", "en": "Stop"]
        case .kioskExpired:
            ["nl": "Deze pagina was verlopen en is niet verstuurd. Typ uw code om verder te gaan; wat u eerder verstuurde is bewaard.",
             "en": "This page had expired and was not sent. Type your code to go on; what you sent before has been saved."]
        case .changeAnswers: ["nl": "Antwoorden veranderen", "en": "Change your answers"]
        case .followUp: ["nl": "Er is een vraag bijgekomen. Kijk die even na.", "en": "A question was added. Please have a look at it."]
        case .allOnOnePage: ["nl": "Alle vragen op één pagina", "en": "All questions on one page"]
        case .onePagePerTheme: ["nl": "Eén onderwerp per pagina", "en": "One topic per page"]
        case .letterWho:
            ["nl": "{school} vraagt alle ouders van {groups} wat zij nodig hebben van school.",
             "en": "{school} is asking all parents of {groups} what they need from school."]
        case .letterDeadline: ["nl": "U kunt meedoen tot en met {deadline}.", "en": "You can take part until {deadline}."]
        case .letterPrivacy:
            ["nl": "Wat gebeurt er met uw antwoorden? In het verslag voor het team staan geen namen, en niets over een groepje van minder dan 5 ouders. Na de peiling worden de namen gewist.",
             "en": "What happens with your answers? The report for the team contains no names, and nothing about a group of fewer than 5 parents. After the survey, the names are deleted."]
        case .letterContact: ["nl": "Heeft u een vraag? Vraag het {contact}: {contact_info}.", "en": "Do you have a question? Ask {contact}: {contact_info}."]
        case .blankSide: ["nl": "Deze kant is met opzet leeg.", "en": "This side is left blank on purpose."]
        case .formDeadline: ["nl": "Invullen kan tot en met {deadline}.", "en": "You can answer until {deadline}."]
        case .continueAnswering: ["nl": "Verder invullen", "en": "Continue answering"]
        case .tooManyChoices:
            ["nl": "U koos er te veel. Kies er hoogstens {max}.", "en": "You chose too many. Choose at most {max}."]
        case .paperMaySkip:
            ["nl": "Weet u een antwoord niet, of wilt u een vraag liever niet beantwoorden? Laat die vraag dan open.",
             "en": "If you do not know an answer, or would rather not answer a question, leave it open."]
        }
    }
}
