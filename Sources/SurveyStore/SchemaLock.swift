import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on the database's folder while the file is opened and migrated, so processes that
/// open a new file at the same moment create its schema one after the other instead of failing with a raw
/// SQLite error. The folder, not the file: closing a descriptor of the file itself would drop the
/// `fcntl` locks SQLite holds on it.
struct SchemaLock {
    private let descriptor: Int32

    init(path: String) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }  // no such folder: opening the file says so
        while flock(descriptor, LOCK_EX) != 0, errno == EINTR {}
    }

    func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
