import CGLPK
import Foundation

/// A linear (or mixed-integer) program solved by GLPK, the GNU Linear Programming Kit (Debian `libglpk-dev`).
///
/// Only what the disclosure audit needs: bounded columns, equality and lower-bound rows, a sparse matrix,
/// minimising or maximising one objective after another on the same constraints (warm-started simplex), and
/// a small MIP for the smallest derivable group. GLPK keeps its state (its "environment", which also owns the
/// memory of every program) in thread-local storage: Debian's build answers `glp_config("TLS")` with
/// `_Thread_local`. Programs on different threads are therefore independent, so questions are protected in
/// parallel, but one program must be made, solved and freed on one thread; every call checks that.
final class LinearProgram {
    /// How a column or row is bounded.
    enum Bound {
        case free
        case fixed(Double)
        case between(Double, Double)
        case atLeast(Double)
    }

    enum Outcome: Equatable {
        case optimal(Double)
        case infeasible
    }

    private let problem: OpaquePointer
    private var entries: [(row: Int32, column: Int32, value: Double)] = []
    private var loaded = false
    private let thread = pthread_self()

    init() {
        precondition(glp_config("TLS") != nil, "GLPK was built without thread-local storage")
        problem = glp_create_prob()
    }

    deinit {
        onItsThread()
        glp_delete_prob(problem)
    }

    /// GLPK frees a program's memory through the environment of the thread that made it.
    private func onItsThread() {
        precondition(pthread_equal(thread, pthread_self()) != 0, "a GLPK program used on another thread than the one that made it")
    }

    var columnCount: Int { Int(glp_get_num_cols(problem)) }

    /// Adds a column and returns its index (from 1, as GLPK counts).
    @discardableResult
    func addColumn(_ bound: Bound, binary: Bool = false) -> Int32 {
        let j = glp_add_cols(problem, 1)
        set(bound, column: j)
        if binary { glp_set_col_kind(problem, j, GLP_BV) }
        return j
    }

    /// Adds a row `sum(coefficient * column)` with the given bound.
    func addRow(_ terms: [(column: Int32, coefficient: Double)], _ bound: Bound) {
        let i = glp_add_rows(problem, 1)
        switch bound {
        case .free: glp_set_row_bnds(problem, i, GLP_FR, 0, 0)
        case .fixed(let v): glp_set_row_bnds(problem, i, GLP_FX, v, v)
        case .between(let lo, let hi): glp_set_row_bnds(problem, i, lo == hi ? GLP_FX : GLP_DB, lo, hi)
        case .atLeast(let lo): glp_set_row_bnds(problem, i, GLP_LO, lo, 0)
        }
        for term in terms where term.coefficient != 0 { entries.append((i, term.column, term.coefficient)) }
        loaded = false
    }

    private func set(_ bound: Bound, column j: Int32) {
        switch bound {
        case .free: glp_set_col_bnds(problem, j, GLP_FR, 0, 0)
        case .fixed(let v): glp_set_col_bnds(problem, j, GLP_FX, v, v)
        case .between(let lo, let hi): glp_set_col_bnds(problem, j, lo == hi ? GLP_FX : GLP_DB, lo, hi)
        case .atLeast(let lo): glp_set_col_bnds(problem, j, GLP_LO, lo, 0)
        }
    }

    private func loadMatrix() {
        guard !loaded else { return }
        // GLPK's arrays start at index 1; element 0 is ignored.
        var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]
        for entry in entries {
            ia.append(entry.row)
            ja.append(entry.column)
            ar.append(entry.value)
        }
        glp_load_matrix(problem, Int32(entries.count), &ia, &ja, &ar)
        loaded = true
    }

    /// Sets the objective to `sum(coefficient * column)`; every other column gets 0.
    private func setObjective(_ terms: [(column: Int32, coefficient: Double)], maximise: Bool) {
        let columns = glp_get_num_cols(problem)
        if columns > 0 { for j in 1...columns { glp_set_obj_coef(problem, j, 0) } }
        for term in terms { glp_set_obj_coef(problem, term.column, glp_get_obj_coef(problem, term.column) + term.coefficient) }
        glp_set_obj_dir(problem, maximise ? GLP_MAX : GLP_MIN)
    }

    /// Solves the linear relaxation for the objective (integer kinds ignored); the next call starts from this basis.
    func solve(_ objective: [(column: Int32, coefficient: Double)], maximise: Bool) -> Outcome {
        onItsThread()
        glp_term_out(GLP_OFF)
        loadMatrix()
        setObjective(objective, maximise: maximise)
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        var result = glp_simplex(problem, &parameters)
        if result != 0 {
            // A basis left singular by an earlier solve: start again from the standard basis.
            glp_std_basis(problem)
            result = glp_simplex(problem, &parameters)
        }
        guard result == 0 || result == GLP_ENOPFS else { return .infeasible }
        switch glp_get_status(problem) {
        case GLP_OPT: return .optimal(glp_get_obj_val(problem))
        default: return .infeasible
        }
    }

    /// The value of column `j` in the last simplex solution.
    func columnValue(_ j: Int32) -> Double { glp_get_col_prim(problem, j) }

    /// The dual value of row `i` (from 1) in the last simplex solution: non-zero rows are the constraints that bind.
    func rowDual(_ i: Int) -> Double { glp_get_row_dual(problem, Int32(i)) }

    /// Solves the program with its binary columns as integers (branch and cut), minimising the objective.
    /// Returns the optimum and the columns' values, or nil when no integer solution exists.
    func solveInteger(_ objective: [(column: Int32, coefficient: Double)]) -> (value: Double, columns: [Double])? {
        onItsThread()
        glp_term_out(GLP_OFF)
        loadMatrix()
        setObjective(objective, maximise: false)
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        parameters.presolve = GLP_ON
        guard glp_intopt(problem, &parameters) == 0, glp_mip_status(problem) == GLP_OPT else { return nil }
        let columns = (0..<glp_get_num_cols(problem)).map { glp_mip_col_val(problem, $0 + 1) }
        return (glp_mip_obj_val(problem), columns)
    }
}
