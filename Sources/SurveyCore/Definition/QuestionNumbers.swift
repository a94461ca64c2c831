extension Survey {
    /// The number of a question as the paper form, `ouderstem enter`, `survey show` and every form page show
    /// it: theme number, dot, question number within the theme ("2.3"). A follow-up question keeps its
    /// number whether or not it is shown, so the web and the paper always agree.
    public func questionNumber(_ questionID: String) -> String? {
        for (t, theme) in themes.enumerated() {
            if let q = theme.questions.firstIndex(where: { $0.id == questionID }) { return "\(t + 1).\(q + 1)" }
        }
        return nil
    }
}
