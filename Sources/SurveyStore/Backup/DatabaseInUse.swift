import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whether another process has an SQLite database in WAL mode open. Every connection holds a shared lock
/// on byte 128 of the `-shm` file (the "DMS" lock, https://sqlite.org/walformat.html) for as long as it is
/// open, also when idle, and the lock goes with the process when it dies; `F_GETLK` asks without taking it.
enum DatabaseInUse {
    /// Call it before this process opens `path` itself: closing the descriptor drops this process's
    /// `fcntl` locks on the file, SQLite's included.
    static func check(_ path: String) -> Bool {
        let descriptor = open(path + "-shm", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }  // no -shm: no connection in WAL mode
        defer { close(descriptor) }
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = 128
        lock.l_len = 1
        guard fcntl(descriptor, F_GETLK, &lock) == 0 else { return false }
        return lock.l_type != Int16(F_UNLCK)
    }
}
