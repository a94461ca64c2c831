import SurveyCore

extension SurveyDatabase {
    /// Saves several responses in one transaction, each in its own savepoint (`save`): one bad response fails
    /// alone, the others are committed together with a single sync to disk (group commit). Every result
    /// is known only after the commit, so an acknowledged save is durable.
    public func saveAll(_ responses: [NewResponse], existing: ExistingResponse = .refuse) -> [Result<Int64, any Error>] {
        guard !responses.isEmpty else { return [] }
        do {
            return try write { db in
                let target = try saveTarget(db)
                return responses.map { response in
                    do {
                        return .success(try save(response, existing: existing, into: target, db))
                    } catch {
                        return .failure(error)
                    }
                }
            }
        } catch {
            return responses.map { _ in .failure(error) }
        }
    }
}
